"""A throwaway PostgreSQL cluster for tests: `initdb` + `pg_ctl` in a temporary folder on a free
port of 127.0.0.1, started once per test session and stopped (and deleted) at its end.

As root, initdb refuses to run: the cluster then belongs to an unprivileged user (`postgres`,
or `nobody`) and its commands run through `runuser`. Each test gets its own database, created
from a migrated template (`CREATE DATABASE ... TEMPLATE`), which is much faster than migrating.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

# PANDU_TEST_DB=postgresql: the `workspace` fixture (tests/conftest.py) opens a database here
ON_POSTGRES = os.environ.get("PANDU_TEST_DB", "").lower() in ("postgresql", "postgres", "pg")
# for the few tests about the SQLite file itself (WAL, file copies, PRAGMA checks)
SQLITE_ONLY = pytest.mark.skipif(ON_POSTGRES, reason="about the SQLite file itself; "
                                 "PANDU_TEST_DB=postgresql runs on a server")

PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
               "/usr/lib/postgresql/17/bin")
SUPERUSER = "pandu"


def pg_bin(name: str) -> str | None:
    for folder in PG_BIN_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def available() -> bool:
    return pg_bin("initdb") is not None and pg_bin("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as() -> str | None:
    """The unprivileged user to run the cluster as when this process is root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("running as root without an unprivileged user for PostgreSQL")


class PgServer:
    """One cluster; `url(dbname)` is what `pandu --db` takes."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="pandu-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.user = _run_as()
        self._template: str | None = None

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def start(self) -> PgServer:
        if self.user:
            shutil.chown(self.folder, self.user)
        subprocess.run(self._cmd(pg_bin("initdb"), "-D", str(self.data), "-U", SUPERUSER,
                                 "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
                                 "--no-sync"),
                       check=True, capture_output=True, cwd=self.folder)
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run(self._cmd(pg_bin("pg_ctl"), "-D", str(self.data), "-o", options,
                                 "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                                 "start"),
                       check=True, capture_output=True, cwd=self.folder)
        return self

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            subprocess.run(self._cmd(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                     "-w", "stop"), check=True, capture_output=True,
                           cwd=self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, sql: str) -> None:
        import psycopg2

        con = psycopg2.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                               dbname="postgres")
        try:
            con.autocommit = True
            with con.cursor() as cursor:
                cursor.execute(sql)
        finally:
            con.close()

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        # FILE_COPY: a small template is copied much faster than through the WAL (PG 15)
        self._admin(f'CREATE DATABASE "{name}"'
                    + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def migrated_database(self) -> str:
        """A fresh database holding every migration (and the SOP templates) of a new office."""
        if self._template is None:
            self._template = self._make_template()
        return self.create_database(template=self._template)

    def _make_template(self) -> str:
        from desktop_app.workspace import open_workspace

        name = self.create_database("pandu_template")
        work = Path(tempfile.mkdtemp(prefix="pandu-pg-template-"))
        try:
            workspace = open_workspace(work, db_url=self.url(name))
            workspace.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return name



def refuse_inserts(database, table: str, message: str) -> None:
    """Make every INSERT into `table` fail with an integrity error (a full disk, a broken
    write) on either back end, for tests of "all or nothing"."""
    from db.database import is_postgres

    if is_postgres(database):
        database.execute_sql(
            f"CREATE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{message}' USING ERRCODE = '23000'; END $$")
        database.execute_sql(f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                             f"FOR EACH ROW EXECUTE FUNCTION refuse_{table}()")
        return
    database.execute_sql(f"CREATE TEMP TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                         f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def dump_text(database) -> str:
    """Everything the database holds, as text (to prove a secret is not in it)."""
    from db.database import is_postgres

    if not is_postgres(database):
        return "\n".join(database.connection().iterdump())
    rows = []
    for table in database.get_tables():
        rows += [repr(row) for row in database.execute_sql(f'SELECT * FROM "{table}"')]
    return "\n".join(rows)
