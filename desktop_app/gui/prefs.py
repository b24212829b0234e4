"""Per-PC window state (size, position, splitters) in QSettings; office data is never here."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

# Room kept for the window manager's title bar and borders (not known before the first show).
FRAME_ALLOWANCE = (16, 40)
POPUPS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


def _settings() -> QSettings:
    return QSettings("PanduSOP", "Pandu SOP")


def available(window: QWidget | None = None) -> QRect:
    """The screen's room for windows (the taskbar left out)."""
    # QGuiApplication's own lookup, not QWidget.screen(): a QScreen that wrapper hands out
    # can be freed with it, leaving Qt's screen list pointing at nothing (a crash later)
    screen = (QGuiApplication.screenAt(window.frameGeometry().center())
              if window is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_size(window: QWidget, width: int, height: int) -> None:
    """Resize to the wished size, or less on a small screen (1366×768, 1280×720)."""
    room = available(window)
    window.resize(min(width, room.width() - FRAME_ALLOWANCE[0]),
                  min(height, room.height() - FRAME_ALLOWANCE[1]))


def fit_to_screen(window: QWidget) -> None:
    """Make the window, frame included, lie within the screen's available geometry."""
    room = available(window)
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), 0) or (
        0 if window.isVisible() else FRAME_ALLOWANCE[0])
    extra_h = max(frame.height() - window.height(), 0) or (
        0 if window.isVisible() else FRAME_ALLOWANCE[1])
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.x()), room.right() + 1 - frame.width())
    y = min(max(frame.y(), room.y()), room.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """Installed on the application: every top-level window and dialog is kept within the
    screen when it is shown (and again once the window manager has framed it)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and watched.windowType() not in POPUPS):
            fit_to_screen(watched)
            # the window is the timer's context: Qt drops the call if it is deleted first
            QTimer.singleShot(0, watched, lambda w=watched: _refit(w))
        return False


def _refit(window: QWidget) -> None:
    try:
        if window.isVisible():
            fit_to_screen(window)
    except RuntimeError:  # closed and deleted meanwhile
        pass


def install_screen_fit() -> None:
    app = QApplication.instance()
    if app is not None and not getattr(app, "_screen_fit", None):
        app._screen_fit = ScreenFit(app)
        app.installEventFilter(app._screen_fit)


def restore_window(window: QMainWindow, name: str, splitters: dict[str, QSplitter]) -> None:
    """Size and place the window as it was on this PC, within the screen of today."""
    settings = _settings()
    geometry = settings.value(f"{name}/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    for key, splitter in splitters.items():
        state = settings.value(f"{name}/{key}")
        if state is not None:
            splitter.restoreState(state)
    fit_to_screen(window)


def save_window(window: QMainWindow, name: str, splitters: dict[str, QSplitter]) -> None:
    settings = _settings()
    settings.setValue(f"{name}/geometry", window.saveGeometry())
    for key, splitter in splitters.items():
        settings.setValue(f"{name}/{key}", splitter.saveState())


def last_person() -> int | None:
    value = _settings().value("session/last_person")
    return int(value) if value not in (None, "") else None


def set_last_person(person_id: int) -> None:
    _settings().setValue("session/last_person", person_id)
