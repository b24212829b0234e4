"""The "Sahkan SOP" dialog: who approves and on which date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from desktop_app.gui.questions import INDONESIAN
from desktop_app.sop.model import Official


@dataclass(frozen=True)
class Approval:
    official: Official
    on: date


class ApproveDialog(QDialog):
    def __init__(self, parent, officials: list[Official], initial: Approval):
        super().__init__(parent)
        self.setWindowTitle("Sahkan SOP")
        self.officials = officials
        form = QFormLayout(self)
        form.addRow(QLabel("Setelah disahkan, SOP ini terkunci. Perubahan berikutnya\n"
                           "disimpan sebagai revisi baru."))
        self.choice = QComboBox()
        self.choice.addItem("(isi sendiri)")
        for official in officials:
            self.choice.addItem(f"{official.jabatan} — {official.nama}")
        self.choice.currentIndexChanged.connect(self._pick)
        form.addRow("&Pejabat", self.choice)
        self.fields = {key: QLineEdit(getattr(initial.official, key))
                       for key in ("jabatan", "nama", "pangkat", "nip")}
        for key, edit in self.fields.items():
            form.addRow(key.upper() if key == "nip" else key.capitalize(), edit)
        self.on = QDateEdit(QDate(initial.on), calendarPopup=True)
        self.on.setLocale(INDONESIAN)
        self.on.setDisplayFormat("d MMMM yyyy")
        form.addRow("&Tanggal pengesahan", self.on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sahkan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick(self, index: int) -> None:
        if index > 0:
            official = self.officials[index - 1]
            for key, edit in self.fields.items():
                edit.setText(getattr(official, key))

    def result_value(self) -> Approval:
        return Approval(Official(**{k: e.text().strip() for k, e in self.fields.items()}),
                        self.on.date().toPython())

    @classmethod
    def ask(cls, parent, officials: list[Official], initial: Approval) -> Approval | None:
        dialog = cls(parent, officials, initial)
        return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
