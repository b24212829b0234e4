"""A table model over the SOP library list (plain SopSummary rows, never peewee objects)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.sop.library import SopSummary

_ROOT = QModelIndex()
_HEADERS = ("Nomor", "Nama SOP", "Asal", "Langkah", "Revisi", "Status")


class SopTableModel(QAbstractTableModel):
    def __init__(self, rows: list[SopSummary] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[SopSummary] = rows or []

    def set_rows(self, rows: list[SopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def sop_at(self, row: int) -> SopSummary:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._rows[index.row()]
        return (item.nomor or "-", item.nama, item.source_label,
                str(item.step_count), str(item.revision), item.status_label)[index.column()]
