"""The Buku Ekspedisi pages on the office's paper (landscape): No · Tanggal kirim · Tanggal dan
nomor surat · Isi singkat · Ditujukan kepada · Nama dan tanda tangan penerima · Keterangan,
with empty boxes where the receiver writes their name and signs. Receives computed rows."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop_app.common.paper import paper_size
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import markup, styles
from desktop_app.render.pdf.kop import kop_flowables
from desktop_app.render.pdf.pages import footer_painter, numbered_canvas

MARGIN = 15 * mm
ROW_MM = 20  # room for a name and a signature by hand
HEADERS = ("No", "Tanggal kirim", "Tanggal dan nomor surat", "Isi singkat", "Ditujukan kepada",
           "Nama dan tanda tangan penerima", "", "Keterangan")
WIDTHS = (10, 28, 48, 62, 42, 38, 32, 40)  # mm on landscape F4; scaled to the paper


@dataclass(frozen=True)
class BookRow:
    number: str
    tanggal_kirim: str
    surat: str  # "24 November 2026\n000.7.2.4/001/408.12/2026"
    isi: str
    tujuan: str
    penerima: str  # "" leaves the box empty; a recorded receipt shows its name and date
    keterangan: str


@dataclass(frozen=True)
class Book:
    subtitle: str  # "Tanggal kirim 1 s.d. 31 Januari 2026"
    rows: tuple[BookRow, ...]
    printed: str  # "Dicetak 3 Februari 2026"


def render_book(book: Book, kop: Kop, paper: str) -> bytes:
    s = styles()
    width_mm, height_mm = paper_size(paper, landscape=True)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(width_mm * mm, height_mm * mm), leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                            title="Buku Ekspedisi", creator="Pandu SOP")
    width = width_mm * mm - 2 * MARGIN
    story = [*kop_flowables(kop, width), Spacer(1, 4 * mm),
             Paragraph(markup("BUKU EKSPEDISI", bold=True), s["kop_pemerintah"]),
             Paragraph(markup(book.subtitle), s["centre"]), Spacer(1, 4 * mm),
             _table(book.rows, width)]
    if not book.rows:
        story += [Spacer(1, 3 * mm),
                  Paragraph("Tidak ada pengiriman pada rentang ini.", s["small"])]
    story += [Spacer(1, 2 * mm), Paragraph(markup(book.printed), s["small"])]

    doc.build(story, canvasmaker=numbered_canvas(footer_painter(MARGIN,
                                                                prefix="Buku Ekspedisi — ")))
    return out.getvalue()


def _table(rows: tuple[BookRow, ...], width: float) -> Table:
    cell = styles()["small"]
    centre = ParagraphStyle("book_centre", parent=cell, alignment=TA_CENTER)

    def head(text: str) -> Paragraph:
        return Paragraph(markup(text, bold=True), centre)

    data = [[head(h) for h in HEADERS],
            [""] * 5 + [head("Nama"), head("Tanda tangan"), ""],
            [Paragraph(str(n), centre) for n in (1, 2, 3, 4, 5, 6)] + ["", Paragraph("7", centre)]]
    for row in rows:
        data.append([_lines(row.number, centre), _lines(row.tanggal_kirim, centre),
                     _lines(row.surat, cell), _lines(row.isi, cell), _lines(row.tujuan, cell),
                     _lines(row.penerima, cell),
                     [Spacer(1, ROW_MM * mm - 6)],  # the signature box
                     _lines(row.keterangan, cell)])
    total = sum(WIDTHS)
    table = Table(data, colWidths=[width * w / total for w in WIDTHS], repeatRows=3)
    spans = [("SPAN", (c, 0), (c, 1)) for c in (0, 1, 2, 3, 4, 7)]
    table.setStyle(TableStyle([
        *spans, ("SPAN", (5, 0), (6, 0)), ("SPAN", (5, 2), (6, 2)),
        ("GRID", (0, 0), (-1, -1), 0.6, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 2), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 1), (0.9, 0.9, 0.9)),
        ("TOPPADDING", (0, 2), (-1, 2), 1),
        ("BOTTOMPADDING", (0, 2), (-1, 2), 2),
    ]))
    return table


def _lines(text: str, style: ParagraphStyle) -> list:
    return [Paragraph(markup(line), style) if line.strip() else Spacer(1, style.leading)
            for line in text.splitlines()] or [Paragraph("", style)]
