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
