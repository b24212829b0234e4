"""The merged plan as a workbook in the official layout: title, the units' rows under one
numbered header, totals and (EKT) capaian and predikat as live formulas, the units still
missing, and the camat's signature block."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.form_types import FORMULA, MONEY, NUMBER, Column
from desktop_app.forms.merge import MergedPlan, parent_codes, signature_lines
from desktop_app.forms.workbook_export import formula, predikat_formula
from desktop_app.render.xlsx.cells import set_text

UNIT_COLUMN = Column("unit", "Unit Pelaksana", "text", 20)
NO_COLUMN = Column("no", "No", FORMULA, 5)
SIGNATURE_GAP = 4  # empty rows for the signature and cap


def merged_columns(plan: MergedPlan) -> list[Column]:
    return [NO_COLUMN, *(c for c in plan.form.columns if c.key != "no"), UNIT_COLUMN]


def merged_workbook(plan: MergedPlan) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = plan.form.code.upper()
    columns = merged_columns(plan)
    sl.title_block(sheet, [plan.title, plan.office.upper(), f"TAHUN {plan.year}"],
                   len(columns))
    sl.header(sheet, [sl.HeaderColumn(c.header, c.width, c.group) for c in columns])
    letters = {c.key: get_column_letter(n) for n, c in enumerate(columns, start=1)}
    row = sl.FIRST_DATA_ROW
    for number, (unit, line) in enumerate(plan.lines, start=1):
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row, index)
            _value(cell, column, number, unit, line, row, letters, plan)
            _style(cell, column)
        sl.fit_row(sheet, row, [(unit, UNIT_COLUMN.width)]
                   + [(getattr(line, c.key), c.width) for c in plan.form.inputs
                      if isinstance(getattr(line, c.key), str)])
        row += 1
    row = _total_row(sheet, plan, columns, letters, row)
    row = _notes(sheet, plan, len(columns), row + 1)
    last = _signature(sheet, plan, len(columns), row + 1)
    sheet.freeze_panes = f"A{sl.FIRST_DATA_ROW}"
    sl.print_setup(sheet, plan.paper, len(columns), last)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _value(cell, column: Column, number: int, unit: str, line, row: int, letters: dict,
           plan: MergedPlan) -> None:
    if column.key == "no":
        cell.value = number
    elif column.key == "unit":
        set_text(cell, unit)
    elif column.kind == FORMULA:
        cell.value = formula(column.key, row, letters, plan.form, plan.bands)
    else:
        value = getattr(line, column.key)
        if isinstance(value, str):
            set_text(cell, value)
        elif value is not None:
            cell.value = int(value) if float(value).is_integer() else value


def _style(cell, column: Column) -> None:
    cell.border = sl.BORDER
    cell.font = sl.NORMAL
    if column.kind == MONEY:
        cell.number_format = "#,##0"
        cell.alignment = sl.RIGHT_TOP
    elif column.kind == NUMBER:
        cell.alignment = sl.RIGHT_TOP
    elif column.kind == FORMULA:
        cell.number_format = "0.00" if column.key == "capaian" else "General"
        cell.alignment = sl.CENTRE_TOP
    else:
        cell.alignment = sl.WRAP_TOP


def _total_row(sheet, plan: MergedPlan, columns: list[Column], letters: dict, row: int) -> int:
    first, last = sl.FIRST_DATA_ROW, row - 1
    totals = plan.totals()
    label = "Jumlah" if totals else "Rata-rata capaian" if plan.form.kind == "ekt" else ""
    if not label:
        return row - 1
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row, index)
        cell.border = sl.BORDER
        cell.font = sl.BOLD
        letter = letters[column.key]
        if column.key in totals:
            cell.value = _sum_formula(plan, letter, first, last)
            cell.number_format = "#,##0"
        elif column.key == "capaian":
            cell.value = f'=IFERROR(AVERAGE({letter}{first}:{letter}{last}),"")'
            cell.number_format = "0.00"
            cell.alignment = sl.CENTRE_TOP
        elif column.key == "predikat":
            cell.value = predikat_formula(f"{letters['capaian']}{row}", plan.bands)
            cell.alignment = sl.CENTRE_TOP
    set_text(sheet.cell(row, 2), label)
    return row


def _sum_formula(plan: MergedPlan, letter: str, first: int, last: int) -> str:
    """The live total; with Kode only over the rows that carry the pagu (MergedPlan.totals):
    a program's or kegiatan's own pagu is the sum of the rows under it."""
    parents = parent_codes(line.kode for _, line in plan.lines) if plan.form.has("kode") \
        else set()
    leaves = [first + n for n, (_unit, line) in enumerate(plan.lines)
              if line.kode.strip().strip(".") not in parents]
    if not parents or not leaves:
        return f"=SUM({letter}{first}:{letter}{last})"
    groups = [leaves[k:k + 200] for k in range(0, len(leaves), 200)]
    parts = ["SUM(" + ",".join(f"{letter}{row}" for row in group) + ")" for group in groups]
    return "=" + (parts[0] if len(parts) == 1 else "SUM(" + ",".join(parts) + ")")


def _notes(sheet, plan: MergedPlan, width: int, row: int) -> int:
    notes = [plan.missing_note()]
    if plan.form.kind == "ekt":
        notes.append(f"Predikat: {plan.bands.describe()}.")
    for note in notes:
        row += 1
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        set_text(sheet.cell(row, 1), note)
        sheet.cell(row, 1).font = sl.NORMAL
        sheet.cell(row, 1).alignment = sl.WRAP_TOP
    return row


def _signature(sheet, plan: MergedPlan, width: int, row: int) -> int:
    """The signature block over the last columns, centred; returns its last row."""
    when, jabatan, nama, pangkat, nip = signature_lines(plan)
    start = max(1, width - 2)
    lines = [(when, sl.NORMAL), (jabatan, sl.NORMAL), *[("", sl.NORMAL)] * SIGNATURE_GAP,
             (nama or "(....................................)",
              Font(name="Arial", size=10, bold=True, underline="single" if nama else None)),
             (pangkat, sl.NORMAL), (nip, sl.NORMAL)]
    for text, font in lines:
        row += 1
        sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=width)
        cell = sheet.cell(row, start)
        if text:
            set_text(cell, text)
        cell.font = font
        cell.alignment = sl.CENTRE
    return row
