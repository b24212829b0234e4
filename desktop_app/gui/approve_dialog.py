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
        # The approver is one of the office's officials (the profile), never typed; the
        # service accepts only the logged-in official themself.
        self.choice = QComboBox()
        for official in officials:
            self.choice.addItem(f"{official.jabatan} — {official.nama}")
        self.choice.currentIndexChanged.connect(self._pick)
        form.addRow("&Pejabat", self.choice)
        if not officials:
            form.addRow(QLabel("Belum ada pejabat di profil kantor. Isi dahulu di "
                               "Pengaturan > Profil kantor."))
        self.fields = {key: QLineEdit(readOnly=True)
                       for key in ("jabatan", "nama", "pangkat", "nip")}
        for key, edit in self.fields.items():
            form.addRow(key.upper() if key == "nip" else key.capitalize(), edit)
        start = next((i for i, o in enumerate(officials) if o.nip == initial.official.nip), 0)
        self.choice.setCurrentIndex(start)
        self._pick(start)
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
        if 0 <= index < len(self.officials):
            official = self.officials[index]
            for key, edit in self.fields.items():
                edit.setText(getattr(official, key))

    def result_value(self) -> Approval:
        index = self.choice.currentIndex()
        official = self.officials[index] if 0 <= index < len(self.officials) else Official()
        return Approval(official, self.on.date().toPython())

    @classmethod
    def ask(cls, parent, officials: list[Official], initial: Approval) -> Approval | None:
        dialog = cls(parent, officials, initial)
        return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
