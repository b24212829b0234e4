"""A report that is one titled table on the office's kop: the audit trail, the monitoring
form. Long tables flow over pages with their header repeated."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop_app.documents.pdf.base import markup, styles
from desktop_app.documents.pdf.kop import kop_flowables
from desktop_app.office.kop import Kop
from desktop_app.paper import paper_size

MARGIN = 15 * mm


@dataclass(frozen=True)
class Signature:
    place_date: str
    jabatan: str
    nama: str = ""
    nip: str = ""


@dataclass
class TableReport:
    title: str
    subtitle: str
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative
    numbered_header: bool = False
    signature: Signature | None = None
    notes: list[str] = field(default_factory=list)


def render_table_report(report: TableReport, kop: Kop, paper: str,
                        landscape: bool = True) -> bytes:
    s = styles()
    width_mm, height_mm = paper_size(paper, landscape)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(width_mm * mm, height_mm * mm), leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                            title=report.title, creator="Pandu SOP")
    width = width_mm * mm - 2 * MARGIN
    story = [*kop_flowables(kop, width), Spacer(1, 4 * mm),
             Paragraph(markup(report.title, bold=True), s["kop_pemerintah"])]
    if report.subtitle:
        story.append(Paragraph(markup(report.subtitle), s["centre"]))
    story.append(Spacer(1, 4 * mm))
    cell = s["small"]
    head = [Paragraph(markup(h, bold=True), cell) for h in report.headers]
    data = [head]
    if report.numbered_header:
        data.append([Paragraph(str(n), cell) for n in range(1, len(report.headers) + 1)])
    data += [[Paragraph(markup(str(value)), cell) for value in row] for row in report.rows]
    total = sum(report.widths)
    table = Table(data, colWidths=[width * w / total for w in report.widths],
                  repeatRows=2 if report.numbered_header else 1, splitInRow=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 1 if report.numbered_header else 0), (0.9, 0.9, 0.9)),
    ]))
    story.append(table)
    for note in report.notes:
        story += [Spacer(1, 2 * mm), Paragraph(markup(note), s["small"])]
    if report.signature:
        story += _signature(report.signature, width)
    doc.build(story)
    return out.getvalue()


def _signature(sig: Signature, width: float) -> list:
    s = styles()
    block = [Paragraph(markup(sig.place_date), s["body"]),
             Paragraph(markup(sig.jabatan), s["body"]), Spacer(1, 18 * mm),
             Paragraph(f"<u>{markup(sig.nama, bold=True)}</u>" if sig.nama
                       else "(....................................)", s["body"])]
    if sig.nip:
        block.append(Paragraph("NIP. " + markup(sig.nip), s["body"]))
    table = Table([["", block]], colWidths=[width * 0.6, width * 0.4])
    return [Spacer(1, 8 * mm), table]
