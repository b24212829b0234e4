"""Questions to the user with Indonesian buttons (Qt ships no Indonesian translation).
Tests patch these functions, never a modal exec()."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "Ya",
            no: str = "Batal") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes_button


def save_changes(parent: QWidget | None, text: str) -> str:
    """"simpan", "buang" or "batal"."""
    box = QMessageBox(QMessageBox.Icon.Question, "Pandu SOP", text, parent=parent)
    buttons = {box.addButton("&Simpan", QMessageBox.ButtonRole.AcceptRole): "simpan",
               box.addButton("&Jangan simpan", QMessageBox.ButtonRole.DestructiveRole): "buang",
               box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole): "batal"}
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    return buttons.get(box.clickedButton(), "batal")
