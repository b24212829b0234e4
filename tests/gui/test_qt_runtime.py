"""Guards against Qt binding bugs that would crash the window in daily use."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_events_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 under Python 3.11 drops a reference to None on every event, so a window
    crashes ("deallocating None") after a few thousand repaints. pyproject excludes it."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    before = sys.getrefcount(None)
    for _ in range(50):
        widget.update()
        QApplication.processEvents()
    assert sys.getrefcount(None) - before > -10
