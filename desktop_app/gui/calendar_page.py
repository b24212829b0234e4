"""The "Hari kerja dan libur" settings: office hours, and a year's national holidays, cuti
bersama and the office's own days off or days worked (saved through office.calendar)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import (
    QDate,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.dates import tanggal
from desktop_app.common.numbers import angka
from desktop_app.common.working_time import WEEKDAY_NAMES, OfficeHours
from desktop_app.gui import policy
from desktop_app.gui.errors import show_error
from desktop_app.gui.questions import INDONESIAN
from desktop_app.gui.table_model import ListModel
from desktop_app.office import calendar as service
from desktop_app.office.calendar import CalendarDay
from desktop_app.office.permissions import OP

_HEADERS = ("Tanggal", "Hari", "Keterangan", "Jenis")
_KIND_LABELS = {"nasional": "Libur nasional", "cuti_bersama": "Cuti bersama",
                "libur": "Libur kantor", "masuk": "Kantor masuk"}
_OFFICE_KINDS = (("Libur kantor (tambahan)", "libur"),
                 ("Kantor tetap masuk (pada libur nasional)", "masuk"))
_WORKED_COLOUR = QColor("#8a8a8a")
_OFFICE_COLOUR = QColor("#0d47a1")


class CalendarDaysModel(ListModel):
    """A year's calendar rows (plain CalendarDay values)."""

    def items(self):
        return self._rows

    def headers(self):
        return _HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CalendarDay] = []

    def set_rows(self, rows: list[CalendarDay]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def day_at(self, row: int) -> CalendarDay:
        return self._rows[row]

    def row_of(self, d: date, kind: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.date == d and r.kind == kind)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(day, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if day.is_office_day:
                return _OFFICE_COLOUR
            return _WORKED_COLOUR if day.works else None
        if role == Qt.ItemDataRole.FontRole and day.is_office_day:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if day.is_office_day:
                return "Hari kantor sendiri; dapat dihapus."
            return "Dari daftar resmi libur nasional dan cuti bersama; tidak dapat diubah."
        return None

    @staticmethod
    def _text(day: CalendarDay, column: int) -> str:
        if column == 0:
            return tanggal(day.date)
        if column == 1:
            return WEEKDAY_NAMES[day.date.weekday()]
        if column == 2:
            return day.name
        label = _KIND_LABELS[day.kind]
        return f"{label} (kantor masuk)" if day.works and not day.is_office_day else label


class CalendarPage(QWidget):
    """Office hours on the left, the year's days off on the right."""

    changed = Signal()  # hours or office days were saved

    def __init__(self, workspace, person_provider=lambda: None):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.model = CalendarDaysModel(self)
        self.read_only_note = QLabel(wordWrap=True)
        self.may_edit = True  # until apply_policy() asks office.permissions
        columns = QHBoxLayout()
        columns.addWidget(self._hours_box())
        columns.addWidget(self._days_box(), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Hari kerja dan libur</h2>"))
        layout.addWidget(QLabel(
            "Batas waktu langkah SOP dihitung dalam jam kerja: akhir pekan, libur nasional, "
            "cuti bersama dan libur kantor dilewati."))
        layout.addWidget(self.read_only_note)
        layout.addLayout(columns, 1)
        self.load_hours()
        self.refresh()

    def apply_policy(self) -> None:
        """Only who may change the office calendar gets its controls (office.permissions)."""
        person = self.person_provider()
        self.may_edit = policy.apply(person, OP.EDIT_CALENDAR, self.start_edit, *self.day_checks,
                     *self.day_hours, self.save_hours_button, self.date_edit, self.name_edit,
                     self.kind_combo, self.add_button)
        self.read_only_note.setText(policy.note(person, OP.EDIT_CALENDAR))
        self._selection_changed()

    # --- office hours -----------------------------------------------------------------------

    def _hours_box(self) -> QGroupBox:
        box = QGroupBox("Jam kerja")
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH.mm")
        self.start_edit.timeChanged.connect(self._hours_edited)
        grid = QGridLayout()
        grid.addWidget(QLabel("Jam mulai:"), 0, 0)
        grid.addWidget(self.start_edit, 0, 1, 1, 2)
        grid.addWidget(QLabel("Hari kerja:"), 1, 0, Qt.AlignmentFlag.AlignTop)
        self.day_checks: list[QCheckBox] = []
        self.day_hours: list[QDoubleSpinBox] = []
        self.day_closing: list[QLabel] = []
        for weekday, name in enumerate(WEEKDAY_NAMES):
            check = QCheckBox(name)
            spin = QDoubleSpinBox(locale=INDONESIAN, decimals=2, singleStep=0.5,
                                  minimum=service.MIN_DAY_HOURS, maximum=service.MAX_DAY_HOURS,
                                  suffix=" jam")
            check.toggled.connect(spin.setEnabled)
            check.toggled.connect(self._hours_edited)
            spin.valueChanged.connect(self._hours_edited)
            closing = QLabel()
            for column, widget in enumerate((check, spin, closing), start=1):
                grid.addWidget(widget, weekday + 1, column)
            self.day_checks.append(check)
            self.day_hours.append(spin)
            self.day_closing.append(closing)
        self.hours_summary = QLabel()
        self.save_hours_button = QPushButton("&Simpan jam kerja")
        self.save_hours_button.clicked.connect(self.save_hours)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.hours_summary)
        layout.addWidget(self.save_hours_button)
        layout.addStretch(1)
        return box

    def load_hours(self) -> None:
        hours = service.load_office_hours()
        self.start_edit.setTime(QTime(hours.start.hour, hours.start.minute))
        for weekday, (check, spin) in enumerate(zip(self.day_checks, self.day_hours,
                                                    strict=True)):
            check.setChecked(weekday in hours.weekdays)
            spin.setEnabled(check.isChecked())
            spin.setValue(hours.hours[weekday])
        self._hours_edited()

    def entered_hours(self) -> OfficeHours:
        start = self.start_edit.time()
        return OfficeHours(
            weekdays=tuple(i for i, check in enumerate(self.day_checks) if check.isChecked()),
            start=time(start.hour(), start.minute()),
            hours=tuple(spin.value() for spin in self.day_hours))

    def _hours_edited(self) -> None:
        hours = self.entered_hours()
        saved = service.load_office_hours()
        opening = datetime.combine(date.today(), hours.start)
        for weekday, label in enumerate(self.day_closing):
            minutes = hours.minutes_on(weekday)
            closing = opening + timedelta(minutes=minutes)
            label.setText(f"s.d. {closing:%H.%M}" if minutes else "libur")
        self.save_hours_button.setEnabled(_differ(hours, saved))
        if not hours.weekdays:
            self.hours_summary.setText("Pilih sedikitnya satu hari kerja.")
            return
        weekly = angka(hours.weekly_hours, 6)
        self.hours_summary.setText(f"Jumlah {weekly} jam kerja per minggu.")

    def save_hours(self) -> None:
        try:
            service.save_office_hours(self.entered_hours(),
                                      actor=self.person_provider())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.load_hours()
        self.changed.emit()

    # --- days off ---------------------------------------------------------------------------

    def _days_box(self) -> QGroupBox:
        box = QGroupBox("Hari libur")
        self.year_spin = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.remove_button = QPushButton("&Hapus hari kantor")
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(QLabel("Tahun:"))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel("Libur nasional dan cuti bersama berasal dari daftar resmi. "
                                "Tambahkan hari kantor sendiri:"))
        layout.addLayout(self._add_row())
        return box

    def _add_row(self) -> QHBoxLayout:
        self.date_edit = QDateEdit(calendarPopup=True, locale=INDONESIAN)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(QDate(self.year_spin.value(), 1, 1))
        self.name_edit = QLineEdit(placeholderText="Keterangan, mis. Hari jadi kabupaten")
        self.kind_combo = QComboBox()
        for label, kind in _OFFICE_KINDS:
            self.kind_combo.addItem(label, kind)
        add = self.add_button = QPushButton("&Tambah")
        add.clicked.connect(self.add_day)
        self.name_edit.returnPressed.connect(self.add_day)
        row = QHBoxLayout()
        row.addWidget(self.date_edit)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.kind_combo)
        row.addWidget(add)
        return row

    def refresh(self) -> None:
        self.model.set_rows(service.year_days(self.year_spin.value()))
        self._selection_changed()

    def _year_changed(self, year: int) -> None:
        current = self.date_edit.date()
        self.date_edit.setDate(QDate(year, current.month(), min(current.day(), 28)))
        self.refresh()

    def selected_day(self) -> CalendarDay | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.day_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        day = self.selected_day()
        self.remove_button.setEnabled(day is not None and day.is_office_day and self.may_edit)

    def add_day(self) -> None:
        d = self.date_edit.date().toPython()
        kind = self.kind_combo.currentData()
        try:
            service.add_office_day(d, self.name_edit.text(), kind,
                                   actor=self.person_provider())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.name_edit.clear()
        if self.year_spin.value() != d.year:
            self.year_spin.setValue(d.year)  # refreshes
        else:
            self.refresh()
        self.view.selectRow(self.model.row_of(d, kind))
        self.changed.emit()

    def remove_selected(self) -> None:
        day = self.selected_day()
        if day is None or not day.is_office_day:
            return
        try:
            service.remove_office_day(day.date,
                                      actor=self.person_provider())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.refresh()
        self.changed.emit()


def _differ(a: OfficeHours, b: OfficeHours) -> bool:
    """Whether saving `a` would change the stored hours `b` (unused weekdays do not count)."""
    if a.start != b.start or set(a.weekdays) != set(b.weekdays):
        return True
    return any(a.minutes_on(day) != b.minutes_on(day) for day in a.weekdays)
