""""Mulai proses": which approved SOP, title, year, start date, and who fills each lane."""

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
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from desktop_app.gui.questions import INDONESIAN
from desktop_app.office.people import PersonInfo
from desktop_app.office.profile import load_profile
from desktop_app.office.roles import suggest_lanes
from desktop_app.sop.library import SopSummary, get_sop


@dataclass(frozen=True)
class StartRequest:
    sop_id: int
    title: str
    year: int
    start: date
    assignments: dict[str, int]


class StartRunDialog(QDialog):
    def __init__(self, parent, sops: list[SopSummary], people: list[PersonInfo],
                 officials: tuple | None = None):
        super().__init__(parent)
        self.setWindowTitle("Mulai proses")
        self.sops, self.people = sops, people
        self.officials = load_profile().officials if officials is None else officials
        self.lane_names: dict[str, str] = {}
        self.sop = QComboBox()
        for sop in sops:
            self.sop.addItem(sop.nama + (f" — {sop.instansi}" if sop.instansi else ""), sop.id)
        self.title = QLineEdit()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year + 1)
        self.start = QDateEdit(QDate.currentDate(), calendarPopup=True)
        self.start.setLocale(INDONESIAN)
        self.start.setDisplayFormat("d MMMM yyyy")
        form = QFormLayout()
        form.addRow("&SOP (yang sudah disahkan)", self.sop)
        form.addRow("&Judul proses", self.title)
        form.addRow("&Tahun rencana", self.year)
        form.addRow("Tanggal &mulai", self.start)
        self.lane_box = QGroupBox("Petugas untuk setiap pelaksana")
        self.lane_form = QFormLayout(self.lane_box)
        self.lane_combos: dict[str, QComboBox] = {}
        self.problem = QLabel(styleSheet="color: #b00020;", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Mulai")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lane_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.sop.currentIndexChanged.connect(self._fill_lanes)
        self.year.valueChanged.connect(self._suggest_title)
        self._fill_lanes()

    def _suggest_title(self) -> None:
        sop = get_sop(self.sop.currentData()) if self.sop.count() else None
        if sop and (not self.title.text() or self.title.text() == self._suggested):
            self._suggested = f"{sop.identitas.nama} {self.year.value()}"
            self.title.setText(self._suggested)

    _suggested = ""

    def _fill_lanes(self) -> None:
        while self.lane_form.rowCount():
            self.lane_form.removeRow(0)
        self.lane_combos.clear()
        if not self.sop.count():
            self.problem.setText("Belum ada SOP yang disahkan. Sahkan SOP di area SOP dahulu.")
            return
        sop = get_sop(self.sop.currentData())
        used = {k for step in sop.langkah for k in step.pelaksana}
        lanes = [lane for lane in sop.pelaksana if lane.kode in used]
        suggested = suggest_lanes([(lane.kode, lane.nama) for lane in lanes], self.people,
                                  self.officials)
        self.marks: dict[str, QLabel] = {}
        for lane in lanes:
            combo = QComboBox()
            combo.addItem("(pilih petugas)", None)
            for person in self.people:
                combo.addItem(f"{person.nama} — {person.jabatan}", person.id)
            mark = QLabel(styleSheet="color: #1b7f3b;")
            if lane.kode in suggested:
                combo.setCurrentIndex(combo.findData(suggested[lane.kode].person_id))
                mark.setText(f"✓ diisi otomatis ({suggested[lane.kode].why}); periksa")
            combo.activated.connect(lambda _i, m=mark: m.setText("dipilih"))
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(mark)
            self.lane_form.addRow(lane.nama, row)
            self.lane_combos[lane.kode] = combo
            self.marks[lane.kode] = mark
            self.lane_names[lane.kode] = lane.nama
        self._suggest_title()

    def request(self) -> StartRequest:
        return StartRequest(self.sop.currentData(), self.title.text().strip(), self.year.value(),
                            self.start.date().toPython(),
                            {k: c.currentData() for k, c in self.lane_combos.items()
                             if c.currentData() is not None})

    def _accept(self) -> None:
        missing = [self.lane_names[k] for k, c in self.lane_combos.items()
                   if c.currentData() is None]
        if not self.sop.count():
            return
        if missing:
            self.problem.setText("Pilih petugas untuk: " + ", ".join(missing) + ".")
            return
        if not self.title.text().strip():
            self.problem.setText("Judul proses wajib diisi.")
            return
        self.accept()

    @classmethod
    def ask(cls, parent, sops: list[SopSummary], people: list[PersonInfo],
            officials: tuple | None = None) -> StartRequest | None:
        dialog = cls(parent, sops, people, officials)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
