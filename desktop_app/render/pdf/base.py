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
