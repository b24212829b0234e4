"""Inspecting a backup before anything is installed: the database inside it is extracted into
the data folder's temporary area, opened read-only and must pass SQLite's integrity and
foreign-key checks, match the schema its own migrations make (tables, indexes, triggers), keep
an unbroken audit chain and a letter register without a repeated number. What staff see
(office, counts) is read from that database, never from the manifest.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.request import pathname2url

from db.database import MIGRATIONS_DIR
from desktop_app.common.audit import chain_problems
from desktop_app.common.clock import to_local
from desktop_app.common.dates import tanggal
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.safety.archive import (
    DATABASE_MEMBER,
    Manifest,
    extract_member,
    open_archive,
    read_manifest,
)
from desktop_app.safety.backup import describe_database
from desktop_app.safety.temp_area import temp_folder

_KINDS = {"table": "tabel", "index": "indeks", "trigger": "pemicu (trigger)",
          "view": "tampilan (view)"}
_AUDIT_COLUMNS = ("id", "prev_hash", "hash", "run_id", "at", "person_id", "on_behalf_of_id",
                  "action", "detail")


@dataclass(frozen=True)
class BackupInspection:
    """What a backup holds, as read from its database, and whether it may be restored."""

    path: Path
    created_at: datetime  # local time
    office: str  # read from the database in the backup
    counts: dict[str, int]  # from that database; "berkas" = stored files in the archive
    app_version: str
    schema: tuple[str, ...]  # the migrations that database records
    older: bool  # made by an earlier version: upgraded after restoring
    newer: bool  # made by a later version: cannot be restored by this one
    database_check: str  # what SQLite's quick_check said when the backup was made
    problems: tuple[str, ...] = ()  # why the database must not be installed
    current_office: str = ""  # this data folder's office, set only when it is another one

    @property
    def refused(self) -> bool:
        """Never restored, whatever staff confirm."""
        return self.newer or bool(self.problems)

    @property
    def other_office(self) -> bool:
        """Restored only when staff confirm that they mean to replace this office's data."""
        return bool(self.current_office)

    @property
    def made_on(self) -> str:
        """"14 Maret 2026 pukul 15.30" (local time)."""
        return f"{tanggal(self.created_at.date())} pukul {self.created_at.strftime('%H.%M')}"

    def lines(self) -> list[str]:
        """What staff see before deciding, one fact a line."""
        c = self.counts
        lines = [f"Berkas cadangan: {self.path.name}", f"Dibuat: {self.made_on}"]
        if self.office:
            lines.append(f"Kantor: {self.office}")
        lines.append(f"Isi: {c['sop']} SOP, {c['proses']} proses, {c['naskah']} naskah, "
                     f"{c['berkas']} berkas")
        if self.newer:
            lines.append("Cadangan ini dibuat oleh versi Pandu SOP yang lebih baru dan tidak "
                         "dapat dipulihkan di sini. Perbarui Pandu SOP dulu.")
        elif self.problems:
            lines.append("Cadangan ini tidak dapat dipulihkan: basis datanya tidak lolos "
                         "pemeriksaan:")
            lines += [f"- {problem}" for problem in self.problems[:5]]
        elif self.older:
            lines.append("Cadangan ini dari versi Pandu SOP yang lebih lama; setelah "
                         "dipulihkan, datanya diperbarui otomatis.")
        if self.current_office and not self.refused:
            lines.append(f"Peringatan: cadangan ini milik kantor lain. Folder data ini milik "
                         f"\"{self.current_office}\"; seluruh datanya akan diganti dengan data "
                         f"\"{self.office}\".")
        if self.database_check != "ok" and not self.problems:
            lines.append(f"Peringatan: basis data di cadangan ini sudah bermasalah saat "
                         f"dicadangkan ({self.database_check}).")
        return lines


def known_migrations() -> list[str]:
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def inspect_backup(path: Path, data_dir: Path) -> BackupInspection:
    """Inspect the backup at `path` for restoring into `data_dir`; changes nothing there
    (the database copy lives in the temporary area only while it is inspected)."""
    with open_archive(path) as archive:
        manifest = read_manifest(archive, path)
        with temp_folder(data_dir, "periksa") as folder:
            staged = folder / DATABASE_NAME
            extract_member(archive, DATABASE_MEMBER, manifest.members[DATABASE_MEMBER],
                           staged, path)
            return inspect_database(staged, path, manifest, data_dir)


def inspect_database(staged: Path, path: Path, manifest: Manifest, data_dir: Path
                     ) -> BackupInspection:
    """Inspect the database extracted from the backup at `path` into `staged`."""
    known = known_migrations()
    schema, office, counts, _check = describe_database(staged)
    counts["berkas"] = len(manifest.files)
    newer = any(name not in known for name in schema)
    problems = [] if newer else _problems(staged, schema, known)
    if set(manifest.schema) != set(schema) and not problems:
        problems.append("daftar isi cadangan menyebut versi data yang berbeda dari basis "
                        "data di dalamnya")
    problems += [f"berkas {name} isinya tidak sesuai dengan namanya" for name in manifest.files
                 if manifest.members[name][0] != name.split("/")[-1].split(".")[0]]
    older = not newer and set(schema) != set(known)
    current = current_office(data_dir)
    other = current if current and office and _same(current) != _same(office) else ""
    return BackupInspection(path, to_local(manifest.created_at), office, counts,
                            manifest.app_version, tuple(schema), older, newer,
                            manifest.database_check, tuple(problems), other)


def current_office(data_dir: Path) -> str:
    """The office name in the data folder's own database ("" if none or unreadable)."""
    database = data_dir / DATABASE_NAME
    if not database.is_file() or database.stat().st_size == 0:
        return ""
    try:
        con = sqlite3.connect(f"file:{pathname2url(str(database))}?mode=ro", uri=True,
                              timeout=10)
        try:
            row = con.execute("SELECT value FROM office_setting WHERE key='nama_kantor'"
                              ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row and row[0] else ""


def _same(name: str) -> str:
    return " ".join(name.casefold().split())


def _problems(staged: Path, schema: tuple[str, ...], known: list[str]) -> list[str]:
    try:
        con = sqlite3.connect(f"file:{pathname2url(str(staged))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"basis datanya tidak dapat dibuka ({exc})"]
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check(5)")]
        if rows != ["ok"]:
            return [f"basis datanya rusak ({'; '.join(rows)[:200]})"]
        problems = _schema_problems(con, schema, known)
        if problems:
            return problems
        return _foreign_key_problems(con) + _audit_problems(con) + _number_problems(con)
    except sqlite3.Error as exc:
        return [f"basis datanya tidak dapat dibaca ({exc})"]
    finally:
        con.close()


def _schema_problems(con: sqlite3.Connection, schema: tuple[str, ...], known: list[str]
                     ) -> list[str]:
    if not schema:
        return ["ini bukan basis data Pandu SOP (tidak ada catatan versi datanya)"]
    if list(schema) != known[:len(schema)]:
        return ["catatan versi datanya tidak urut (ada pembaruan yang terlewat)"]
    expected, actual = reference_schema(schema[-1]), _objects(con)
    problems = []
    for (kind, name), sql in expected.items():
        if (kind, name) not in actual:
            problems.append(f"{_KINDS.get(kind, kind)} {name} tidak ada")
        elif actual[(kind, name)] != sql:
            problems.append(f"{_KINDS.get(kind, kind)} {name} berbeda dari bentuk aslinya")
    problems += [f"ada {_KINDS.get(kind, kind)} {name} yang tidak dibuat oleh Pandu SOP"
                 for kind, name in sorted(set(actual) - set(expected))]
    return problems


@functools.lru_cache(maxsize=4)
def reference_schema(last_migration: str) -> dict[tuple[str, str], str]:
    """The schema objects the migrations up to `last_migration` make, on an empty database."""
    from peewee import SqliteDatabase
    from playhouse.migrations import Runner

    database = SqliteDatabase(":memory:")
    try:
        Runner(database, str(MIGRATIONS_DIR)).up(last_migration)
        return _objects(database.connection())
    finally:
        database.close()


def _objects(con) -> dict[tuple[str, str], str]:
    rows = con.execute("SELECT type, name, sql FROM sqlite_master "
                       "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").fetchall()
    return {(kind, name): " ".join((sql or "").split()) for kind, name, sql in rows}


def _foreign_key_problems(con: sqlite3.Connection) -> list[str]:
    broken = con.execute("PRAGMA foreign_key_check").fetchall()
    if not broken:
        return []
    tables = ", ".join(sorted({str(row[0]) for row in broken}))
    return [f"{len(broken)} baris merujuk ke data yang tidak ada (tabel {tables})"]


def _audit_problems(con: sqlite3.Connection) -> list[str]:
    columns = {r[1] for r in con.execute("PRAGMA table_info(audit_entry)")}
    if not columns:
        return []
    rows = con.execute(f"SELECT {', '.join(_AUDIT_COLUMNS)} FROM audit_entry ORDER BY id")
    try:
        found = chain_problems((*row[:4], datetime.fromisoformat(row[4]), *row[5:])
                               for row in rows)
    except (TypeError, ValueError):
        return ["jejak audit berisi waktu yang tidak sah"]
    return [f"jejak audit: {text}" for text in found[:3]]


def _number_problems(con: sqlite3.Connection) -> list[str]:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "outgoing_letter" not in tables:
        return []
    repeated = con.execute(
        "SELECT number FROM outgoing_letter GROUP BY year, sequence HAVING COUNT(*) > 1 "
        "UNION SELECT number FROM outgoing_letter GROUP BY year, number HAVING COUNT(*) > 1"
    ).fetchall()
    return [f"nomor surat {row[0]} tercatat lebih dari sekali di agenda surat keluar"
            for row in repeated[:3]]
