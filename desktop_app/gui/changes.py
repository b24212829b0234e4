"""One change notification for the whole window: after every operation and on log-in or a
switch of person, MainWindow.notify(kinds) emits a Change; every page and open window follows
it. A page shown now refreshes at once; a hidden one is marked stale and refreshes when it is
next shown, so no page ever shows data from before the last change or another person's
buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

KINDS = frozenset({"person", "people", "profile", "sop", "run", "document", "form",
                   "expedition", "archive", "calendar", "signoff", "letters", "restore"})


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str]

    def touches(self, kinds: frozenset[str] | None) -> bool:
        """True when a follower of `kinds` (None: every kind) must refresh."""
        return kinds is None or bool(self.kinds & kinds) or "person" in self.kinds


class Follower(QObject):
    """Keeps one widget current: refresh now if shown, else on the next Show."""

    def __init__(self, widget: QWidget, refresh: Callable[[], None],
                 kinds: frozenset[str] | None = None):
        super().__init__(widget)
        self.widget, self.refresh, self.kinds = widget, refresh, kinds
        self.stale = True  # filled when first shown
        widget.installEventFilter(self)

    def on_change(self, change: Change) -> None:
        if not change.touches(self.kinds):
            return
        self.stale = True
        if self.widget.isVisible():
            self.bring_up_to_date()

    def bring_up_to_date(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget and event.type() == QEvent.Type.Show:
            self.bring_up_to_date()
        return False


def follow(signal, widget: QWidget, refresh: Callable[[], None] | None = None,
           kinds: frozenset[str] | set[str] | None = None) -> Follower:
    """Make `widget` follow the `changed` signal (refresh defaults to widget.refresh)."""
    follower = Follower(widget, refresh or widget.refresh,
                        frozenset(kinds) if kinds is not None else None)
    signal.connect(follower.on_change)
    return follower
