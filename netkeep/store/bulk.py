"""Fast bulk inserts for generated data (the demo network, benchmarks).

Peewee's ``insert_many`` builds its SQL value by value, which costs most of the time at
hundreds of thousands of rows; here the statement is built once from the model and the
rows go through SQLite's ``executemany``. Values must already be in their stored form
(text timestamps, ISO dates, ints, None).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from peewee import Field, Model

from netkeep.store.models import database


def insert_rows(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence]) -> None:
    """Insert ``rows`` (tuples in ``fields`` order) into ``model``'s table in one statement.

    Fields left out get their model default (``""``, ``False``, ``0``).
    """
    given = {field.name for field in fields}
    defaults = [field for field in model._meta.sorted_fields
                if field.name not in given and field.default is not None
                and not callable(field.default)]
    extra = tuple(field.db_value(field.default) for field in defaults)
    table = model._meta.table_name
    columns = ", ".join(f'"{field.column_name}"' for field in (*fields, *defaults))
    marks = ", ".join("?" for _ in range(len(fields) + len(defaults)))
    if extra:
        rows = (tuple(row) + extra for row in rows)
    database.cursor().executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
