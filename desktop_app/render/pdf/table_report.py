"""A report that is one titled table on the office's kop: the audit trail, the monitoring
form. Long tables flow over pages with their header repeated."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.common.nip import spaced_nip
from desktop_app.common.paper import paper_size
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import markup, styles
from desktop_app.render.pdf.fonts import font_for
from desktop_app.render.pdf.kop import kop_flowables
from desktop_app.render.pdf.pages import footer_painter, numbered_canvas

MARGIN = 15 * mm


@dataclass(frozen=True)
class Signature:
    place_date: str
    jabatan: str
    nama: str = ""
    nip: str = ""
    pangkat: str = ""


@dataclass
class TableReport:
    title: str
    subtitle: str
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative
    numbered_header: bool = False  # a row "1 2 3 …" under the header, as on official forms
    centred: tuple[int, ...] = ()  # columns whose cells are centred (a "No" column)
    min_row_mm: float = 0  # each row at least this high
    signature: Signature | None = None
    notes: list[str] = field(default_factory=list)


def render_table_report(report: TableReport, kop: Kop, paper: str,
                        landscape: bool = True) -> bytes:
    """The report as PDF bytes. A signature never stands alone on a page: when it would, the
    last rows of the table go over to its page."""
    data, table_page, signature_page = _render(report, kop, paper, landscape, kept_rows=0)
    if report.signature and report.rows and signature_page != table_page:
        data, _t, _s = _render(report, kop, paper, landscape,
                               kept_rows=min(KEPT_ROWS, len(report.rows)))
    return data


KEPT_ROWS = 3  # rows of the table that go with the signature to its page


class _PageMark(Flowable):
    """Notes the page it lands on."""

    def __init__(self, pages: list[int]):
        super().__init__()
        self.pages = pages

    def wrap(self, avail_width, avail_height):  # noqa: ARG002 - reportlab API
        return 0, 0

    def draw(self):
        self.pages.append(self.canv.getPageNumber())


def _render(report: TableReport, kop: Kop, paper: str, landscape: bool,
            kept_rows: int) -> tuple[bytes, int, int]:
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
    table_pages: list[int] = []
    signature_pages: list[int] = []
    story.append(Spacer(1, 4 * mm))
    rows = report.rows
    if kept_rows:
        story += [_table(report, width, doc.height, rows[:-kept_rows]), PageBreak()]
        rows = rows[-kept_rows:]
    tail: list = [_table(report, width, doc.height, rows), _PageMark(table_pages)]
    for note in report.notes:
        tail += [Spacer(1, 2 * mm), Paragraph(markup(note), s["small"])]
    if report.signature:
        tail += [*_signature(report.signature, width), _PageMark(signature_pages)]
    story += [KeepTogether(tail)] if kept_rows else tail
    doc.build(story, canvasmaker=numbered_canvas(footer_painter(MARGIN)))
    return (out.getvalue(), table_pages[-1] if table_pages else 0,
            signature_pages[-1] if signature_pages else 0)


def _table(report: TableReport, width: float, page_height: float,
           rows: list[list[str]]) -> Table:
    """The table: header (and its column numbers) centred and repeated on every page."""
    cell = styles()["small"]
    centre = ParagraphStyle("small_centre", parent=cell, alignment=TA_CENTER)
    head_rows = 2 if report.numbered_header else 1
    data = [[Paragraph(markup(h, bold=True), centre) for h in report.headers]]
    if report.numbered_header:
        data.append([Paragraph(str(n), centre) for n in range(1, len(report.headers) + 1)])
    for row in rows:
        cells = [_lines(str(value), centre if c in report.centred else cell)
                 for c, value in enumerate(row)]
        if report.min_row_mm:  # room to write by hand (a paraf)
            cells[0].append(Spacer(1, max(report.min_row_mm * mm - cell.leading - 6, 0)))
        data.append(cells)
    table = _FlowingTable(data, colWidths=column_widths(report, width, cell.fontSize),
                          repeatRows=head_rows, splitInRow=1)
    table.page_height = page_height
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, (0, 0, 0)),
        ("LINEBELOW", (0, "inrowsplitstart"), (-1, "inrowsplitstart"), 0.6, (0, 0, 0)),
        ("LINEABOVE", (0, "inrowsplitend"), (-1, "inrowsplitend"), 0.6, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, head_rows - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
        ("TOPPADDING", (0, 1), (-1, head_rows - 1), 1),
        ("BOTTOMPADDING", (0, 1), (-1, head_rows - 1), 2),
    ]))
    return table


PADDING = 14  # pt: a cell's left and right padding together (reportlab's 6 + 6), and slack


def column_widths(report: TableReport, width: float, size: float) -> list[float]:
    """The report's relative widths, each column at least as wide as its longest word (of
    header or values: "Target", "7.01.01.2.01.0001", "1.219.500.000"), so that no word is
    ever broken inside; the others share what is left in their proportions."""

    def longest(text: str, bold: bool) -> float:
        return max((stringWidth(word, font_for(word, bold), size) for word in text.split()),
                   default=0.0)

    minimum = [longest(h, True) + PADDING for h in report.headers]
    for row in report.rows:
        for c, value in enumerate(row):
            minimum[c] = max(minimum[c], longest(str(value), False) + PADDING)
    if sum(minimum) >= width:  # cannot be kept: at least every column its share
        total = sum(minimum)
        return [width * w / total for w in minimum]
    fixed: set[int] = set()
    while True:
        free = width - sum(minimum[c] for c in fixed)
        share = sum(w for c, w in enumerate(report.widths) if c not in fixed)
        widths = [minimum[c] if c in fixed else free * w / share
                  for c, w in enumerate(report.widths)]
        narrow = {c for c, w in enumerate(widths) if c not in fixed and w < minimum[c]}
        if not narrow:
            return widths
        fixed |= narrow


class _FlowingTable(Table):
    """A table that splits between rows, and inside a row only where keeping the row whole
    would leave more than a quarter of the page empty (or the row is taller than a page).
    The rest of a split table starts on a new page: reportlab would otherwise put a slice of
    it, under a second copy of the header, in the little room left on the same page."""

    page_height = 0.0
    is_rest = False

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        fresh_page = availHeight >= 0.9 * self.page_height
        if self.is_rest and not fresh_page:
            return []
        self._calc(availWidth, availHeight)
        parts = self._splitRows(availHeight)
        kept = sum(self._rowHeights[:self._getFirstPossibleSplitRowPosition(availHeight)])
        if (fresh_page and not parts) or availHeight - kept > self.page_height / 4:
            parts = self._splitRows(availHeight, doInRowSplit=1) or parts
        for number, part in enumerate(parts):
            part.page_height = self.page_height
            part.is_rest = self.is_rest or number > 0
        return parts


def _lines(text: str, style: ParagraphStyle) -> list:
    """A cell's text as one paragraph per line typed (a row split over two pages breaks
    cleanly between them); blank lines keep their height."""
    return [Paragraph(markup(line), style) if line.strip() else Spacer(1, style.leading)
            for line in text.splitlines()] or [Paragraph("", style)]


def _signature(sig: Signature, width: float) -> list:
    s = styles()
    block = [Paragraph(markup(sig.place_date), s["body"]),
             Paragraph(markup(sig.jabatan), s["body"]), Spacer(1, 18 * mm),
             Paragraph(f"<u>{markup(sig.nama, bold=True)}</u>" if sig.nama
                       else "(....................................)", s["body"])]
    if sig.pangkat:
        block.append(Paragraph(markup(sig.pangkat), s["body"]))
    if sig.nip:
        block.append(Paragraph("NIP. " + markup(spaced_nip(sig.nip)), s["body"]))
    table = Table([["", block]], colWidths=[width * 0.6, width * 0.4])
    return [Spacer(1, 8 * mm), table]
