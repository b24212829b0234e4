"""The fonts every PDF embeds: Liberation Sans (Arial metrics), DejaVu Sans for other characters.

reportlab keeps registered fonts in its own process-wide registry; `register_fonts` adds the
two every document uses (regular and bold) once; parsing a TrueType file is most of a short
command's time, so DejaVu Sans is read only when `font_for` first needs it, and the italics
only if something asks for them. `font_for` picks, per text, the family that has every
character, so no glyph is ever a box.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.common.paths import fonts_dir

REGULAR, BOLD, ITALIC = "PanduSans", "PanduSans-Bold", "PanduSans-Italic"
FALLBACK, FALLBACK_BOLD = "PanduFallback", "PanduFallback-Bold"
_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    "PanduSans-BoldItalic": "LiberationSans-BoldItalic.ttf",
    FALLBACK: "DejaVuSans.ttf",
    FALLBACK_BOLD: "DejaVuSans-Bold.ttf",
}
MM_PER_PT = 25.4 / 72


def _register(*names: str) -> None:
    registered = pdfmetrics.getRegisteredFontNames()
    for name in names:
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / _FILES[name])))


@cache
def register_fonts() -> None:
    """Regular and bold, and the family names (a family maps names; its fonts load apart)."""
    _register(REGULAR, BOLD)
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                  boldItalic="PanduSans-BoldItalic")
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD,
                                  italic=FALLBACK, boldItalic=FALLBACK_BOLD)
    # a table cell given as plain text (even "") is set in the cell style's font, by default
    # the standard Helvetica, which no PDF embeds: ours instead (`pdffonts` is checked)
    # and so is a drawing's (the QR code of the verification block)
    from reportlab.graphics.shapes import STATE_DEFAULTS
    from reportlab.platypus.tables import CellStyle

    CellStyle.fontname = REGULAR
    STATE_DEFAULTS["fontName"] = REGULAR


@cache
def register_fallback() -> None:
    register_fonts()
    _register(FALLBACK, FALLBACK_BOLD)


@cache
def register_italics() -> None:
    register_fonts()
    _register(ITALIC, "PanduSans-BoldItalic")


@cache
def _coverage(name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def font_for(text: str, bold: bool = False) -> str:
    """Liberation Sans when it has every character of `text`, else DejaVu Sans."""
    main = BOLD if bold else REGULAR
    covered = _coverage(main)
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return main
    register_fallback()
    return FALLBACK_BOLD if bold else FALLBACK


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of `text` in mm as the PDF will draw it; the layout's measure."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font_for(text, bold), size_pt) * MM_PER_PT
