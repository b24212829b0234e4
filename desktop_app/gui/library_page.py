"""The SOP area: the library list with search and its actions (new from template, edit,
duplicate, delete, import, import of an office document through its review, export, print);
files dropped on the list are imported the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import questions
from desktop_app.gui.sop_table import SopTableModel
from desktop_app.gui.tasks import run_op
from desktop_app.sop import library
from desktop_app.sop.sopfile import FILE_SUFFIX
from desktop_app.workspace import Workspace

SOP_FILTER = f"Berkas SOP (*{FILE_SUFFIX} *.toml)"
DOCUMENT_SUFFIXES = (".docx", ".xlsx", ".pdf", ".txt")
DOCUMENT_FILTER = "Dokumen SOP (*.docx *.xlsx *.pdf *.txt)"


class LibraryPage(QWidget):
    open_requested = Signal(int)  # edit this SOP
    print_requested = Signal(int)
    message = Signal(str)
    changed = Signal()  # an SOP was added, changed or removed here

    def __init__(self, workspace: Workspace, person_provider=None):
        super().__init__()
        self.workspace = workspace
        # who is logged in (recorded with an imported document); by default the window's
        self.person_provider = person_provider or (lambda: getattr(self.window(), "person",
                                                                   None))
        self.review_dialog = None
        self._reviews: list = []  # the further SOPs of a document, reviewed one by one
        self.setAcceptDrops(True)
        self.model = SopTableModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit(placeholderText="Cari nomor, nama atau instansi…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("new", "&Baru dari templat…", self.new_from_template),
                                ("edit", "&Ubah…", self.edit_selected),
                                ("duplicate", "&Duplikat", self.duplicate_selected),
                                ("delete", "&Hapus…", self.delete_selected),
                                ("import", "&Impor…", self.import_sop),
                                ("import_doc", "Impor &dokumen SOP…", self.import_document),
                                ("export", "&Ekspor…", self.export_selected),
                                ("print", "&Cetak…", self.print_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Pustaka SOP</h2>"))
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(library.list_sops())
        self.view.resizeColumnToContents(0)
        self.message.emit(f"{self.model.rowCount()} SOP di pustaka")

    def selected_sop_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.emit("Pilih satu SOP di daftar terlebih dahulu.")
            return None
        return self.model.sop_at(self.proxy.mapToSource(rows[0]).row()).id

    def select_sop(self, sop_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.sop_at(row).id == sop_id:
                self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return

    def _run(self, action, done: str = "") -> object:
        return run_op(self, action, done=lambda _result: done and self.message.emit(done))

    def new_from_template(self) -> None:
        templates = [s for s in library.list_sops() if s.is_template]
        labels = [f"{s.nama} — {s.instansi or 'kantor sendiri'}" for s in templates]
        label, ok = QInputDialog.getItem(self, "SOP baru dari templat", "Templat:", labels, 0,
                                         False)
        if not ok:
            return
        template = templates[labels.index(label)]
        nama, ok = QInputDialog.getText(self, "SOP baru dari templat", "Nama SOP:",
                                        text=template.nama)
        if not ok or not nama.strip():
            return
        sop_id = self._run(lambda: library.duplicate_sop(template.id,
                                                         nama.strip()))
        if sop_id:
            self.refresh()
            self.changed.emit()
            self.select_sop(sop_id)
            self.open_requested.emit(sop_id)

    def edit_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is not None:
            self.open_requested.emit(sop_id)

    def duplicate_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is None:
            return
        new_id = self._run(lambda: library.duplicate_sop(sop_id),
                           "SOP telah diduplikat.")
        if new_id:
            self.refresh()
            self.changed.emit()
            self.select_sop(new_id)

    def delete_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is None:
            return
        nama = library.get_sop(sop_id).identitas.nama
        if questions.confirm(self, "Hapus SOP", f'Hapus SOP "{nama}" beserta semua revisinya? '
                             "Tindakan ini tidak dapat dibatalkan.", yes="&Hapus"):
            deleted = self._run(lambda: library.delete_sop(sop_id))
            if deleted is not None:
                self.message.emit(f'SOP "{nama}" telah dihapus.' if deleted else
                                  f'SOP "{nama}" sudah dipakai proses, jadi diarsipkan '
                                  "(tidak tampil lagi di pustaka; riwayat prosesnya tetap ada).")
            self.refresh()
            self.changed.emit()

    def import_sop(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Impor SOP", "", SOP_FILTER)
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        sop_id = self._run(lambda: library.import_sop(path),
                           f"SOP dari {path.name} telah diimpor.")
        if sop_id:
            self.refresh()
            self.changed.emit()
            self.select_sop(sop_id)

    def import_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Impor dokumen SOP", "", DOCUMENT_FILTER)
        if path:
            self.review_document(Path(path))

    def review_document(self, path: Path) -> None:
        """Read a Word, Excel, PDF or text SOP and open its review; nothing is saved before
        the person saves it there. A file with several SOPs opens their reviews one after
        another."""
        from desktop_app.sop.importing.reader import read_documents

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            drafts = self._run(lambda: read_documents(path))
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not drafts:
            return
        if len(drafts) > 1:
            self.message.emit(f"{path.name} berisi {len(drafts)} SOP; masing-masing ditinjau "
                              "dan disimpan sendiri, satu per satu.")
        self._reviews = [(draft, path, k, len(drafts)) for k, draft in enumerate(drafts, 1)]
        self._next_review()

    def _next_review(self) -> None:
        from desktop_app.gui.import_review import ImportReviewDialog
        from desktop_app.sop.importing.review import ImportReview

        if not getattr(self, "_reviews", None):
            return
        draft, path, number, count = self._reviews.pop(0)
        person = self.person_provider()
        dialog = ImportReviewDialog(self, self.workspace, ImportReview(draft, path),
                                    person.id if person else None)
        if count > 1:
            dialog.setWindowTitle(f"{dialog.windowTitle()} — SOP {number} dari {count}")
            dialog.finished.connect(lambda _result: QTimer.singleShot(0, self._next_review))
        dialog.saved.connect(self._document_imported)
        self.review_dialog = dialog
        dialog.open()

    def _document_imported(self, sop_id: int) -> None:
        self.refresh()
        self.changed.emit()
        self.select_sop(sop_id)
        self.message.emit("Dokumen diimpor sebagai draf SOP. Lengkapi dan sahkan di "
                          "penyunting (Ubah…).")

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if any(_droppable(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()
                 if _droppable(url.toLocalFile())]
        event.acceptProposedAction()
        for path in paths:
            if path.suffix.lower() == ".toml":
                self.import_path(path)
        documents = [p for p in paths if p.suffix.lower() != ".toml"]
        if len(documents) > 1:
            self.message.emit("Dokumen SOP diimpor satu per satu; yang pertama dibuka.")
        if documents:
            self.review_document(documents[0])

    def export_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is None:
            return
        name = library.get_sop(sop_id).identitas.nama
        path, _ = QFileDialog.getSaveFileName(self, "Ekspor SOP", file_name(name, FILE_SUFFIX),
                                              SOP_FILTER)
        if path:
            target = Path(path if path.endswith(".toml") else path + FILE_SUFFIX)
            self._run(lambda: library.export_sop(sop_id, target), f"SOP disimpan ke {target}.")

    def print_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is not None:
            self.print_requested.emit(sop_id)


def _droppable(path: str) -> bool:
    return path.lower().endswith((".toml", *DOCUMENT_SUFFIXES))


def file_name(title: str, suffix: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_()" else "_" for ch in title).strip()
    return (safe or "sop")[:80] + suffix
