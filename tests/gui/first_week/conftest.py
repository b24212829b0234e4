"""Helpers for walking the app as a person would: answer the modal dialog that opens next,
click navigation, check that a window fits a 1366×768 laptop screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

LAPTOP = QRect(0, 0, 1366, 768)
SMALL = QRect(0, 0, 1280, 720)


@pytest.fixture
def on_next_dialog(qtbot):
    """on_next_dialog(fn): when the next modal dialog is open, call fn(dialog) (fn closes it).
    Several calls queue up, one per dialog in the order they open."""
    queue: list[Callable[[QWidget], None]] = []
    errors: list[BaseException] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not queue or getattr(dialog, "_answered", False):
            if queue:
                QTimer.singleShot(20, poll)
            return
        dialog._answered = True
        try:
            queue.pop(0)(dialog)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            dialog.reject() if hasattr(dialog, "reject") else dialog.close()
        if queue:
            QTimer.singleShot(20, poll)

    def answer(fn: Callable[[QWidget], None]) -> None:
        queue.append(fn)
        if len(queue) == 1:
            QTimer.singleShot(20, poll)

    yield answer
    queue.clear()  # an answer left unused must not act on a later test's dialog
    if errors:
        raise errors[0]


def click_nav(window, name: str) -> None:
    item = window.nav.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = window.nav.visualItemRect(item)
    from PySide6.QtTest import QTest

    QTest.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.nav.currentItem() is item


def assert_fits(widget: QWidget, screen: QRect = LAPTOP) -> None:
    """The window lies within the screen and every visible button is inside the window."""
    frame = widget.frameGeometry()
    assert screen.contains(frame), f"{widget.windowTitle()}: {frame} outside {screen}"
    inside = widget.rect()
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(widget) or button.window() is not widget:
            continue
        top_left = button.mapTo(widget, button.rect().topLeft())
        rect = QRect(top_left, button.size())
        assert inside.contains(rect), f"{widget.windowTitle()}: {button.text()!r} at {rect}"
