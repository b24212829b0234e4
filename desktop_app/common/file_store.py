"""The office's files in the data folder, stored by content hash (berkas/<sha256>.<ext>).

Names from outside never become paths: only the hash and a known extension do.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop_app.common.errors import InvalidInput

FILES_FOLDER = "berkas"
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
# Programs, scripts, shortcuts and macro documents: opening one runs something.
EXECUTABLE_EXTENSIONS = frozenset((
    "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "msc", "cpl", "dll", "sys", "lnk",
    "url", "reg", "vb", "vbs", "vbe", "js", "jse", "ws", "wsf", "wsh", "wsc", "hta", "ps1",
    "psm1", "psd1", "ps1xml", "jar", "sh", "bash", "command", "run", "bin", "appimage", "app",
    "desktop", "py", "pyw", "pl", "rb", "inf", "scf", "gadget", "application", "appref",
    "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "ppsm", "sldm", "iso",
    "img", "vhd", "vhdx", "chm", "library"))
_STORED = re.compile(rf"{FILES_FOLDER}/[0-9a-f]{{64}}(\.[a-z0-9]{{1,8}})?")


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    relative_path: str
    size: int


def store_bytes(data_dir: Path, data: bytes, extension: str) -> StoredFile:
    """Write `data` once under its hash; storing the same content again costs nothing."""
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:8]
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{FILES_FOLDER}/{digest}" + (f".{extension}" if extension else "")
    target = data_dir / relative
    if not target.exists():
        # OSError passes through: callers show it as storage.storage_error words it ("Disk
        # penuh: …", "… tidak dapat ditulisi"), the same message everywhere.
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
    return StoredFile(digest, relative, len(data))


def store_file(data_dir: Path, source: Path, max_bytes: int = MAX_ATTACHMENT_BYTES
               ) -> StoredFile:
    """Copy a file the user picked into the data folder; programs and scripts are refused."""
    require_inert(source)
    try:
        data = read_limited(source, max_bytes)
    except OSError as exc:
        raise InvalidInput(f'Berkas "{source.name}" tidak dapat dibaca ({exc.strerror}).'
                           ) from exc
    return store_bytes(data_dir, data, source.suffix.lstrip("."))


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read a file from outside, refusing before reading anything that is not a regular file
    (a folder, a device such as /dev/zero, a pipe) or is bigger than `max_bytes`, even when
    it grows while being read. OSError passes through for the caller's own message."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f'"{path}" bukan berkas biasa (folder, perangkat atau pipa). Pilih '
                           "sebuah berkas.")
    too_big = InvalidInput(f'Berkas "{path.name}" lebih dari {max_bytes // 2**20} MB.')
    if info.st_size > max_bytes:
        raise too_big
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_big
    return data


def is_executable(path: Path | str) -> bool:
    """Whether opening the file with the computer's own program could run something."""
    name = Path(path).name.lower().rstrip(". ")
    return "." in name and name.rsplit(".", 1)[1] in EXECUTABLE_EXTENSIONS


def require_inert(path: Path | str) -> None:
    """InvalidInput for a program, script or shortcut (attached or about to be opened)."""
    if is_executable(path):
        extension = Path(path).name.lower().rstrip(". ").rsplit(".", 1)[1]
        raise InvalidInput(f'Berkas "{Path(path).name}" adalah program, skrip atau pintasan '
                           f"(.{extension}); berkas seperti itu tidak diterima dan tidak dibuka "
                           "karena dapat menjalankan perintah di komputer. Kirim sebagai PDF, "
                           "gambar atau dokumen biasa.")


def stored_path(data_dir: Path, relative: str) -> Path | None:
    """The absolute path of a stored file, or None if the name is not ours or it is gone."""
    if not _STORED.fullmatch(relative or ""):
        return None
    path = (data_dir / relative).absolute()
    return path if path.is_file() else None
