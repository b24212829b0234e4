"""The kop surat (letterhead) as flowables: logo left, the office's names centred, a thick
rule under it. Shared by every office document."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import markup, styles

LOGO_MM = 22



def kop_flowables(kop: Kop, width: float) -> list:
    s = styles()
    lines = []
    if kop.pemerintah:
        lines.append(Paragraph(markup(kop.pemerintah.upper(), bold=True), s["kop_pemerintah"]))
    if kop.instansi:
        lines.append(Paragraph(markup(kop.instansi.upper(), bold=True), s["kop_instansi"]))
    for line in (kop.alamat, kop.kontak):
        if line:
            lines.append(Paragraph(markup(line), s["kop_alamat"]))
    if not lines:
        return []
    logo = ""
    if kop.logo and kop.logo.exists():
        logo = Image(str(kop.logo), width=LOGO_MM * mm, height=LOGO_MM * mm, kind="proportional")
    side = (LOGO_MM + 4) * mm
    table = Table([[logo, lines, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 2.2, (0, 0, 0)),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table]
