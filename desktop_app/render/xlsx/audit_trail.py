"""The audit trail of a run as an XLSX sheet."""

from __future__ import annotations

import io

from desktop_app.common.audit import AuditView
from desktop_app.render.xlsx.cells import set_text

HEADERS = ("Waktu", "Oleh", "Atas nama", "Tindakan", "Rincian")


def audit_xlsx(title: str, entries: list[AuditView]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Jejak audit"
    sheet.append([f"Jejak audit: {title}"])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append([entry.at])
        row = sheet.max_row
        sheet.cell(row, 1).number_format = "dd-mm-yyyy hh:mm"
        for column, value in enumerate((entry.person, entry.on_behalf_of, entry.action,
                                        entry.detail), start=2):
            set_text(sheet.cell(row, column), value)
    for column, width in zip("ABCDE", (18, 24, 24, 36, 70), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

