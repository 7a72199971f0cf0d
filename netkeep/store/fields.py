"""Custom Peewee fields: timestamps stored as UTC text, returned as pendulum values."""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import DateField, TextField

_FORMAT = "%Y-%m-%d %H:%M:%S"


class UTCDateTimeField(TextField):
    """A moment in time, stored as sortable UTC text (``YYYY-MM-DD HH:MM:SS``)."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime(_FORMAT)

    def python_value(self, value):
        if value is None:
            return None
        import pendulum  # deferred: the plain CLI queries never need it

        # fromisoformat reads this format in C; strptime's first call alone costs ~3 ms.
        moment = datetime.fromisoformat(value).replace(tzinfo=UTC)
        return pendulum.instance(moment)


class PlainDateField(DateField):
    """A calendar date stored as ``YYYY-MM-DD``; accepts pendulum and stdlib dates."""

    def db_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return value.isoformat()[:10]
