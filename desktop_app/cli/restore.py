"""`pandu restore FILE`: replace the data with a backup's, after backing up the current data.

Refused while a window of Pandu SOP has the data folder open (the instance lock).
"""

from __future__ import annotations

from pathlib import Path

NAME = "restore"


def register(commands) -> None:
    restore = commands.add_parser(
        NAME, help="pulihkan data dari berkas cadangan (data sekarang dicadangkan dulu)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--kantor-lain", dest="other_office", action="store_true",
                         help="pulihkan juga bila cadangan itu milik kantor lain (seluruh data "
                              "kantor ini diganti)")


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
    with acquire(data_dir, "perintah pandu restore"):
        summary = inspect_backup(path, data_dir)
        for line in summary.lines():
            print(line)
        require_restorable(summary, args.other_office)
        result = restore(data_dir, path, database, other_office=args.other_office)
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
