"""One window per data folder: a lock file holding the pid of the copy of the app that uses it.

The lock is an operating-system lock on `<data>/pandu.lock` (flock on Linux/macOS, a locked
byte on Windows), so it disappears by itself when that process ends, even by a crash or a
power cut: a lock left behind is never in the way. The file also says who holds it (pid,
computer, since when) for the message. Where the file system has no locks (some network
shares), the pid in the file decides: a pid that no longer runs is a stale lock.

The command line (`pandu sop ...`, `pandu backup`) does not take the lock: SQLite lets it work
beside the window safely. Only `pandu restore` takes it, as it replaces the data.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.common.errors import DomainError
from desktop_app.safety.storage import StorageError, os_error_message

LOCK_NAME = "pandu.lock"
_WINDOWS_LOCK_OFFSET = 1 << 20  # the locked byte, past the text so others can read it


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    program: str
    since: str  # local time, "2026-03-14 08.15"


class DataInUse(DomainError):
    """Another running copy of the app holds the data folder."""

    def __init__(self, data_dir: Path, holder: LockHolder | None):
        self.holder = holder
        who = ""
        if holder is not None:
            where = "komputer ini" if holder.host == socket.gethostname() else \
                f"komputer {holder.host}"
            who = f" ({holder.program}, proses {holder.pid} di {where}, sejak {holder.since})"
        super().__init__(
            f"Data di folder {data_dir} sedang dipakai oleh Pandu SOP lain yang masih "
            f"terbuka{who}. Gunakan jendela Pandu SOP yang sudah terbuka itu (lihat di taskbar), "
            "atau tutup dulu, lalu buka lagi. Jika tidak ada yang terbuka, mulai ulang "
            "komputer.")


class InstanceLock:
    """Held until `release()` (or the end of the process)."""

    def __init__(self, path: Path, fd: int):
        self.path, self._fd = path, fd

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)  # nobody's pid lingers in the file
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(data_dir: Path, program: str = "jendela Pandu SOP") -> InstanceLock:
    """Take the data folder's lock; DataInUse if a running copy holds it, StorageError if
    the folder cannot be written."""
    path = data_dir / LOCK_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StorageError(os_error_message(exc, data_dir)) from exc
    try:
        locked = _try_lock(fd)
        if locked is False:
            raise DataInUse(data_dir, _read_holder(fd))
        if locked is None:  # no locks on this file system: trust the pid
            holder = _read_holder(fd)
            if holder is not None and _alive(holder):
                raise DataInUse(data_dir, holder)
        _write_holder(fd, program)
    except BaseException as exc:
        if not isinstance(exc, DataInUse):
            _unlock(fd)
        os.close(fd)
        if isinstance(exc, OSError):
            raise StorageError(os_error_message(exc, data_dir)) from exc
        raise
    return InstanceLock(path, fd)


def holder(data_dir: Path) -> LockHolder | None:
    """Who holds the data folder now; None when nobody does (or the lock is stale)."""
    try:
        lock = acquire(data_dir, "pemeriksaan")
    except DataInUse as exc:
        return exc.holder or LockHolder(0, "", "Pandu SOP", "")
    lock.release()
    return None


def _write_holder(fd: int, program: str) -> None:
    info = {"pid": os.getpid(), "host": socket.gethostname(), "program": program,
            "since": datetime.now().strftime("%Y-%m-%d %H.%M")}
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(info).encode("utf-8"))
    os.fsync(fd)


def _read_holder(fd: int) -> LockHolder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096).decode("utf-8"))
        return LockHolder(int(info["pid"]), str(info["host"]), str(info["program"]),
                          str(info["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(holder: LockHolder) -> bool:
    if holder.host != socket.gethostname():
        return True  # another computer: we cannot tell, so we do not take over
    if holder.pid == os.getpid():
        return True
    return pid_running(holder.pid)


# --- the operating system's lock ----------------------------------------------------------
# _try_lock: True locked, False held by another, None locks unsupported here.

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import ctypes
    import msvcrt

    def _try_lock(fd: int) -> bool | None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        except OSError:
            return None
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

    def pid_running(pid: int) -> bool:
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFO
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool | None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            return None  # ENOLCK, EOPNOTSUPP: a file system without locks
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    def pid_running(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
