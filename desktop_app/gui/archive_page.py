"""The Arsip area: every naskah, attached file and letter number of the office in one list;
filters (year, type, SOP, run, status) and search as you type over nomor, perihal, tujuan and
notes; the chosen document's file, versions, approvals and expedition history."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.archive.search import (
    STATUS_FILTERS,
    ArchiveDetail,
    ArchiveEntry,
    ArchiveQuery,
    detail,
    filter_options,
    search,
    set_note,
)
from desktop_app.common.dates import tanggal, waktu
from desktop_app.common.errors import DomainError
from desktop_app.common.file_store import require_inert, stored_path
from desktop_app.gui.errors import error_text, show_error
from desktop_app.gui.expedition_page import RowsModel, open_path, table_view
from desktop_app.office.people import PersonInfo
from desktop_app.office.signoff import ACTIONS

SEARCH_DELAY_MS = 120  # one search once the typing pauses, not one per key at full speed
COLUMNS = (("Tanggal", lambda e: tanggal(e.item_date)), ("Jenis", lambda e: e.kind_label),
           ("Nomor", lambda e: e.nomor or "-"), ("Perihal", lambda e: e.perihal),
           ("Tujuan", lambda e: e.tujuan.split("\n")[0] or "-"),
           ("Status", lambda e: e.status_label), ("Ekspedisi", lambda e: e.expedition_label),
           ("Proses", lambda e: e.run_title or "-"))
VERSION_COLUMNS = (("Versi", lambda v: str(v.number)),
                   ("Dibuat", lambda v: waktu(v.created_at)),
                   ("Jenis", lambda v: "final (disahkan)" if v.final else "konsep"),
                   ("Kode verifikasi", lambda v: v.verification_code or "-"),
                   ("Sidik berkas", lambda v: v.sha256[:16] + "…"))
APPROVAL_COLUMNS = (("Waktu", lambda a: waktu(a.at)),
                    ("Oleh", lambda a: a.person),
                    ("Tindakan", lambda a: ACTIONS.get(a.action, a.action)),
                    ("Keputusan", lambda a: a.decision), ("Versi", lambda a: str(a.version)),
                    ("Catatan", lambda a: a.note or "-"))
DELIVERY_COLUMNS = (("No", lambda d: d.book_number),
                    ("Tanggal kirim", lambda d: tanggal(d.tanggal_kirim)),
                    ("Tujuan", lambda d: d.tujuan), ("Status", lambda d: d.status_label),
                    ("Penerima", lambda d: f"{d.nama_penerima}, {tanggal(d.tanggal_terima)}"
                     if d.status == "diterima" else "-"),
                    ("Pindaian", lambda d: d.receipt_name or "-"))


def ask_note(parent: QWidget, initial: str) -> str | None:
    """The office's own note on a document (tests patch this)."""
    text, ok = QInputDialog.getMultiLineText(
        parent, "Catatan arsip", "Catatan (mis. letak berkas asli, nomor map):", initial)
    return text if ok else None


class ArchivePage(QWidget):
    def __init__(self, workspace, person_provider: Callable[[], PersonInfo | None]):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.current: ArchiveDetail | None = None
        self.search_edit = QLineEdit(clearButtonEnabled=True, placeholderText=(
            "Cari: ketik sebagian nomor, perihal, tujuan atau catatan…"))
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _text: self.timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        self.filters = {key: QComboBox() for key in ("year", "kind", "sop_id", "run_id",
                                                     "status")}
        self.filters["run_id"].setMinimumContentsLength(18)
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.model = RowsModel(COLUMNS)
        self.table = table_view(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_detail())
        self.table.doubleClicked.connect(lambda _i: self.open_file())
        self.count = QLabel(styleSheet="color: #555;")
        self._build_layout()
        self.reload_filters()
        self.run_search()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for combo, label in zip(self.filters.values(),
                                ("Tahun", "Jenis", "SOP", "Proses", "Status"), strict=True):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        self.title = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.facts = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText,
                            textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("&Buka berkas")
        self.open_button.clicked.connect(self.open_file)
        self.note_button = QPushButton("&Catatan…")
        self.note_button.clicked.connect(self.edit_note)
        self.versions, self.approvals, self.deliveries = (
            RowsModel(VERSION_COLUMNS), RowsModel(APPROVAL_COLUMNS), RowsModel(DELIVERY_COLUMNS))
        self.tabs, self.tab_views = QTabWidget(), []
        for model, name, opener in ((self.versions, "Versi", self._open_version),
                                    (self.approvals, "Paraf dan tanda tangan", None),
                                    (self.deliveries, "Ekspedisi", self._open_scan)):
            view = table_view(model)
            view.horizontalHeader().setStretchLastSection(True)
            if opener:
                view.doubleClicked.connect(opener)
            self.tabs.addTab(view, name)
            self.tab_views.append(view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        side = QWidget()
        panel = QVBoxLayout(side)
        panel.addWidget(self.title)
        panel.addWidget(self.facts)
        panel.addLayout(buttons)
        panel.addWidget(self.tabs, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Arsip</h2>"))
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self._show(None)

    def refresh(self) -> None:
        """Documents signed or sent elsewhere in the app (the change notification)."""
        self.reload_filters()
        self.run_search()

    # --- filters and results ----------------------------------------------------------------
    def reload_filters(self) -> None:
        options = filter_options()
        choices = {"year": [(y, str(y)) for y in options.years], "kind": list(options.kinds),
                   "sop_id": list(options.sops), "run_id": list(options.runs),
                   "status": list(STATUS_FILTERS.items())}
        for key, combo in self.filters.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("Semua", None)
            for value, label in choices[key]:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def query(self) -> ArchiveQuery:
        return ArchiveQuery(self.search_edit.text(),
                            **{key: combo.currentData() for key, combo in self.filters.items()})

    def run_search(self) -> None:
        self.timer.stop()
        chosen = self.selected()
        try:
            result = search(self.query())
        except Exception as exc:  # noqa: BLE001 - shown in place, not as one box per key
            self.count.setText(error_text(exc))
            return
        self.model.set_rows(list(result.entries))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        shown = len(result.entries)
        if not result.total:
            self.count.setText("Tidak ada dokumen yang cocok." if self.query() != ArchiveQuery()
                               else "Arsip masih kosong: naskah, lampiran dan nomor surat "
                                    "muncul di sini begitu dibuat.")
        elif shown < result.total:
            self.count.setText(f"{shown} terbaru dari {result.total} dokumen; persempit dengan "
                               "kata lain atau saringan.")
        else:
            self.count.setText(f"{result.total} dokumen")
        row = next((r for r, e in enumerate(result.entries)
                    if chosen and e.id == chosen.id), None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self._show(None)

    def selected(self) -> ArchiveEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    # --- the chosen document ----------------------------------------------------------------
    def show_detail(self) -> None:
        entry = self.selected()
        try:
            self._show(detail(entry.id, self.workspace.data_dir)
                       if entry else None)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)

    def _show(self, info: ArchiveDetail | None) -> None:
        self.current = info
        self.open_button.setEnabled(bool(info and info.file))
        self.note_button.setEnabled(info is not None)
        self.tabs.setEnabled(info is not None)
        for model, rows in ((self.versions, info.versions if info else ()),
                            (self.approvals, info.approvals if info else ()),
                            (self.deliveries, info.deliveries if info else ())):
            model.set_rows(list(rows))
        for view in self.tab_views:
            view.resizeColumnsToContents()
        if info is None:
            self.title.setText("<i>Pilih dokumen untuk melihat berkas, versi, paraf dan "
                               "riwayat ekspedisinya.</i>")
            self.facts.setText("")
            return
        entry = info.entry
        self.title.setText(f"<b>{escape(entry.perihal)}</b>")
        facts = list(info.facts) + ([("Catatan", entry.catatan)] if entry.catatan else [])
        if entry.has_file and info.file is None:
            facts.append(("Berkas", "tidak ditemukan di folder data"))
        self.facts.setText("<table>" + "".join(
            f"<tr><td style='color:#555;padding-right:8px'>{escape(label)}</td>"
            f"<td>{escape(value)}</td></tr>" for label, value in facts) + "</table>")

    def open_file(self) -> None:
        if self.current and self.current.file:
            self._open(self.current.file)

    def _open_version(self, index) -> None:
        self._open_stored(self.versions.rows[index.row()].stored_path, "Berkas versi ini")

    def _open_scan(self, index) -> None:
        self._open_stored(self.deliveries.rows[index.row()].receipt_path,
                          "Pindaian tanda terima")

    def _open_stored(self, relative: str, what: str) -> None:
        path: Path | None = stored_path(self.workspace.data_dir, relative)
        if path is None:
            show_error(self, DomainError(f"{what} tidak ada di folder data."))
            return
        self._open(path)

    def _open(self, path: Path) -> None:
        try:
            require_inert(path)  # e.g. an .exe stored before such files were refused
        except DomainError as exc:
            show_error(self, exc)
            return
        open_path(path)

    def edit_note(self) -> None:
        person = self.person_provider()
        if self.current is None:
            return
        if person is None:
            show_error(self, DomainError("Masuk dahulu untuk menulis catatan arsip."))
            return
        text = ask_note(self, self.current.entry.catatan)
        if text is None:
            return
        try:
            set_note(self.current.entry.id, text, person.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.run_search()
        self.show_detail()
