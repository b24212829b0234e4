"""The kop surat (letterhead) as flowables: logo left, the office's names centred, a thick
rule under it. Shared by every office document."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import markup, styles
from desktop_app.render.pdf.fonts import font_for

LOGO_MM = 22
CONTACT_SEPARATOR = "  "  # between the parts of Kop.kontak ("Telp. …  Email: …  Laman: …")


def contact_lines(kop: Kop, width: float) -> list:
    """The contact line as paragraphs that break only between its parts, so that a label
    ("Laman:") never stands at a line's end without its value."""
    if not kop.kontak.strip():
        return []
    style = styles()["kop_alamat"]
    parts = [part.strip() for part in kop.kontak.split(CONTACT_SEPARATOR) if part.strip()]

    def fits(text: str) -> bool:
        return stringWidth(text, font_for(text), style.fontSize) <= width

    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}{CONTACT_SEPARATOR}{part}" if lines else part
        if lines and fits(joined):
            lines[-1] = joined
        else:
            lines.append(part)
    # a part longer than the line wraps on its own; the nbsp keeps its label with its value
    return [Paragraph(markup(line).replace(": ", ":&nbsp;").replace(". ", ".&nbsp;")
                      .replace(CONTACT_SEPARATOR, "&nbsp; "), style) for line in lines]



def kop_flowables(kop: Kop, width: float) -> list:
    s = styles()
    lines = []
    if kop.pemerintah:
        lines.append(Paragraph(markup(kop.pemerintah.upper(), bold=True), s["kop_pemerintah"]))
    if kop.instansi:
        lines.append(Paragraph(markup(kop.instansi.upper(), bold=True), s["kop_instansi"]))
    if kop.alamat:
        lines.append(Paragraph(markup(kop.alamat), s["kop_alamat"]))
    side = (LOGO_MM + 4) * mm
    lines += contact_lines(kop, width - 2 * side)
    if not lines:
        return []
    logo = ""
    if kop.logo and kop.logo.exists():
        logo = Image(str(kop.logo), width=LOGO_MM * mm, height=LOGO_MM * mm, kind="proportional")
    table = Table([[logo, lines, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 2.2, (0, 0, 0)),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table]
