"""The main window: the SOP library (later issues add the other areas)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.errors import show_error
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.sop_table import SopTableModel
from desktop_app.office.settings import get_setting
from desktop_app.sop import library
from desktop_app.sop.printing import sop_sheet_pdf
from desktop_app.sop.sopfile import FILE_SUFFIX
from desktop_app.workspace import Workspace

SOP_FILTER = f"Berkas SOP (*{FILE_SUFFIX} *.toml)"


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle("Pandu SOP")
        self.resize(1000, 640)
        self.setAcceptDrops(True)
        self.sop_model = SopTableModel(parent=self)
        self.sop_view = QTableView()
        self.sop_view.setModel(self.sop_model)
        self.sop_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sop_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sop_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sop_view.verticalHeader().hide()
        self.sop_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sop_view.doubleClicked.connect(lambda _index: self.print_selected())
        self._build_actions()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel("<h2>Pustaka SOP</h2>"))
        layout.addWidget(self.sop_view)
        self.setCentralWidget(central)
        self.refresh()

    def _build_actions(self) -> None:
        toolbar = QToolBar("SOP")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.import_action = self._action("&Impor SOP…", QKeySequence.StandardKey.Open,
                                          self.import_sop)
        self.export_action = self._action("&Ekspor SOP…", "Ctrl+E", self.export_selected)
        self.print_action = self._action("&Cetak…", QKeySequence.StandardKey.Print,
                                         self.print_selected)
        for action in (self.import_action, self.export_action, self.print_action):
            toolbar.addAction(action)

    def _action(self, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def refresh(self) -> None:
        self.sop_model.set_rows(library.list_sops())
        self.sop_view.resizeColumnToContents(0)
        self.statusBar().showMessage(f"{self.sop_model.rowCount()} SOP di pustaka")

    def selected_sop_id(self) -> int | None:
        rows = self.sop_view.selectionModel().selectedRows()
        if not rows:
            self.statusBar().showMessage("Pilih satu SOP di daftar terlebih dahulu.", 5000)
            return None
        return self.sop_model.sop_at(rows[0].row()).id

    def select_sop(self, sop_id: int) -> None:
        for row in range(self.sop_model.rowCount()):
            if self.sop_model.sop_at(row).id == sop_id:
                self.sop_view.selectRow(row)
                return

    def import_sop(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Impor SOP", "", SOP_FILTER)
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        try:
            sop_id = library.import_sop(self.workspace.database, path)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.refresh()
        self.select_sop(sop_id)
        self.statusBar().showMessage(f"SOP dari {path.name} telah diimpor.", 5000)

    def export_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is None:
            return
        name = library.get_sop(sop_id).identitas.nama
        path, _ = QFileDialog.getSaveFileName(self, "Ekspor SOP", _file_name(name, FILE_SUFFIX),
                                              SOP_FILTER)
        if not path:
            return
        target = Path(path if path.endswith(".toml") else path + FILE_SUFFIX)
        try:
            library.export_sop(sop_id, target)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.statusBar().showMessage(f"SOP disimpan ke {target}.", 5000)

    def print_selected(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is None:
            return
        sop = library.get_sop(sop_id)
        dialog = PrintPreviewDialog(self, sop.identitas.nama, lambda paper: sop_sheet_pdf(
            sop, paper), get_setting("paper"), _file_name(f"SOP {sop.identitas.nama}", ".pdf"))
        self.preview = dialog  # keep a reference while it is open
        dialog.open()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if any(url.toLocalFile().endswith(".toml") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".toml"):
                self.import_path(Path(url.toLocalFile()))


def _file_name(title: str, suffix: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in " -_()" else "_" for ch in title).strip()
    return (safe or "sop")[:80] + suffix
