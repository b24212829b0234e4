"""The "Formulir Monitoring Pelaksanaan SOP" in the window: filled from the runs of a period,
edited (judgement, notes, actions, penilai), then previewed, saved and printed."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date, datetime

from PySide6.QtCore import QDate, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.dates import tanggal
from desktop_app.gui import prefs
from desktop_app.gui.errors import show_error
from desktop_app.gui.library_page import file_name
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.questions import INDONESIAN, confirm
from desktop_app.gui.table_model import ListModel
from desktop_app.office.profile import load_profile, nip_problem
from desktop_app.office.settings import get_setting
from desktop_app.runs.monitoring import BAIK, TIDAK_BAIK, MonitoringRow, monitoring_rows
from desktop_app.runs.reports import monitoring_pdf

HEADERS = ("Prosedur", "Penilaian", "Catatan hasil penilaian", "Tindakan yang harus diambil")
PROSEDUR, PENILAIAN, CATATAN, TINDAKAN = range(4)
FIELDS = dict(enumerate(f.name for f in fields(MonitoringRow)))
JUDGEMENTS = (("(belum dinilai)", ""), (BAIK, BAIK), (TIDAK_BAIK, TIDAK_BAIK))
NOTHING_FOUND = "Tidak ada proses pada periode ini."
OWN = "(ketik sendiri)"


def current_semester(today: date) -> tuple[date, date]:
    """1 January–30 June or 1 July–31 December, whichever holds `today`."""
    if today.month <= 6:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year, 7, 1), date(today.year, 12, 31)


def place_from_alamat(alamat: str) -> str:
    """The place for "<tempat>, <tanggal>": the last comma-separated part of the address,
    without its kode pos or a "Kabupaten"/"Kecamatan" word ("…, Kab. Karanganyar 57793" ->
    "Karanganyar"); "" when the address has no such part."""
    if "," not in alamat:
        return ""
    last = re.sub(r"\s*\b\d{5}\b\s*", " ", alamat.rsplit(",", 1)[1]).strip(" .")
    return re.sub(r"^(kabupaten|kab\.|kecamatan|kec\.|kota)\s+", "", last,
                  flags=re.IGNORECASE).strip()


class MonitoringModel(ListModel):
    """The form's rows, editable; the vertical header is the "No" column."""

    edited = Signal()

    def items(self):
        return self._rows

    def headers(self):
        return HEADERS

    def __init__(self, rows: list[MonitoringRow] | None = None):
        super().__init__()
        self._rows = list(rows or [])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return HEADERS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        value = getattr(row, FIELDS[column])
        if role == Qt.ItemDataRole.DisplayRole:
            return value or ("(belum dinilai)" if column == PENILAIAN else "")
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ForegroundRole and column == PENILAIAN:
            return QBrush(QColor("#b00020")) if value == TIDAK_BAIK else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        name = FIELDS[index.column()]
        row = self._rows[index.row()]
        if getattr(row, name) == value:
            return True
        self._rows[index.row()] = replace(row, **{name: str(value)})
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def set_rows(self, rows: list[MonitoringRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def insert_row(self, position: int) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, MonitoringRow("", "", ""))
        self.endInsertRows()
        self.edited.emit()

    def remove_row(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        self.edited.emit()

    def rows(self) -> list[MonitoringRow]:
        return list(self._rows)


class TextDelegate(QStyledItemDelegate):
    """A multi-line editor: Enter starts a new line; Tab or a click elsewhere finishes."""

    MIN_HEIGHT = 90

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        model.setData(index, editor.toPlainText().strip())

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802 - Qt API
        rect = QRect(option.rect)
        rect.setHeight(max(rect.height(), self.MIN_HEIGHT))
        editor.setGeometry(rect)


class JudgementDelegate(QStyledItemDelegate):
    """An always-open combo box: "Berjalan baik" / "Tidak berjalan dengan baik"."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        combo = QComboBox(parent)
        for text, value in JUDGEMENTS:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        blocked = editor.blockSignals(True)  # not yet the view's editor: nothing to commit
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        editor.blockSignals(blocked)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        model.setData(index, editor.currentData())


class MonitoringDialog(QDialog):
    def __init__(self, parent: QWidget | None, workspace):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Formulir Monitoring Pelaksanaan SOP")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        prefs.fit_size(self, 1150, 720)
        self.dirty = False
        self.preview: PrintPreviewDialog | None = None
        self.model = MonitoringModel()
        self.model.edited.connect(self._edited)
        self.status = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._period_bar())
        layout.addWidget(self.status)
        layout.addWidget(self._table(), 1)
        self.model.modelReset.connect(self._open_judgements)  # after the view's own slots
        self.model.rowsInserted.connect(self._open_judgements)
        layout.addLayout(self._row_buttons())
        layout.addWidget(self._penilai_box())
        layout.addLayout(self._bottom_buttons())
        self.fill()

    # building -----------------------------------------------------------------------------
    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value), calendarPopup=True)
        edit.setLocale(INDONESIAN)
        edit.setDisplayFormat("d MMMM yyyy")
        return edit

    def _period_bar(self) -> QHBoxLayout:
        start, end = current_semester(date.today())
        self.start, self.end = self._date_edit(start), self._date_edit(end)
        self.fill_button = QPushButton("&Isi dari proses")
        self.fill_button.clicked.connect(lambda: self.fill())
        bar = QHBoxLayout()
        label = QLabel("Pe&riode")
        label.setBuddy(self.start)
        for widget in (label, self.start, QLabel("sampai"), self.end, self.fill_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setItemDelegateForColumn(PENILAIAN, JudgementDelegate(self.table))
        for column in (PROSEDUR, CATATAN, TINDAKAN):
            self.table.setItemDelegateForColumn(column, TextDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                   & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        numbers = self.table.verticalHeader()
        numbers.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        numbers.setDefaultAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        numbers.setMinimumWidth(32)
        header = self.table.horizontalHeader()
        for column, width in ((PROSEDUR, 200), (PENILAIAN, 210), (TINDAKAN, 280)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(CATATAN, QHeaderView.ResizeMode.Stretch)
        return self.table

    def _row_buttons(self) -> QHBoxLayout:
        add, remove = QPushButton("&Tambah baris"), QPushButton("&Hapus baris")
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_row)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addWidget(QLabel("Enter membuat baris baru di dalam sel; Tab atau klik di luar sel "
                             "untuk selesai.", styleSheet="color: #555;"), 1)
        return bar

    def _penilai_box(self) -> QGroupBox:
        profile = load_profile()
        self.officials = list(profile.officials)
        self.official = QComboBox()
        self.official.addItem(OWN, None)
        for number, official in enumerate(self.officials):
            self.official.addItem(f"{official.jabatan} — {official.nama}", number)
        self.jabatan, self.nama, self.nip = QLineEdit(), QLineEdit(), QLineEdit()
        self.place = QLineEdit(place_from_alamat(profile.alamat))
        self.official.currentIndexChanged.connect(self._choose_official)
        for edit in (self.jabatan, self.nama, self.nip):
            edit.textEdited.connect(lambda _t: self.official.setCurrentIndex(0))
        box = QGroupBox("Penilai (menandatangani formulir)")
        grid = QGridLayout(box)
        cells = ((0, 0, "Pi&lih pejabat", self.official, 3), (0, 4, "Te&mpat", self.place, 1),
                 (1, 0, "&Jabatan", self.jabatan, 1), (1, 2, "&Nama", self.nama, 1),
                 (1, 4, "NI&P", self.nip, 1))
        for row, column, text, field, span in cells:
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1, 1, span)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        if self.officials:
            self.official.setCurrentIndex(1)  # the head of office comes first
        return box

    def _bottom_buttons(self) -> QHBoxLayout:
        self.print_button = QPushButton("Pratinjau dan &cetak…")
        self.print_button.setDefault(True)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.open_preview)
        close = QPushButton("Tutup")
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        return bar

    # behaviour ----------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def fill(self, now: datetime | None = None) -> None:
        """Replace the rows with what the runs of the period did."""
        start, end = self.period()
        if end < start:
            self._say("Tanggal akhir periode tidak boleh sebelum tanggal awal.", problem=True)
            return
        if self.dirty and not confirm(self, "Isi dari proses",
                                      "Ganti isi tabel dengan data proses? Isian yang sudah "
                                      "diketik akan hilang.", yes="Ganti"):
            return
        try:
            rows = monitoring_rows(start, end, now)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.model.set_rows(rows)
        self.dirty = False
        self._say(NOTHING_FOUND if not rows else
                  f"{len(rows)} SOP diisi dari proses {tanggal(start)} sampai {tanggal(end)}. "
                  "Periksa penilaian dan catatan, lalu tulis tindakan yang harus diambil.")

    def rows(self) -> list[MonitoringRow]:
        """The rows as edited, leaving out rows added but left empty."""
        return [r for r in self.model.rows() if r.prosedur or r.catatan or r.tindakan]

    def add_row(self) -> None:
        current = self.table.currentIndex()
        position = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.model.insert_row(position)
        index = self.model.index(position, PROSEDUR)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_row(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.remove_row(current.row())

    def make_pdf(self, paper: str) -> bytes:
        """The PDF of the form as it is now."""
        return self._render(self._content(), paper)

    def open_preview(self) -> PrintPreviewDialog | None:
        """The print preview of the form as it is now (later edits need a new preview)."""
        self._finish_editing()
        problem = nip_problem(self.nip.text()) if self.nip.text().strip() else None
        if problem:
            self._say(f"Penilai: {problem}.", problem=True)
            return None
        content = self._content()
        start, end = self.period()
        self.preview = PrintPreviewDialog(
            self, "Formulir monitoring SOP", lambda paper: self._render(content, paper),
            get_setting("paper"),
            file_name(f"Monitoring SOP {tanggal(start)} - {tanggal(end)}", ".pdf"))
        self.preview.open()
        self.dirty = False
        return self.preview

    def _content(self) -> tuple:
        return (self.rows(), *self.period(), self.jabatan.text().strip(),
                self.nama.text().strip(), "".join(self.nip.text().split()),
                self.place.text().strip())

    def _render(self, content: tuple, paper: str) -> bytes:
        return monitoring_pdf(*content, data_dir=self.workspace.data_dir, paper=paper)

    def _finish_editing(self) -> None:
        """Take over the text of a cell still being typed in."""
        editor = self.table.indexWidget(self.table.currentIndex())
        if isinstance(editor, QPlainTextEdit):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def reject(self) -> None:
        if self.dirty and not confirm(self, "Tutup formulir",
                                      "Tutup formulir monitoring? Isian yang sudah diketik "
                                      "belum dicetak dan akan hilang.", yes="Tutup"):
            return
        super().reject()

    def _choose_official(self) -> None:
        number = self.official.currentData()
        if number is None:
            return
        official = self.officials[number]
        self.jabatan.setText(official.jabatan)
        self.nama.setText(official.nama)
        self.nip.setText(official.nip)

    def _open_judgements(self) -> None:
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, PENILAIAN))

    def _edited(self) -> None:
        self.dirty = True

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if problem else "")
        self.status.setText(text)

    @classmethod
    def open_for(cls, parent: QWidget | None, workspace) -> MonitoringDialog:
        """Show the form beside the main window (not modal); a second call raises it."""
        existing = parent.findChild(cls) if parent is not None else None
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = cls(parent, workspace)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
