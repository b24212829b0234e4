"""Word SOPs: the identity and step tables of the document, and the flowchart symbols drawn
in (or over) the pelaksana cells as DrawingML or VML shapes, or typed as marks."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.importing import shapes
from desktop_app.sop.importing.grid import Arrow, Cell, Grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
VO = "{urn:schemas-microsoft-com:office:office}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
EMU_PER_TWIP = 635
EMU_PER_PT = 12700
DEFAULT_ROW_TWIPS = 400
_VML_TAGS = {"shape", "rect", "roundrect", "oval", "line", "polyline"}


@dataclass
class Drawn:
    """A shape found in a cell: its symbol or a line, and its offsets from the cell (EMU)."""

    symbol: str | None
    line: bool
    dx: int
    dy: int
    width: int
    height: int
    flip_v: bool = False
    label: str = ""


def read_docx(data: bytes, name: str) -> Grid:
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise InvalidInput(f"{name} rusak atau bukan dokumen Word yang dapat dibaca "
                           f"({type(exc).__name__}).") from exc
    grid = Grid("docx", has_shapes=True)
    body = document.element.body
    breaks = 0
    for child in body.iterchildren():
        if child.tag == W + "p":
            text = _paragraph_text(child)
            breaks += _page_breaks(child)
            if text.strip():
                grid.add_row([text])
        elif child.tag == W + "tbl":
            breaks += _page_breaks(child)
            _table(child, grid)
    grid.pages = breaks + 1
    return grid


def _page_breaks(element) -> int:
    return sum(1 for br in element.iter(W + "br") if br.get(W + "type") == "page") + sum(
        1 for p in element.iter(W + "p")
        if (ppr := p.find(W + "pPr")) is not None and ppr.find(W + "pageBreakBefore") is not None)


def _paragraph_text(p) -> str:
    parts = []
    for node in p.xpath("./w:r/w:t | ./w:r/w:tab | ./w:r/w:br | ./w:r/w:cr | "
                        "./w:hyperlink/w:r/w:t | ./w:ins/w:r/w:t"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.get(W + "type") in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _table(tbl, grid: Grid) -> None:
    widths = [int(col.get(W + "w") or 0) for col in tbl.findall(f"{W}tblGrid/{W}gridCol")]
    first_row = len(grid.rows)
    heights: list[int] = []
    pending: list[tuple[int, int, Drawn]] = []  # (row index, column, shape)
    for tr in tbl.findall(W + "tr"):
        row: list[Cell] = []
        heights.append(_row_height(tr))
        for tc in tr.findall(W + "tc"):
            span = _grid_span(tc)
            column = len(row)
            cell = Cell("\n".join(_paragraph_text(p) for p in tc.findall(W + "p")).strip())
            row.append(cell)
            row.extend(Cell() for _ in range(span - 1))
            for drawn in _drawn_shapes(tc):
                pending.append((len(grid.rows), column, drawn))
        grid.rows.append(row)
    tops = [0]
    for h in heights:
        tops.append(tops[-1] + h * EMU_PER_TWIP)
    lefts = [0]
    for w in widths:
        lefts.append(lefts[-1] + w * EMU_PER_TWIP)
    for row_index, column, drawn in pending:
        _place(drawn, row_index, column, first_row, tops, lefts, grid)


def _row_height(tr) -> int:
    height = tr.find(f"{W}trPr/{W}trHeight")
    try:
        return int(height.get(W + "val")) if height is not None else DEFAULT_ROW_TWIPS
    except (TypeError, ValueError):
        return DEFAULT_ROW_TWIPS


def _grid_span(tc) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    try:
        return max(1, int(span.get(W + "val"))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _place(drawn: Drawn, row_index: int, column: int, first_row: int, tops, lefts, grid):
    """Put a symbol into the cell its centre lies over; follow a line to the row it reaches."""
    local = row_index - first_row
    if local >= len(tops) - 1:
        return
    base_x = lefts[column] if column < len(lefts) else 0
    centre_x = base_x + drawn.dx + drawn.width // 2
    target_col = _span_index(lefts, centre_x, column)
    if drawn.symbol is not None:
        row = grid.rows[row_index]
        while target_col >= len(row):
            row.append(Cell())
        row[target_col].symbols.append(drawn.symbol)
        return
    if drawn.line:
        top = tops[local] + drawn.dy
        bottom = top + drawn.height
        start, end = (bottom, top) if drawn.flip_v or drawn.dy < 0 else (top, bottom)
        start_row = _span_index(tops, start, local)
        end_row = _span_index(tops, end, local)
        if start_row != end_row:
            grid.arrows.append(Arrow(first_row + start_row, first_row + end_row, drawn.label))


def _span_index(edges: list[int], position: int, fallback: int) -> int:
    for k in range(len(edges) - 1):
        if edges[k] <= position < edges[k + 1]:
            return k
    return fallback


def _drawn_shapes(tc) -> list[Drawn]:
    found: list[Drawn] = []
    for node in tc.iter(WP + "anchor", WP + "inline", W + "pict"):
        if _inside_fallback(node, tc):
            continue
        drawn = _drawing(node) if node.tag != W + "pict" else _vml(node)
        if drawn is not None:
            found.append(drawn)
    return found


def _inside_fallback(node, stop) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == MC + "Fallback":
            return True
        parent = parent.getparent()
    return False


def _drawing(node) -> Drawn | None:
    geom = node.find(f".//{A}prstGeom")
    if geom is None:
        return None
    preset = geom.get("prst") or ""
    extent = node.find(WP + "extent")
    width = int(extent.get("cx", 0)) if extent is not None else 0
    height = int(extent.get("cy", 0)) if extent is not None else 0
    dx, dy = _offset(node, "positionH"), _offset(node, "positionV")
    xfrm = node.find(f".//{A}xfrm")
    flip_v = xfrm is not None and xfrm.get("flipV") == "1"
    label = " ".join(t.text or "" for t in node.iter(W + "t")).strip()
    symbol = shapes.symbol_of_preset(preset)
    if symbol is None and not shapes.is_line_preset(preset):
        return None
    return Drawn(symbol, symbol is None, dx, dy, width, height, flip_v, label)


def _offset(node, axis: str) -> int:
    pos = node.find(f"{WP}{axis}/{WP}posOffset")
    try:
        return int(pos.text) if pos is not None else 0
    except (TypeError, ValueError):
        return 0


def _vml(pict) -> Drawn | None:
    for node in pict.iter():
        tag = node.tag.split("}")[-1] if isinstance(node.tag, str) else ""
        if not node.tag.startswith(V) or tag not in _VML_TAGS:
            continue
        spt = shapes.vml_spt(node.get("type"), node.get(VO + "spt"))
        style = _style(node.get("style") or "")
        symbol = shapes.symbol_of_vml(tag, spt)
        line = shapes.is_vml_line(tag, spt)
        if symbol is None and not line:
            continue
        label = " ".join(t.text or "" for t in node.iter(W + "t")).strip()
        return Drawn(symbol, line and symbol is None, style.get("margin-left", 0),
                     style.get("margin-top", 0), style.get("width", 0), style.get("height", 0),
                     "flip:y" in (node.get("style") or "").replace(" ", ""), label)
    return None


_LENGTH = re.compile(r"^(-?[\d.]+)(pt|in|cm|mm|px)?$")
_UNIT_EMU = {"pt": EMU_PER_PT, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, None: 9525}


def _style(style: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in style.split(";"):
        key, _sep, value = part.partition(":")
        match = _LENGTH.match(value.strip())
        if match:
            out[key.strip()] = int(float(match[1]) * _UNIT_EMU[match[2]])
    return out
