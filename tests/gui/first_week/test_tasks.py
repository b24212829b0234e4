"""gui/tasks: one way to run an operation — errors through show_error, progress after half a
second on a worker, then the change notification."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QMessageBox

from desktop_app.common.errors import InvalidInput
from desktop_app.gui import tasks
from desktop_app.gui.main_window import MainWindow


def window_for(qtbot, workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    return window


def test_run_op_shows_the_error_or_notifies(qtbot, workspace, monkeypatch):
    window = window_for(qtbot, workspace)
    shown, changes = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text: shown.append(text))
    window.changed.connect(changes.append)

    def refuse():
        raise InvalidInput("Nama wajib diisi.")

    assert tasks.run_op(window.library, refuse, kinds=["sop"]) is None
    assert shown == ["Nama wajib diisi."] and changes == []
    assert tasks.run_op(window.library, lambda: 7, kinds=["sop"]) == 7
    assert [c.kinds for c in changes] == [frozenset({"sop"})]


def test_background_runs_on_a_worker_shows_progress_then_notifies(qtbot, workspace):
    window = window_for(qtbot, workspace)
    window.show()
    changes, results, threads = [], [], []
    window.changed.connect(changes.append)

    def slow():
        threads.append(threading.current_thread())
        time.sleep(0.8)
        return "ok"

    op = tasks.Background(window, slow, results.append, kinds=["form"], text="Menggabungkan…")
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
        qtbot.waitUntil(lambda: op.progress.isVisible(), timeout=2000)
        assert op.progress.labelText() == "Menggabungkan…"
    assert results == ["ok"] and threads[0] is not threading.main_thread()
    assert not op.progress.isVisible()
    assert [c.kinds for c in changes] == [frozenset({"form"})]
