"""The Proses area: all runs with their progress and lateness; start a run, open one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.runs.views import RunSummary, list_runs

HEADERS = ("Judul", "SOP", "Status", "Kemajuan", "Langkah kini", "Petugas", "Keterlambatan")


class RunsPage(QWidget):
    start_requested = Signal()
    open_requested = Signal(int)
    monitoring_requested = Signal()

    def __init__(self):
        super().__init__()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._open())
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("start", "&Mulai proses…", self.start_requested.emit),
                                ("open", "&Buka", self._open),
                                ("monitoring", "&Formulir monitoring…",
                                 self.monitoring_requested.emit)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Proses</h2>"))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.rows: list[RunSummary] = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = list_runs()
        self.table.setRowCount(len(self.rows))
        for r, run in enumerate(self.rows):
            values = (run.title, run.sop_nama, run.status, f"{run.done}/{run.total}",
                      run.current or "-", run.current_person or "-",
                      run.current_late or (f"{run.late} langkah terlambat" if run.late else "-"))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 6 and value != "-":
                    item.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def selected_run_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()].id if rows else None

    def _open(self) -> None:
        run_id = self.selected_run_id()
        if run_id is not None:
            self.open_requested.emit(run_id)
