"""The storage layer: Peewee models, opening the database, migrations."""
