"""Excel SOPs: cells through openpyxl, the drawn symbols from the sheet's drawing part (each
shape's anchor gives its step row and lane column), connectors for decision targets."""

from __future__ import annotations

import io
import posixpath
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.importing import shapes
from desktop_app.sop.importing.grid import Arrow, Cell, Grid

XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAX_ROWS, MAX_COLS = 3000, 60
EMU_PER_PT = 12700
DEFAULT_ROW_PT = 15.0
DEFAULT_COL_CHARS = 8.43
EMU_PER_CHAR = 7 * 9525  # one character of the default font is about 7 pixels


@dataclass
class Shape:
    ident: str
    symbol: str | None
    line: bool
    start: tuple[int, int]  # EMU (x, y) of the anchor's from corner
    end: tuple[int, int]
    flip_h: bool = False
    flip_v: bool = False
    label: str = ""
    connects: tuple[str | None, str | None] = (None, None)


def read_xlsx(data: bytes, name: str) -> Grid:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # openpyxl raises many kinds on a damaged or locked file
        raise InvalidInput(f"{name} rusak atau bukan buku kerja Excel yang dapat dibaca "
                           f"({type(exc).__name__}).") from exc
    grid = Grid("xlsx", has_shapes=True, pages=0)
    drawings = _sheet_drawings(archive)
    for index, sheet in enumerate(book.worksheets):
        if sheet.sheet_state != "visible":
            continue
        first = len(grid.rows)
        rows, cols = min(sheet.max_row, MAX_ROWS), min(sheet.max_column, MAX_COLS)
        for r in range(1, rows + 1):
            grid.add_row([_text(sheet.cell(r, c).value) for c in range(1, cols + 1)])
        grid.pages += 1
        part = drawings.get(index)
        if part:
            _shapes(archive, part, sheet, first, rows, cols, grid)
    return grid


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet_drawings(archive: zipfile.ZipFile) -> dict[int, str]:
    """Sheet position -> its drawing part, following workbook.xml and the relationships."""
    try:
        book = etree.fromstring(archive.read("xl/workbook.xml"))
        book_rels = _rels(archive, "xl/workbook.xml")
    except (KeyError, etree.XMLSyntaxError):
        return {}
    out: dict[int, str] = {}
    for index, sheet in enumerate(book.iter("{*}sheet")):
        target = book_rels.get(sheet.get(R + "id"))
        if not target:
            continue
        for kind_target in _rels(archive, target, "drawing").values():
            out[index] = kind_target
    return out


def _rels(archive: zipfile.ZipFile, part: str, kind: str = "") -> dict[str, str]:
    folder, base = posixpath.split(part)
    try:
        root = etree.fromstring(archive.read(f"{folder}/_rels/{base}.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    return {rel.get("Id"): _target(folder, rel.get("Target") or "")
            for rel in root.iter(REL + "Relationship")
            if not kind or rel.get("Type", "").endswith("/" + kind)}


def _target(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _shapes(archive, part, sheet, first, rows, cols, grid: Grid) -> None:
    try:
        root = etree.fromstring(archive.read(part))
    except (KeyError, etree.XMLSyntaxError):
        return
    lefts = _edges([_col_width(sheet, c) for c in range(1, cols + 2)])
    tops = _edges([_row_height(sheet, r) for r in range(1, rows + 2)])
    found = [s for anchor in root for s in _anchor_shapes(anchor, lefts, tops)]
    row_of: dict[str, int] = {}
    for shape in found:
        if shape.symbol is None:
            continue
        cx = (shape.start[0] + shape.end[0]) // 2
        cy = (shape.start[1] + shape.end[1]) // 2
        col, row = _index(lefts, cx), _index(tops, cy)
        if row is None or col is None or row >= rows:
            continue
        row_of[shape.ident] = row
        cells = grid.rows[first + row]
        while col >= len(cells):
            cells.append(Cell())
        cells[col].symbols.append(shape.symbol)
    for shape in found:
        if shape.line:
            arrow = _arrow(shape, tops, row_of)
            if arrow:
                grid.arrows.append(Arrow(first + arrow[0], first + arrow[1], shape.label))


def _arrow(shape: Shape, tops: list[int], row_of: dict[str, int]) -> tuple[int, int] | None:
    y0, y1 = shape.start[1], shape.end[1]
    if shape.flip_v:
        y0, y1 = y1, y0
    start_row, end_row = _index(tops, y0), _index(tops, y1)
    begin, finish = shape.connects
    start_row = row_of.get(begin, start_row) if begin else start_row
    end_row = row_of.get(finish, end_row) if finish else end_row
    if start_row is None or end_row is None or start_row == end_row:
        return None
    return start_row, end_row


def _anchor_shapes(anchor, lefts, tops) -> list[Shape]:
    tag = anchor.tag.split("}")[-1]
    if tag not in ("twoCellAnchor", "oneCellAnchor", "absoluteAnchor"):
        return []
    start = _point(anchor.find(XDR + "from"), lefts, tops)
    if tag == "absoluteAnchor":
        pos, ext = anchor.find(XDR + "pos"), anchor.find(XDR + "ext")
        start = (int(pos.get("x", 0)), int(pos.get("y", 0))) if pos is not None else (0, 0)
    end = _point(anchor.find(XDR + "to"), lefts, tops)
    if end is None:
        ext = anchor.find(XDR + "ext")
        size = (int(ext.get("cx", 0)), int(ext.get("cy", 0))) if ext is not None else (0, 0)
        end = (start[0] + size[0], start[1] + size[1]) if start else None
    if start is None or end is None:
        return []
    out = []
    for node in anchor.iter(XDR + "sp", XDR + "cxnSp"):
        shape = _shape(node, start, end)
        if shape:
            out.append(shape)
    return out


def _shape(node, start, end) -> Shape | None:
    geom = node.find(f".//{A}prstGeom")
    preset = geom.get("prst", "") if geom is not None else ""
    symbol = shapes.symbol_of_preset(preset)
    line = node.tag == XDR + "cxnSp" or shapes.is_line_preset(preset)
    if symbol is None and not line:
        return None
    xfrm = node.find(f".//{A}xfrm")
    c_nv = node.find(f".//{XDR}cNvPr")
    st, en = node.find(f".//{A}stCxn"), node.find(f".//{A}endCxn")
    label = " ".join(t.text or "" for t in node.iter(A + "t")).strip()
    return Shape(c_nv.get("id", "") if c_nv is not None else "", None if line else symbol,
                 line, start, end,
                 xfrm is not None and xfrm.get("flipH") == "1",
                 xfrm is not None and xfrm.get("flipV") == "1", label,
                 (st.get("id") if st is not None else None,
                  en.get("id") if en is not None else None))


def _point(marker, lefts, tops) -> tuple[int, int] | None:
    if marker is None:
        return None
    try:
        col, row = int(marker.findtext(XDR + "col")), int(marker.findtext(XDR + "row"))
        col_off = int(marker.findtext(XDR + "colOff") or 0)
        row_off = int(marker.findtext(XDR + "rowOff") or 0)
    except (TypeError, ValueError):
        return None
    if col >= len(lefts) or row >= len(tops):
        return None
    return lefts[col] + col_off, tops[row] + row_off


def _col_width(sheet, col: int) -> int:
    from openpyxl.utils import get_column_letter

    width = sheet.column_dimensions[get_column_letter(col)].width or DEFAULT_COL_CHARS
    return int(width * EMU_PER_CHAR)


def _row_height(sheet, row: int) -> int:
    height = sheet.row_dimensions[row].height or DEFAULT_ROW_PT
    return int(height * EMU_PER_PT)


def _edges(sizes: list[int]) -> list[int]:
    edges = [0]
    for size in sizes:
        edges.append(edges[-1] + size)
    return edges


def _index(edges: list[int], position: int) -> int | None:
    for k in range(len(edges) - 1):
        if edges[k] <= position < edges[k + 1]:
            return k
    return None
