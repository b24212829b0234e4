"""What unit forms and the merged plan share: where the header and the data start, the title
block, the two-row header with its column numbers, cell styles and the print set-up."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from desktop_app.common.paper import DEFAULT_PAPER
from desktop_app.render.xlsx.cells import set_text

TITLE_ROWS = 4  # title, office, unit or year, a hint
HEADER_ROW = 5  # header: rows 5 and 6 (a group over sub-headers), row 7 numbers the columns
NUMBER_ROW = 7
FIRST_DATA_ROW = 8
DATA_SHEET = "Formulir"
META_SHEET = "_pandu"
LIST_SHEET = "Daftar"
HELP_SHEET = "Petunjuk"
PAPER_CODES = {"F4": 14, "A4": 9}  # Excel paper sizes: 14 is Folio 8.5 x 13 in, the F4 sheet

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
BOLD = Font(name="Arial", bold=True, size=10)
NORMAL = Font(name="Arial", size=10)
SMALL = Font(name="Arial", size=8, italic=True)
TITLE = Font(name="Arial", bold=True, size=12)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP_TOP = Alignment(vertical="top", wrap_text=True)
RIGHT_TOP = Alignment(horizontal="right", vertical="top", indent=1)
CENTRE_TOP = Alignment(horizontal="center", vertical="top")


@dataclass(frozen=True)
class HeaderColumn:
    header: str
    width: float
    group: str = ""


def title_block(sheet, lines: list[str], width: int) -> None:
    """Up to four centred lines over the table's width (the first bold and larger)."""
    for row, text in enumerate(lines, start=1):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = sheet.cell(row, 1)
        set_text(cell, text)
        cell.font = TITLE if row == 1 else BOLD if row < TITLE_ROWS else SMALL
        cell.alignment = Alignment(horizontal="center" if row < TITLE_ROWS else "left",
                                   vertical="center", wrap_text=row == TITLE_ROWS)
    if len(lines) == TITLE_ROWS:
        sheet.row_dimensions[TITLE_ROWS].height = 27


def header(sheet, columns: list[HeaderColumn]) -> None:
    """Rows 5-6: each header over both rows, or a group over its sub-headers; row 7: 1, 2, …"""
    top, sub = HEADER_ROW, HEADER_ROW + 1
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
        if column.group:
            set_text(sheet.cell(top, number), column.group)
            set_text(sheet.cell(sub, number), column.header)
        else:
            set_text(sheet.cell(top, number), column.header)
            sheet.merge_cells(start_row=top, start_column=number, end_row=sub,
                              end_column=number)
        sheet.cell(NUMBER_ROW, number).value = number
    _merge_groups(sheet, columns)
    for row in (top, sub, NUMBER_ROW):
        for number in range(1, len(columns) + 1):
            cell = sheet.cell(row, number)
            cell.font = BOLD if row != NUMBER_ROW else SMALL
            cell.alignment = CENTRE
            cell.border = BORDER
            cell.fill = HEADER_FILL
    sheet.row_dimensions[sub].height = 30


def _merge_groups(sheet, columns: list[HeaderColumn]) -> None:
    start = 0
    for number in range(1, len(columns) + 2):
        group = columns[number - 1].group if number <= len(columns) else ""
        begun = columns[start - 1].group if start else ""
        if start and group != begun:
            if number - 1 > start:
                sheet.merge_cells(start_row=HEADER_ROW, start_column=start, end_row=HEADER_ROW,
                                  end_column=number - 1)
            start = 0
        if group and not start:
            start = number


def print_setup(sheet, paper: str, last_column: int, last_row: int, table: bool = True) -> None:
    """On the office's paper, fit to the page width; a table is printed landscape with its
    header on every page."""
    sheet.page_setup.orientation = "landscape" if table else "portrait"
    sheet.page_setup.paperSize = PAPER_CODES.get(paper.upper(), PAPER_CODES[DEFAULT_PAPER])
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if table:
        sheet.print_title_rows = f"{HEADER_ROW}:{NUMBER_ROW}"
        sheet.print_options.horizontalCentered = True
    sheet.print_area = f"A1:{get_column_letter(last_column)}{last_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "Halaman &P dari &N"
    sheet.oddFooter.center.size = 8


LINE_HEIGHT = 12.0  # points, one line of Arial 10


def fit_row(sheet, row: int, cells: list[tuple[str, float]]) -> None:
    """Make the row tall enough for its wrapped texts ((text, column width) pairs); Excel and
    LibreOffice do not grow rows written by a program when they open the file."""
    lines = max((text_lines(text, width) for text, width in cells), default=1)
    if lines > 1:
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def text_lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (greedy, by words;
    a little pessimistic, so nothing is cut off)."""
    per_line = max(1, int(width * 1.3) - 2)
    count = 0
    for paragraph in str(text).splitlines() or [""]:
        used = 0
        count += 1
        for word in paragraph.split():
            size = len(word)
            if used and used + 1 + size > per_line:
                count += 1
                used = 0
            while size > per_line:  # a word longer than the line breaks anywhere
                count += 1
                size -= per_line
            used += size + (1 if used else 0)
    return count
