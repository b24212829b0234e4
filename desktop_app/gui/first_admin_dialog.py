"""The first admin of a new data folder: an official of the profile (or a typed name) + PIN."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.errors import DomainError
from desktop_app.gui.login_dialog import hint_label, message_label, pin_edit
from desktop_app.office.people import (
    PersonInfo,
    create_first_admin,
    get_person,
    new_pin_problems,
)
from desktop_app.office.profile import Official

TYPED = "(ketik nama sendiri)"


class FirstAdminDialog(QDialog):
    def __init__(self, parent: QWidget | None, officials: Sequence[Official]):
        super().__init__(parent)
        self.officials = list(officials)
        self.admin: PersonInfo | None = None
        self.setWindowTitle("Admin pertama — Pandu SOP")
        self.setMinimumWidth(520)
        self.choice = QComboBox()
        for official in self.officials:
            self.choice.addItem(f"{official.jabatan} — {official.nama}")
        self.choice.addItem(TYPED)
        self.nama, self.jabatan, self.nip = QLineEdit(), QLineEdit(), QLineEdit()
        self.nip.setPlaceholderText("18 angka; boleh dikosongkan")
        self.pin, self.pin_again = pin_edit(), pin_edit("ketik PIN sekali lagi")
        self.message = message_label()
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton("&Buat admin",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Siapa", self.choice)
        form.addRow("Na&ma", self.nama)
        form.addRow("&Jabatan", self.jabatan)
        form.addRow("NI&P", self.nip)
        form.addRow("P&IN", self.pin)
        form.addRow("PIN &lagi", self.pin_again)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Admin pertama</h2>"))
        layout.addWidget(hint_label(
            "Belum ada admin di folder data ini. Admin mengelola pengguna: menambah orang, "
            "mengatur peran, dan mengatur ulang PIN yang terlupa. Pilih pejabat dari profil "
            "kantor atau ketik nama, lalu buat PIN 4–8 angka yang hanya Anda ketahui."))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._pick)
        self._pick(0)

    def _pick(self, index: int) -> None:
        official = self.officials[index] if index < len(self.officials) else Official()
        self.nama.setText(official.nama)
        self.jabatan.setText(official.jabatan)
        self.nip.setText(official.nip)
        (self.nama if not official.nama else self.pin).setFocus()

    def create(self) -> None:
        problems = new_pin_problems(self.pin.text(), self.pin_again.text(), "admin")
        if problems:
            self.pin.clear()
            self.pin_again.clear()
            self._show("\n".join(problems))
            return
        try:
            admin_id = create_first_admin(self.nama.text(), self.jabatan.text(),
                                          self.nip.text(), self.pin.text())
        except DomainError as exc:
            self._show(str(exc))
            return
        self.admin = get_person(admin_id)
        self.accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @classmethod
    def ask(cls, parent: QWidget | None, officials: Sequence[Official]) -> PersonInfo | None:
        dialog = cls(parent, officials)
        return dialog.admin if dialog.exec() == QDialog.DialogCode.Accepted else None
