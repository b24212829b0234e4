"""Per-PC window state (size, position, splitters) in QSettings; office data is never here."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def _settings() -> QSettings:
    return QSettings("PanduSOP", "Pandu SOP")


def restore_window(window: QMainWindow, name: str, splitters: dict[str, QSplitter]) -> None:
    settings = _settings()
    geometry = settings.value(f"{name}/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    for key, splitter in splitters.items():
        state = settings.value(f"{name}/{key}")
        if state is not None:
            splitter.restoreState(state)


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
