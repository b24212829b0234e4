"""Shared PDF pieces: named paragraph styles on the embedded fonts, and text escaping."""

from __future__ import annotations

from functools import cache
from html import escape as _html_escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from desktop_app.render.pdf.fonts import BOLD, FALLBACK, REGULAR, font_for, register_fonts


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=12.5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=10.5),
        "label": ParagraphStyle("label", parent=body, fontName=BOLD, fontSize=9.5),
        "kop_pemerintah": ParagraphStyle("kop_pemerintah", parent=body, fontName=BOLD,
                                         fontSize=12, leading=15, alignment=TA_CENTER),
        "kop_instansi": ParagraphStyle("kop_instansi", parent=body, fontName=BOLD,
                                       fontSize=14, leading=17, alignment=TA_CENTER),
        "kop_alamat": ParagraphStyle("kop_alamat", parent=body, fontSize=8.5, leading=10.5,
                                     alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "list": ParagraphStyle("list", parent=body, leftIndent=14, firstLineIndent=-14),
    }


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text: escaped, and in the fallback font where Liberation Sans
    lacks a character."""
    escaped = _html_escape(text, quote=False)  # &, <, > (xml.sax would pull in urllib)
    if font_for(text, bold) != font_for("a", bold):
        escaped = f'<font name="{FALLBACK}">{escaped}</font>'
    return f"<b>{escaped}</b>" if bold else escaped


def draw_diagonal_mark(canvas, text: str, page_width: float, page_height: float) -> None:
    """A large light-grey mark across the page, corner to corner ("KONSEP" on a draft naskah,
    "DRAF — belum disahkan" on an unapproved SOP): a draft never passes for a signed paper.
    Drawn as real text, so it can be read back (and checked) from the PDF."""
    import math

    from reportlab.lib.colors import Color

    from desktop_app.render.pdf.fonts import text_width_mm

    register_fonts()
    diagonal = math.hypot(page_width, page_height)
    size = min(120.0, 0.7 * diagonal / max(1.0, text_width_mm(text, 1, bold=True) / 25.4 * 72))
    canvas.saveState()
    canvas.setFillColor(Color(0.55, 0.55, 0.55, alpha=0.35))
    canvas.setFont(BOLD, size)
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(math.degrees(math.atan2(page_height, page_width)))
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()
