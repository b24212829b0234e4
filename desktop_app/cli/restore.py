"""`pandu restore FILE`: replace the data with a backup's, after backing up the current data.

Refused while a window of Pandu SOP has the data folder open (the instance lock).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from desktop_app.cli import acting

NAME = "restore"


def register(commands) -> None:
    restore = commands.add_parser(
        NAME, help="pulihkan data dari berkas cadangan (data sekarang dicadangkan dulu)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--kantor-lain", dest="other_office", action="store_true",
                         help="pulihkan juga bila cadangan itu milik kantor lain (seluruh data "
                              "kantor ini diganti)")
    acting.add_option(restore)


def run(args, workspace) -> int:
    return _restore(args, workspace.data_dir, workspace.database)


def run_on_folder(args, data_dir: Path) -> int:
    """For a data folder whose database cannot be opened (damaged): no workspace needed."""
    from desktop_app.workspace import database_url

    if database_url():
        from desktop_app.common.errors import DomainError

        raise DomainError("Data kantor ini ada di server PostgreSQL; pandu restore baru "
                          "memulihkan berkas SQLite di folder data. Pulihkan basis data di PC "
                          "server dengan pg_restore ke basis data kosong (lihat README, bagian "
                          "Beberapa PC).")
    return _restore(args, data_dir, None)


def _restore(args, data_dir: Path, database) -> int:
    from desktop_app.safety.inspection import inspect_backup
    from desktop_app.safety.instance_lock import acquire
    from desktop_app.safety.restore import require_restorable, restore

    path = args.file
    with acquire(data_dir, "perintah pandu restore"), _current_data(data_dir,
                                                                    database) as current:
        actor = None
        if current is not None:  # a database that still opens: only its admin restores
            from desktop_app.office.permissions import OP, require

            actor = acting.acting_person(args, current, "memulihkan data dari cadangan")
            require(actor, OP.RESTORE)
        summary = inspect_backup(path, data_dir)
        for line in summary.lines():
            print(line)
        require_restorable(summary, args.other_office)
        result = restore(data_dir, path, database, other_office=args.other_office,
                         actor=actor)
    if result.safety_backup:
        print(f"Data sebelum pemulihan disimpan di: {result.safety_backup}")
    if result.damaged_copy:
        print(f"Basis data lama tidak dapat dibaca; salinannya disimpan di: "
              f"{result.damaged_copy}")
    for warning in result.warnings:
        print(f"Peringatan: {warning}")
    if result.upgraded:
        print(f"Data diperbarui ke versi ini ({len(result.upgraded)} langkah pembaruan).")
    print(f"Data dipulihkan dari {path.name}.")
    return 0


@contextmanager
def _current_data(data_dir: Path, database):
    """The data folder's database, bound for the check of who restores, or None when it
    cannot be read (damaged, missing) or has nobody yet: then there is no one to ask."""
    from db.database import using
    from desktop_app.common.paths import DATABASE_NAME

    if database is not None:
        yield database if _has_people(database) else None
        return
    path = data_dir / DATABASE_NAME
    if not path.exists():
        yield None
        return
    from peewee import SqliteDatabase

    from db.database import PRAGMAS

    own = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        with using(own):
            yield own if _has_people(own) else None
    finally:
        own.close()


def _has_people(database) -> bool:
    from db.database import using
    from desktop_app.office.people import list_people

    try:
        with using(database):
            return bool(list_people())
    except Exception:  # noqa: BLE001 - a damaged database: restoring is how it is mended
        return False
