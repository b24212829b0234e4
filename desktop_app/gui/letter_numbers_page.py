"""Pengaturan > Nomor surat: the number format (with a preview), the classification codes,
and the register of outgoing letters (print it, cancel a number)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import policy
from desktop_app.gui.errors import show_error
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.office import letter_numbers as ln
from desktop_app.office.kop import office_kop
from desktop_app.office.permissions import OP, require
from desktop_app.office.settings import get_setting, set_settings


class LetterNumbersPage(QWidget):
    def __init__(self, workspace, person_provider):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.format = QLineEdit(ln.readable_format(ln.number_format()))
        self.preview = QLabel()
        self.format.textChanged.connect(self._preview)
        self.read_only_note = QLabel(wordWrap=True)
        save_format = self.save_format_button = QPushButton("Simpan &format")
        save_format.clicked.connect(self.save_format)
        format_box = QGroupBox("Format nomor surat")
        form = QFormLayout(format_box)
        form.addRow("Format", self.format)
        form.addRow("Contoh", self.preview)
        form.addRow(QLabel("Bagian: {klasifikasi} {nomor} (atau {nomor 3 angka}) {kode_unit} "
                           "{tahun}"), save_format)
        self.codes = QTableWidget(0, 3)
        self.codes.setHorizontalHeaderLabels(["Kode", "Keterangan", "Aktif"])
        self.codes.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.code_edit, self.code_text = QLineEdit(placeholderText="000.7.2.6"), QLineEdit(
            placeholderText="program kerja tahunan")
        add_code, toggle = QPushButton("&Tambah kode"), QPushButton("Aktif/&nonaktifkan")
        self.code_buttons = (add_code, toggle)
        add_code.clicked.connect(self.add_code)
        toggle.clicked.connect(self.toggle_code)
        code_row = QHBoxLayout()
        for widget in (self.code_edit, self.code_text, add_code, toggle):
            code_row.addWidget(widget)
        codes_box = QGroupBox("Kode klasifikasi arsip")
        codes_layout = QVBoxLayout(codes_box)
        codes_layout.addWidget(self.codes)
        codes_layout.addLayout(code_row)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year.valueChanged.connect(self.load_register)
        self.register = QTableWidget(0, 6)
        self.register.setHorizontalHeaderLabels(["No", "Nomor surat", "Tanggal", "Perihal",
                                                 "Tujuan", "Status"])
        self.register.horizontalHeader().setStretchLastSection(True)
        print_button, cancel = QPushButton("&Cetak register…"), QPushButton("&Batalkan nomor…")
        self.cancel_button = cancel
        print_button.clicked.connect(self.print_register)
        cancel.clicked.connect(self.cancel_selected)
        register_row = QHBoxLayout()
        register_row.addWidget(QLabel("Tahun"))
        for widget in (self.year, print_button, cancel):
            register_row.addWidget(widget)
        register_row.addStretch(1)
        register_box = QGroupBox("Agenda surat keluar")
        register_layout = QVBoxLayout(register_box)
        register_layout.addLayout(register_row)
        register_layout.addWidget(self.register)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        for box in (format_box, self._layout_box(), codes_box, register_box):
            layout.addWidget(box)
        self.refresh()

    def apply_policy(self) -> None:
        """Format, layout and codes for admins; cancelling a number for admins and pejabat
        (office.permissions)."""
        person = self.person_provider()
        policy.apply(person, OP.SET_NUMBER_FORMAT, self.format, self.save_format_button,
                     *self.layout_fields.values(), self.save_layout_button)
        policy.apply(person, OP.EDIT_CODES, self.code_edit, self.code_text, *self.code_buttons)
        policy.apply(person, OP.CANCEL_NUMBER, self.cancel_button)
        self.read_only_note.setText(policy.note(person, OP.SET_NUMBER_FORMAT, OP.EDIT_CODES,
                                                OP.CANCEL_NUMBER))

    def _layout_box(self) -> QGroupBox:
        """Margins (mm) and font size (pt) of naskah dinas."""
        box = QGroupBox("Tata letak naskah dinas")
        row = QHBoxLayout(box)
        self.layout_fields = {}
        for key, label, low, high in (("margin_kiri", "Kiri", 10, 50),
                                      ("margin_kanan", "Kanan", 10, 50),
                                      ("margin_atas", "Atas", 10, 50),
                                      ("margin_bawah", "Bawah", 10, 50),
                                      ("ukuran_huruf", "Huruf (pt)", 9, 14)):
            spin = QDoubleSpinBox(minimum=low, maximum=high, decimals=1)
            spin.setValue(float(get_setting(key)))
            row.addWidget(QLabel(label + (" (mm)" if key.startswith("margin") else "")))
            row.addWidget(spin)
            self.layout_fields[key] = spin
        save = self.save_layout_button = QPushButton("Simpan tata &letak")
        save.clicked.connect(lambda: self._do(lambda: self._require(OP.SET_NUMBER_FORMAT)
                                              or set_settings(
            {k: f"{s.value():g}" for k, s in self.layout_fields.items()})))
        row.addWidget(save)
        row.addStretch(1)
        return box

    def _require(self, op) -> None:
        require(self.person_provider(), op)

    def _person_id(self) -> int | None:
        person = self.person_provider()
        return person.id if person else None

    def refresh(self) -> None:
        self._preview()
        codes = ln.list_codes(include_inactive=True)
        self.codes.setRowCount(len(codes))
        for row, code in enumerate(codes):
            for col, value in enumerate((code.code, code.description,
                                         "ya" if code.active else "tidak")):
                self.codes.setItem(row, col, QTableWidgetItem(value))
        self._code_ids = [code.id for code in codes]
        self._code_active = [code.active for code in codes]
        self.load_register()

    def _preview(self) -> None:
        problems = ln.format_problems(self.format.text())
        self.preview.setStyleSheet("color: #b00020;" if problems else "")
        self.preview.setText("; ".join(problems) if problems else ln.preview_number(
            self.format.text(), "000.7.2.6", 15, get_setting("kode_unit") or "408.12",
            date.today().year))

    def _do(self, action) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
        self.refresh()

    def save_format(self) -> None:
        self._do(lambda: ln.set_number_format(self.format.text(),
                                              self._person_id()))

    def add_code(self) -> None:
        self._do(lambda: ln.add_code(self.code_edit.text().strip(),
                                     self.code_text.text().strip(), self._person_id()))

    def toggle_code(self) -> None:
        row = self.codes.currentRow()
        if row >= 0:
            self._do(lambda: ln.set_code_active(self._code_ids[row],
                                                not self._code_active[row], self._person_id()))

    def load_register(self) -> None:
        self.entries = ln.register(self.year.value())
        self.register.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            values = (str(e.sequence), e.number, e.letter_date.strftime("%d-%m-%Y"), e.perihal,
                      e.tujuan, e.status_label + (f": {e.cancel_reason}" if e.cancel_reason
                                                  else ""))
            for col, value in enumerate(values):
                self.register.setItem(row, col, QTableWidgetItem(value))
        self.register.resizeColumnsToContents()

    def cancel_selected(self) -> None:
        row = self.register.currentRow()
        if row < 0:
            return
        entry = self.entries[row]
        reason, ok = QInputDialog.getText(self, "Batalkan nomor",
                                          f"Alasan membatalkan nomor {entry.number}:")
        if ok:
            self._do(lambda: ln.cancel_number(entry.id, reason,
                                              self._person_id()))

    def print_register(self) -> None:
        year, data_dir = self.year.value(), self.workspace.data_dir
        self.print_dialog = PrintPreviewDialog(
            self, f"Agenda surat keluar {year}",
            lambda paper: ln.register_pdf(year, office_kop("", data_dir), paper),
            get_setting("paper"), f"Agenda surat keluar {year}.pdf")
        self.print_dialog.open()
