"""The data folder's own temporary area (`<data>/.sementara`): database copies made while
backing up or inspecting a backup live there, never in the system's temp folder (they hold
PIN hashes), and what a killed process left behind is removed at the next start."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop_app.safety.instance_lock import pid_running

TEMP_FOLDER = ".sementara"


def temp_area(data_dir: Path) -> Path:
    """The temporary area of `data_dir`, created if needed (OSError if it cannot be)."""
    folder = data_dir / TEMP_FOLDER
    if folder.is_symlink():
        folder.unlink()  # never write copies through a planted link
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


@contextlib.contextmanager
def temp_folder(data_dir: Path, purpose: str) -> Iterator[Path]:
    """A private folder inside the temporary area, removed afterwards; named with the
    process id, so a later start knows whether its owner is still running."""
    path = Path(tempfile.mkdtemp(prefix=f"{purpose}-{os.getpid()}-", dir=temp_area(data_dir)))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        with contextlib.suppress(OSError):
            (data_dir / TEMP_FOLDER).rmdir()  # only when empty


def clean_temp_area(data_dir: Path) -> int:
    """Remove what processes that no longer run left in the temporary area; the number
    removed. Folders of a process still running (a backup beside the window) stay."""
    folder = data_dir / TEMP_FOLDER
    if folder.is_symlink():
        with contextlib.suppress(OSError):
            folder.unlink()
        return 0
    if not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.iterdir():
        if _owner_running(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        removed += 1
    with contextlib.suppress(OSError):
        folder.rmdir()
    return removed


def _owner_running(name: str) -> bool:
    parts = name.split("-")
    if len(parts) < 3 or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    return pid == os.getpid() or pid_running(pid)
