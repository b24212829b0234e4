"""The one gate every SOP coming from outside passes first, whether a pandu-sop/1 file or an
office document to import: a regular file, not empty, at most 5 MB, read without trusting its
size (it may grow or be a device). The same limits and the same Indonesian messages for both."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import read_limited

MAX_SOP_INPUT_BYTES = 5 * 1024 * 1024
MAX_SOP_INPUT_MB = MAX_SOP_INPUT_BYTES // 2**20


def too_big(name: str) -> InvalidInput:
    return InvalidInput(f"Berkas {name} terlalu besar untuk sebuah SOP (lebih dari "
                        f"{MAX_SOP_INPUT_MB} MB). Simpan ulang tanpa gambar besar, atau bagi "
                        "per SOP.")


def read_sop_input(path: Path) -> bytes:
    """The bytes of an SOP file or document the user picked, or InvalidInput saying why not."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InvalidInput(f"Berkas {path} tidak dapat dibuka: {exc.strerror}.") from exc
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f'"{path}" bukan berkas biasa (folder, perangkat atau pipa). Pilih '
                           "sebuah berkas SOP.")
    if info.st_size > MAX_SOP_INPUT_BYTES:
        raise too_big(path.name)
    try:
        data = read_limited(path, MAX_SOP_INPUT_BYTES)
    except InvalidInput as exc:  # it grew past the limit, or was swapped, while being read
        raise too_big(path.name) from exc
    except OSError as exc:
        raise InvalidInput(f"Berkas {path} tidak dapat dibaca: {exc.strerror}.") from exc
    if not data.strip():
        raise InvalidInput(f"{path.name} kosong; pilih berkas SOP yang berisi data.")
    return data
