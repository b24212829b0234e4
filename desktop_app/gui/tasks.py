"""One way to run an operation from the window (in the spirit of Anki's CollectionOp):
`run_op` for quick ones on the GUI thread, `Background` for slow ones on a worker thread with
a progress note after ~0.5 s. Either way an error is shown through the one `show_error`
(nothing changed), and on success the main window's change notification goes out."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.gui.errors import show_error

PROGRESS_AFTER_MS = 500


def notify_window(widget: QWidget | None, kinds: Iterable[str]) -> None:
    """Send the change notification of the main window `widget` belongs to (if any)."""
    kinds = tuple(kinds)
    while widget is not None and kinds:
        if hasattr(widget, "notify") and hasattr(widget, "changed"):
            widget.notify(*kinds)
            return
        widget = widget.parentWidget()


def run_op(parent: QWidget | None, action: Callable[[], object], *,
           kinds: Iterable[str] = (), done: Callable[[object], None] | None = None) -> object:
    """Run `action` now; its result, or None after showing the error."""
    try:
        result = action()
    except Exception as exc:  # noqa: BLE001 - shown to the user; nothing changed
        show_error(parent, exc)
        return None
    notify_window(parent, kinds)
    if done is not None:
        done(result)
    return result


class Job(QObject):
    """One slow call on a worker thread; `done` arrives on the GUI thread with `result` or
    `error` set. The work never touches widgets."""

    done = Signal()

    def __init__(self, parent: QObject, work: Callable[[], object]):
        super().__init__(parent)
        self.work, self.result, self.error = work, None, None

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - delivered to the GUI thread
            self.error = exc
        self.done.emit()


class Background(QObject):
    """`work` on a worker; "`text`" shown if it takes longer than half a second; then
    `on_success(result)` and the change notification, or the error."""

    finished = Signal()

    def __init__(self, parent: QWidget, work: Callable[[], object],
                 on_success: Callable[[object], None] | None = None, *,
                 kinds: Iterable[str] = (), text: str = "Sedang bekerja…",
                 pool: QThreadPool | None = None):
        super().__init__(parent)
        self.parent_widget, self.on_success, self.kinds = parent, on_success, tuple(kinds)
        self.pool = pool or QThreadPool.globalInstance()
        self.job = Job(self, work)
        self.job.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(text, "", 0, 0, parent)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle("Pandu SOP")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.reset()  # not shown until the timer says so
        self.timer = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self.timer.timeout.connect(self.progress.show)

    def start(self) -> Background:
        self.timer.start()
        self.pool.start(self.job.run)
        return self

    def _done(self) -> None:
        self.timer.stop()
        self.progress.hide()
        if self.job.error is not None:
            show_error(self.parent_widget, self.job.error)
        else:
            if self.on_success is not None:
                self.on_success(self.job.result)
            notify_window(self.parent_widget, self.kinds)
        self.finished.emit()
