"""GUI test helpers: a 1366×768 screen, screenshots for reviewers under screenshots/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The offscreen screen is 800×800 unless told: GUI tests run on the common office laptop's
# 1366×768 (PANDU_TEST_SCREEN=small gives 1280×720), set before the QApplication is made.
_SCREEN = Path(__file__).parent / "screens" / (
    os.environ.get("PANDU_TEST_SCREEN", "laptop") + ".json")
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

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
def unsaved_input_is_dropped_at_teardown(monkeypatch):
    """Closing a window with typed input asks Simpan / Jangan simpan / Batal; a test that
    does not answer itself (monkeypatch again) gets "Jangan simpan", so teardown never blocks
    on a modal question."""
    from desktop_app.gui import questions

    monkeypatch.setattr(questions, "save_changes", lambda *a, **k: "buang")
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: True)
