"""An office's data folder opened for work: the migrated database, first-run templates."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from db.database import connect, migrate
from desktop_app.common.errors import DomainError
from desktop_app.common.paths import DATABASE_NAME, templates_dir
from desktop_app.safety.lost_database import check_not_lost
from desktop_app.safety.temp_area import clean_temp_area

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    data_dir: Path
    database: SqliteDatabase

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "cadangan"

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()


def open_workspace(data_dir: Path) -> Workspace:
    """Open the data folder, creating and initialising it (with the SOP templates) if new."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(
            f"Folder data {data_dir} tidak dapat dibuat ({exc.strerror}). "
            "Pilih folder lain dengan --data-dir atau periksa izin folder."
        ) from exc
    check_not_lost(data_dir)
    with contextlib.suppress(OSError):  # a read-only folder: nothing of ours can be there
        clean_temp_area(data_dir)
    try:
        database = connect(data_dir / DATABASE_NAME)
        workspace = Workspace(data_dir, database)
        migrate(database, backup_dir=workspace.backup_dir)
    except DatabaseError as exc:
        raise DomainError(
            f"Basis data di {data_dir} tidak dapat dibuka ({exc}). Pastikan folder dapat "
            "ditulisi dan tidak dipakai program lain. Periksa dengan perintah: pandu check; "
            "bila rusak, pulihkan cadangan: pandu restore BERKAS.zip"
        ) from exc
    _install_templates_once(database, data_dir)
    return workspace


def _install_templates_once(database: SqliteDatabase, data_dir: Path) -> None:
    """A new office starts with the SOP templates. The marker is written in the same
    transaction, so a crash, a second process or an emptied library never repeats it."""
    from db.models import Sop
    from desktop_app.office.settings import get_setting, set_settings
    from desktop_app.sop.library import install_templates

    if get_setting("templates_installed"):
        return
    with database.atomic("IMMEDIATE"):
        if get_setting("templates_installed"):
            return
        if not Sop.select().exists():  # an upgraded office keeps its own library as it is
            count = install_templates(database, templates_dir())
            log.info("new data folder %s: %d SOP templates installed", data_dir, count)
        set_settings(database, {"templates_installed": "1"})
