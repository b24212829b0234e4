"""Pengaturan › Kunci tanda tangan (issue 15): make my own signing key, change its passphrase,
export the office's public key file and read its fingerprint, list keys with their dates,
revoke a key (admin); and the passphrase prompt for paraf and signatures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.clock import to_local
from desktop_app.common.dates import waktu
from desktop_app.common.errors import DomainError
from desktop_app.gui.errors import show_error
from desktop_app.gui.login_dialog import hint_label, message_label
from desktop_app.gui.questions import confirm
from desktop_app.office.people import PersonInfo
from desktop_app.signing import LABEL, keys

OK_STYLE = "color: #1b7f3b;"
ERROR_STYLE = "color: #b00020;"


def _secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                             | Qt.InputMethodHint.ImhSensitiveData
                             | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


class PassphraseDialog(QDialog):
    """The signing passphrase (typed hidden): once to sign, twice for a new one, with the old
    one to change it."""

    def __init__(self, parent, text: str, new: bool = False, old: bool = False):
        super().__init__(parent)
        self.setWindowTitle("Kata sandi tanda tangan")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, wordWrap=True))
        form = QFormLayout()
        self.old = _secret_edit() if old else None
        if self.old is not None:
            form.addRow("Kata sandi &lama:", self.old)
        self.passphrase = _secret_edit()
        form.addRow("Kata sandi &baru:" if new else "&Kata sandi tanda tangan:",
                    self.passphrase)
        self.again = _secret_edit() if new else None
        if self.again is not None:
            form.addRow("&Ulangi kata sandi:", self.again)
        layout.addLayout(form)
        if new:
            layout.addWidget(hint_label(
                f"Minimal {keys.MIN_PASSPHRASE} karakter, lain dari PIN masuk. Hanya Anda yang "
                "tahu; admin tidak dapat memulihkannya. Lupa = kunci baru."))
        self.problem = message_label()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.old or self.passphrase).setFocus()

    def _accept(self) -> None:
        problem = ""
        if not self.passphrase.text():
            problem = "Ketik kata sandi tanda tangan."
        elif self.again is not None and self.again.text() != self.passphrase.text():
            problem = "Kedua kata sandi tidak sama. Ketik ulang."
        elif self.again is not None and len(self.passphrase.text()) < keys.MIN_PASSPHRASE:
            problem = f"Kata sandi paling sedikit {keys.MIN_PASSPHRASE} karakter."
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent, text: str) -> str | None:
        dialog = cls(parent, text)
        return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def ask_new(cls, parent, text: str) -> str | None:
        dialog = cls(parent, text, new=True)
        return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def ask_change(cls, parent) -> tuple[str, str] | None:
        dialog = cls(parent, "Ganti kata sandi kunci tanda tangan Anda.", new=True, old=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.old.text(), dialog.passphrase.text()


def passphrase_for(parent, person: PersonInfo, action_text: str) -> str | None | bool:
    """The signing passphrase when this person has a key; None when they have none (nothing
    to ask); False when they cancelled."""
    if keys.active_key(person.id) is None:
        return None
    answer = PassphraseDialog.ask(parent, f"{action_text}\n\nKetik kata sandi tanda tangan "
                                          f"{person.nama} ({LABEL}).")
    return False if answer is None else answer


class SigningKeysPage(QWidget):
    def __init__(self, workspace, person_provider: Callable[[], PersonInfo | None]):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Kunci tanda tangan</h2>"))
        layout.addWidget(hint_label(
            f"Paraf dan tanda tangan pejabat yang mempunyai kunci membuktikan dirinya: QR pada "
            f"naskah dan tanda tangan di dalam PDF dapat diperiksa di mana saja dengan kunci "
            f"publik kantor, tanpa internet. Ini {LABEL}."))
        self.office = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.office.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.office)
        row = QHBoxLayout()
        self.export_button = QPushButton("&Ekspor kunci publik kantor…")
        self.create_button = QPushButton("&Buat kunci tanda tangan saya…")
        self.change_button = QPushButton("&Ganti kata sandi…")
        self.revoke_button = QPushButton("&Cabut kunci…")
        for button, slot in ((self.export_button, self.export_key),
                             (self.create_button, self.create_key),
                             (self.change_button, self.change_passphrase),
                             (self.revoke_button, self.revoke_key)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(wordWrap=True)
        self.message.hide()
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(("Nama", "Sidik kunci", "Dibuat", "Dicabut",
                                              "Alasan"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.rows: list[keys.KeyView] = []

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        anchor = keys.office_anchor()
        self.office.setText(
            "<b>Sidik kunci kantor</b> (bacakan lewat telepon kepada penerima): "
            f"<span style='font-family: monospace; font-size: 12pt'>"
            f"{keys.fingerprint_text(anchor.fingerprint)}</span>" if anchor else
            "<b>Kunci kantor belum dibuat.</b> Dibuat saat pejabat pertama membuat kuncinya.")
        person = self.person_provider()
        mine = keys.active_key(person.id) if person else None
        self.export_button.setEnabled(anchor is not None)
        self.create_button.setEnabled(person is not None and mine is None)
        self.change_button.setEnabled(mine is not None)
        self.revoke_button.setEnabled(person is not None and person.role == "admin")
        self.rows = keys.list_keys()
        self.table.setRowCount(len(self.rows))
        for r, key in enumerate(self.rows):
            values = (key.person, key.fingerprint, waktu(to_local(key.created_at)),
                      waktu(to_local(key.revoked_at)) if key.revoked_at else "-", key.reason)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.show()

    def _do(self, action: Callable[[], str]) -> None:
        try:
            done = action()
        except DomainError as exc:
            self.say(str(exc), error=True)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.refresh()
        self.say(done)

    def export_key(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Ekspor kunci publik kantor", "kunci-kantor.pem",
            "Kunci publik (*.pem);;Semua berkas (*)")
        if path:
            self._do(lambda: f"Kunci publik kantor disimpan di {path}. Sidik kunci: "
                             f"{keys.export_key_file(Path(path))}. Kirim berkas ini kepada "
                             "kantor penerima naskah.")

    def create_key(self) -> None:
        person = self.person_provider()
        passphrase = PassphraseDialog.ask_new(
            self, f"Buat kunci tanda tangan untuk {person.nama}. Kata sandi ini diminta setiap "
                  "kali Anda memaraf atau menandatangani.")
        if passphrase is not None:
            self._do(lambda: "Kunci tanda tangan Anda sudah dibuat. Sidik: " +
                     keys.fingerprint_text(keys.create_person_key(person.id,
                                                                  passphrase).fingerprint))

    def change_passphrase(self) -> None:
        person = self.person_provider()
        answer = PassphraseDialog.ask_change(self)
        if answer is not None:
            self._do(lambda: keys.change_passphrase(person.id, *answer)
                     or "Kata sandi tanda tangan sudah diganti.")

    def revoke_key(self) -> None:
        person = self.person_provider()
        index = self.table.currentRow()
        if index < 0 or self.rows[index].revoked_at is not None:
            self.say("Pilih kunci yang masih aktif di tabel, lalu klik Cabut kunci.", error=True)
            return
        key = self.rows[index]
        reason, ok = QInputDialog.getText(self, "Cabut kunci", f"Alasan mencabut kunci "
                                          f"{key.person} (misalnya: pindah tugas, lupa kata "
                                          "sandi):")
        if not ok or not confirm(self, "Cabut kunci", f"Cabut kunci {key.person}? Naskah yang "
                                 "ditandatangani sebelumnya tetap sah; kunci ini tidak dapat "
                                 "dipakai lagi.", yes="Cabut"):
            return
        self._do(lambda: keys.revoke(key.person_id, reason, person.id)
                 or f"Kunci {key.person} sudah dicabut. Ekspor ulang kunci publik kantor dan "
                    "kirimkan kepada kantor penerima.")
