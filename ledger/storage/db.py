"""Where the ledger lives, how to open it, and keeping its schema at the newest revision.

The location is ``--db`` (a file path or an SQLAlchemy URL), else ``$LEDGER_DB``, else
``db/ledger.db`` under the current directory. SQLite runs with WAL, foreign keys on
and a busy timeout; PostgreSQL through ``postgresql+psycopg://``.
"""
from __future__ import annotations

import os
import random
import re
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError as SADatabaseError, OperationalError
from sqlmodel import Session

from ledger.errors import DatabaseError

T = TypeVar("T")
DEFAULT_PATH = Path("db") / "ledger.db"
BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(db: str | None = None) -> str:
    """An SQLAlchemy URL for ``db``, ``$LEDGER_DB`` or the default file."""
    target = db or os.environ.get("LEDGER_DB") or str(DEFAULT_PATH)
    if "://" in target:
        try:
            make_url(target)
        except ArgumentError:
            raise DatabaseError(f"{target}: not a database URL") from None
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def describe(url: str) -> str:
    """The database for people: a file path, or the URL without its password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    return u.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Transactions are begun by _sqlite_begin, not by the driver, so that a writer can
    # take the write lock up front (BEGIN IMMEDIATE) instead of failing to upgrade a
    # stale read snapshot ("database is locked" without waiting) under WAL.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    try:
        cur.execute("PRAGMA journal_mode = WAL")
    except Exception:  # a read-only file cannot switch journal mode; reading still works
        pass
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ledger_write") else "BEGIN")


def create_ledger_engine(url: str) -> Engine:
    """An engine for ``url`` (no schema work; see :func:`open_ledger`)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.database.startswith("file:"):
            path = Path(u.database)
            if path.is_dir():
                raise DatabaseError(f"{path}: is a folder, not a database file")
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"{describe(url)}: the driver is not installed ({exc.name}); pip install 'claim-ledger[postgres]'"
        ) from None


_REVISION_LINE = re.compile(r'^(revision|down_revision)\s*=\s*["\']?([^"\'\s]+)', re.M)


@lru_cache(maxsize=1)
def _revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files without importing alembic
    (which costs a third of a second at every command that only reads)."""
    graph: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision() -> str:
    graph = _revisions()
    parents = set(graph.values())
    heads = [r for r in graph if r not in parents]
    if len(heads) != 1:
        raise DatabaseError(f"migrations have {len(heads)} heads; expected one")
    return heads[0]


def _known_revisions() -> set[str]:
    return set(_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (alembic, inside one transaction)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def open_ledger(db: str | None = None, *, upgrade: bool = True) -> Engine:
    """Open (creating if needed) the ledger and bring its schema to the newest revision.

    Refuses a file that is not a database and a schema newer than this version knows,
    leaving the file untouched.
    """
    url = resolve_url(db)
    engine = create_ledger_engine(url)
    where = describe(url)
    try:
        current = current_revision(engine)
        if current is not None and current not in _known_revisions():
            raise DatabaseError(
                f"{where}: schema revision {current} is newer than this version of ledger knows; upgrade claim-ledger"
            )
        if current is None:
            with engine.connect() as conn:
                tables = inspect(conn).get_table_names()
            if tables:
                raise DatabaseError(f"{where}: holds tables but is not a ledger (no schema revision)")
        if upgrade and current != head_revision():
            migrate(engine)
    except SADatabaseError as exc:
        engine.dispose()
        message = str(exc.orig) if getattr(exc, "orig", None) else str(exc)
        if "file is not a database" in message:
            raise DatabaseError(f"{where}: not a SQLite database file") from None
        if isinstance(exc, OperationalError) and "readonly" in message:
            raise DatabaseError(f"{where}: the database is read-only") from None
        raise DatabaseError(f"{where}: {message.splitlines()[0]}") from None
    except DatabaseError:
        engine.dispose()
        raise
    return engine


def database_error(engine: Engine, exc: SADatabaseError) -> DatabaseError:
    """A one-line DatabaseError for a driver error, naming the database."""
    where = describe(engine.url.render_as_string(hide_password=False))
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if "readonly" in message or "read-only" in message or "read only" in message:
        return DatabaseError(f"{where}: the database is read-only; this command needs to write to it")
    if "database is locked" in message:
        return DatabaseError(f"{where}: the database stayed locked by another writer; try again")
    return DatabaseError(f"{where}: {message}")


_RETRYABLE = ("database is locked", "database is busy", "could not serialize", "deadlock detected")


def _retryable(exc: Exception) -> bool:
    message = str(getattr(exc, "orig", None) or exc).lower()
    return any(m in message for m in _RETRYABLE)


def write(engine: Engine, work: Callable[[Session], T], *, patience: float = 30.0) -> T:
    """Run ``work(session)`` in one write transaction, retried with backoff under contention.

    On SQLite the transaction takes the write lock when it begins (BEGIN IMMEDIATE) and
    waits up to the busy timeout for it; on PostgreSQL a serialization failure or deadlock
    is retried. After ``patience`` seconds of trying, a clear DatabaseError.
    """
    deadline = time.monotonic() + patience
    delay = 0.02
    writer = engine.execution_options(ledger_write=True)
    while True:
        try:
            with Session(writer, expire_on_commit=False) as session:
                try:
                    result = work(session)
                    session.commit()
                    return result
                except BaseException:
                    session.rollback()
                    raise
        except (OperationalError, SADatabaseError) as exc:
            if not _retryable(exc):
                raise database_error(engine, exc) from None
            if time.monotonic() + delay > deadline:
                raise DatabaseError(
                    f"{describe(engine.url.render_as_string(hide_password=False))}: still busy after"
                    f" {patience:.0f} s of retrying; another process holds the write lock"
                ) from None
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 1.0)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed on success and rolled back on error.

    Driver errors (read-only file, lock held too long, server gone) become DatabaseError.
    """
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise database_error(engine, exc) from None
        except Exception:
            session.rollback()
            raise
