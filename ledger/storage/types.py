"""Column types that behave the same on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timezone-aware datetime, stored in UTC, always read back aware (UTC).

    SQLite has no time zones, so values are normalised to UTC on the way in and
    given ``tzinfo=UTC`` on the way out; PostgreSQL stores ``timestamptz``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def result_processor(self, dialect, coltype):
        """As the driver reads it, except that a value the driver cannot read as a date (text
        written into the column behind the ledger's back, SQLite only) reads as no date
        instead of failing every command that lists the row; ``audit verify`` then names the
        row, whose fingerprint no longer matches."""
        process = super().result_processor(dialect, coltype)
        if process is None:
            return None

        def tolerant(value):
            try:
                return process(value)
            except (ValueError, TypeError, OverflowError):
                return None

        return tolerant

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)
