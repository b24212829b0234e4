"""An office's data folder opened for work: the migrated database, first-run templates.

The database is the folder's SQLite file, or (network mode) the PostgreSQL database given by
`db_url` or the environment variable PANDU_DB (`pandu --db URL` sets it); the folder then
still holds this PC's files (berkas, cadangan)."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, DatabaseError, OperationalError

from db.database import (
    bind,
    bound,
    connect,
    connect_read_only,
    connect_url,
    describe_url,
    is_postgres,
    migrate,
    pending_migrations,
    transaction,
    unbind,
    using,
)
from desktop_app.common.errors import DomainError
from desktop_app.common.paths import DATABASE_NAME, templates_dir
from desktop_app.safety.lost_database import check_not_lost
from desktop_app.safety.temp_area import clean_temp_area

log = logging.getLogger(__name__)


READ_ONLY_NOTE = ("Folder data {dir} hanya dapat dibaca: data dapat dilihat, dicetak dan "
                  "diperiksa, tetapi penyimpanan dimatikan. Untuk bekerja seperti biasa, "
                  "salin folder data ke disk yang dapat ditulisi atau minta izin tulis.")


@dataclass
class Workspace:
    data_dir: Path
    database: Database  # SqliteDatabase, or PostgreSQL in network mode
    read_only: bool = False  # the folder cannot be written: reading, printing, checking only

    @property
    def read_only_note(self) -> str:
        return READ_ONLY_NOTE.format(dir=self.data_dir) if self.read_only else ""

    @property
    def networked(self) -> bool:
        """The data lives on the office's PostgreSQL server."""
        return is_postgres(self.database)

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "cadangan"

    def active(self):
        """A block in which the models reach this workspace's database (see db.database)."""
        return using(self.database)

    def close(self) -> None:
        unbind(self.database)
        if not self.database.is_closed():
            self.database.close()


# SQLite refuses database paths over 512 characters, and the office's files (berkas/<sha256>
# .ext, backups, temporary copies) add about 100 more: a longer folder fails in odd places.
MAX_DATA_DIR_CHARS = 400


DB_ENV = "PANDU_DB"


def database_url(db_url: str | None = None) -> str | None:
    """The PostgreSQL URL this process works on, or None for the folder's SQLite file."""
    return db_url or os.environ.get(DB_ENV) or None


def open_workspace(data_dir: Path, db_url: str | None = None) -> Workspace:
    """Open the data folder, creating and initialising it (with the SOP templates) if new.
    With `db_url` (or PANDU_DB), the data is the PostgreSQL database there (migrated too).

    The first workspace opened in a process becomes the one the models reach; a further one
    (while the first is open) is reached only inside `workspace.active()`.
    """
    length = len(str(data_dir.absolute()))
    if length > MAX_DATA_DIR_CHARS:
        raise DomainError(
            f"Alamat folder data terlalu panjang ({length} karakter; paling banyak "
            f"{MAX_DATA_DIR_CHARS}), sehingga basis data dan berkas kantor tidak dapat disimpan "
            "di dalamnya. Pilih folder dengan alamat yang lebih pendek, misalnya "
            "C:\\PanduSOP atau D:\\Data\\PanduSOP (--data-dir atau PANDU_HOME).")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(
            f"Folder data {data_dir} tidak dapat dibuat ({exc.strerror}). "
            "Pilih folder lain dengan --data-dir atau periksa izin folder."
        ) from exc
    db_url = database_url(db_url)
    if db_url:
        return _open_networked(data_dir, db_url)
    check_not_lost(data_dir)
    read_only = not _writable(data_dir)
    if not read_only:
        with contextlib.suppress(OSError):
            clean_temp_area(data_dir)
    try:
        if read_only:
            database = connect_read_only(data_dir / DATABASE_NAME)
            workspace = Workspace(data_dir, database, read_only=True)
            if pending_migrations(database):
                database.close()
                raise DomainError(f"Folder data {data_dir} hanya dapat dibaca, padahal datanya "
                                  "perlu diperbarui ke versi Pandu SOP ini. Buka dari folder "
                                  "yang dapat ditulisi (salin foldernya), lalu ulangi.")
            _bind_if_first(database)
            return workspace
        database = connect(data_dir / DATABASE_NAME)
        workspace = Workspace(data_dir, database)
        with workspace.active():
            migrate(database, backup_dir=workspace.backup_dir)
            _install_templates_once(data_dir)
    except DatabaseError as exc:
        raise DomainError(
            f"Basis data di {data_dir} tidak dapat dibuka ({exc}). Pastikan folder dapat "
            "ditulisi dan tidak dipakai program lain. Periksa dengan perintah: pandu check; "
            "bila rusak, pulihkan cadangan: pandu restore BERKAS.zip"
        ) from exc
    _bind_if_first(database)
    return workspace


def _open_networked(data_dir: Path, db_url: str) -> Workspace:
    try:
        database = connect_url(db_url)
    except ValueError as exc:
        raise DomainError(f"Alamat basis data tidak dapat dipahami ({exc}). Tulis seperti: "
                          "postgresql://pengguna@alamat-server:5432/nama_basis_data") from exc
    except OperationalError as exc:
        raise DomainError(
            f"Server basis data {describe_url(db_url)} tidak dapat dihubungi "
            f"({str(exc).strip()}). Pastikan PC server menyala, terhubung ke jaringan kantor, "
            "dan nama pengguna serta kata sandinya benar.") from exc
    workspace = Workspace(data_dir, database)
    try:
        with workspace.active():
            migrate(database)
            _install_templates_once(data_dir)
    except DatabaseError as exc:
        database.close()
        raise DomainError(f"Basis data {describe_url(db_url)} tidak dapat disiapkan ({exc}). "
                          "Pastikan pengguna itu boleh membuat tabel di basis data "
                          "tersebut.") from exc
    _bind_if_first(database)
    return workspace


def _bind_if_first(database) -> None:
    current = bound()
    if current is None or current.is_closed():
        bind(database)


def _writable(data_dir: Path) -> bool:
    """Whether the data folder (and its database, if there) can be written."""
    from desktop_app.safety.storage import StorageError, ensure_writable

    database = data_dir / DATABASE_NAME
    if database.exists() and not os.access(database, os.W_OK):
        return False
    try:
        ensure_writable(data_dir)
    except StorageError:
        return not database.is_file()  # a new office must be created: say why it cannot
    return True


def _install_templates_once(data_dir: Path) -> None:
    """A new office starts with the SOP templates. The marker is written in the same
    transaction, so a crash, a second process or an emptied library never repeats it."""
    from desktop_app.office.settings import get_setting, set_settings

    if get_setting("templates_installed"):
        return
    from db.models import Sop
    from desktop_app.sop.library import install_templates

    with transaction("IMMEDIATE"):
        if get_setting("templates_installed"):
            return
        if not Sop.select().exists():  # an upgraded office keeps its own library as it is
            count = install_templates(templates_dir())
            log.info("new data folder %s: %d SOP templates installed", data_dir, count)
        set_settings({"templates_installed": "1"})
