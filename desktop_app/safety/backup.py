"""Making backups: the database by SQLite's online backup (never a plain copy of a live file),
the office's files, and a manifest of hashes, as one zip; automatic ones in `<data>/cadangan`
with rotation, and "Cadangkan ke flashdisk" to a chosen folder.

Works on the data folder alone (its own SQLite connection), so it can run on a worker thread
or beside the window from the command line, and on a database of any schema version.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app import __version__
from desktop_app.common.clock import to_local, utc_now
from desktop_app.common.errors import DomainError, InvalidInput
from desktop_app.common.file_store import FILES_FOLDER
from desktop_app.common.numbers import angka
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.safety.archive import (
    DATABASE_MEMBER,
    FILE_MEMBER,
    Manifest,
    Progress,
    sha256_file,
    verify_archive,
    write_archive,
)
from desktop_app.safety.rotation import TEMP_SUFFIX, auto_name, automatic_backups, rotate
from desktop_app.safety.storage import (
    StorageError,
    ensure_writable,
    fsync_folder,
    os_error_message,
    storage_error,
)
from desktop_app.safety.temp_area import temp_area, temp_folder

BACKUP_FOLDER = "cadangan"
PRE_RESTORE_PREFIX = "sebelum-pemulihan-"
COPY_PREFIX = "Pandu-SOP-cadangan-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: Manifest
    warnings: tuple[str, ...] = ()  # stored files missing or damaged, left out of the backup

    def summary(self) -> str:
        """One line for staff: where, how much."""
        c = self.manifest.counts
        size = self.path.stat().st_size if self.path.exists() else 0
        return (f"{self.path} ({c['sop']} SOP, {c['proses']} proses, {c['naskah']} naskah, "
                f"{c['berkas']} berkas; {_megabytes(size)})")


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def create_backup(data_dir: Path, target: Path, now: datetime | None = None,
                  progress: Progress | None = None) -> BackupInfo:
    """Write a complete backup of the data folder to `target` (replaced atomically: a crash
    or a full disk never leaves a half archive under that name)."""
    database = data_dir / DATABASE_NAME
    if not database.is_file():
        raise DomainError(f"Belum ada data untuk dicadangkan di {data_dir}.")
    _check_space(target.parent, office_files(data_dir))
    with _copy_folder(data_dir, target) as tmp:
        copy = Path(tmp) / DATABASE_NAME
        snapshot(database, copy)
        # Listed after the snapshot: every file the copied database names is on disk by now
        # (files are stored before the rows that name them, and never removed).
        files = office_files(data_dir)
        schema, office, counts, check = describe_database(copy)
        members = {DATABASE_MEMBER: sha256_file(copy)}
        files, hashes, warnings = _sound_files(files)
        warnings += _missing_files(copy, {name for name, _path in files} | _damaged(warnings))
        members.update(hashes)
        counts["berkas"] = len(files)
        from desktop_app.signing.chain_head import keep_beside, signed_head

        head = signed_head(copy)
        manifest = Manifest(now or utc_now(), __version__, schema, office, counts, members,
                            check, head)
        keep_beside(data_dir, head)
        _write(target, copy, files, manifest, progress)
    return BackupInfo(target, manifest, tuple(warnings))


def _copy_folder(data_dir: Path, target: Path):
    """Where the database copy is made: the data folder's temporary area, or (a read-only
    data folder) a hidden folder beside the target; never the system's temp folder."""
    try:
        if os.access(temp_area(data_dir), os.W_OK):
            return temp_folder(data_dir, "cadangan")
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=".pandu-cadangan-", dir=target.parent)


_DAMAGED_MARK = "rusak: "


def _sound_files(files: list[tuple[str, Path]]
                 ) -> tuple[list[tuple[str, Path]], dict[str, tuple[str, int]], list[str]]:
    """The stored files whose content still matches their name (a damaged one would make
    the backup refuse to restore), their hashes, and a warning for each left out."""
    kept, hashes, warnings = [], {}, []
    for name, path in files:
        try:
            sha, size = sha256_file(path)
        except OSError as exc:
            warnings.append(f"{_DAMAGED_MARK}{name} tidak dapat dibaca ({exc.strerror}); "
                            "tidak ikut dicadangkan.")
            continue
        if sha != name.split("/")[-1].split(".")[0]:
            warnings.append(f"{_DAMAGED_MARK}{name} telah berubah sejak disimpan (sidik "
                            "SHA-256 tidak cocok); tidak ikut dicadangkan. Jalankan: "
                            "pandu check")
            continue
        kept.append((name, path))
        hashes[name] = (sha, size)
    return kept, hashes, warnings


def _damaged(warnings: list[str]) -> set[str]:
    return {w.removeprefix(_DAMAGED_MARK).split(" ")[0] for w in warnings}


def _missing_files(copy: Path, present: set[str]) -> list[str]:
    """A warning for each file the database names that is not in the data folder."""
    from peewee import DatabaseError, SqliteDatabase

    from db.database import using
    from desktop_app.safety.integrity import referenced_files

    database = SqliteDatabase(str(copy))
    try:
        with using(database):
            references = referenced_files()
    except DatabaseError:
        return []
    finally:
        database.close()
    missing = {}
    for path, _sha, label in references:
        if FILE_MEMBER.fullmatch(path or "") and path not in present:
            missing.setdefault(path, label)
    return [f"hilang: {label} ({path}) tidak ada di folder data; tidak ikut dicadangkan."
            for path, label in sorted(missing.items())]


def snapshot(database: Path, copy: Path) -> None:
    """A consistent copy of a (possibly live) database with SQLite's online backup, as a
    single self-contained file (rollback journal, not WAL)."""
    source = sqlite3.connect(str(database), timeout=30)
    try:
        dest = sqlite3.connect(str(copy))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    except sqlite3.Error as exc:
        mapped = storage_error(exc, copy.parent)
        raise mapped or DomainError(
            f"Basis data {database} tidak dapat disalin ({exc}). Jalankan: pandu check") from exc
    finally:
        source.close()


def describe_database(path: Path) -> tuple[tuple[str, ...], str, dict[str, int], str]:
    """(applied migrations, office name, counts, quick_check result) of a database file, of
    any schema version; a damaged file is described as far as it can be read."""
    counts = {"sop": 0, "proses": 0, "naskah": 0}
    schema: tuple[str, ...] = ()
    office, check = "", "ok"
    from urllib.request import pathname2url  # here: urllib pulls in http and ssl

    con = sqlite3.connect(f"file:{pathname2url(str(path))}?mode=ro", uri=True)
    try:
        rows = con.execute("PRAGMA quick_check(5)").fetchall()
        check = "; ".join(str(r[0]) for r in rows)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_migration" in tables:
            schema = tuple(sorted(r[0] for r in con.execute("SELECT name FROM schema_migration")))
        if "sop" in tables:
            columns = {r[1] for r in con.execute("PRAGMA table_info(sop)")}
            where = " WHERE archived_at IS NULL" if "archived_at" in columns else ""
            counts["sop"] = con.execute(f"SELECT COUNT(*) FROM sop{where}").fetchone()[0]
        for key, table in (("proses", "run"), ("naskah", "document")):
            if table in tables:
                counts[key] = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        if "office_setting" in tables:
            row = con.execute("SELECT value FROM office_setting WHERE key='nama_kantor'"
                              ).fetchone()
            office = row[0] if row else ""
    except sqlite3.DatabaseError as exc:
        check = check if check != "ok" else str(exc)
    finally:
        con.close()
    return schema, office, counts, check


def office_files(data_dir: Path) -> list[tuple[str, Path]]:
    """The office's stored files as (archive name, path); leftovers of an interrupted write
    (*.tmp) and anything not named by a hash are not the office's files."""
    folder = data_dir / FILES_FOLDER
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        name = f"{FILES_FOLDER}/{path.name}"
        if FILE_MEMBER.fullmatch(name) and path.is_file():
            found.append((name, path))
    return found


def _check_space(folder: Path, files: list[tuple[str, Path]]) -> None:
    """Refuse early when the stored files alone (already compressed, mostly) cannot fit."""
    try:
        free = shutil.disk_usage(folder if folder.exists() else folder.parent).free
        need = sum(path.stat().st_size for _name, path in files)
    except OSError:
        return
    if need > free:
        raise StorageError(f"Ruang di {folder} tidak cukup untuk cadangan: perlu sekitar "
                           f"{_megabytes(need)}, tersedia {_megabytes(free)}. Data tidak "
                           "berubah. Pilih tempat lain atau kosongkan ruang disk.")


def _write(target: Path, copy: Path, files, manifest: Manifest, progress) -> None:
    partial = target.with_name(f".{target.name}{TEMP_SUFFIX}-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_archive(partial, copy, files, manifest, progress)
        os.replace(partial, target)
        fsync_folder(target.parent)
    except OSError as exc:
        _discard(partial)
        raise StorageError(os_error_message(exc, target.parent)) from exc
    except BaseException:
        _discard(partial)
        raise


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


# --- automatic backups ----------------------------------------------------------------------

def auto_backup(data_dir: Path, now: datetime | None = None,
                progress: Progress | None = None) -> BackupInfo:
    """An automatic backup into `<data>/cadangan` (on close, once a day), then rotation."""
    now = now or utc_now()
    folder = backup_folder(data_dir)
    info = create_backup(data_dir, folder / auto_name(to_local(now)), now, progress)
    with contextlib.suppress(OSError):  # what cannot be deleted now is deleted next time
        rotate(folder)
    return info


def backup_due(data_dir: Path, now: datetime | None = None) -> bool:
    """True when no automatic backup was made today (local date)."""
    today = to_local(now or utc_now()).date()
    return not any(stamp.date() == today
                   for stamp, _path in automatic_backups(backup_folder(data_dir)))


def last_backup(data_dir: Path) -> datetime | None:
    """The local time of the newest automatic backup, if any."""
    backups = automatic_backups(backup_folder(data_dir))
    return backups[0][0] if backups else None


def copy_to_folder(data_dir: Path, folder: Path, now: datetime | None = None,
                   progress: Progress | None = None) -> BackupInfo:
    """"Cadangkan ke flashdisk": a fresh backup written into `folder`, then read back and
    checked, so a bad flash disk is found now rather than on the day it is needed."""
    if not folder.is_dir():
        raise InvalidInput(f"Folder {folder} tidak ada. Pasang flashdisk atau pilih folder lain.")
    ensure_writable(folder)
    now = now or utc_now()
    info = create_backup(data_dir, folder / copy_name(now), now, progress)
    try:
        verify_archive(info.path)
    except InvalidInput as exc:
        raise DomainError(f"Cadangan di {info.path} tidak terbaca kembali dengan benar; "
                          "flashdisk mungkin rusak. Coba flashdisk lain.") from exc
    except OSError as exc:
        raise StorageError(os_error_message(exc, folder)) from exc
    return info


def copy_name(now: datetime | None = None) -> str:
    """The name of a backup made on request: "Pandu-SOP-cadangan-2026-03-14-153012.zip"."""
    return f"{COPY_PREFIX}{to_local(now or utc_now()).strftime('%Y-%m-%d-%H%M%S')}.zip"


def pre_restore_backup(data_dir: Path, now: datetime | None = None) -> BackupInfo:
    """The safety copy made before a restore changes anything: a name no other restore can
    take (two restores in one second each keep their own), written, then read back."""
    now = now or utc_now()
    stamp = to_local(now).strftime("%Y%m%d-%H%M%S")
    folder = backup_folder(data_dir)
    target = folder / f"{PRE_RESTORE_PREFIX}{stamp}.zip"
    while target.exists() or target.is_symlink():
        target = folder / f"{PRE_RESTORE_PREFIX}{stamp}-{uuid.uuid4().hex[:6]}.zip"
    info = create_backup(data_dir, target, now)
    try:
        verify_archive(info.path)
    except (InvalidInput, OSError) as exc:
        raise StorageError(f"Cadangan pengaman {info.path} tidak terbaca kembali dengan benar "
                           "(disk rusak atau penuh?). Pemulihan dibatalkan; data tidak "
                           "berubah.") from exc
    return info


def _megabytes(size: int) -> str:
    return f"{angka(size / 2**20, 1, fixed=True)} MB"
