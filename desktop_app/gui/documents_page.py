"""The Dokumen area: every naskah dinas with its status and whose turn it is; make one, open
one, and check whether a PDF file is a genuine signed document ("Periksa keaslian")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.errors import DomainError
from desktop_app.gui.document_form import DocumentFormDialog
from desktop_app.gui.errors import show_error
from desktop_app.gui.table_model import ListModel
from desktop_app.naskah import workflow
from desktop_app.naskah.verification import VerifyResult, verify_bytes
from desktop_app.naskah.workflow import STATUS_LABELS, DocumentSummary
from desktop_app.office.people import PersonInfo
from desktop_app.office.signoff import ACTIONS, KINDS

COLUMNS = ("Jenis", "Perihal", "Nomor", "Status", "Menunggu siapa")
STATUS_COLOURS = {"menunggu": "#0b57d0", "dikembalikan": "#b26a00", "final": "#1b7f3b"}
MINE = QColor("#0b57d0")
_Index = QModelIndex | QPersistentModelIndex


def status_text(row: DocumentSummary, me: int | None) -> str:
    """The status; for the logged-in person's turn, what is asked of them."""
    if row.status == "menunggu" and me is not None and row.waiting_for_id == me:
        return f"Menunggu {ACTIONS[row.waiting_action]} Anda"
    return STATUS_LABELS.get(row.status, row.status)


class DocumentsModel(ListModel):
    """A table over workflow.list_documents(); rows waiting for `me` are bold and blue."""

    def items(self):
        return self.rows

    def headers(self):
        return COLUMNS

    def __init__(self):
        super().__init__()
        self.rows: list[DocumentSummary] = []
        self.me: int | None = None

    def set_rows(self, rows: list[DocumentSummary], me: int | None) -> None:
        self.beginResetModel()
        self.rows, self.me = list(rows), me
        self.endResetModel()

    def _mine(self, row: DocumentSummary) -> bool:
        return row.status == "menunggu" and self.me is not None and row.waiting_for_id == self.me

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            waiting = (f"{row.waiting_for} ({ACTIONS[row.waiting_action]})"
                       if row.waiting_for else "-")
            return (KINDS.get(row.kind, row.kind), row.title, row.number or "-",
                    status_text(row, self.me), waiting)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column in (3, 4):
            return MINE if self._mine(row) else QColor(STATUS_COLOURS.get(row.status, "#000"))
        if role == Qt.ItemDataRole.FontRole and self._mine(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class VerifyDialog(QDialog):
    """The answer of "Periksa keaslian" for one file: green if genuine, red otherwise."""

    def __init__(self, parent, file_name: str, result: VerifyResult):
        super().__init__(parent)
        self.setWindowTitle("Periksa keaslian naskah")
        self.resize(560, 240)
        self.result_value = result
        headline, _sep, rest = result.message.partition(": ")
        colour, background = (("#1b7f3b", "#e6f4ea") if result.genuine
                              else ("#b00020", "#fce8e6"))
        if result.genuine and "dibatalkan" in headline:  # genuine, but no longer in force
            colour, background = "#8a5a00", "#fff4e0"
        self.headline = QLabel(("✔ " if result.genuine else "✘ ") + headline)
        self.headline.setStyleSheet(f"color: {colour}; font-size: 16pt; font-weight: bold;")
        self.message = QLabel(rest or result.message, wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QWidget()
        box.setObjectName("result")
        box.setStyleSheet(f"#result {{ background: {background}; border: 1px solid {colour}; "
                          "border-radius: 4px; }")
        inner = QVBoxLayout(box)
        inner.addWidget(self.headline)
        inner.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Berkas: <b>{file_name}</b>", textFormat=Qt.TextFormat.RichText))
        layout.addWidget(box, 1)
        note = QLabel("Pemeriksaan ini memeriksa tanda tangan elektronik tidak tersertifikasi "
                      "Pandu SOP (bukan TTE BSrE), atau untuk naskah tanpa kunci, catatan "
                      "naskah yang disahkan di kantor ini.", wordWrap=True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, path: Path, anchor=None) -> VerifyResult | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(parent, DomainError(f"Berkas {path} tidak dapat dibaca: "
                                           f"{exc.strerror or exc}."))
            return None
        result = verify_bytes(data, anchor)
        cls(parent, path.name, result).exec()
        return result


class DocumentsPage(QWidget):
    open_requested = Signal(int)
    changed = Signal()

    def __init__(self, workspace, person_provider: Callable[[], PersonInfo | None]):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.model = DocumentsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.mine_only = QCheckBox("Hanya yang &menunggu saya")
        self.mine_only.toggled.connect(self.refresh)
        self.empty = QLabel(styleSheet="color: #555;")
        self.kind_menu = QMenu(self)
        for kind, label in KINDS.items():
            action = self.kind_menu.addAction(label)
            action.setData(kind)
            action.triggered.connect(lambda _on=False, k=kind: self._create_and_open(k))
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, slot in (("new", "Buat &naskah…", None), ("open", "&Buka", self._open),
                                ("verify", "Periksa &keaslian…", self.check_file),
                                ("verify_key", "Periksa dengan berkas k&unci…",
                                 self.check_file_with_key)):
            button = QPushButton(text)
            if slot is None:
                button.setMenu(self.kind_menu)
            else:
                button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>Dokumen</h2>"))
        top.addStretch(1)
        top.addWidget(self.mine_only)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bar)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_id()
        person = self.person_provider()
        me = person.id if person else None
        rows = workflow.list_documents()
        waiting = [r for r in rows if r.status == "menunggu" and me is not None
                   and r.waiting_for_id == me]
        self.mine_only.setText(f"Hanya yang &menunggu saya ({len(waiting)})" if me is not None
                               else "Hanya yang &menunggu saya")
        shown = waiting if self.mine_only.isChecked() else rows
        self.model.set_rows(shown, me)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if not rows:
            empty = "Belum ada naskah. Buat naskah baru dengan tombol Buat naskah…"
        elif not shown:
            empty = ("Tidak ada naskah yang menunggu paraf atau tanda tangan Anda." if me
                     else "Masuk dahulu untuk melihat naskah yang menunggu Anda.")
        else:
            empty = ""
        self.empty.setText(empty)
        self.empty.setVisible(bool(empty))
        self.buttons["open"].setEnabled(bool(shown))
        if selected is not None:
            self.select(selected)

    def select(self, doc_id: int) -> None:
        for row, summary in enumerate(self.model.rows):
            if summary.id == doc_id:
                self.table.selectRow(row)
                return

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def _open(self) -> None:
        doc_id = self.selected_id()
        if doc_id is not None:
            self.open_requested.emit(doc_id)

    def _create_and_open(self, kind: str) -> None:
        doc_id = self.create(kind)
        if doc_id is not None:
            self.open_requested.emit(doc_id)

    def create(self, kind: str, title: str = "", content: dict | None = None,
               run_step_id: int | None = None) -> int | None:
        """Ask for the form (prefilled with `title` and `content`) and make the document; its
        id, or None if cancelled or refused (the reason is shown)."""
        person = self.person_provider()
        if person is None:
            show_error(self, DomainError("Masuk dahulu (pilih nama dan ketik PIN) untuk "
                                         "membuat naskah."))
            return None
        answer = DocumentFormDialog.ask(self, kind, title, content)
        if answer is None:
            return None
        title, content = answer
        try:
            doc_id = workflow.create_document(self.workspace.data_dir,
                                              kind, title, content, person.id, run_step_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        self.refresh()
        self.select(doc_id)
        self.changed.emit()
        return doc_id

    def check_file(self) -> VerifyResult | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Periksa keaslian naskah", "", "Dokumen PDF (*.pdf);;Semua berkas (*)")
        return VerifyDialog.ask(self, Path(path)) if path else None

    def check_file_with_key(self) -> VerifyResult | None:
        """A PDF checked against another office's exported public key file (no data of that
        office needed)."""
        from desktop_app.signing.keys import load_key_file

        path, _filter = QFileDialog.getOpenFileName(
            self, "Periksa keaslian naskah", "", "Dokumen PDF (*.pdf);;Semua berkas (*)")
        if not path:
            return None
        key, _filter = QFileDialog.getOpenFileName(
            self, "Berkas kunci publik kantor pengirim", "",
            "Kunci publik (*.pem);;Semua berkas (*)")
        if not key:
            return None
        try:
            anchor = load_key_file(Path(key))
        except DomainError as exc:
            show_error(self, exc)
            return None
        return VerifyDialog.ask(self, Path(path), anchor)
