"""The Ekspedisi area: the expedition list (belum dikirim / dikirim / diterima), putting a signed
document or a bundle on it, marking deliveries sent, recording receipts with a scan, printing
the buku ekspedisi and the tanda terima slips."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.dates import tanggal
from desktop_app.common.errors import DomainError
from desktop_app.common.file_store import stored_path
from desktop_app.expedition import deliveries as dv
from desktop_app.expedition import printing, views
from desktop_app.expedition.views import DeliveryView, Sent
from desktop_app.gui.errors import show_error
from desktop_app.gui.open_file import open_path
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.questions import INDONESIAN, confirm
from desktop_app.gui.table_model import ListModel
from desktop_app.office.people import PersonInfo, list_people
from desktop_app.office.settings import get_setting

STATE_COLOURS = {"belum_dikirim": "#0b57d0", "dikirim": "#b26a00", "diterima": "#1b7f3b"}
LATE = "#b00020"
_Index = QModelIndex | QPersistentModelIndex




def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), calendarPopup=True)
    edit.setLocale(INDONESIAN)
    edit.setDisplayFormat("d MMMM yyyy")
    return edit


class RowsModel(ListModel):
    """A read-only table over a list of service results: one (header, text of row) per column,
    an optional colour per row; UserRole gives the row itself."""

    def items(self):
        return self.rows

    def headers(self):
        return [header for header, _text in self.columns]

    def __init__(self, columns: Sequence[tuple[str, Callable]],
                 colour: Callable[[object], str | None] = lambda _row: None):
        super().__init__()
        self.columns, self.colour, self.rows = list(columns), colour, []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and (colour := self.colour(row)):
            return QColor(colour)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


def table_view(model: QAbstractTableModel, multi: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


def ok_cancel(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SendDialog(QDialog):
    """Put a signed document on the list: tujuan, tanggal kirim, kurir, lampiran."""

    def __init__(self, parent, documents: list[Sent], files: list[Sent],
                 people: list[PersonInfo], initial: dv.NewDelivery):
        super().__init__(parent)
        self.setWindowTitle("Kirim naskah (ekspedisi)")
        self.setMinimumWidth(560)
        self.documents, self.files = documents, files
        self.document = QComboBox()
        for doc in documents:
            self.document.addItem(doc.label, doc.id)
        self.tujuan = QLineEdit(initial.tujuan)
        self.tujuan.setPlaceholderText("mis. Kepala Bappeda di Karanganyar")
        self.on = date_edit(initial.tanggal_kirim or date.today())
        self.kurir = QComboBox()
        for person in people:
            self.kurir.addItem(f"{person.nama} ({person.jabatan})" if person.jabatan
                               else person.nama, person.id)
        self.kurir.setCurrentIndex(max(self.kurir.findData(initial.kurir_id), 0))
        self.keterangan = QLineEdit(initial.keterangan)
        self.lampiran = QListWidget(wordWrap=True, maximumHeight=150)
        self.lampiran.setToolTip("Centang naskah atau berkas yang dikirim bersamanya "
                                 "(lampiran surat pengantar).")
        self.run_step_id = initial.run_step_id
        form = QFormLayout(self)
        form.addRow("&Naskah", self.document)
        form.addRow("&Tujuan", self.tujuan)
        form.addRow("Tanggal &kirim", self.on)
        form.addRow("&Diantar oleh", self.kurir)
        form.addRow("&Lampiran", self.lampiran)
        form.addRow("K&eterangan", self.keterangan)
        form.addRow(ok_cancel(self, "Tambahkan ke daftar"))
        self.document.currentIndexChanged.connect(self._document_changed)
        self.document.setCurrentIndex(max(self.document.findData(initial.document_id), 0))
        self._document_changed(keep_tujuan=bool(initial.tujuan))

    def _document_changed(self, _index: int = 0, keep_tujuan: bool = False) -> None:
        main = next((d for d in self.documents if d.id == self.document.currentData()), None)
        if main is None:
            return
        if not keep_tujuan:
            self.tujuan.setText(main.tujuan)
        self.lampiran.clear()
        same_run = [f for f in self.files if main.run_id and f.run_id == main.run_id]
        for sent in [d for d in self.documents if d.id != main.id] + (same_run or self.files):
            item = QListWidgetItem(sent.label + (f" ({tanggal(sent.tanggal)})"
                                                 if sent.tanggal else ""))
            item.setData(Qt.ItemDataRole.UserRole, (sent.source, sent.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.lampiran.addItem(item)

    def value(self) -> dv.NewDelivery:
        checked = [self.lampiran.item(i).data(Qt.ItemDataRole.UserRole)
                   for i in range(self.lampiran.count())
                   if self.lampiran.item(i).checkState() == Qt.CheckState.Checked]
        return dv.NewDelivery(
            self.document.currentData(), self.tujuan.text(), self.on.date().toPython(),
            self.kurir.currentData(), tuple(i for s, i in checked if s == "naskah"),
            tuple(i for s, i in checked if s == "berkas"), self.keterangan.text(),
            self.run_step_id)

    @classmethod
    def ask(cls, parent, documents, files, people, initial) -> dv.NewDelivery | None:
        dialog = cls(parent, documents, files, people, initial)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReceiptDialog(QDialog):
    """Who received a delivery and when, with a scan or photo of the signed page."""

    def __init__(self, parent, delivery: DeliveryView):
        super().__init__(parent)
        self.setWindowTitle(f"Tanda terima No. {delivery.book_number}")
        self.nama = QLineEdit(delivery.nama_penerima)
        self.on = date_edit(delivery.tanggal_terima or date.today())
        self.scan = QLineEdit(readOnly=True, placeholderText=delivery.receipt_name
                              or "(tidak ada)")
        choose = QPushButton("&Pilih berkas…")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(choose)
        form = QFormLayout(self)
        form.addRow(QLabel(f"{delivery.main.title}\nkepada {delivery.tujuan}"))
        form.addRow("&Nama penerima", self.nama)
        form.addRow("Tanggal &terima", self.on)
        form.addRow("Pindaian/foto", row)
        form.addRow(ok_cancel(self, "Simpan"))

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Pilih pindaian atau foto", "", "Pindaian atau foto (*.pdf *.jpg *.jpeg *.png)")
        if path:
            self.scan.setText(path)

    def value(self) -> dv.Receipt:
        return dv.Receipt(self.nama.text(), self.on.date().toPython(),
                          Path(self.scan.text()) if self.scan.text() else None)

    @classmethod
    def ask(cls, parent, delivery: DeliveryView) -> dv.Receipt | None:
        dialog = cls(parent, delivery)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


COLUMNS = (
    ("No", lambda d: d.book_number), ("Tanggal kirim", lambda d: tanggal(d.tanggal_kirim)),
    ("Nomor surat", lambda d: d.main.nomor or "-"),
    ("Perihal", lambda d: d.main.title + (f" (+{len(d.lampiran)} lampiran)" if d.lampiran
                                          else "")),
    ("Tujuan", lambda d: d.tujuan), ("Diantar oleh", lambda d: d.kurir),
    ("Status", lambda d: d.status_label),
    ("Penerima", lambda d: f"{d.nama_penerima}, {tanggal(d.tanggal_terima)}"
     if d.status == "diterima" else "-"))
TIPS = {"book": "Pengiriman yang dipilih, atau bila tidak ada yang dipilih: semua pada "
                "rentang tanggal kirim",
        "sent": "Kurir sudah berangkat membawa pengiriman yang dipilih"}
FILTERS = (("Semua", None), *((label, key) for key, label in views.STATES.items()),
           ("Menunggu tanda terima", "menunggu"))


class ExpeditionPage(QWidget):
    changed = Signal()

    def __init__(self, workspace, person_provider: Callable[[], PersonInfo | None]):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.late: set[int] = set()
        self.model = RowsModel(COLUMNS, self._colour)
        self.table = table_view(self.model, multi=True)
        self.table.doubleClicked.connect(lambda _i: self.record_receipt())
        this_year = date.today().year
        self.date_from, self.date_to = date_edit(date(this_year, 1, 1)), \
            date_edit(date(this_year, 12, 31))
        self.status = QComboBox()
        for label, key in FILTERS:
            self.status.addItem(label, key)
        self.wait_days = QSpinBox(minimum=1, maximum=60, value=views.DEFAULT_WAIT_DAYS,
                                  suffix=" hari kerja")
        self.waiting = QLabel(styleSheet=f"color: {LATE};")
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged,
                       self.status.currentIndexChanged, self.wait_days.valueChanged):
            signal.connect(self.refresh)
        filters = QHBoxLayout()
        for text, widget in (("Tanggal kirim", self.date_from), ("s.d.", self.date_to),
                             ("Tampilkan", self.status), ("Batas tanda terima", self.wait_days)):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (("add", "&Kirim naskah…", self.add_delivery),
                                ("sent", "Tandai &dikirim", self.mark_sent),
                                ("receipt", "Catat &tanda terima…", self.record_receipt),
                                ("book", "Cetak &buku ekspedisi…", self.print_book),
                                ("slips", "Cetak slip tanda t&erima…", self.print_slips),
                                ("scan", "Lihat &pindaian", self.open_scan),
                                ("remove", "&Hapus dari daftar", self.remove)):
            button = QPushButton(text, toolTip=TIPS.get(key, ""))
            button.clicked.connect(lambda _on=False, s=slot: s())
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.message = QLabel(styleSheet="color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Ekspedisi</h2>"))
        layout.addLayout(filters)
        layout.addWidget(self.waiting)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        self.refresh()

    # --- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = {d.id for d in self.selected()}
        waiting = views.awaiting_receipt(self.wait_days.value())
        self.late = {w.delivery.id for w in waiting}
        self.waiting.setText(f"{len(waiting)} pengiriman belum ada tanda terimanya setelah "
                             f"{self.wait_days.value()} hari kerja." if waiting else "")
        self.waiting.setVisible(bool(waiting))
        key = self.status.currentData()
        if key == "menunggu":
            rows = [w.delivery for w in waiting]
        else:
            rows = views.list_deliveries(self.date_from.date().toPython(),
                                         self.date_to.date().toPython(), key)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.select_ids(selected)
        self.message.setText("" if rows else "Belum ada pengiriman pada rentang ini. Kirim "
                             "naskah yang sudah disahkan dengan tombol Kirim naskah…")
        self._enable()

    def _colour(self, d: DeliveryView) -> str:
        return LATE if d.id in self.late else STATE_COLOURS.get(d.status, "")

    def selected(self) -> list[DeliveryView]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows]

    def select_ids(self, ids: Sequence[int]) -> None:
        self.table.clearSelection()
        flags = (self.table.selectionModel().SelectionFlag.Select
                 | self.table.selectionModel().SelectionFlag.Rows)
        for row, d in enumerate(self.model.rows):
            if d.id in ids:
                self.table.selectionModel().select(self.model.index(row, 0), flags)

    def _enable(self, *_args) -> None:
        chosen = self.selected()
        self.buttons["sent"].setEnabled(any(d.status == "belum_dikirim" for d in chosen))
        self.buttons["receipt"].setEnabled(len(chosen) == 1)
        self.buttons["slips"].setEnabled(bool(chosen))
        self.buttons["scan"].setEnabled(len(chosen) == 1 and bool(chosen[0].receipt_path))
        self.buttons["remove"].setEnabled(len(chosen) == 1
                                          and chosen[0].status == "belum_dikirim")

    def _person(self, doing: str) -> PersonInfo | None:
        person = self.person_provider()
        if person is None:
            show_error(self, DomainError(f"Masuk dahulu (pilih nama dan ketik PIN) untuk "
                                         f"{doing}."))
        return person

    def _done(self, text: str, ids: Sequence[int] = ()) -> None:
        self.refresh()
        self.select_ids(ids)
        self.message.setText(text)
        self.changed.emit()

    # --- actions ----------------------------------------------------------------------------
    def add_delivery(self, document_id: int | None = None,
                     run_step_id: int | None = None) -> int | None:
        """Ask what to send (the run step that sends a document passes it) and put it on the
        list; the new delivery's id, or None."""
        person = self._person("mengirim naskah")
        documents = views.sendable_documents()
        if person is None:
            return None
        if not documents:
            show_error(self, DomainError("Belum ada naskah yang disahkan. Hanya naskah yang "
                                         "sudah ditandatangani yang dapat dikirim."))
            return None
        if document_id is None and run_step_id is not None:
            document_id = views.document_for_step(run_step_id)
        initial = dv.NewDelivery(document_id, "", date.today(), person.id,
                                 run_step_id=run_step_id)
        new = SendDialog.ask(self, documents, views.sendable_files(),
                             list_people(), initial)
        if new is None:
            return None
        try:
            delivery_id = dv.add_delivery(new, person.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        d = views.get_delivery(delivery_id)
        self._done(f"No. {d.book_number} masuk daftar ekspedisi: belum dikirim.", [delivery_id])
        return delivery_id

    def mark_sent(self) -> None:
        person = self._person("menandai pengiriman")
        chosen = [d.id for d in self.selected()]
        if person is None or not chosen:
            return
        count = dv.mark_sent(chosen, person.id)
        self._done(f"{count} pengiriman ditandai dikirim.", chosen)

    def record_receipt(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        person = self._person("mencatat tanda terima")
        receipt = ReceiptDialog.ask(self, chosen[0]) if person else None
        if receipt is None:
            return
        try:
            dv.record_receipt(self.workspace.data_dir, chosen[0].id,
                              receipt, person.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self._done(f"Tanda terima No. {chosen[0].book_number} tercatat.", [chosen[0].id])

    def remove(self) -> None:
        chosen = self.selected()
        person = self._person("menghapus dari daftar")
        if person is None or len(chosen) != 1 or not confirm(
                self, "Hapus dari daftar", f"Hapus No. {chosen[0].book_number} "
                f"({chosen[0].main.title}) dari daftar ekspedisi?", "Hapus"):
            return
        try:
            dv.remove_delivery(chosen[0].id, person.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self._done(f"No. {chosen[0].book_number} dihapus dari daftar.")

    def open_scan(self) -> None:
        chosen = self.selected()
        path = stored_path(self.workspace.data_dir, chosen[0].receipt_path) if chosen else None
        if path is None:
            show_error(self, DomainError("Pindaian tanda terima tidak ditemukan di folder data."))
            return
        open_path(path)

    def print_book(self) -> None:
        """The selected deliveries (a batch), or every one in the date range."""
        data_dir, chosen = self.workspace.data_dir, [d.id for d in self.selected()]
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()

        def make(paper: str) -> bytes:
            if chosen:
                return printing.book_for_batch(chosen, paper, data_dir)
            return printing.book_for_range(start, end, paper, data_dir)

        self._preview("Buku ekspedisi", make, "Buku ekspedisi.pdf")

    def print_slips(self) -> None:
        chosen, data_dir = [d.id for d in self.selected()], self.workspace.data_dir
        if chosen:
            self._preview("Tanda terima", lambda paper: printing.slips_pdf(chosen, paper,
                                                                           data_dir),
                          "Tanda terima.pdf")

    def _preview(self, title: str, make, name: str) -> None:
        self.preview = PrintPreviewDialog(self, title, make, get_setting("paper"), name)
        self.preview.open()
