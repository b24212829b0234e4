"""The "Pengguna" part of Pengaturan: the office's people and roles; adding, editing, PINs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.errors import DomainError
from desktop_app.gui import policy
from desktop_app.gui.errors import show_error
from desktop_app.gui.login_dialog import hint_label, message_label, pin_edit
from desktop_app.gui.table_model import ListModel
from desktop_app.office.people import (
    ROLE_DESCRIPTIONS,
    ROLES,
    PersonInfo,
    add_person,
    change_own_pin,
    get_person,
    list_people,
    new_pin_problems,
    person_problems,
    pin_problem,
    role_label,
    set_pin,
    update_person,
)
from desktop_app.office.permissions import OP, allowed
from desktop_app.workspace import Workspace

COLUMNS = ("Nama", "Jabatan", "NIP", "Peran", "Status")
INACTIVE = QColor("#80868b")
_Index = QModelIndex | QPersistentModelIndex


class PeopleModel(ListModel):
    """A table over list_people()."""

    def items(self):
        return self.people

    def headers(self):
        return COLUMNS

    def __init__(self):
        super().__init__()
        self.people: list[PersonInfo] = []

    def set_people(self, people: list[PersonInfo]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (person.nama, person.jabatan, person.nip or "-",
                    role_label(person.role),
                    "Aktif" if person.active else "Tidak aktif")[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not person.active:
            return INACTIVE
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None


@dataclass(frozen=True)
class PersonForm:
    nama: str
    jabatan: str
    nip: str
    role: str
    active: bool = True
    pin: str = ""  # only for a new person


class PersonDialog(QDialog):
    """Add a person (with a first PIN typed twice) or change one (`initial` given)."""

    def __init__(self, parent: QWidget | None, initial: PersonInfo | None = None):
        super().__init__(parent)
        self.initial = initial
        self.setWindowTitle("Tambah pengguna" if initial is None else "Ubah pengguna")
        self.setMinimumWidth(460)
        start = initial or PersonInfo(0, "", "", "", "staf", True)
        self.nama, self.jabatan = QLineEdit(start.nama), QLineEdit(start.jabatan)
        self.nip = QLineEdit(start.nip)
        self.nip.setPlaceholderText("18 angka; boleh dikosongkan")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(f"{role_label(role)} — {ROLE_DESCRIPTIONS[role]}", role)
        self.role.setCurrentIndex(ROLES.index(start.role))
        self.active = QCheckBox("Aktif (dapat masuk)")
        self.active.setChecked(start.active)
        self.pin, self.pin_again = pin_edit(), pin_edit("ketik PIN sekali lagi")
        self.message = message_label()
        form = QFormLayout()
        form.addRow("Na&ma", self.nama)
        form.addRow("&Jabatan", self.jabatan)
        form.addRow("NI&P", self.nip)
        form.addRow("&Peran", self.role)
        if initial is None:
            form.addRow("P&IN awal", self.pin)
            form.addRow("PIN &lagi", self.pin_again)
        else:
            form.addRow("", self.active)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("&Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if initial is None:
            layout.addWidget(hint_label("Sampaikan PIN awal kepada orangnya; ia dapat "
                                        "menggantinya sendiri di Pengaturan › Pengguna."))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def result_value(self) -> PersonForm:
        return PersonForm(self.nama.text(), self.jabatan.text(), self.nip.text(),
                          self.role.currentData(), self.active.isChecked(),
                          self.pin.text() if self.initial is None else "")

    def accept(self) -> None:
        form = self.result_value()
        problems = person_problems(form.nama, form.nip, form.role,
                                   self.initial.id if self.initial else None)
        if self.initial is None:
            problems += new_pin_problems(self.pin.text(), self.pin_again.text(), form.role)
        if problems:
            self.message.setText("\n".join(problems))
            self.message.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, initial: PersonInfo | None = None) -> PersonForm | None:
        dialog = cls(parent, initial)
        return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class PinChange:
    old: str  # "" when an admin resets someone's PIN
    new: str


class PinDialog(QDialog):
    """A new PIN typed twice; for one's own PIN, the old one first."""

    def __init__(self, parent: QWidget | None, person: PersonInfo, own: bool):
        super().__init__(parent)
        self.own, self.role = own, person.role
        self.setWindowTitle("Ganti PIN saya" if own else "Atur ulang PIN")
        self.setMinimumWidth(380)
        self.old, self.new, self.again = pin_edit(), pin_edit(), pin_edit("ketik sekali lagi")
        self.message = message_label()
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{escape(person.label)}</b>"))
        if own:
            form.addRow("PIN &lama", self.old)
        form.addRow("PIN &baru", self.new)
        form.addRow("PIN baru &lagi", self.again)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("&Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if not own:
            layout.addWidget(hint_label("PIN baru juga membuka kunci setelah terlalu banyak "
                                        "PIN salah. Sampaikan kepada orangnya."))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def result_value(self) -> PinChange:
        return PinChange(self.old.text() if self.own else "", self.new.text())

    def accept(self) -> None:
        problems = new_pin_problems(self.new.text(), self.again.text(), self.role)
        old_problem = pin_problem(self.old.text()) if self.own else None
        if old_problem:
            problems.insert(0, old_problem.replace("PIN", "PIN lama", 1) + ".")
        if problems:
            self.message.setText("\n".join(problems))
            self.message.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, person: PersonInfo, own: bool) -> PinChange | None:
        dialog = cls(parent, person, own)
        return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PeoplePage(QWidget):
    """Everyone sees the list and may change their own PIN; an admin manages the people."""

    people_changed = Signal()  # after any change (the logged-in person's role may have changed)

    def __init__(self, workspace: Workspace,
                 current_person_provider: Callable[[], PersonInfo | None]):
        super().__init__()
        self.workspace = workspace
        self.current_person_provider = current_person_provider
        self.model = PeopleModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column < 2
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._double_clicked)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.notice = hint_label("")
        self.notice.setObjectName("notice")
        self.add_button = QPushButton("&Tambah pengguna…")
        self.edit_button = QPushButton("&Ubah…")
        self.reset_button = QPushButton("Atur ulang &PIN…")
        self.own_pin_button = QPushButton("&Ganti PIN saya…")
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.reset_button, self.reset_pin),
                             (self.own_pin_button, self.change_own_pin)):
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_pin_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Pengguna</h2>"))
        layout.addWidget(self.who)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # --- state ------------------------------------------------------------------------------

    def me(self) -> PersonInfo | None:
        """The logged-in person as stored now (an admin may just have changed their role)."""
        person = self.current_person_provider()
        if person is None:
            return None
        try:
            return get_person(person.id)
        except DomainError:
            return None

    def is_admin(self) -> bool:
        """Whether the logged-in person manages people (office.permissions)."""
        return allowed(self.me(), OP.MANAGE_PEOPLE)

    def apply_policy(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        me = self.me()
        admin = me is not None and me.is_admin
        self.model.set_people(list_people(include_inactive=admin))
        if me is None:
            self.who.setText("Belum ada yang masuk.")
        else:
            self.who.setText(f"Anda masuk sebagai <b>{escape(me.nama)}</b> "
                             f"({role_label(me.role)}). "
                             + ("Anda dapat menambah pengguna, mengubah peran, dan mengatur "
                                "ulang PIN." if admin else
                                "Hanya admin yang dapat menambah atau mengubah pengguna."))
        policy.apply(me, OP.MANAGE_PEOPLE, self.add_button, self.edit_button, hide=True)
        policy.apply(me, OP.RESET_PIN, self.reset_button, hide=True)
        self.own_pin_button.setEnabled(me is not None)
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def selected(self) -> PersonInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.people[rows[0].row()] if rows else None

    def select(self, person_id: int) -> None:
        for row, person in enumerate(self.model.people):
            if person.id == person_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.reset_button.setEnabled(chosen)

    def _double_clicked(self) -> None:
        if self.is_admin():
            self.edit()

    def _changed(self, notice: str, person_id: int | None = None) -> None:
        self.notice.setText(notice)
        self.refresh()
        if person_id is not None:
            self.select(person_id)
        self.people_changed.emit()

    # --- actions ----------------------------------------------------------------------------

    def add(self) -> None:
        if not self.is_admin():
            return
        form = PersonDialog.ask(self, None)
        if form is None:
            return
        try:
            person_id = add_person(form.nama, form.jabatan, form.nip,
                                   form.role, form.pin, actor=self.me())
        except DomainError as exc:
            show_error(self, exc)
            return
        self._changed(f"{form.nama.strip()} ditambahkan.", person_id)

    def edit(self) -> None:
        person = self.selected()
        if person is None or not self.is_admin():
            return
        form = PersonDialog.ask(self, person)
        if form is None:
            return
        try:
            update_person(person.id, nama=form.nama,
                          jabatan=form.jabatan, nip=form.nip, role=form.role,
                          active=form.active, actor=self.me())
        except DomainError as exc:
            show_error(self, exc)
            return
        self._changed(f"Data {form.nama.strip()} disimpan.", person.id)

    def reset_pin(self) -> None:
        person, me = self.selected(), self.me()
        if person is None or me is None or not me.is_admin:
            return
        change = PinDialog.ask(self, person, own=False)
        if change is None:
            return
        try:
            set_pin(person.id, change.new, by_admin_id=me.id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._changed(f"PIN {person.nama} sudah diatur ulang; sampaikan PIN baru kepadanya.",
                      person.id)

    def change_own_pin(self) -> None:
        me = self.me()
        if me is None:
            return
        change = PinDialog.ask(self, me, own=True)
        if change is None:
            return
        try:
            change_own_pin(me.id, change.old, change.new)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._changed("PIN Anda sudah diganti.")
