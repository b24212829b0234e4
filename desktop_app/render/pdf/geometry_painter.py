"""Draws flowchart page geometry (mm, y down) on a reportlab canvas."""

from __future__ import annotations

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.render.geometry import Arrow, Page, Symbol, crossings
from desktop_app.render.pdf.fonts import font_for, register_fonts

HEADER_SHADE = Color(0.9, 0.9, 0.9)
SYMBOL_LINE_PT = 0.9
ARROW_LINE_PT = 0.7
HEAD_LEN, HEAD_HALF = 2.0, 0.8  # mm


def paint_page(canvas: Canvas, page: Page, pager: bool = True) -> None:
    """Draw `page`; without `pager` its own page number is left to the document."""
    register_fonts()

    def y(v: float) -> float:
        return (page.height - v) * mm

    canvas.saveState()
    canvas.setFillColor(HEADER_SHADE)
    for box in page.shades:
        canvas.rect(box.x * mm, y(box.bottom), box.w * mm, box.h * mm, stroke=0, fill=1)
    canvas.setStrokeColor(black)
    for rule in page.rules:
        canvas.setLineWidth(rule.width)
        canvas.line(rule.x1 * mm, y(rule.y1), rule.x2 * mm, y(rule.y2))
    canvas.setFillColor(black)
    for line in page.texts + ([page.pager] if pager and page.pager else []):
        canvas.setFont(font_for(line.text, line.bold), line.size)
        canvas.drawString(line.x * mm, y(line.y), line.text)
    for arrow in page.arrows:
        _arrow(canvas, arrow, y)
    _gaps(canvas, page, y)
    for symbol in page.symbols:
        _symbol(canvas, symbol, y)
    canvas.restoreState()


def _symbol(canvas: Canvas, symbol: Symbol, y) -> None:
    b = symbol.box
    canvas.setLineWidth(SYMBOL_LINE_PT)
    canvas.setStrokeColor(black)
    canvas.setFillColor(white)
    if symbol.kind == "terminator":
        canvas.roundRect(b.x * mm, y(b.bottom), b.w * mm, b.h * mm, b.h / 2 * mm, fill=1)
    elif symbol.kind == "process":
        canvas.rect(b.x * mm, y(b.bottom), b.w * mm, b.h * mm, fill=1)
    else:
        _polygon(canvas, symbol_outline(symbol), y)
    if symbol.label:
        size = symbol.label_size
        canvas.setFillColor(black)
        canvas.setFont(font_for(symbol.label, symbol.kind == "connector"), size)
        offset = -0.8 if symbol.kind == "connector" else 0.0  # pentagon: its body is higher
        canvas.drawCentredString(b.cx * mm, y(b.cy + offset) - size * 0.35, symbol.label)


def symbol_outline(symbol: Symbol) -> list[tuple[float, float]]:
    """The corner points of a diamond or a pentagon (home plate pointing down)."""
    b = symbol.box
    if symbol.kind == "decision":
        return [(b.cx, b.y), (b.right, b.cy), (b.cx, b.bottom), (b.x, b.cy)]
    shoulder = b.y + b.h * 0.6
    return [(b.x, b.y), (b.right, b.y), (b.right, shoulder), (b.cx, b.bottom), (b.x, shoulder)]


def _polygon(canvas: Canvas, points, y) -> None:
    path = canvas.beginPath()
    path.moveTo(points[0][0] * mm, y(points[0][1]))
    for px, py in points[1:]:
        path.lineTo(px * mm, y(py))
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)


GAP = 0.9  # mm each side of a crossing where the vertical line is left out


def _gaps(canvas: Canvas, page: Page, y) -> None:
    """Crossing lines read as crossing, not joining: the vertical one has a gap where the
    horizontal one passes."""
    points = crossings(page.arrows)
    if not points:
        return
    canvas.saveState()
    for x, cy in points:
        canvas.setStrokeColor(white)
        canvas.setLineWidth(ARROW_LINE_PT + 1.2)
        canvas.line(x * mm, y(cy - GAP), x * mm, y(cy + GAP))
        canvas.setStrokeColor(black)
        canvas.setLineWidth(ARROW_LINE_PT)
        canvas.line((x - GAP - 0.5) * mm, y(cy), (x + GAP + 0.5) * mm, y(cy))
    canvas.restoreState()


def _arrow(canvas: Canvas, arrow: Arrow, y) -> None:
    canvas.setLineWidth(ARROW_LINE_PT)
    canvas.setStrokeColor(black)
    path = canvas.beginPath()
    path.moveTo(arrow.points[0][0] * mm, y(arrow.points[0][1]))
    for px, py in arrow.points[1:]:
        path.lineTo(px * mm, y(py))
    canvas.drawPath(path, stroke=1, fill=0)
    (x0, y0), (x1, y1) = arrow.points[-2], arrow.points[-1]
    dx, dy = (x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0)
    base = (x1 - dx * HEAD_LEN, y1 - dy * HEAD_LEN)
    wing = (-dy * HEAD_HALF, dx * HEAD_HALF)
    canvas.setFillColor(black)
    _polygon(canvas, [(x1, y1), (base[0] + wing[0], base[1] + wing[1]),
                      (base[0] - wing[0], base[1] - wing[1])], y)
    if arrow.label and arrow.label_at:
        canvas.setFont(font_for(arrow.label), arrow.label_size)
        canvas.drawString(arrow.label_at[0] * mm, y(arrow.label_at[1]), arrow.label)
