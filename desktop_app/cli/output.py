"""Output paths given on the command line, checked before any work is done."""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.errors import InvalidInput


def check_writable(path: Path, example: str = "berkas.pdf") -> None:
    """An output path a person can fix: its folder exists and it is not itself a folder."""
    if not path.parent.exists():
        raise InvalidInput(f"Folder {path.parent} tidak ada; buat dulu atau pilih folder lain.")
    if path.is_dir():
        raise InvalidInput(f"{path} adalah folder; tulis nama berkas, misalnya {path}/{example}")
