"""Custom Peewee fields: timestamps stored as UTC text, returned as pendulum values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from peewee import DateField, TextField

if TYPE_CHECKING:
    from typing import Self

    from pendulum import DateTime

_V = TypeVar("_V")

_FORMAT = "%Y-%m-%d %H:%M:%S"


class UTCDateTimeField(TextField, Generic[_V]):
    """A moment in time, stored as sortable UTC text (``YYYY-MM-DD HH:MM:SS``)."""

    if TYPE_CHECKING:  # what a model attribute holds: a pendulum DateTime (or None when null=True)

        @overload
        def __new__(
            cls, *args: Any, null: Literal[True], **kwargs: Any
        ) -> UTCDateTimeField[DateTime | None]: ...
        @overload
        def __new__(
            cls, *args: Any, null: Literal[False] = ..., **kwargs: Any
        ) -> UTCDateTimeField[DateTime]: ...
        def __new__(cls, *args: Any, **kwargs: Any) -> Any: ...
        @overload
        def __get__(self, instance: None, owner: Any) -> Self: ...
        @overload
        def __get__(self, instance: object, owner: Any) -> _V: ...
        def __get__(self, instance: object | None, owner: Any) -> Self | _V: ...
        def __set__(self, instance: object, value: _V) -> None: ...

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


class PlainDateField(DateField, Generic[_V]):
    """A calendar date stored as ``YYYY-MM-DD``; accepts pendulum and stdlib dates."""

    if TYPE_CHECKING:  # what a model attribute holds: a stdlib date (or None when null=True)

        @overload
        def __new__(cls, *args: Any, null: Literal[True], **kwargs: Any) -> PlainDateField[date | None]: ...
        @overload
        def __new__(cls, *args: Any, null: Literal[False] = ..., **kwargs: Any) -> PlainDateField[date]: ...
        def __new__(cls, *args: Any, **kwargs: Any) -> Any: ...
        @overload
        def __get__(self, instance: None, owner: Any) -> Self: ...
        @overload
        def __get__(self, instance: object, owner: Any) -> _V: ...
        def __get__(self, instance: object | None, owner: Any) -> Self | _V: ...
        def __set__(self, instance: object, value: _V) -> None: ...

    def db_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return value.isoformat()[:10]
