"""Opening the office database: pragmas, migrations, a safety copy before migrating, and the
one way the code reaches the database.

Every model uses `database_proxy`. The office's workspace binds it when opened (`bind`); a
second database opened in the same process (selftest, a restore preview, tests) is reached only
inside `using(database)`, which restores the previous binding on exit, so it never re-points
the first one's queries. Services write through `transaction()`.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from peewee import Database, SqliteDatabase
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
    if backup_dir is not None and runner.applied():
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

    `lock="IMMEDIATE"` takes the write lock at the start (numbers, turns re-checked inside).
    """
    return database_proxy.atomic(lock) if lock else database_proxy.atomic()
