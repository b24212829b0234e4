"""Restoring a backup: a preview that touches nothing, then a restore that backs up the current
data first and replaces it so that a crash at any moment leaves either the old data or the
new, never a mix; an older backup is then upgraded by the migrations.

The office's files are stored by content hash, so restoring them only adds files (a name
always means the same content); then one SQLite transaction (the online backup API, written
into the live database) swaps the database. Files the restored database no longer uses stay
in `berkas/` (they are also in the backup made just before).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from db.database import MIGRATIONS_DIR, PRAGMAS, migrate
from desktop_app.common.clock import to_local, utc_now
from desktop_app.common.dates import tanggal
from desktop_app.common.errors import DomainError, InvalidInput
from desktop_app.common.file_store import FILES_FOLDER
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.safety.archive import (
    DATABASE_MEMBER,
    Manifest,
    Progress,
    extract_member,
    open_archive,
    read_manifest,
    sha256_file,
    verify_archive,
)
from desktop_app.safety.backup import backup_folder, pre_restore_backup
from desktop_app.safety.storage import (
    StorageError,
    ensure_writable,
    fsync_folder,
    os_error_message,
    storage_error,
)

STAGING_PREFIX = ".pemulihan-"


@dataclass(frozen=True)
class BackupPreview:
    path: Path
    created_at: datetime  # local time
    office: str
    counts: dict[str, int]
    app_version: str
    schema: tuple[str, ...]
    older: bool  # made by an earlier version: upgraded after restoring
    newer: bool  # made by a later version: cannot be restored by this one
    database_check: str

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
        elif self.older:
            lines.append("Cadangan ini dari versi Pandu SOP yang lebih lama; setelah "
                         "dipulihkan, datanya diperbarui otomatis.")
        if self.database_check != "ok":
            lines.append(f"Peringatan: basis data di cadangan ini sudah bermasalah saat "
                         f"dicadangkan ({self.database_check}).")
        return lines


@dataclass(frozen=True)
class RestoreResult:
    preview: BackupPreview
    safety_backup: Path | None  # the data as it was just before, backed up first
    upgraded: list[str]  # migrations run on the restored database
    damaged_copy: Path | None  # the old database files, set aside when it could not be read


def known_migrations() -> list[str]:
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def preview(path: Path) -> BackupPreview:
    """What a backup holds, from its manifest; reads only the archive, never the data."""
    with open_archive(path) as archive:
        manifest = read_manifest(archive, path)
    return _preview(path, manifest)


def _preview(path: Path, manifest: Manifest) -> BackupPreview:
    known = known_migrations()
    newer = any(name not in known for name in manifest.schema)
    older = not newer and set(manifest.schema) != set(known)
    return BackupPreview(path, to_local(manifest.created_at), manifest.office, manifest.counts,
                         manifest.app_version, manifest.schema, older, newer,
                         manifest.database_check)


def restore(data_dir: Path, path: Path, database: SqliteDatabase | None = None,
            now: datetime | None = None, progress: Progress | None = None) -> RestoreResult:
    """Replace the data folder's database and files with the backup's.

    `database` is the window's open database, written through the window's connection;
    without it (the command line) a connection of our own is used. No other copy of the app
    may be using the folder: the caller holds the instance lock.
    """
    manifest = verify_archive(path)
    summary = _preview(path, manifest)
    if summary.newer:
        raise InvalidInput(f"{path.name} dibuat oleh versi Pandu SOP yang lebih baru "
                           f"({manifest.app_version}). Perbarui Pandu SOP di komputer ini "
                           "dulu, lalu pulihkan lagi.")
    ensure_writable(data_dir)
    _check_space(data_dir, manifest)
    _remove_old_staging(data_dir)
    safety, damaged = _back_up_current(data_dir, now)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=data_dir))
    try:
        staged = _stage(path, manifest, staging, data_dir, progress)
        _swap_database(data_dir, staged, database, damaged is not None)
    except OSError as exc:
        raise StorageError(os_error_message(exc, data_dir)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    upgraded = _upgrade(data_dir, database, safety)
    return RestoreResult(summary, safety, upgraded, damaged)


def _check_space(data_dir: Path, manifest: Manifest) -> None:
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        return
    need = manifest.total_size * 2  # the staged database and the files, with room to spare
    if need > free:
        raise StorageError(f"Ruang disk di {data_dir} tidak cukup untuk memulihkan: perlu "
                           f"sekitar {need // 2**20 + 1} MB, tersedia {free // 2**20} MB. "
                           "Data tidak berubah. Kosongkan ruang disk, lalu ulangi.")


def _remove_old_staging(data_dir: Path) -> None:
    for leftover in data_dir.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _back_up_current(data_dir: Path, now: datetime | None) -> tuple[Path | None, Path | None]:
    """(backup of the current data, folder of the set-aside database files if it could not
    be read). A disk that is full or read-only stops the restore here, before any change."""
    if not (data_dir / DATABASE_NAME).is_file():
        return None, None
    try:
        return pre_restore_backup(data_dir, now).path, None
    except StorageError:
        raise
    except DomainError:
        return None, _set_aside_damaged(data_dir, now)


def _set_aside_damaged(data_dir: Path, now: datetime | None) -> Path:
    """Copy the unreadable database files as they are, for a specialist to look at."""
    stamp = to_local(now or utc_now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(data_dir) / f"rusak-{stamp}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            source = data_dir / (DATABASE_NAME + suffix)
            if source.exists():
                shutil.copy2(source, folder / source.name)
    except OSError as exc:
        raise StorageError(os_error_message(exc, folder)) from exc
    return folder


def _stage(path: Path, manifest: Manifest, staging: Path, data_dir: Path,
           progress: Progress | None) -> Path:
    """Extract and check the database into `staging`; add the backup's files to berkas/."""
    staged = staging / DATABASE_NAME
    files = manifest.files
    total = len(files) + 1
    with open_archive(path) as archive:
        extract_member(archive, DATABASE_MEMBER, manifest.members[DATABASE_MEMBER], staged,
                       path)
        _require_sound(staged, path)
        if progress:
            progress(1, total)
        (data_dir / FILES_FOLDER).mkdir(exist_ok=True)
        for done, name in enumerate(files, start=2):
            _place_file(archive, name, manifest.members[name], data_dir, path)
            if progress:
                progress(done, total)
    fsync_folder(data_dir / FILES_FOLDER)
    return staged


def _require_sound(staged: Path, path: Path) -> None:
    try:
        con = sqlite3.connect(str(staged))
        try:
            result = con.execute("PRAGMA integrity_check(5)").fetchall()
        finally:
            con.close()
        ok = result == [("ok",)]
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise InvalidInput(f"Basis data di dalam {path.name} rusak. Pilih cadangan lain "
                           "(misalnya cadangan otomatis sehari sebelumnya).")


def _place_file(archive, name: str, expected: tuple[str, int], data_dir: Path,
                path: Path) -> None:
    """Put one stored file in place unless the same content is already there."""
    target = data_dir / name  # the name was checked: berkas/<sha256>.<ext>, nothing else
    if target.is_file() and sha256_file(target) == expected:
        return
    partial = target.with_name(f".{target.name}.pemulihan")
    extract_member(archive, name, expected, partial, path)
    if target.exists() and os.name == "nt":  # pragma: no cover - a read-only signed PDF
        os.chmod(target, 0o644)
    os.replace(partial, target)


def _swap_database(data_dir: Path, staged: Path, database: SqliteDatabase | None,
                   damaged: bool) -> None:
    """Write the staged database over the live one in one SQLite transaction."""
    source = sqlite3.connect(str(staged))
    own = None
    try:
        if database is not None:
            live = database.connection()
        else:
            live = own = sqlite3.connect(str(data_dir / DATABASE_NAME), timeout=30)
        source.backup(live)
    except sqlite3.DatabaseError as exc:
        mapped = storage_error(exc, data_dir)
        if mapped is not None or database is not None or not damaged:
            raise mapped or DomainError(f"Basis data tidak dapat diganti ({exc}). Data "
                                        "tidak berubah.") from exc
        if own is not None:
            own.close()
            own = None
        _replace_damaged_file(data_dir, staged)
    finally:
        source.close()
        if own is not None:
            own.close()


def _replace_damaged_file(data_dir: Path, staged: Path) -> None:
    """Only for a database SQLite cannot read at all (already copied aside)."""
    live = data_dir / DATABASE_NAME
    for suffix in ("-wal", "-shm", "-journal"):
        (data_dir / (DATABASE_NAME + suffix)).unlink(missing_ok=True)
    os.replace(staged, live)
    fsync_folder(data_dir)


def _upgrade(data_dir: Path, database: SqliteDatabase | None, safety: Path | None
             ) -> list[str]:
    own = database is None  # a connection of our own, leaving the models' binding alone
    db = SqliteDatabase(str(data_dir / DATABASE_NAME), pragmas=PRAGMAS) if own else database
    try:
        return migrate(db, backup_dir=backup_folder(data_dir))
    except Exception as exc:
        kept = f" Data sebelum pemulihan tersimpan di {safety}." if safety else ""
        raise DomainError(f"Cadangan sudah dipulihkan, tetapi gagal diperbarui ke versi Pandu "
                          f"SOP ini ({exc}).{kept} Hubungi pengelola aplikasi.") from exc
    finally:
        if own:
            db.close()
