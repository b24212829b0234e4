"""Opening a file or folder with the computer's own program (tests patch `open_path`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop_app.common.file_store import require_inert


def open_path(path: Path) -> None:
    """Never hands a program, script or shortcut to the system (InvalidInput instead)."""
    require_inert(path)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
