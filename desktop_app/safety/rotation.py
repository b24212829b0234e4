"""Which automatic backups to keep: the newest of each of the last 7 days, 4 weeks and 12
months that have a backup (a PC switched off for a month still keeps 7 daily backups)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

AUTO_PREFIX = "otomatis-"
SUFFIX = ".zip"
TEMP_SUFFIX = ".sementara"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_AUTO_NAME = re.compile(rf"{AUTO_PREFIX}(\d{{8}}-\d{{6}})(-\d+)?\{SUFFIX}")
_STALE_TEMP_SECONDS = 24 * 3600


def auto_name(at: datetime) -> str:
    """The file name of an automatic backup made at local time `at`."""
    return f"{AUTO_PREFIX}{at.strftime(STAMP_FORMAT)}{SUFFIX}"


def stamp_of(path: Path) -> datetime | None:
    """The local time in an automatic backup's name; None for any other file."""
    match = _AUTO_NAME.fullmatch(path.name)
    if not match:
        return None
    try:
        return datetime.strptime(match.group(1), STAMP_FORMAT)
    except ValueError:
        return None


def keep(stamps: Iterable[datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
         monthly: int = KEEP_MONTHLY) -> set[datetime]:
    """The backups to keep: for each period kind, the newest backup of each of the most
    recent periods that have one."""
    newest_first = sorted(set(stamps), reverse=True)
    periods = ((daily, lambda t: t.date()),
               (weekly, lambda t: tuple(t.isocalendar())[:2]),
               (monthly, lambda t: (t.year, t.month)))
    kept: set[datetime] = set()
    for count, period in periods:
        seen: set = set()
        for stamp in newest_first:
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.add(stamp)
    return kept


def automatic_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [(stamp, path) for path in folder.iterdir()
             if (stamp := stamp_of(path)) is not None and path.is_file()]
    return sorted(found, reverse=True)


def rotate(folder: Path) -> list[Path]:
    """Delete the automatic backups the policy does not keep, and temporary files left by
    a backup that was interrupted long ago; returns what was deleted. Other files (a backup
    made before a restore, copies made before an upgrade) are never touched."""
    backups = automatic_backups(folder)
    kept = keep(stamp for stamp, _path in backups)
    removed = []
    for stamp, path in backups:
        if stamp not in kept:
            path.unlink(missing_ok=True)
            removed.append(path)
    now = time.time()
    for path in folder.glob(f"*{TEMP_SUFFIX}*") if folder.is_dir() else ():
        try:
            if now - path.stat().st_mtime > _STALE_TEMP_SECONDS:
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    return removed
