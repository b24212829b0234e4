"""The steps panel of the SOP editor: the list of langkah and the form of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.sop_forms import SYMBOL_LABELS, CommitText, _lines
from desktop_app.sop import editing
from desktop_app.sop.model import DOCUMENT_KINDS, SYMBOLS, Sop
from desktop_app.sop.validation import step_problems


class StepsPanel(QWidget):
    edited = Signal(object, str)

    def __init__(self):
        super().__init__()
        self.sop: Sop | None = None
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_step)
        buttons = QHBoxLayout()
        for text, slot in (("&Tambah", self._append), ("&Sisipkan", self._insert),
                           ("&Hapus", self._delete), ("N&aik", lambda: self._move(-1)),
                           ("T&urun", lambda: self._move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self._build_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.kegiatan = CommitText()
        self.kegiatan.setTabChangesFocus(True)
        self.kegiatan.setFixedHeight(60)
        self.kegiatan.committed.connect(lambda t: self._set(kegiatan=" ".join(t.split())))
        self.main_lane = QComboBox()
        self.main_lane.activated.connect(lambda _i: self._set_lanes())
        self.other_lanes = QListWidget()
        self.other_lanes.setFixedHeight(70)
        self.other_lanes.itemChanged.connect(lambda _i: self._set_lanes())
        self.simbol = QComboBox()
        for key in SYMBOLS:
            self.simbol.addItem(SYMBOL_LABELS[key], key)
        self.simbol.activated.connect(lambda _i: self._set(simbol=self.simbol.currentData()))
        self.kelengkapan = CommitText()
        self.kelengkapan.setTabChangesFocus(True)
        self.kelengkapan.setFixedHeight(60)
        self.kelengkapan.setPlaceholderText("satu butir per baris")
        self.kelengkapan.committed.connect(lambda t: self._set(kelengkapan=_lines(t)))
        self.fields = {key: QLineEdit() for key in ("waktu", "output", "keterangan")}
        self.fields["waktu"].setPlaceholderText('misalnya "15 menit", "2 jam", "3 hari"')
        for key, edit in self.fields.items():
            edit.editingFinished.connect(lambda k=key: self._set(**{k: self.fields[k].text()
                                                                      .strip()}))
        self.jika_tidak, self.jika_ya = QComboBox(), QComboBox()
        self.jika_tidak.activated.connect(lambda _i: self._set(
            jika_tidak=self.jika_tidak.currentData()))
        self.jika_ya.activated.connect(lambda _i: self._set(jika_ya=self.jika_ya.currentData()))
        self.dokumen = QComboBox()
        self.dokumen.addItem("(tidak ada)", "")
        for kind in DOCUMENT_KINDS:
            self.dokumen.addItem(kind.replace("_", " "), kind)
        self.dokumen.activated.connect(lambda _i: self._set(dokumen=self.dokumen.currentData()))
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        for label, widget in (("&Kegiatan", self.kegiatan), ("&Pelaksana utama", self.main_lane),
                              ("Pelaksana lain", self.other_lanes), ("Si&mbol", self.simbol),
                              ("Kelengkapan", self.kelengkapan),
                              ("&Waktu", self.fields["waktu"]), ("&Output", self.fields["output"]),
                              ("Keterangan", self.fields["keterangan"]),
                              ("Jika tidak, kembali ke", self.jika_tidak),
                              ("Jika ya, lanjut ke", self.jika_ya), ("Dokumen", self.dokumen),
                              ("", self.problems)):
            form.addRow(label, widget)
        return box

    def current(self) -> int:
        return self.list.currentRow()

    def load(self, sop: Sop) -> None:
        self.sop = sop
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        kodes = {lane.kode for lane in sop.pelaksana}
        for number, step in enumerate(sop.langkah, start=1):
            item = QListWidgetItem(f"{number}. {step.kegiatan}")
            if step_problems(step, number, sop, kodes):
                item.setForeground(Qt.GlobalColor.red)
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.list.blockSignals(False)
        self._show_step(self.list.currentRow())

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def _show_step(self, row: int) -> None:
        if self.sop is None or not 0 <= row < len(self.sop.langkah):
            return
        sop, step = self.sop, self.sop.langkah[row]
        widgets = (self.kegiatan, self.main_lane, self.other_lanes, self.simbol, self.jika_tidak,
                   self.jika_ya, self.dokumen, *self.fields.values())
        for widget in widgets:
            widget.blockSignals(True)
        self.kegiatan.setPlainText(step.kegiatan)
        self.main_lane.clear()
        self.other_lanes.clear()
        for lane in sop.pelaksana:
            self.main_lane.addItem(lane.nama, lane.kode)
            item = QListWidgetItem(lane.nama)
            item.setData(Qt.ItemDataRole.UserRole, lane.kode)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if lane.kode in step.pelaksana[1:]
                               else Qt.CheckState.Unchecked)
            self.other_lanes.addItem(item)
        self.main_lane.setCurrentIndex(self.main_lane.findData(
            step.pelaksana[0] if step.pelaksana else None))
        self.simbol.setCurrentIndex(self.simbol.findData(step.simbol))
        self.kelengkapan.setPlainText("\n".join(step.kelengkapan))
        for key, edit in self.fields.items():
            edit.setText(getattr(step, key))
        self._fill_targets(self.jika_tidak, "(tidak ada)", step.jika_tidak)
        self._fill_targets(self.jika_ya, "langkah berikutnya", step.jika_ya)
        decision = step.simbol == "keputusan"
        self.jika_tidak.setEnabled(decision)
        self.jika_ya.setEnabled(decision)
        self.dokumen.setCurrentIndex(max(0, self.dokumen.findData(step.dokumen)))
        for widget in widgets:
            widget.blockSignals(False)
        problems = step_problems(step, row + 1, sop, {lane.kode for lane in sop.pelaksana})
        self.problems.setText("\n".join(problems))

    def _fill_targets(self, combo: QComboBox, empty: str, value: int | None) -> None:
        combo.clear()
        combo.addItem(empty, None)
        for number in range(1, len(self.sop.langkah) + 1):
            combo.addItem(f"langkah {number}", number)
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _set(self, **fields) -> None:
        row = self.current()
        if self.sop is None or row < 0:
            return
        step = self.sop.langkah[row]
        if fields.get("simbol", "keputusan") != "keputusan":  # only decisions branch
            fields.update(jika_ya=None, jika_tidak=None)
        if all(getattr(step, key) == value for key, value in fields.items()):
            return
        label = ", ".join(fields) if len(fields) < 3 else "langkah"
        self.edited.emit(editing.update_step(self.sop, row, **fields), f"Ubah {label}")

    def _set_lanes(self) -> None:
        main = self.main_lane.currentData()
        others = [self.other_lanes.item(i).data(Qt.ItemDataRole.UserRole)
                  for i in range(self.other_lanes.count())
                  if self.other_lanes.item(i).checkState() == Qt.CheckState.Checked]
        self._set(pelaksana=[main] + [k for k in others if k != main])

    def _append(self) -> None:
        if self.sop is not None:
            self.edited.emit(editing.insert_step(self.sop, len(self.sop.langkah)), "Tambah langkah")
            self.select(len(self.sop.langkah) - 1)

    def _insert(self) -> None:
        row = max(self.current(), 0)
        if self.sop is not None:
            self.edited.emit(editing.insert_step(self.sop, row), "Sisipkan langkah")
            self.select(row)

    def _delete(self) -> None:
        row = self.current()
        if self.sop is not None and row >= 0 and len(self.sop.langkah) > 1:
            self.edited.emit(editing.delete_step(self.sop, row), "Hapus langkah")

    def _move(self, delta: int) -> None:
        row = self.current()
        if self.sop is not None and 0 <= row + delta < len(self.sop.langkah):
            self.edited.emit(editing.move_step(self.sop, row, delta), "Pindahkan langkah")
            self.select(row + delta)
