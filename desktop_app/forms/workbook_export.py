"""One unit's form as an .xlsx: title block, locked header, the cells to fill (validated,
unlocked), live formulas, an instructions sheet, the lists, and a hidden sheet saying what
the workbook is so the import can check it."""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.form_help import help_lines
from desktop_app.forms.form_types import (
    FORMAT,
    FORMULA,
    LIST_KINDS,
    LIST_NAMES,
    LISTS,
    LOWER_BETTER,
    MONEY,
    NUMBER,
    TEXT_MAX,
    Column,
    FormType,
    GradeBands,
    PlanLine,
)
from desktop_app.render.xlsx.cells import set_text

EMPTY_ROWS = 50  # blank rows after the prefilled ones
MIN_ROWS = 100  # rows ready to fill, at least
UNLOCKED = Protection(locked=False)
HELP_WIDTH = 85
NUMBER_FORMATS = {NUMBER: "General", MONEY: "#,##0"}


@dataclass(frozen=True)
class FormSpec:
    """Everything a unit's workbook shows; `lines` prefill it."""

    form: FormType
    year: int
    unit_id: int
    unit_nama: str
    office: str  # nama kantor, e.g. KECAMATAN NGARGOYOSO
    lines: tuple[PlanLine, ...] = ()
    prefill_note: str = ""  # where the prefilled rows come from
    run_id: int | None = None
    paper: str = "F4"
    bands: GradeBands = GradeBands()
    created: str = ""  # ISO timestamp, for the record
    app_version: str = ""


def form_workbook(spec: FormSpec) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = sl.DATA_SHEET
    rows = max(MIN_ROWS, len(spec.lines) + EMPTY_ROWS)
    _data_sheet(sheet, spec, rows)
    _help_sheet(book.create_sheet(sl.HELP_SHEET), spec)
    _list_sheet(book.create_sheet(sl.LIST_SHEET))
    _meta_sheet(book.create_sheet(sl.META_SHEET), spec)
    book.security = WorkbookProtection(lockStructure=True)
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _data_sheet(sheet, spec: FormSpec, rows: int) -> None:
    form, columns = spec.form, spec.form.columns
    hint = ("Isi mulai baris 8. Kolom bertanda * wajib diisi. Sel abu-abu terkunci dan "
            "dihitung sendiri. Baca lembar Petunjuk.")
    if spec.prefill_note:
        hint += " " + spec.prefill_note
    sl.title_block(sheet, [f"FORMULIR ISIAN {form.title.upper()} ({form.code.upper()}) "
                           f"TAHUN {spec.year}", spec.office, f"Unit: {spec.unit_nama}", hint],
                   len(columns))
    sl.header(sheet, [sl.HeaderColumn(c.header + (" *" if c.required else ""), c.width,
                                      c.group) for c in columns])
    letters = {c.key: get_column_letter(n) for n, c in enumerate(columns, start=1)}
    last = sl.FIRST_DATA_ROW + rows - 1
    for offset in range(rows):
        row = sl.FIRST_DATA_ROW + offset
        line = spec.lines[offset] if offset < len(spec.lines) else None
        for number, column in enumerate(columns, start=1):
            _data_cell(sheet.cell(row, number), column, line, row, letters, spec)
        if line is not None:
            sl.fit_row(sheet, row, [(getattr(line, c.key), c.width) for c in form.inputs
                                    if isinstance(getattr(line, c.key), str)])
    _validations(sheet, columns, last)
    sheet.freeze_panes = f"A{sl.FIRST_DATA_ROW}"
    sl.print_setup(sheet, spec.paper, len(columns), last)
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.insertRows = False
    protection.autoFilter = protection.sort = False


def _data_cell(cell, column: Column, line: PlanLine | None, row: int, letters: dict,
               spec: FormSpec) -> None:
    cell.border = sl.BORDER
    cell.font = sl.NORMAL
    if column.kind == FORMULA:
        cell.value = formula(column.key, row, letters, spec.form, spec.bands)
        cell.fill = sl.LOCKED_FILL
        cell.alignment = sl.CENTRE_TOP
        cell.number_format = "0.00" if column.key == "capaian" else "General"
        return
    cell.protection = UNLOCKED
    cell.number_format = NUMBER_FORMATS.get(column.kind, "@")
    cell.alignment = sl.RIGHT_TOP if column.kind in NUMBER_FORMATS else sl.WRAP_TOP
    value = getattr(line, column.key) if line is not None else None
    if isinstance(value, str):
        if value:
            set_text(cell, value)
    elif value is not None:
        cell.value = int(value) if float(value).is_integer() else value


def formula(key: str, row: int, letters: dict, form: FormType, bands: GradeBands) -> str:
    """The live formula of a computed column on `row` (letters: column key -> letter)."""
    if key == "no":
        inputs = ",".join(f"{letters[c.key]}{row}" for c in form.inputs)
        return f'=IF(COUNTA({inputs})=0,"",ROW()-{sl.FIRST_DATA_ROW - 1})'
    if key == "capaian":
        return capaian_formula(*(f"{letters[k]}{row}" for k in
                                 ("polaritas", "target", "realisasi")))
    if key == "predikat":
        return predikat_formula(f"{letters['capaian']}{row}", bands)
    raise KeyError(key)


def capaian_formula(polaritas: str, target: str, realisasi: str) -> str:
    """The same rule as form_types.capaian, as a spreadsheet formula."""
    return (f'=IF(OR({target}="",{realisasi}=""),"",IFERROR(IF({polaritas}="{LOWER_BETTER}",'
            f'IF({realisasi}=0,"",{target}/{realisasi}*100),'
            f'IF({target}=0,"",{realisasi}/{target}*100)),""))')


def predikat_formula(capaian: str, bands: GradeBands) -> str:
    """The same rule as GradeBands.grade, as nested IFs."""
    inner = f'"{bands.lowest}"'
    for floor, label in reversed(bands.bands):
        inner = f'IF({capaian}>{floor:g},"{label}",{inner})'
    return f'=IF({capaian}="","",{inner})'


def _validations(sheet, columns: tuple[Column, ...], last: int) -> None:
    for number, column in enumerate(columns, start=1):
        if column.kind == FORMULA:
            continue
        letter = get_column_letter(number)
        rule = _rule(column)
        rule.add(f"{letter}{sl.FIRST_DATA_ROW}:{letter}{last}")
        sheet.add_data_validation(rule)


def _rule(column: Column) -> DataValidation:
    name = column.header
    if column.kind == NUMBER:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        message = f"{name}: isi dengan angka 0 atau lebih (desimal boleh, mis. 12,5)."
    elif column.kind == MONEY:
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        message = f"{name}: isi dengan rupiah utuh tanpa titik atau Rp (mis. 1500000)."
    elif column.kind in LIST_KINDS:
        letter = get_column_letter(LIST_KINDS.index(column.kind) + 1)
        end = len(LISTS[column.kind]) + 1
        rule = DataValidation(type="list", formula1=f"{sl.LIST_SHEET}!${letter}$2:${letter}"
                                                    f"${end}")
        message = f"{name}: pilih dari daftar {LIST_NAMES[column.kind]}."
    else:
        rule = DataValidation(type="textLength", operator="lessThanOrEqual",
                              formula1=str(TEXT_MAX))
        message = f"{name}: paling banyak {TEXT_MAX} huruf."
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.errorTitle = "Isian tidak sesuai"
    rule.error = message
    rule.showInputMessage = column.kind in LIST_KINDS or column.required
    rule.promptTitle = name[:32]
    rule.prompt = message[:255]
    return rule


def _help_sheet(sheet, spec: FormSpec) -> None:
    sheet.column_dimensions["A"].width = HELP_WIDTH
    for row, (text, bold) in enumerate(help_lines(spec.form, spec.year, spec.unit_nama,
                                                  spec.bands), start=1):
        cell = sheet.cell(row, 1)
        set_text(cell, text)
        cell.font = sl.TITLE if row == 1 else sl.BOLD if bold else sl.NORMAL
        cell.alignment = sl.WRAP_TOP
        sl.fit_row(sheet, row, [(text, HELP_WIDTH)])
    sheet.protection.sheet = True
    sl.print_setup(sheet, spec.paper, 1, sheet.max_row, table=False)


def _list_sheet(sheet) -> None:
    for number, kind in enumerate(LIST_KINDS, start=1):
        set_text(sheet.cell(1, number), LIST_NAMES[kind].capitalize())
        sheet.cell(1, number).font = sl.BOLD
        for row, item in enumerate(LISTS[kind], start=2):
            set_text(sheet.cell(row, number), item)
        sheet.column_dimensions[get_column_letter(number)].width = 28
    sheet.protection.sheet = True
    sheet.sheet_state = "hidden"


def meta_values(spec: FormSpec) -> list[tuple[str, object]]:
    return [("format", FORMAT), ("jenis", spec.form.kind), ("tahun", spec.year),
            ("unit", spec.unit_nama), ("unit_id", spec.unit_id), ("kantor", spec.office),
            ("proses", spec.run_id if spec.run_id is not None else ""),
            ("kolom", ",".join(c.key for c in spec.form.columns)),
            ("dibuat", spec.created), ("aplikasi", f"Pandu SOP {spec.app_version}".strip())]


def _meta_sheet(sheet, spec: FormSpec) -> None:
    for row, (key, value) in enumerate(meta_values(spec), start=1):
        set_text(sheet.cell(row, 1), key)
        target = sheet.cell(row, 2)
        if isinstance(value, str):
            set_text(target, value)
        else:
            target.value = value
    sheet.protection.sheet = True
    sheet.sheet_state = "hidden"
