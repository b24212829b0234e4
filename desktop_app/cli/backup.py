"""`pandu backup [-o FILE]`: a backup of the database and the office's files as one zip."""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.errors import DomainError, InvalidInput

NAME = "backup"


def register(commands) -> None:
    backup = commands.add_parser(
        NAME, help="cadangkan basis data dan berkas kantor ke satu berkas zip")
    backup.add_argument("-o", dest="output", type=Path, metavar="FILE",
                        help="berkas cadangan (.zip) atau folder tujuan, misalnya flashdisk; "
                             "tanpa -o: ke folder cadangan di dalam folder data")


NETWORK_BACKUP = ("Data kantor ini ada di server PostgreSQL; pandu backup baru mencadangkan "
                  "berkas SQLite di folder data. Cadangkan basis data di PC server dengan "
                  "pg_dump -Fc (lihat README, bagian Beberapa PC), dan folder data ini "
                  "bersama folder berkas-nya.")


def run(args, workspace) -> int:
    from desktop_app.safety.backup import auto_backup, copy_name, create_backup

    if workspace.networked:
        raise DomainError(NETWORK_BACKUP)
    if args.output is None:
        info = auto_backup(workspace.data_dir)
    else:
        target = args.output
        if target.is_dir():
            target = target / copy_name()
        elif not target.parent.is_dir():
            raise InvalidInput(f"Folder {target.parent} tidak ada; buat dulu atau pilih folder "
                               "lain.")
        info = create_backup(workspace.data_dir, target)
    print(f"Cadangan disimpan: {info.summary()}")
    for warning in info.warnings:
        print(f"Peringatan: berkas {warning}")
    if info.warnings:
        print("Berkas di atas tidak ada di cadangan ini. Jalankan: pandu check")
    return 0
