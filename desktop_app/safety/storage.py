"""Plain Indonesian messages for a full disk, a read-only folder or a busy database.

`storage_error` turns the low-level error (an OSError, or SQLite's "database or disk is full",
"attempt to write a readonly database", ...) into a DomainError whose message says what
happened, that nothing saved before was lost, and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import uuid
from pathlib import Path

from desktop_app.common.errors import DomainError

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
_NOTHING_LOST = "Data yang sudah tersimpan sebelumnya tetap aman."


class StorageError(DomainError):
    """The disk or folder does not let us write (full, read-only, removed, busy)."""


def disk_full_message(place: Path | str) -> str:
    return (f"Disk penuh: tidak ada ruang untuk menulis di {place}. Perubahan terakhir belum "
            f"tersimpan. {_NOTHING_LOST} Kosongkan ruang disk (hapus berkas yang tidak "
            "diperlukan, kosongkan Recycle Bin), lalu ulangi.")


def read_only_message(place: Path | str) -> str:
    return (f"Folder {place} tidak dapat ditulisi (hanya-baca atau tidak ada izin). Perubahan "
            f"terakhir belum tersimpan. {_NOTHING_LOST} Pastikan folder data tidak berada di "
            "CD/flashdisk yang dikunci dan akun Windows Anda boleh menulis di sana, atau pilih "
            "folder data lain.")


def os_error_message(exc: OSError, place: Path | str) -> str:
    """A plain sentence for an OSError met while writing to `place`."""
    if exc.errno in _FULL:
        return disk_full_message(place)
    if exc.errno in _READ_ONLY or isinstance(exc, PermissionError):
        return read_only_message(place)
    if exc.errno == errno.ENOENT:
        return (f"Folder {place} tidak ditemukan (mungkin flashdisk dicabut atau folder "
                "dihapus). Pasang kembali atau pilih folder lain, lalu ulangi.")
    reason = exc.strerror or str(exc)
    return (f"Tidak dapat menulis di {place} ({reason}). {_NOTHING_LOST} Periksa disk atau "
            "flashdisk, lalu ulangi.")


def storage_error(exc: BaseException, place: Path | str = "folder data") -> StorageError | None:
    """A StorageError with a plain message for disk-full, read-only, busy or I/O errors of
    SQLite or the file system; None for any other error.

    The error's chain is searched too: when the disk fills, SQLite rolls the transaction back
    itself and the ROLLBACK that follows fails with "no transaction is active", hiding the
    real cause in `__context__`."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        mapped = _storage_error(exc, place)
        if mapped is not None:
            return mapped
        exc = exc.__cause__ or exc.__context__
    return None


def _storage_error(exc: BaseException, place: Path | str) -> StorageError | None:
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        return StorageError(os_error_message(exc, place))
    if not _is_sqlite_error(exc):
        return None
    text = str(exc).lower()
    if "disk is full" in text:
        return StorageError(disk_full_message(place))
    if "readonly" in text or "read-only" in text:
        return StorageError(read_only_message(place))
    if "database is locked" in text or "database is busy" in text:
        return StorageError("Basis data sedang dipakai proses lain (misalnya pencadangan atau "
                            "perintah pandu) dan belum dapat ditulisi. Tunggu sebentar, lalu "
                            f"ulangi. {_NOTHING_LOST}")
    if "disk i/o error" in text or "unable to open database file" in text:
        return StorageError(f"Basis data di {place} tidak dapat dibaca atau ditulisi (kesalahan "
                            "disk). Jika folder data ada di flashdisk, pastikan flashdisk "
                            "terpasang. Jika masalah berulang, jalankan: pandu check")
    return None


def _is_sqlite_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    try:
        from peewee import DatabaseError
    except ImportError:  # pragma: no cover - peewee is a dependency
        return False
    return isinstance(exc, DatabaseError)


def ensure_writable(folder: Path) -> None:
    """Create `folder` if needed and prove that a file can be written, synced and removed
    there; raise StorageError with a plain message otherwise."""
    probe = folder / f".tulis-uji-{uuid.uuid4().hex[:8]}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"pandu")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise StorageError(os_error_message(exc, folder)) from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (POSIX); a no-op where folders cannot be synced."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
