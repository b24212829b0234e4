"""The printed SOP sheet: the identity page (portrait) and the flowchart pages (landscape)."""

from __future__ import annotations

import io

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.common.dates import tanggal
from desktop_app.common.paper import paper_size
from desktop_app.flowchart.text import BROKEN_WORD_KEYWORD
from desktop_app.render.geometry import FlowchartLayout, Page
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import draw_diagonal_mark, markup, styles
from desktop_app.render.pdf.geometry_painter import paint_page
from desktop_app.sop.model import IDENTITY_LISTS, Official, Sop

MARGIN = 15 * mm
SIGNATURE_SPACE = 18 * mm
GRID = Color(0, 0, 0)
LABEL_SHADE = Color(0.93, 0.93, 0.93)


class _GeometryPage(Flowable):
    """One flowchart page, drawn from its precomputed geometry over the whole sheet."""

    def __init__(self, page: Page):
        super().__init__()
        self.page = page

    LEEWAY = 1  # pt: a frame refuses a flowable exactly its own height

    def wrap(self, avail_w, avail_h):
        return avail_w, avail_h - self.LEEWAY

    def draw(self):
        self.canv.translate(0, -self.LEEWAY)  # drawn at the page origin, as the layout says
        paint_page(self.canv, self.page)


# the sheet's flowchart marks a word broken between characters (flowchart/text.py), so that
# its import (sop/importing/pdf.py) reads the word back whole
SHEET_KEYWORD = BROKEN_WORD_KEYWORD


DRAFT_MARK = "DRAF — belum disahkan"


def render_sop_sheet(sop: Sop, kop: Kop, paper: str, flowchart: FlowchartLayout,
                     approved: bool = False, statement: str | None = None) -> bytes:
    """The whole sheet as PDF bytes. Unless `approved` (the library's approval record says
    so), it is a draft: the DRAF mark on every page, and the Tanggal Pengesahan and Disahkan
    oleh left empty whatever the identity says (an imported SOP's are another office's).
    `statement` (the approver's signed statement, issue 15) is printed as a QR under the
    signature of an approved sheet."""
    out = io.BytesIO()
    portrait = paper_size(paper)
    landscape = paper_size(paper, landscape=True)
    doc = BaseDocTemplate(out, pagesize=(portrait[0] * mm, portrait[1] * mm),
                          title=f"SOP {sop.identitas.nama}", author=kop.instansi or "Pandu SOP",
                          creator="Pandu SOP", keywords=[SHEET_KEYWORD])
    identity_frame = Frame(MARGIN, MARGIN, portrait[0] * mm - 2 * MARGIN,
                           portrait[1] * mm - 2 * MARGIN, id="identity")
    flow_frame = Frame(0, 0, landscape[0] * mm, landscape[1] * mm, 0, 0, 0, 0, id="flow")

    def mark(canvas, _doc) -> None:
        if not approved:
            draw_diagonal_mark(canvas, DRAFT_MARK, *canvas._pagesize)

    doc.addPageTemplates([
        PageTemplate("identity", [identity_frame], onPage=mark,
                     pagesize=(portrait[0] * mm, portrait[1] * mm)),
        PageTemplate("flow", [flow_frame], onPageEnd=mark,
                     pagesize=(landscape[0] * mm, landscape[1] * mm)),
    ])
    story = [identity_table(sop, kop, identity_frame.width, approved, statement),
             NextPageTemplate("flow")]
    for page in flowchart.pages:
        story += [PageBreak(), _GeometryPage(page)]
    doc.build(story)
    return out.getvalue()


def identity_table(sop: Sop, kop: Kop, width: float, approved: bool = True,
                   statement: str | None = None) -> Table:
    s = styles()
    ident = sop.identitas
    half = width / 2
    approved_on = tanggal(ident.tanggal_pengesahan) if approved else "-"
    rows = [
        [_kop_cell(kop), _label("Nomor SOP"), _p(ident.nomor or "-")],
        ["", _label("Tanggal Pembuatan"), _p(tanggal(ident.tanggal_pembuatan))],
        ["", _label("Tanggal Revisi"), _p(tanggal(ident.tanggal_revisi))],
        ["", _label("Tanggal Pengesahan"), _p(approved_on)],
        ["", _label("Disahkan oleh"), _signer(ident.disahkan_oleh if approved else None)
         + _qr(statement if approved else None)],
        ["", _label("Nama SOP"), Paragraph(markup(ident.nama, bold=True), s["body"])],
    ]
    pairs = list(zip(IDENTITY_LISTS[0::2], IDENTITY_LISTS[1::2], strict=True))
    for (left_key, left_label), (right_key, right_label) in pairs:
        rows.append([_label(f"{left_label}:"), _label(f"{right_label}:"), ""])
        rows.append([_numbered(getattr(ident, left_key)),
                     _numbered(getattr(ident, right_key)), ""])
    table = Table(rows, colWidths=[half, half * 0.44, half * 0.56], splitInRow=1, repeatRows=0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.7, GRID),
        ("BOX", (0, 0), (-1, -1), 1.2, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (0, 5), "MIDDLE"),
        ("SPAN", (0, 0), (0, 5)),
        ("BACKGROUND", (1, 0), (1, 5), LABEL_SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in range(6, len(rows), 2):
        commands += [("SPAN", (1, row), (2, row)), ("SPAN", (1, row + 1), (2, row + 1)),
                     ("BACKGROUND", (0, row), (-1, row), LABEL_SHADE)]
    table.setStyle(TableStyle(commands))
    return table


def _p(text: str) -> Paragraph:
    return Paragraph(markup(text), styles()["body"])


def _label(text: str) -> Paragraph:
    return Paragraph(markup(text, bold=True), styles()["label"])


def _kop_cell(kop: Kop) -> list:
    s = styles()
    cell: list = []
    if kop.logo and kop.logo.exists():
        from reportlab.platypus import Image

        logo = Image(str(kop.logo), width=22 * mm, height=22 * mm, kind="proportional")
        logo.hAlign = "CENTER"
        cell += [logo, Spacer(1, 2 * mm)]
    if kop.pemerintah:
        cell.append(Paragraph(markup(kop.pemerintah.upper(), bold=True), s["kop_pemerintah"]))
    if kop.instansi:
        cell.append(Paragraph(markup(kop.instansi.upper(), bold=True), s["kop_instansi"]))
    for line in (kop.alamat, kop.kontak):
        if line:
            cell.append(Paragraph(markup(line), s["kop_alamat"]))
    cell += [Spacer(1, 3 * mm),
             Paragraph(markup("STANDAR OPERASIONAL PROSEDUR", bold=True), s["centre"])]
    return cell


def _signer(official: Official | None) -> list:
    s = styles()
    official = official or Official()
    name_line = (f"<u>{markup(official.nama, bold=True)}</u>" if official.nama
                 else "(....................................)")
    cell = [Paragraph(markup(official.jabatan or " "), s["body"]),
            Spacer(1, SIGNATURE_SPACE), Paragraph(name_line, s["body"])]
    if official.pangkat:
        cell.append(Paragraph(markup(official.pangkat), s["body"]))
    cell.append(Paragraph("NIP. " + markup(official.nip) if official.nip else "NIP. -",
                          s["body"]))
    return cell


QR_MM = 24


def _qr(statement: str | None) -> list:
    """The signed statement's QR and what it is (never a TTE look-alike)."""
    if not statement:
        return []
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(statement, barBorder=0, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    size = QR_MM * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return [Spacer(1, 2 * mm), drawing,
            Paragraph(markup("Tanda tangan elektronik tidak tersertifikasi (bukan TTE BSrE); "
                             "periksa: pandu verify --qr"), styles()["small"])]


def _numbered(items: list[str]) -> list:
    s = styles()
    if not items:
        return [Paragraph("-", s["body"])]
    return [Paragraph(f"{n}.&nbsp;{markup(text)}", s["list"]) for n, text in
            enumerate(items, start=1)]


