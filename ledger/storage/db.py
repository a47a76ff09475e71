"""Where the ledger lives, how to open it, and keeping its schema at the newest revision.

The location is ``--db`` (a file path or an SQLAlchemy URL), else ``$LEDGER_DB``, else
the nearest ``db/ledger.db`` in the current folder or a parent folder (see
:mod:`ledger.storage.location`). Only a command that writes starts a new ledger, as
``./db/ledger.db`` when none is found; one that only reads refuses (``create=False``). SQLite runs with WAL, foreign keys on
and a busy timeout; PostgreSQL through ``postgresql+psycopg://``.

Opening is safe to race: the schema is checked and migrated under a lock (SQLite's write
lock, PostgreSQL's advisory lock), so many processes opening a new ledger at once find it
created exactly once. A SQLite ledger in a read-only folder or on a read-only file system
is opened read-only (see :func:`_read_only_engine`); writing to it is then a clear error.
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
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError as SADatabaseError, IntegrityError, OperationalError
from sqlmodel import Session

from ledger.errors import DatabaseError, UsageError
from ledger.storage.location import DEFAULT_PATH, find_ledger, new_ledger_path, search_from

T = TypeVar("T")
BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).parent / "migrations"


SUPPORTED_URLS = "use a file path, sqlite:///PATH or postgresql+psycopg://..."
_PASSWORD = re.compile(r"(://[^/@:]*:)[^/@]*@")


def _masked(target: str) -> str:
    """``target`` as it may be shown: a password in it replaced by ***."""
    try:
        u = make_url(target)
        return target if u.password is None else u.render_as_string(hide_password=True)
    except Exception:
        return _PASSWORD.sub(r"\1***@", target)


def resolve_url(db: str | None = None, *, create: bool = True) -> str:
    """An SQLAlchemy URL for ``db``, ``$LEDGER_DB`` or the nearest ``db/ledger.db``.

    A file path becomes absolute. With none given and none found, ``./db/ledger.db``
    when ``create``, else a DatabaseError saying where it looked and how to start one.

    Only SQLite and PostgreSQL through psycopg are supported; ``postgresql://`` and
    ``postgres://`` (no driver named) mean psycopg. Anything else, an in-memory SQLite
    database (it would keep nothing between commands) and a URL that does not parse are a
    UsageError (exit 2) that never shows the password.
    """
    target = db or os.environ.get("LEDGER_DB") or str(_found(create))
    if "://" not in target:
        return f"sqlite:///{os.path.abspath(Path(target).expanduser())}"
    try:
        u = make_url(target)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise UsageError(f"{_masked(target)}: not a valid database URL ({SUPPORTED_URLS})") from None
    driver = u.drivername
    if driver in ("postgresql", "postgres"):
        return u.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if driver in ("sqlite", "sqlite+pysqlite"):
        if not u.database or u.database == ":memory:" or "mode=memory" in u.database:
            raise UsageError(
                f"{_masked(target)}: an in-memory database keeps nothing between commands ({SUPPORTED_URLS})")
        return target
    if driver == "postgresql+psycopg":
        return target
    raise UsageError(f"{_masked(target)}: unsupported database URL ({SUPPORTED_URLS})")


def _found(create: bool) -> Path:
    search = search_from()
    found = find_ledger(search)
    if found is not None:
        return found
    if create:
        return new_ledger_path(search)
    raise DatabaseError(
        f"no ledger found (looked for {DEFAULT_PATH} {search.looked_in()}); "
        "'ledger add FILE' starts one here, or pass --db")


def _require_file(url: str) -> None:
    """For a command that only reads: a SQLite ledger file named by --db must exist."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database.startswith("file:"):
        return
    path = Path(u.database)
    if not path.exists():
        raise DatabaseError(
            f"{describe(url)}: no ledger there (the file does not exist); 'ledger add FILE' with this"
            " --db or $LEDGER_DB starts one")


def describe(url: str) -> str:
    """The database for people: a file path, or the URL without its password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        database = u.database or ":memory:"
        if database.startswith("file:"):  # a SQLite URI (read-only opening): its path
            from urllib.parse import unquote, urlsplit

            database = unquote(urlsplit(database).path) or database
        return os.path.abspath(database) if database != ":memory:" else database
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


def _sqlite_engine(url: str | URL) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def create_ledger_engine(url: str) -> Engine:
    """An engine for ``url`` (no schema work; see :func:`open_ledger`)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:" and not u.database.startswith("file:"):
            path = Path(u.database)
            if path.is_dir():
                raise DatabaseError(f"{path}: is a folder, not a database file")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"{path}: cannot create its folder ({exc.strerror or exc})") from None
        return _sqlite_engine(url)
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"{describe(url)}: the driver is not installed ({exc.name}); pip install 'claim-ledger[postgres]'"
        ) from None
    except ArgumentError:  # NoSuchModuleError: a dialect SQLAlchemy does not have
        raise UsageError(f"{_masked(url)}: unsupported database URL ({SUPPORTED_URLS})") from None


def _read_only_engine(engine: Engine, exc: SADatabaseError) -> Engine | None:
    """A read-only engine for a SQLite ledger that cannot be opened for writing, or None.

    A WAL database needs its ``-wal`` and ``-shm`` files beside it: in a read-only folder
    or on a read-only file system where they do not exist and cannot be created, SQLite
    cannot open it at all ("unable to open database file", or "attempt to write a readonly
    database" when only the folder is read-only). Then, in this order:

    1. ``mode=ro``: reads the file (and its ``-wal``, if one is there) honouring the locks
       of any writer; enough when the ``-shm`` exists or can be created.
    2. ``immutable=1``, only when neither ``-wal`` nor ``-shm`` exists: no process has
       the ledger open at that moment (a WAL connection keeps the ``-shm`` for as long as
       it is open), so everything committed is in the main file. SQLite then reads it
       without locks. That is safe on a read-only file system; in a folder that only we
       cannot write, a writer (another user) who starts during the command and
       checkpoints could make this one command read a mix of old and new pages, most
       likely failing "malformed" (exit 4, run it again).

    A ``-wal`` without a ``-shm`` (a writer crashed) is not read with immutable=1: its
    committed transactions would be silently missing; the opening error stands.
    A database given as a ``file:`` URI is taken as the user wrote it.
    """
    if engine.dialect.name != "sqlite":
        return None
    message = _message(exc)
    if "unable to open database file" not in message and "readonly" not in message:
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)  # as given, so that messages name it as the user did
    if not path.is_file():
        return None
    from urllib.parse import quote

    tries = [{"mode": "ro"}]
    if not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists():
        tries.append({"immutable": "1"})
    for params in tries:
        candidate = _sqlite_engine(
            URL.create("sqlite", database="file:" + quote(str(path)), query={"uri": "true", **params}))
        try:
            with candidate.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            return candidate
        except SADatabaseError:
            candidate.dispose()
    return None


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


def _revision_of(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_of(conn)


SCHEMA_LOCK_KEY = 0x6C65646765720001  # PostgreSQL advisory lock: "ledger" + 1, the schema
SCHEMA_LOCK_PATIENCE = 120.0  # seconds to wait for another process's migration


@contextmanager
def schema_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that no other process doing schema work can enter.

    SQLite: the write lock (BEGIN IMMEDIATE), waited for up to SCHEMA_LOCK_PATIENCE.
    PostgreSQL: a transaction-scoped advisory lock with a constant key, released at
    commit. The caller reads the revision again inside: whoever waited finds the schema
    someone else just brought to the newest revision."""
    deadline = time.monotonic() + SCHEMA_LOCK_PATIENCE
    delay = 0.02
    sqlite = engine.dialect.name == "sqlite"
    while True:
        conn = (engine.execution_options(ledger_write=True) if sqlite else engine).connect()
        if sqlite:
            _sqlite_foreign_keys(conn, on=False)  # a migration may rebuild a table others refer to
        try:
            conn.begin()  # SQLite: BEGIN IMMEDIATE (see _sqlite_begin), waiting up to the busy timeout
            if not sqlite:
                conn.execute(text(f"SET LOCAL lock_timeout = '{int(SCHEMA_LOCK_PATIENCE * 1000)}ms'"))
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
            break
        except OperationalError as exc:
            _closed(conn, sqlite)
            if not (_retryable(exc) and time.monotonic() + delay < deadline):
                raise
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 1.0)
        except BaseException:
            _closed(conn, sqlite)
            raise
    try:
        yield conn
        if sqlite:
            _foreign_keys_hold(conn)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        _closed(conn, sqlite)


def _sqlite_foreign_keys(conn: Connection, *, on: bool) -> None:
    """Foreign keys on or off for this connection (outside a transaction only: inside
    one SQLite ignores the pragma). Off while the schema is migrated, as SQLite advises for
    rebuilding a table; :func:`_foreign_keys_hold` checks every row before the commit."""
    conn.connection.dbapi_connection.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _foreign_keys_hold(conn: Connection) -> None:
    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(3)
    if bad:
        raise DatabaseError(f"the schema upgrade would leave rows pointing at nothing ({bad[0][0]} row"
                            f" {bad[0][1]}); nothing was changed")


def _closed(conn: Connection, sqlite: bool) -> None:
    """Close a schema connection, with foreign keys back on (it goes back to the pool)."""
    try:
        if sqlite:
            _sqlite_foreign_keys(conn, on=True)
    finally:
        conn.close()


def _upgrade(conn: Connection, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (alembic, inside one transaction, under the schema lock)."""
    with schema_lock(engine) as conn:
        _upgrade(conn, revision)


def _check_revision(current: str | None, where: str) -> None:
    if current is not None and current not in _known_revisions():
        raise DatabaseError(
            f"{where}: schema revision {current} is newer than this version of ledger knows; upgrade claim-ledger"
        )


def _check_is_ledger(conn: Connection, current: str | None, where: str) -> None:
    if current is None and inspect(conn).get_table_names():
        raise DatabaseError(f"{where}: holds tables but is not a ledger (no schema revision)")


def _prepare(engine: Engine, where: str, *, upgrade: bool, read_only: bool = False, create: bool = True) -> None:
    """Check the schema and bring it to the newest revision.

    The common case (already current) reads one row without locking. Otherwise the
    revision is read again under the schema lock, so processes racing to create a new
    ledger wait for the first one and then find it done."""
    head = head_revision()
    with engine.connect() as conn:
        current = _revision_of(conn)
        _check_revision(current, where)
        if current == head:
            return
        _check_is_ledger(conn, current, where)
    if current is None and not create:
        raise DatabaseError(f"{where}: holds no ledger yet; 'ledger add FILE' with this --db or $LEDGER_DB starts one")
    if read_only:
        if current is None:
            raise DatabaseError(f"{where}: the database is read-only and holds no ledger yet")
        raise DatabaseError(
            f"{where}: the database is read-only and its schema (revision {current}) needs upgrading to {head};"
            " open it once with this version where it can be written")
    if not upgrade:
        return
    with schema_lock(engine) as conn:
        current = _revision_of(conn)
        _check_revision(current, where)
        _check_is_ledger(conn, current, where)
        if current != head:
            _upgrade(conn, "head")


def open_ledger(db: str | None = None, *, upgrade: bool = True, create: bool = True) -> Engine:
    """Open (creating if needed) the ledger and bring its schema to the newest revision.

    With ``create=False`` (a command that only reads) nothing is created: no folder, no
    file, no schema in an empty database; a missing ledger is a DatabaseError (exit 4)
    that says where it looked and how to start one.

    Refuses a file that is not a database and a schema newer than this version knows,
    leaving the file untouched. A SQLite ledger that cannot be opened for writing is
    opened read-only when it can be (see :func:`_read_only_engine`).
    """
    url = resolve_url(db, create=create)
    if not create:
        _require_file(url)
    engine = create_ledger_engine(url)
    where = describe(url)
    try:
        try:
            _prepare(engine, where, upgrade=upgrade, create=create)
        except SADatabaseError as exc:
            fallback = _read_only_engine(engine, exc)
            if fallback is None:
                raise
            engine.dispose()
            engine = fallback
            _prepare(engine, where, upgrade=False, read_only=True)
    except SADatabaseError as exc:
        engine.dispose()
        raise _opening_error(where, url, exc) from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def _message(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _opening_error(where: str, url: str, exc: SADatabaseError) -> DatabaseError:
    message = _message(exc)
    if "unable to open database file" in message:
        path = Path(make_url(url).database or "")
        if path.is_file() and Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists():
            return DatabaseError(
                f"{where}: cannot be opened read-only: its -wal journal holds changes that only a process"
                " allowed to write to its folder can recover")
        if not path.exists():
            return DatabaseError(f"{where}: cannot create the database file (is its folder writable?)")
    return describe_error(where, exc)


def describe_error(where: str, exc: BaseException) -> DatabaseError:
    """A one-line DatabaseError for a driver error on the database ``where``."""
    message = _message(exc)
    if "file is not a database" in message:
        return DatabaseError(f"{where}: not a SQLite database file")
    if "malformed" in message:
        return DatabaseError(f"{where}: the database file is damaged ({message}); restore it from a backup")
    if "readonly" in message or "read-only" in message or "read only" in message:
        return DatabaseError(f"{where}: the database is read-only; this command needs to write to it")
    if "database is locked" in message:
        return DatabaseError(f"{where}: the database stayed locked by another writer; try again")
    return DatabaseError(f"{where}: {message}")


def database_error(engine: Engine, exc: SADatabaseError) -> DatabaseError:
    """A one-line DatabaseError for a driver error, naming the database."""
    return describe_error(describe(engine.url.render_as_string(hide_password=False)), exc)


_RETRYABLE = ("database is locked", "database is busy", "could not serialize", "deadlock detected")


def _retryable(exc: Exception) -> bool:
    message = str(getattr(exc, "orig", None) or exc).lower()
    return any(m in message for m in _RETRYABLE)


def write(engine: Engine, work: Callable[[Session], T], *, patience: float = 30.0) -> T:
    """Run ``work(session)`` in one write transaction, retried with backoff under contention.

    On SQLite the transaction takes the write lock when it begins (BEGIN IMMEDIATE) and
    waits up to the busy timeout for it; on PostgreSQL a serialization failure or deadlock
    is retried. After ``patience`` seconds of trying, a clear DatabaseError.

    A constraint violation (IntegrityError) is tried again twice: on PostgreSQL two
    writers inserting the same new row (a speaker's name) collide, and the loser's retry
    finds the row committed. If it persists it is raised as it is, for the caller to
    handle (ingest: the same document stored meanwhile).
    """
    deadline = time.monotonic() + patience
    delay = 0.02
    conflicts = 0
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
        except IntegrityError:
            conflicts += 1
            if conflicts > 2:
                raise
            time.sleep(delay * random.random())
            continue
        except SADatabaseError as exc:
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

    Driver errors (read-only file, lock held too long, server gone, a damaged file found
    mid-query) become DatabaseError, also while a generator streams rows inside it.
    """
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except IntegrityError:
            _rollback(session)
            raise
        except SADatabaseError as exc:
            _rollback(session)
            raise database_error(engine, exc) from None
        except Exception:
            _rollback(session)
            raise


def _rollback(session: Session) -> None:
    """Roll back, without letting a second driver error (a damaged file, a lost server)
    hide the first one."""
    try:
        session.rollback()
    except SADatabaseError:
        pass


def id_fits(engine: Engine, value: int) -> bool:
    """Whether ``value`` fits the id columns (PostgreSQL: 4-byte integers; SQLite: 8-byte):
    an id that does not cannot be in the ledger."""
    bits = 32 if engine.dialect.name == "postgresql" else 64
    return -(2 ** (bits - 1)) <= value < 2 ** (bits - 1)
