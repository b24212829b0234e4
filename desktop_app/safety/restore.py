"""Restoring a backup: an inspection that touches nothing (`inspection.inspect_backup`), then a
restore that inspects the database it installs again, backs up the current data first (a
safety copy under a name of its own, read back before anything changes) and replaces it so
that a crash at any moment leaves either the old data or the new, never a mix; an older
backup is then upgraded by the migrations.

The office's files are stored by content hash, so restoring them only adds files (a name
always means the same content, and an existing file is never replaced); then one SQLite
transaction (the online backup API, written into the live database) swaps the database.
Files the restored database no longer uses stay in `berkas/` (they are also in the backup
made just before).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from db.database import PRAGMAS, migrate
from desktop_app.common.clock import to_local, utc_now
from desktop_app.common.errors import DomainError, InvalidInput
from desktop_app.common.file_store import FILES_FOLDER
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.safety.archive import (
    DATABASE_MEMBER,
    Manifest,
    Progress,
    extract_member,
    open_archive,
    sha256_file,
    verify_archive,
)
from desktop_app.safety.backup import backup_folder, pre_restore_backup
from desktop_app.safety.inspection import BackupInspection, inspect_database
from desktop_app.safety.storage import (
    StorageError,
    ensure_writable,
    fsync_folder,
    os_error_message,
    storage_error,
)
from desktop_app.safety.temp_area import temp_folder

log = logging.getLogger(__name__)

STAGING_PREFIX = ".pemulihan-"  # where an earlier version staged (removed when found)
CONFIRM_OPTION = "--kantor-lain"


@dataclass(frozen=True)
class RestoreResult:
    preview: BackupInspection
    safety_backup: Path | None  # the data as it was just before, backed up first
    upgraded: list[str]  # migrations run on the restored database
    damaged_copy: Path | None  # the old database files, set aside when it could not be read
    warnings: tuple[str, ...] = ()  # stored files found damaged and left as they were


def restore(data_dir: Path, path: Path, database: SqliteDatabase | None = None,
            now: datetime | None = None, progress: Progress | None = None,
            other_office: bool = False, actor=None) -> RestoreResult:
    """Replace the data folder's database and files with the backup's, once the backup's
    database passed the inspection (`inspect_database`). A backup of another office is
    restored only with `other_office=True` (staff confirmed it).

    `database` is the window's open database, written through the window's connection;
    without it (the command line) a connection of our own is used. No other copy of the app
    may be using the folder: the caller holds the instance lock.

    `actor`: the logged-in person (an admin, office.permissions), checked against the data
    the models reach now; the restored trail gets an entry saying who restored what.
    """
    from desktop_app.office.permissions import OP, check

    check(actor, OP.RESTORE)
    who = _who(actor)
    manifest = verify_archive(path)
    ensure_writable(data_dir)
    _check_space(data_dir, manifest)
    _check_targets(data_dir, manifest)
    _remove_old_staging(data_dir)
    try:
        with temp_folder(data_dir, "pemulihan") as staging:
            staged = staging / DATABASE_NAME
            with open_archive(path) as archive:
                extract_member(archive, DATABASE_MEMBER, manifest.members[DATABASE_MEMBER],
                               staged, path)
            summary = inspect_database(staged, path, manifest, data_dir)
            require_restorable(summary, other_office)
            _require_chain_head(manifest, staged, path)
            safety, damaged = _back_up_current(data_dir, now)
            warnings = _place_files(path, manifest, data_dir, progress)
            _swap_database(data_dir, staged, database, damaged is not None)
    except OSError as exc:
        raise StorageError(os_error_message(exc, data_dir)) from exc
    upgraded = _upgrade(data_dir, database, safety)
    from desktop_app.signing.chain_head import keep_beside

    keep_beside(data_dir, manifest.chain_head, restored=True)  # the chain starts from here
    _audit_restore(data_dir, database, f"dari {path.name} ({manifest_label(summary)})"
                   + (f" oleh {who}" if who else ""))
    return RestoreResult(summary, safety, upgraded, damaged, warnings)


def manifest_label(summary: BackupInspection) -> str:
    return f"kantor {summary.office or '-'}"


def _who(actor) -> str:
    from db import models as m

    if actor is None:
        return ""
    row = m.Person.get_or_none(m.Person.id == getattr(actor, "id", actor))
    return f"{row.nama} (NIP {row.nip or '-'})" if row else ""


def _audit_restore(data_dir: Path, database: SqliteDatabase | None, detail: str) -> None:
    """The restored trail records the restore itself (people of the old data are named in
    the text: their ids mean nothing in the restored data)."""
    from db.database import using
    from desktop_app.common import audit

    db = database or SqliteDatabase(str(data_dir / DATABASE_NAME), pragmas=PRAGMAS)
    try:
        with using(db), db.atomic():
            audit.append(None, None, "pulihkan", detail)
    except Exception:  # noqa: BLE001 - the data is restored; a missing line is logged only
        log.warning("restore not written to the audit trail", exc_info=True)
    finally:
        if database is None:
            db.close()


def _require_chain_head(manifest: Manifest, staged: Path, path: Path) -> None:
    """The audit chain in the backup still reaches the head the office key signed."""
    from desktop_app.signing.chain_head import backup_head_problems

    problems = backup_head_problems(manifest.chain_head, staged)
    if problems:
        raise InvalidInput(f"Jejak audit di dalam {path.name} tidak cocok dengan kepala rantai "
                           f"yang ditandatangani kunci kantor: {problems[0]}. Cadangan ini "
                           "diubah di luar Pandu SOP; data tidak berubah. Pilih cadangan lain.")


def require_restorable(summary: BackupInspection, other_office: bool = False) -> None:
    """InvalidInput (nothing changed) unless the inspected backup may be restored."""
    name = summary.path.name
    if summary.newer:
        raise InvalidInput(f"{name} dibuat oleh versi Pandu SOP yang lebih baru "
                           f"({summary.app_version}). Perbarui Pandu SOP di komputer ini "
                           "dulu, lalu pulihkan lagi.")
    if summary.problems:
        raise InvalidInput(f"Basis data di dalam {name} tidak lolos pemeriksaan: "
                           f"{'; '.join(summary.problems[:3])}. Cadangan ini rusak atau "
                           "diubah di luar Pandu SOP; data tidak berubah. Pilih cadangan lain "
                           "(misalnya cadangan otomatis sehari sebelumnya).")
    if summary.other_office and not other_office:
        raise InvalidInput(f"{name} adalah cadangan kantor \"{summary.office}\", sedangkan "
                           f"folder data ini milik \"{summary.current_office}\". Data tidak "
                           "berubah. Bila memang ingin mengganti data kantor ini, ulangi "
                           f"dengan: pandu restore {CONFIRM_OPTION} \"{summary.path}\"")


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
    """Copy the unreadable database files as they are, for a specialist to look at, into a
    folder of their own (never over an earlier copy), each copy checked against its source."""
    stamp = to_local(now or utc_now()).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(data_dir) / f"rusak-{stamp}"
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        for extra in range(2, 1000):
            try:
                folder.mkdir()
                break
            except FileExistsError:
                folder = backup_folder(data_dir) / f"rusak-{stamp}-{extra}"
        for suffix in ("", "-wal", "-shm"):
            source = data_dir / (DATABASE_NAME + suffix)
            if source.exists():
                shutil.copy2(source, folder / source.name)
                if sha256_file(folder / source.name) != sha256_file(source):
                    raise StorageError(f"Salinan basis data lama di {folder} tidak sama dengan "
                                       "aslinya. Pemulihan dibatalkan; data tidak berubah.")
    except OSError as exc:
        raise StorageError(os_error_message(exc, folder)) from exc
    return folder


def _check_targets(data_dir: Path, manifest: Manifest) -> None:
    """Refuse before any change when a stored file's place is a link or not a plain file
    (a restore never writes through a link, e.g. to outside the data folder)."""
    folder = data_dir / FILES_FOLDER
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise DomainError(f"{folder} bukan folder biasa (tautan atau berkas). Pandu SOP tidak "
                          "menulis melalui tautan. Pindahkan atau hapus dulu, lalu ulangi. "
                          "Data tidak berubah.")
    for name in manifest.files:
        target = data_dir / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise DomainError(f"{target} bukan berkas biasa (tautan atau folder). Pandu SOP "
                              "tidak menulis melalui tautan. Hapus dulu, lalu ulangi. Data "
                              "tidak berubah.")


def _place_files(path: Path, manifest: Manifest, data_dir: Path,
                 progress: Progress | None) -> tuple[str, ...]:
    """Add the backup's files to berkas/; the warnings for damaged files left in place."""
    files = manifest.files
    total = len(files) + 1
    warnings = []
    if progress:
        progress(1, total)
    (data_dir / FILES_FOLDER).mkdir(exist_ok=True)
    with open_archive(path) as archive:
        for done, name in enumerate(files, start=2):
            warning = _place_file(archive, name, manifest.members[name], data_dir, path)
            if warning:
                warnings.append(warning)
            if progress:
                progress(done, total)
    fsync_folder(data_dir / FILES_FOLDER)
    return tuple(warnings)


def _place_file(archive, name: str, expected: tuple[str, int], data_dir: Path,
                path: Path) -> str | None:
    """Put one stored file in place, under the name its verified content hash gives (the
    inspection checked that name and hash agree). A file already there is never replaced:
    the same content needs nothing, other content is reported (it is damaged)."""
    target = data_dir / name
    if target.is_file() and not target.is_symlink():
        if sha256_file(target) == expected:
            return None
        return (f"{target} di folder data berbeda dari isi yang tercatat (rusak atau diubah); "
                "berkas itu dibiarkan, tidak ditimpa. Jalankan: pandu check")
    partial = target.with_name(f".{target.name}.pemulihan")
    partial.unlink(missing_ok=True)
    extract_member(archive, name, expected, partial, path)
    os.replace(partial, target)  # replaces a name, never follows a link
    return None


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
