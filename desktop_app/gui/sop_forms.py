"""The SOP editor's panels: identity, lanes, steps. Each shows an Sop and emits `edited` with
the new Sop and an undo label; the editor owns the state and the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.errors import InvalidInput
from desktop_app.gui.questions import INDONESIAN
from desktop_app.sop import editing
from desktop_app.sop.model import IDENTITY_LISTS, Official, Sop

SYMBOL_LABELS = {"mulai": "Mulai (kapsul)", "proses": "Proses (persegi)",
                 "keputusan": "Keputusan (belah ketupat)", "selesai": "Selesai (kapsul)"}


class CommitText(QPlainTextEdit):
    """A multi-line field that reports its text when the user leaves it."""

    committed = Signal(str)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class OptionalDate(QWidget):
    """A date that may be empty (checkbox off)."""

    changed = Signal(object)

    def __init__(self):
        super().__init__()
        self.enabled = QCheckBox()
        self.edit = QDateEdit(calendarPopup=True)
        self.edit.setLocale(INDONESIAN)
        self.edit.setDisplayFormat("d MMMM yyyy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self._emit)
        self.edit.dateChanged.connect(self._emit)

    def set_value(self, value) -> None:
        self.blockSignals(True)
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(QDate(value) if value else QDate.currentDate())
        self.blockSignals(False)

    def value(self):
        return self.edit.date().toPython() if self.enabled.isChecked() else None

    def _emit(self, *_args) -> None:
        self.edit.setEnabled(self.enabled.isChecked())
        if not self.signalsBlocked():
            self.changed.emit(self.value())


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class IdentityForm(QWidget):
    edited = Signal(object, str)

    def __init__(self):
        super().__init__()
        self.sop: Sop | None = None
        form = QFormLayout(self)
        self.texts = {key: QLineEdit() for key in ("nama", "nomor", "instansi")}
        self.texts["instansi"].setPlaceholderText("kosong = nama kantor sendiri")
        labels = {"nama": "&Nama SOP", "nomor": "N&omor SOP", "instansi": "&Instansi"}
        for key, edit in self.texts.items():
            form.addRow(labels[key], edit)
            edit.editingFinished.connect(lambda k=key: self._set(k, self.texts[k].text().strip()))
        self.dates = {key: OptionalDate() for key in
                      ("tanggal_pembuatan", "tanggal_revisi", "tanggal_pengesahan")}
        for key, widget in self.dates.items():
            form.addRow(key.replace("_", " ").capitalize(), widget)
            widget.changed.connect(lambda value, k=key: self._set(k, value))
        # Who approved and when come only from the approval (Sahkan, with the official's own
        # PIN): shown, never typed.
        approval_tip = "Diisi otomatis saat SOP disahkan oleh pejabatnya sendiri (Sahkan…)."
        self.dates["tanggal_pengesahan"].setEnabled(False)
        self.dates["tanggal_pengesahan"].setToolTip(approval_tip)
        self.signer = {key: QLineEdit() for key in ("jabatan", "nama", "pangkat", "nip")}
        for key, edit in self.signer.items():
            form.addRow(f"Disahkan oleh: {key}", edit)
            edit.setReadOnly(True)
            edit.setToolTip(approval_tip)
        self.lists = {key: CommitText() for key, _label in IDENTITY_LISTS}
        for key, label in IDENTITY_LISTS:
            edit = self.lists[key]
            edit.setPlaceholderText("satu butir per baris")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
            form.addRow(label, edit)
            edit.committed.connect(lambda text, k=key: self._set(k, _lines(text)))

    def load(self, sop: Sop) -> None:
        self.sop = sop
        ident = sop.identitas
        for key, edit in self.texts.items():
            edit.setText(getattr(ident, key))
        for key, widget in self.dates.items():
            widget.set_value(getattr(ident, key))
        signer = ident.disahkan_oleh or Official()
        for key, edit in self.signer.items():
            edit.setText(getattr(signer, key))
        for key, edit in self.lists.items():
            if _lines(edit.toPlainText()) != getattr(ident, key):
                edit.setPlainText("\n".join(getattr(ident, key)))

    def _set(self, key: str, value) -> None:
        if self.sop is not None and getattr(self.sop.identitas, key) != value:
            self.edited.emit(editing.set_identity(self.sop, **{key: value}),
                             f"Ubah {key.replace('_', ' ')}")



class LanesPanel(QWidget):
    edited = Signal(object, str)
    failed = Signal(object)

    def __init__(self):
        super().__init__()
        self.sop: Sop | None = None
        self.list = QListWidget()
        self.list.itemChanged.connect(self._renamed)
        self.name = QLineEdit(placeholderText="Nama pelaksana baru, misalnya Kasubag Umum")
        add = QPushButton("&Tambah")
        up, down, remove = QPushButton("N&aik"), QPushButton("T&urun"), QPushButton("&Hapus")
        add.clicked.connect(self._add)
        self.name.returnPressed.connect(self._add)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(add)
        buttons = QHBoxLayout()
        for button in (up, down, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Pelaksana (kolom diagram alir, dari kiri ke kanan). "
                                "Klik dua kali untuk mengganti nama."))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(row)

    def load(self, sop: Sop) -> None:
        self.sop = sop
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for lane in sop.pelaksana:
            item = QListWidgetItem(lane.nama)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))
        self.list.blockSignals(False)

    def _renamed(self, item: QListWidgetItem) -> None:
        row, name = self.list.row(item), item.text().strip()
        if self.sop and name and name != self.sop.pelaksana[row].nama:
            self.edited.emit(editing.rename_lane(self.sop, row, name), "Ganti nama pelaksana")

    def _add(self) -> None:
        name = self.name.text().strip()
        if self.sop and name:
            self.name.clear()
            self.edited.emit(editing.add_lane(self.sop, name), "Tambah pelaksana")
            self.list.setCurrentRow(self.list.count() - 1)

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        if self.sop and row >= 0 and 0 <= row + delta < len(self.sop.pelaksana):
            self.edited.emit(editing.move_lane(self.sop, row, delta), "Pindahkan pelaksana")
            self.list.setCurrentRow(row + delta)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if self.sop and row >= 0:
            try:
                new = editing.remove_lane(self.sop, row)
            except InvalidInput as exc:
                self.failed.emit(exc)
                return
            self.edited.emit(new, "Hapus pelaksana")
