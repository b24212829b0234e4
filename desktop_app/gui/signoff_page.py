"""Pengaturan > Alur paraf: the sign-off route of each kind of naskah, and the specimen
signature and cap printed for the person who signs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import policy
from desktop_app.gui.errors import show_error
from desktop_app.office.people import list_people
from desktop_app.office.permissions import OP, may_sign
from desktop_app.office.profile import store_logo
from desktop_app.office.settings import get_setting
from desktop_app.office.signoff import (
    ACTIONS,
    KINDS,
    get_route,
    route_or_default,
    set_route,
    set_specimen,
    specimen_owner,
)


class SignoffPage(QWidget):
    def __init__(self, workspace, person_provider=lambda: None):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.read_only_note = QLabel(wordWrap=True)
        self.route_buttons: list[QPushButton] = []
        self.may_route = True  # until apply_policy() asks office.permissions
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self.load)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Orang", "Tindakan"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        for text, slot in (("&Tambah orang", self.add_row), ("&Hapus", self.remove_row),
                           ("&Simpan alur", self.save)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.route_buttons.append(button)
        buttons.addStretch(1)
        route_box = QGroupBox("Alur paraf dan tanda tangan")
        route_layout = QVBoxLayout(route_box)
        route_layout.addWidget(self.kind)
        route_layout.addWidget(self.table)
        route_layout.addWidget(self.status)
        route_layout.addLayout(buttons)
        self.signer = QComboBox()
        self.signature = QLabel()
        self.stamp = QLabel()
        pick_signature = self.pick_signature = QPushButton("Pilih gambar tanda tangan…")
        pick_stamp = self.pick_stamp = QPushButton("Pilih gambar cap…")
        pick_signature.clicked.connect(lambda: self.pick("spesimen_ttd"))
        pick_stamp.clicked.connect(lambda: self.pick("cap_dinas"))
        specimen = QGroupBox("Spesimen tanda tangan dan cap (opsional)")
        form = QFormLayout(specimen)
        form.addRow(QLabel("Jika diisi, dicetak hanya pada naskah final yang ditandatangani "
                           "sendiri oleh pejabat ini (tidak pada konsep). Jika kosong, "
                           "disediakan ruang untuk tanda tangan basah."))
        form.addRow("Penanda tangan", self.signer)
        form.addRow(pick_signature, self.signature)
        form.addRow(pick_stamp, self.stamp)
        self.signer.currentIndexChanged.connect(self._signer_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(route_box, 1)
        layout.addWidget(specimen)
        self.load()

    def apply_policy(self) -> None:
        """Routes and the specimen: only for who may set them (office.permissions)."""
        person = self.person_provider()
        self.may_route = policy.apply(person, OP.SET_ROUTE, *self.route_buttons)
        self._enable_rows()
        policy.apply(person, OP.SET_SPECIMEN, self.signer, self.pick_signature, self.pick_stamp)
        self.read_only_note.setText(policy.note(person, OP.SET_ROUTE, OP.SET_SPECIMEN))

    def _person_combo(self, selected: int | None) -> QComboBox:
        combo = QComboBox()
        for person in list_people():
            combo.addItem(f"{person.nama} — {person.jabatan}", person.id)
        combo.setCurrentIndex(max(0, combo.findData(selected)))
        return combo

    def _action_combo(self, action: str) -> QComboBox:
        combo = QComboBox()
        for key, label in ACTIONS.items():
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(action)))
        return combo

    def load(self) -> None:
        kind = self.kind.currentData()
        saved = get_route(kind)
        route = saved or route_or_default(kind)
        self.table.setRowCount(0)
        for step in route:
            self._append(step.person_id, step.action)
        self._enable_rows()
        self.status.setText("" if saved else "Belum disimpan: ini usulan dari jabatan pengguna "
                            "(Kasubag → Sekretaris → Camat).")
        self.signer.blockSignals(True)
        self.signer.clear()
        self.signer.addItem("(tidak ada)", None)
        for person in list_people():
            if may_sign(person):  # a specimen is a pejabat's own
                self.signer.addItem(f"{person.nama} — {person.jabatan}", person.id)
        self.signer.setCurrentIndex(max(0, self.signer.findData(specimen_owner())))
        self.signer.blockSignals(False)
        self._show_specimen()

    def _enable_rows(self) -> None:
        for row in range(self.table.rowCount()):
            for column in (0, 1):
                self.table.cellWidget(row, column).setEnabled(self.may_route)

    def _append(self, person_id: int | None, action: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, self._person_combo(person_id))
        self.table.setCellWidget(row, 1, self._action_combo(action))

    def add_row(self) -> None:
        self._append(None, "paraf")

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def steps(self) -> list[tuple[int, str]]:
        return [(self.table.cellWidget(r, 0).currentData(),
                 self.table.cellWidget(r, 1).currentData())
                for r in range(self.table.rowCount())]

    def save(self) -> None:
        try:
            set_route(self.kind.currentData(), self.steps(),
                      actor=self.person_provider())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.load()
        self.status.setText("Alur tersimpan.")

    def _signer_changed(self) -> None:
        person = self.signer.currentData()
        try:
            set_specimen(person, actor=self.person_provider())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            self.load()
            return
        self._show_specimen()

    def pick(self, key: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih gambar", "",
                                              "Gambar (*.png *.jpg *.jpeg)")
        if not path:
            return
        try:
            stored = store_logo(self.workspace.data_dir, path)
            set_specimen(self.signer.currentData(),
                         files={key: stored}, actor=self.person_provider())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self._show_specimen()

    def _show_specimen(self) -> None:
        self.signature.setText("ada" if get_setting("spesimen_ttd") else "belum ada")
        self.stamp.setText("ada" if get_setting("cap_dinas") else "belum ada")
