"""A data folder whose database is gone: office files (stored files, backups) but no
`pandu.sqlite3`, or an empty one. It is reported with the newest backup to restore, never
silently re-created as a new, empty office."""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.errors import DomainError
from desktop_app.common.file_store import FILES_FOLDER
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.safety.archive import FILE_MEMBER


class LostDatabase(DomainError):
    """The data folder holds an office's files but its database is missing or empty."""

    def __init__(self, message: str, newest_backup: Path | None):
        super().__init__(message)
        self.newest_backup = newest_backup


def check_not_lost(data_dir: Path) -> None:
    """Raise LostDatabase when the folder holds office files but no (or an empty) database."""
    database = data_dir / DATABASE_NAME
    try:
        if database.is_file() and database.stat().st_size > 0:
            return
    except OSError:
        return  # unreadable: opening it reports that
    if not _holds_office_files(data_dir):
        return  # a new office
    newest = newest_backup(data_dir)
    state = "kosong (0 bita)" if database.is_file() else "tidak ada"
    todo = (f"Pulihkan cadangan terbaru: pandu restore \"{newest}\" (atau menu \"Pulihkan dari "
            "cadangan…\")." if newest else
            "Tidak ada cadangan di folder \"cadangan\"; pulihkan dari cadangan di flashdisk: "
            "pandu restore BERKAS.zip, atau minta bantuan pengelola TI.")
    raise LostDatabase(
        f"Basis data {database} {state}, padahal folder data ini berisi berkas kantor. Pandu "
        f"SOP tidak membuat kantor baru yang kosong di atasnya. {todo}", newest)


def newest_backup(data_dir: Path) -> Path | None:
    """The most recently written backup in `<data>/cadangan`, of any kind."""
    from desktop_app.safety.backup import BACKUP_FOLDER  # only when the database is lost

    folder = data_dir / BACKUP_FOLDER
    try:
        backups = [p for p in folder.glob("*.zip") if p.is_file() and not p.name.startswith(".")]
        return max(backups, key=lambda p: p.stat().st_mtime) if backups else None
    except OSError:
        return None


def _holds_office_files(data_dir: Path) -> bool:
    try:
        files = data_dir / FILES_FOLDER
        if files.is_dir() and any(FILE_MEMBER.fullmatch(f"{FILES_FOLDER}/{p.name}")
                                  for p in files.iterdir()):
            return True
        return newest_backup(data_dir) is not None
    except OSError:
        return False
