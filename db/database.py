"""Opening the office database: pragmas, migrations, a safety copy before migrating, and the
one way the code reaches the database.

Two back ends, one code: the office's SQLite file (the default; the PRAGMAs apply only there) or
a PostgreSQL database given as a URL (`postgresql://user[:password]@host[:port]/dbname`, see
`connect_url`). The same migrations run on both; the few SQLite-only statements have a
PostgreSQL twin (`is_postgres` tells them apart).

Every model uses `database_proxy`. The office's workspace binds it when opened (`bind`); a
second database opened in the same process (selftest, a restore preview, tests) is reached only
inside `using(database)`, which restores the previous binding on exit, so it never re-points
the first one's queries. Services write through `transaction()`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import zlib
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import Database, PostgresqlDatabase, SqliteDatabase, _atomic
from playhouse.migrations import Runner

from db.models import database_proxy

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
PRAGMAS = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": "full",
    "busy_timeout": 10000,
}


def connect(path: Path) -> SqliteDatabase:
    """Open (creating if needed) the SQLite file; no migrating, no binding."""
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect(reuse_if_open=True)
    return database


# The one advisory lock `transaction("IMMEDIATE")` takes on PostgreSQL: like SQLite's BEGIN
# IMMEDIATE, it lets one writer at a time (across every PC) read-then-write numbers and turns.
WRITE_LOCK_KEY = zlib.crc32(b"pandu-sop write lock")
KEYRING_SERVICE = "pandu-sop"
URL_SCHEMES = ("postgresql", "postgres")


class _LockedAtomic:
    """`atomic()` that also takes the office's write lock (held until the outermost commit)."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._inner = _atomic(database)

    def __enter__(self):
        result = self._inner.__enter__()
        try:
            self.database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        except BaseException:
            self._inner.__exit__(*sys.exc_info())
            raise
        return result

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._inner.__exit__(exc_type, exc_val, exc_tb)


class OfficePostgresqlDatabase(PostgresqlDatabase):
    """PostgreSQL with SQLite's `atomic("IMMEDIATE")` meaning: an advisory transaction lock."""

    def atomic(self, *args, **kwargs):
        if args and args[0] == "IMMEDIATE":
            return _LockedAtomic(self)
        return super().atomic(*args, **kwargs)

    def begin(self, isolation_level=None):
        if isolation_level == "IMMEDIATE":  # reached through database_proxy.atomic("IMMEDIATE")
            super().begin()
            self.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            return
        super().begin(isolation_level)


def is_url(target) -> bool:
    return isinstance(target, str) and urlsplit(target).scheme in URL_SCHEMES


def is_postgres(database) -> bool:
    """Whether `database` (or the proxy's database) is PostgreSQL."""
    database = getattr(database, "obj", database)
    return isinstance(database, PostgresqlDatabase)


def describe_url(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{unquote(parts.username)}@" if parts.username else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


def connect_url(url: str) -> OfficePostgresqlDatabase:
    """Open the PostgreSQL database of `url`; no migrating, no binding.

    The password is taken from the URL, else from PGPASSWORD, else from the OS keyring
    (service "pandu-sop", user "user@host:port/dbname") when `keyring` is installed."""
    parts = urlsplit(url)
    if parts.scheme not in URL_SCHEMES or not parts.path.strip("/"):
        raise ValueError(f"bukan alamat PostgreSQL: {describe_url(url)}")
    # waits for another PC's write lock as long as SQLite's busy_timeout, then fails plainly
    params: dict = {"host": parts.hostname or "localhost", "port": parts.port or 5432,
                    "options": f"-c lock_timeout={PRAGMAS['busy_timeout']}",
                    "connect_timeout": 10, "application_name": "pandu-sop"}
    if parts.username:
        params["user"] = unquote(parts.username)
    password = unquote(parts.password) if parts.password else os.environ.get("PGPASSWORD")
    if password is None:
        password = _keyring_password(describe_url(url).removeprefix("postgresql://"))
    if password is not None:
        params["password"] = password
    database = OfficePostgresqlDatabase(unquote(parts.path.strip("/")), **params)
    database.connect(reuse_if_open=True)
    return database


def _keyring_password(key: str) -> str | None:
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, key)
    except Exception:  # noqa: BLE001 - no usable keyring backend: ask libpq's other sources
        return None


def open_database(target: Path | str) -> Database:
    """The SQLite file at `target`, or the PostgreSQL database when `target` is a URL."""
    return connect_url(target) if is_url(target) else connect(Path(target))


def bound() -> Database | None:
    """The database the models reach now, or None."""
    return database_proxy.obj


def bind(database: Database | None) -> None:
    """Point every model at `database` (the office's workspace does this once when opened)."""
    database_proxy.initialize(database)


def unbind(database: Database) -> None:
    """Forget `database` if it is the one the models reach (it is being closed)."""
    if database_proxy.obj is database:
        database_proxy.initialize(None)


@contextmanager
def using(database: Database):
    """Reach `database` for the duration of the block, then whatever was bound before."""
    previous = database_proxy.obj
    database_proxy.initialize(database)
    try:
        yield database
    finally:
        database_proxy.initialize(previous)


def connect_read_only(path: Path) -> SqliteDatabase:
    """Open the SQLite file of a folder that cannot be written (a write-protected flash
    disk, a shared folder without write permission) for reading only (the workspace binds it).
    `immutable`: SQLite needs no -shm file beside it (it could not create one there)."""
    from urllib.request import pathname2url

    database = SqliteDatabase(f"file:{pathname2url(str(path))}?mode=ro&immutable=1", uri=True,
                              pragmas={"foreign_keys": 1, "busy_timeout": 10000})
    database.connect(reuse_if_open=True)
    return database


def pending_migrations(database: SqliteDatabase) -> list[str]:
    runner = Runner(database, str(MIGRATIONS_DIR))
    return [m.name for m in runner.status() if m.path is not None and not m.applied]


def applied_migrations(database: SqliteDatabase) -> list[str]:
    return sorted(Runner(database, str(MIGRATIONS_DIR)).applied())


def migrate(database: SqliteDatabase, target: str | None = None,
            backup_dir: Path | None = None) -> list[str]:
    """Apply pending migrations, each in its own transaction. Returns the names applied.

    An existing database is first copied (with SQLite's online backup) into `backup_dir`,
    so a failed upgrade never leaves the office without its data.
    """
    runner = Runner(database, str(MIGRATIONS_DIR))
    if not pending_migrations(database):
        return []
    if backup_dir is not None and runner.applied() and not is_postgres(database):
        copy_database(database, backup_dir / f"sebelum-migrasi-{_stamp()}.sqlite3")
    return runner.up(target)


def copy_database(database: SqliteDatabase, target: Path) -> Path:
    """A consistent copy of a live database (never a plain file copy, which can tear)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        database.connection().backup(dest)
    finally:
        dest.close()
    return target


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def transaction(lock: str | None = None):
    """The one way to write: a transaction on the office database the models are bound to.

    `lock="IMMEDIATE"` takes the write lock at the start (numbers, turns re-checked inside):
    SQLite's BEGIN IMMEDIATE, or on PostgreSQL an advisory lock held until the commit.
    """
    if lock == "IMMEDIATE" and is_postgres(database_proxy):
        return _LockedAtomic(database_proxy)
    return database_proxy.atomic(lock) if lock else database_proxy.atomic()
