"""Every window of the walk opens within a 1366×768 (and 1280×720) screen with its buttons
visible; the document, run and editor windows remember their size on this PC."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from desktop_app.gui.main_window import MainWindow
from desktop_app.naskah import workflow
from desktop_app.office.people import get_person
from desktop_app.runs import engine
from tests.naskah.test_workflow import CONTENT, routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture

from .conftest import LAPTOP, SMALL, assert_fits

ROOT = Path(__file__).resolve().parents[3]


def screen() -> object:
    return QGuiApplication.primaryScreen().availableGeometry()


def open_all(qtbot, routed):  # noqa: F811
    o = routed
    window = MainWindow(o.workspace, get_person(o.admin.id))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_id = engine.start_run(o.sop_id, "Penyusunan RKT 2027", 2027, date.today(),
                              o.assignments, engine.Actor(o.admin.id, "admin"))
    doc_id = workflow.create_document(o.workspace.data_dir, "surat_pengantar",
                                      "Penyampaian Renja 2027", CONTENT, o.staf.id)
    windows = [window, window.open_editor(o.sop_id), window.open_run(run_id),
               window.open_document(doc_id)]
    window.print_sop(o.sop_id)
    windows.append(window.preview)
    for w in windows[1:]:
        qtbot.addWidget(w)
        qtbot.waitExposed(w)
    qtbot.wait(50)
    return windows


def test_every_window_fits_the_screen(qtbot, routed, screenshot):  # noqa: F811
    room = screen()
    assert room in (LAPTOP, SMALL)
    for w in open_all(qtbot, routed):
        assert_fits(w, room)
        screenshot(w, f"fit-{room.width()}-{type(w).__name__}")
        w.close()


def test_sizes_are_remembered(qtbot, routed):  # noqa: F811
    _main, editor, run, document, _preview = open_all(qtbot, routed)
    for w in (editor, run, document):
        w.resize(1000, 700)
        w.close()
    again = open_all(qtbot, routed)
    for w in again[1:4]:
        assert (w.width(), w.height()) == (1000, 700), type(w).__name__


@pytest.mark.skipif(os.environ.get("PANDU_TEST_SCREEN") == "small", reason="is the inner run")
def test_windows_fit_a_1280x720_screen_too():
    env = dict(os.environ, PANDU_TEST_SCREEN="small", QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"{__file__}::test_every_window_fits_the_screen"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
