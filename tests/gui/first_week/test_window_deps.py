"""`make run` on a fresh Debian desktop: the window's libraries are installed by window-deps,
and when one is missing the app says in Indonesian what to install instead of Qt's abort."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from desktop_app import app

ROOT = Path(__file__).resolve().parents[3]


def test_missing_libraries_are_named_as_debian_packages():
    missing = app.missing_window_packages(
        {"DISPLAY": ":0"}, load=lambda name: name != "libxcb-cursor.so.0")
    assert missing == (["libxcb-cursor0"] if sys.platform.startswith("linux") else [])
    text = app.window_packages_message(["libxcb-cursor0", "libxcb-icccm4"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in text
    assert "tidak dapat dibuka" in text and "make window-deps" in text


def test_other_platforms_are_not_checked():
    never = lambda name: False  # noqa: E731
    assert app.missing_window_packages({"QT_QPA_PLATFORM": "offscreen"}, never) == []
    assert app.missing_window_packages({"WAYLAND_DISPLAY": "wayland-0"}, never) == []


def test_run_gui_prints_the_message_and_stops(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(app, "missing_window_packages", lambda: ["libxcb-cursor0"])
    assert app.run_gui(tmp_path) == 1
    assert "libxcb-cursor0" in capsys.readouterr().err


def test_make_run_installs_the_window_libraries():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: .*window-deps", makefile, re.M)
    for package in app.WINDOW_LIBRARIES.values():
        assert package in makefile
    plan = subprocess.run(["make", "-n", "window-deps"], cwd=ROOT, capture_output=True,
                          text=True)
    assert plan.returncode == 0 and "libxcb-cursor0" in plan.stdout
