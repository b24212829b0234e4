"""The "tanda terima" slip of one delivery: what was handed over, to whom, by whom, and empty
boxes for the receiver's date, name and signature. Two slips on a portrait page of the office's
paper, with a dashed line to cut along. Receives computed slips."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.common.paper import paper_size
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import markup, styles
from desktop_app.render.pdf.kop import kop_flowables
from desktop_app.render.pdf.pages import EmbeddedCanvas

MARGIN = 12 * mm
GAP = 10 * mm  # between the two slips, around the cut line
SIGN_MM = 20


@dataclass(frozen=True)
class Slip:
    number: str  # the book's "12/2026"
    pengirim: str  # the office
    items: tuple[str, ...]  # what is handed over, one line each
    tujuan: str
    tanggal_kirim: str
    kurir: str
    penerima: str = ""  # a recorded receipt fills these; else the lines stay empty
    tanggal_terima: str = ""


def render_slips(slips: list[Slip], kop: Kop, paper: str) -> bytes:
    width_mm, height_mm = paper_size(paper)
    page_w, page_h = width_mm * mm, height_mm * mm
    slot = (page_h - 2 * MARGIN - GAP) / 2
    frames = [Frame(MARGIN, page_h - MARGIN - slot, page_w - 2 * MARGIN, slot, id="top"),
              Frame(MARGIN, MARGIN, page_w - 2 * MARGIN, slot, id="bottom")]

    def cut_line(canvas, _doc):
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN / 2, page_h / 2, page_w - MARGIN / 2, page_h / 2)
        canvas.restoreState()

    out = io.BytesIO()
    doc = BaseDocTemplate(out, pagesize=(page_w, page_h), title="Tanda terima",
                          creator="Pandu SOP")
    doc.addPageTemplates([PageTemplate("slips", frames, onPage=cut_line)])
    width = page_w - 2 * MARGIN - 12
    story = []
    for index, slip in enumerate(slips):
        if index:
            story.append(FrameBreak())
        story.append(KeepInFrame(width, slot - 12, _slip(slip, kop, width), mode="shrink"))
    doc.build(story or [Paragraph("Tidak ada pengiriman.", styles()["body"])],
              canvasmaker=EmbeddedCanvas)
    return out.getvalue()


def _slip(slip: Slip, kop: Kop, width: float) -> list:
    s = styles()
    items = [Paragraph(f"{n}. " + markup(text), s["list"])
             for n, text in enumerate(slip.items, 1)]
    details = [("Telah diterima dari", [Paragraph(markup(slip.pengirim), s["body"])]),
               ("Berupa", items), ("Ditujukan kepada", [Paragraph(markup(slip.tujuan),
                                                                    s["body"])]),
               ("Tanggal kirim", [Paragraph(markup(slip.tanggal_kirim), s["body"])]),
               ("Diantar oleh", [Paragraph(markup(slip.kurir), s["body"])])]
    rows = [[Paragraph(markup(label), s["body"]), ":", value] for label, value in details]
    table = Table(rows, colWidths=[38 * mm, 4 * mm, width - 42 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [*kop_flowables(kop, width), Spacer(1, 3 * mm),
            Paragraph(markup("TANDA TERIMA", bold=True), s["kop_pemerintah"]),
            Paragraph(markup(f"Nomor ekspedisi {slip.number}"), s["centre"]),
            Spacer(1, 3 * mm), table, Spacer(1, 3 * mm), _signatures(slip, width)]


def _signatures(slip: Slip, width: float) -> Table:
    s = styles()
    dots = "...................................."
    given = [Paragraph("Yang menyerahkan,", s["body"]), Spacer(1, SIGN_MM * mm),
             Paragraph(markup(slip.kurir or dots), s["body"])]
    received = [Paragraph(markup("Diterima tanggal: " + (slip.tanggal_terima or dots)),
                          s["body"]),
                Paragraph("Yang menerima,", s["body"]), Spacer(1, SIGN_MM * mm - 12),
                Paragraph(markup("Nama: " + (slip.penerima or dots)), s["body"])]
    box = Table([[received]], colWidths=[width * 0.5])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, (0, 0, 0)),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    table = Table([[given, box]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table
