"""A table model over the SOP library list (plain SopSummary rows, never peewee objects)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui.table_model import ListModel
from desktop_app.sop.library import SopSummary

_HEADERS = ("Nomor", "Nama SOP", "Asal", "Langkah", "Revisi", "Status")


class SopTableModel(ListModel):
    def items(self):
        return self._rows

    def headers(self):
        return _HEADERS

    def __init__(self, rows: list[SopSummary] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[SopSummary] = rows or []

    def set_rows(self, rows: list[SopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def sop_at(self, row: int) -> SopSummary:
        return self._rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._rows[index.row()]
        return (item.nomor or "-", item.nama, item.source_label,
                str(item.step_count), str(item.revision), item.status_label)[index.column()]
