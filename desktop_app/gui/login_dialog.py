"""The log-in dialog "Siapa Anda?": pick yourself from the office's people and type your PIN."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
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
from desktop_app.office.people import (
    PIN_MAX_DIGITS,
    PIN_MIN_DIGITS,
    PersonInfo,
    list_people,
    verify_login,
)

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #5f6368;"


def pin_edit(placeholder: str = "") -> QLineEdit:
    """A PIN field: hidden as it is typed, digits only, at most PIN_MAX_DIGITS."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_DIGITS)
    edit.setValidator(QRegularExpressionValidator(
        QRegularExpression(f"[0-9]{{0,{PIN_MAX_DIGITS}}}"), edit))
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhHiddenText
                             | Qt.InputMethodHint.ImhSensitiveData
                             | Qt.InputMethodHint.ImhNoPredictiveText)
    edit.setPlaceholderText(placeholder or f"{PIN_MIN_DIGITS}–{PIN_MAX_DIGITS} angka")
    return edit


def message_label() -> QLabel:
    """A red label for what went wrong; hidden while empty."""
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class LoginDialog(QDialog):
    """Returns the person whose PIN was right; a wrong PIN shows why in red and clears it."""

    def __init__(self, parent: QWidget | None, last_person_id: int | None = None):
        super().__init__(parent)
        self.person: PersonInfo | None = None
        self.setWindowTitle("Masuk — Pandu SOP")
        self.setMinimumWidth(420)
        self.people = QComboBox()
        for person in list_people():
            self.people.addItem(person.label, person.id)
        if last_person_id is not None and self.people.findData(last_person_id) >= 0:
            self.people.setCurrentIndex(self.people.findData(last_person_id))
        self.pin = pin_edit()
        self.message = message_label()
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton("&Masuk", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton("&Keluar", QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.quit_button.setAutoDefault(False)  # Enter logs in; it never quits
        self.login_button.clicked.connect(self.log_in)
        self.quit_button.clicked.connect(self.reject)
        self.pin.returnPressed.connect(self.log_in)
        form = QFormLayout()
        form.addRow("&Nama", self.people)
        form.addRow("&PIN", self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Siapa Anda?</h2>"))
        layout.addWidget(hint_label("Pilih nama Anda dan ketik PIN. Lupa PIN? Minta admin "
                                    "mengatur ulang PIN Anda."))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.people.currentIndexChanged.connect(self._person_changed)
        self.pin.textChanged.connect(self._update_button)
        self._update_button()
        QWidget.setTabOrder(self.people, self.pin)
        QWidget.setTabOrder(self.pin, self.login_button)
        QWidget.setTabOrder(self.login_button, self.quit_button)
        self.pin.setFocus()
        if self.people.count() == 0:
            self._show("Belum ada pengguna. Hubungi admin.")

    def _person_changed(self) -> None:
        self.pin.clear()
        self.message.hide()
        self.pin.setFocus()

    def _update_button(self) -> None:
        # Enabled while the PIN is short too, so Tab from the PIN lands on Masuk (which then
        # says what is missing), never on Keluar.
        self.login_button.setEnabled(self.people.currentIndex() >= 0)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.log_in()  # wherever the focus is, Enter means "Masuk"
            return
        super().keyPressEvent(event)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def log_in(self) -> None:
        if self.people.currentIndex() < 0:
            return
        if len(self.pin.text()) < PIN_MIN_DIGITS:
            self._show(f"Ketik PIN Anda ({PIN_MIN_DIGITS}–{PIN_MAX_DIGITS} angka), lalu "
                       "tekan Enter.")
            self.pin.setFocus()
            return
        try:
            self.person = verify_login(self.people.currentData(),
                                       self.pin.text())
        except DomainError as exc:
            self._show(str(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, last_person_id: int | None = None
            ) -> PersonInfo | None:
        dialog = cls(parent, last_person_id)
        return dialog.person if dialog.exec() == QDialog.DialogCode.Accepted else None
