"""The main window: the SOP library list (later issues add the other areas)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.sop_table import SopTableModel
from desktop_app.sop import library
from desktop_app.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle("Pandu SOP")
        self.resize(1000, 640)
        self.sop_model = SopTableModel(parent=self)
        self.sop_view = QTableView()
        self.sop_view.setModel(self.sop_model)
        self.sop_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sop_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sop_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sop_view.verticalHeader().hide()
        header = self.sop_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        title = QLabel("<h2>Pustaka SOP</h2>")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(title)
        layout.addWidget(self.sop_view)
        self.setCentralWidget(central)
        self.refresh()

    def refresh(self) -> None:
        self.sop_model.set_rows(library.list_sops())
        self.sop_view.resizeColumnToContents(0)
        self.statusBar().showMessage(f"{self.sop_model.rowCount()} SOP di pustaka")
