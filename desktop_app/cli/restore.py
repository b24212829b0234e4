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


def run(args, workspace) -> int:
    return _restore(args.file, workspace.data_dir, workspace.database)


def run_on_folder(args, data_dir: Path) -> int:
    """For a data folder whose database cannot be opened (damaged): no workspace needed."""
    return _restore(args.file, data_dir, None)


def _restore(path: Path, data_dir: Path, database) -> int:
    from desktop_app.safety.instance_lock import acquire
    from desktop_app.safety.restore import preview, restore

    summary = preview(path)
    for line in summary.lines():
        print(line)
    with acquire(data_dir, "perintah pandu restore"):
        result = restore(data_dir, path, database)
    if result.safety_backup:
        print(f"Data sebelum pemulihan disimpan di: {result.safety_backup}")
    if result.damaged_copy:
        print(f"Basis data lama tidak dapat dibaca; salinannya disimpan di: "
              f"{result.damaged_copy}")
    if result.upgraded:
        print(f"Data diperbarui ke versi ini ({len(result.upgraded)} langkah pembaruan).")
    print(f"Data dipulihkan dari {path.name}.")
    return 0
