"""GUI test helpers: screenshots for reviewers under the git-ignored screenshots/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def screenshot():
    def save(widget, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        widget.grab().save(str(path))
        return path

    return save


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path):
    """Window state goes to a temporary folder, never to the developer's own settings."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
