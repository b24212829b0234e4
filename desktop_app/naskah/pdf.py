"""The four naskah dinas as PDF: surat dinas, surat pengantar, nota dinas, lembar disposisi.

Each renderer takes the document's data (desktop_app.naskah.content), the office's kop and
page setup, and an optional internal verification block, and returns the PDF bytes.
"""

from __future__ import annotations

import io
from functools import cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.common.dates import tanggal
from desktop_app.common.paper import paper_size
from desktop_app.naskah.content import (
    SIFAT_DISPOSISI,
    LembarDisposisi,
    NotaDinas,
    PageSetup,
    Signatory,
    SuratDinas,
    SuratPengantar,
    Verification,
)
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.base import draw_diagonal_mark, markup
from desktop_app.render.pdf.fonts import BOLD, REGULAR, register_fonts, text_width_mm
from desktop_app.render.pdf.kop import kop_flowables

EMPTY = "...................."
SIGN_SPACE_MM = 25  # room for the signature and cap
FIELD_LABEL_MM = 26  # "Lampiran" at 12 pt, plus air
PARA_INDENT_MM = 12.5
QR_MM = 16
QR_SIGNED_MM = 26  # the signed statement is ~420 characters: a larger code
NO_PADDING = [(f"{side}PADDING", (0, 0), (-1, -1), 0)
              for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")]


@cache
def _styles(size: float) -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(f"naskah-{size}", fontName=REGULAR, fontSize=size, leading=size * 1.2)
    return {
        "body": body,
        "para": ParagraphStyle("para", parent=body, alignment=TA_JUSTIFY, spaceAfter=size / 2,
                               firstLineIndent=PARA_INDENT_MM * mm),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, alignment=TA_CENTER,
                                fontSize=size + 1, leading=(size + 1) * 1.25),
        "list": ParagraphStyle("list", parent=body, leftIndent=size * 1.4,
                               firstLineIndent=-size * 1.4),
        "indent": ParagraphStyle("indent", parent=body, leftIndent=8 * mm),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9),
    }


def _md(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text; line breaks kept."""
    return "<br/>".join(markup(line, bold) for line in text.split("\n"))


def _p(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    return Paragraph(_md(text, bold), style)


def _or(text: str, empty: str = "-") -> str:
    return text.strip() or empty


def _place_date(tempat: str, day) -> str:
    when = tanggal(day, EMPTY)
    return f"{tempat}, {when}" if tempat else when


def _numbered(items: tuple[str, ...]) -> str:
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))


# -- pieces -----------------------------------------------------------------------------------

def _fields(rows: list[tuple[str, str]], s: dict, width: float,
            label_mm: float = FIELD_LABEL_MM) -> Table:
    """The "Nomor : …" block: labels, colons lined up, values wrapping in their column."""
    size = s["body"].fontSize
    label_mm = max(label_mm * size / 12, *(text_width_mm(label, size) + 3 for label, _ in rows))
    data = [[_p(label, s["body"]), _p(":", s["body"]), _p(value, s["body"])]
            for label, value in rows]
    table = Table(data, colWidths=[label_mm * mm, 4 * mm, width - (label_mm + 4) * mm],
                  hAlign="LEFT")
    table.setStyle(TableStyle([*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _addressee(kepada: str, di: str, s: dict) -> list:
    lines = [_p(f"Yth. {kepada}", s["body"])]
    if di:
        lines += [_p("di", s["body"]), _p(di, s["indent"])]
    return lines


class _SignatureSpace(Flowable):
    """The blank space for a wet signature, or the specimen signature drawn over the cap."""

    def __init__(self, width: float, sig: Signatory, cap: bool):
        super().__init__()
        self.width, self.height = width, SIGN_SPACE_MM * mm
        self.signature = sig.signature_image
        self.stamp = sig.stamp_image if cap else None

    def draw(self) -> None:
        centre = self.width / 2
        if self.stamp and self.stamp.exists():
            size = 30 * mm
            self.canv.drawImage(str(self.stamp), centre - 0.85 * size, (self.height - size) / 2,
                                size, size, mask="auto", preserveAspectRatio=True, anchor="c")
        if self.signature and self.signature.exists():
            width, height = min(self.width * 0.8, 55 * mm), self.height * 0.9
            self.canv.drawImage(str(self.signature), centre - width / 2,
                                (self.height - height) / 2, width, height, mask="auto",
                                preserveAspectRatio=True, anchor="c")


def _signer(sig: Signatory, s: dict, width: float, cap: bool = True) -> list:
    """Jabatan, signature space, NAMA (bold, underlined), pangkat, NIP; centred."""
    jabatan = sig.jabatan if sig.jabatan.endswith(",") else sig.jabatan + ","
    name = f"<u>{_md(sig.nama, bold=True)}</u>" if sig.nama else f"({EMPTY})"
    block = [_p(jabatan, s["centre"]), _SignatureSpace(width, sig, cap),
             Paragraph(name, s["centre"])]
    if sig.pangkat:
        block.append(_p(sig.pangkat, s["centre"]))
    block.append(_p(f"NIP. {sig.nip}" if sig.nip else f"NIP. {EMPTY}", s["centre"]))
    return block


def _two_columns(left: list | str, right: list, width: float, right_share: float = 0.5) -> Table:
    right_width = width * right_share
    table = Table([[left, right]], colWidths=[width - right_width, right_width])
    table.setStyle(TableStyle([*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _signature(sig: Signatory, s: dict, width: float, cap: bool = True) -> Table:
    return _two_columns("", _signer(sig, s, width * 0.5, cap), width)


def _body(paragraphs: tuple[str, ...], signature: Flowable, s: dict) -> list:
    """The body; its last paragraph never parts from the signature."""
    flow = [_p(text, s["para"]) for text in paragraphs]
    tail = [flow.pop()] if flow else []
    return [*flow, KeepTogether([*tail, Spacer(1, 4 * mm), signature])]


class _AtPageBottom(Flowable):
    """Sits at the bottom of the frame it lands in (the last page), taking the space above."""

    def __init__(self, inner: Flowable):
        super().__init__()
        self.inner = inner

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, needed = self.inner.wrap(avail_width, avail_height)
        self.width, self.height = avail_width, max(needed, avail_height)
        return self.width, self.height if needed <= avail_height else needed

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


class _QrSlot(Flowable):
    """Room for the signed statement's QR (drawn when the document is sealed): records where
    it landed on the page."""

    def __init__(self, size: float, slot: dict):
        super().__init__()
        self.size, self.slot = size, slot

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.slot.update(page=self.canv.getPageNumber() - 1, x=x, y=y, size=self.size)


def _verification(v: Verification, width: float, qr_mm: float = QR_MM) -> Flowable:
    """The app's own check: a small QR, the code and how to check it. No TTE look-alike."""
    small = _styles(7.5)["small"]
    text = [Paragraph("Kode verifikasi: " + markup(v.code, bold=True), small),
            _p(v.note, small)]
    if v.slot is not None:
        qr_mm = max(qr_mm, QR_SIGNED_MM)
    qr = _QrSlot(qr_mm * mm, v.slot) if v.slot is not None else _qr(v.qr_payload, qr_mm * mm)
    table = Table([[qr, text]],
                  colWidths=[(qr_mm + 3) * mm, min(width - (qr_mm + 3) * mm, 95 * mm)],
                  hAlign="LEFT")
    table.setStyle(TableStyle([*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return _AtPageBottom(table)


DRAFT_MARK = "KONSEP"


def _build(story: list, size_mm: tuple[float, float], margins_mm: tuple[float, ...],
           font_size: float, title: str, draft: bool = False) -> bytes:
    """Lay out on the page (text area exactly inside the margins); page 2 on numbered "- 2 -".
    A draft (not signed yet) carries the diagonal KONSEP mark on every page."""
    width, height = size_mm
    left, right, top, bottom = margins_mm

    def page_number(canvas, doc) -> None:
        if draft:
            draw_diagonal_mark(canvas, DRAFT_MARK, width * mm, height * mm)
        if doc.page > 1:
            canvas.setFont(REGULAR, font_size)
            canvas.drawCentredString((left + (width - left - right) / 2) * mm,
                                     (height - top / 2) * mm, f"- {doc.page} -")

    out = io.BytesIO()
    doc = BaseDocTemplate(out, pagesize=(width * mm, height * mm), title=title,
                          creator="Pandu SOP", leftMargin=left * mm, rightMargin=right * mm,
                          topMargin=top * mm, bottomMargin=bottom * mm)
    frame = Frame(left * mm, bottom * mm, (width - left - right) * mm,
                  (height - top - bottom) * mm, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("naskah", [frame], onPage=page_number)])
    doc.build(story)
    return out.getvalue()


def _letter(story: list, kop: Kop, setup: PageSetup, verification: Verification | None,
            title: str) -> bytes:
    width = _text_width(setup)
    head = kop_flowables(kop, width)
    if head:
        head.append(Spacer(1, 5 * mm))
    tail = [Spacer(1, 4 * mm), _verification(verification, width)] if verification else []
    margins = (setup.margin_left, setup.margin_right, setup.margin_top, setup.margin_bottom)
    return _build([*head, *story, *tail], paper_size(setup.paper), margins, setup.font_size,
                  title, draft=verification is None)


def _text_width(setup: PageSetup) -> float:
    return (paper_size(setup.paper)[0] - setup.margin_left - setup.margin_right) * mm


# -- the documents ----------------------------------------------------------------------------

def render_surat_dinas(doc: SuratDinas, kop: Kop, setup: PageSetup,
                       verification: Verification | None = None) -> bytes:
    s, width = _styles(setup.font_size), _text_width(setup)
    story = [_p(_place_date(doc.tempat, doc.tanggal), s["right"]), Spacer(1, 3 * mm),
             _fields([("Nomor", _or(doc.nomor, EMPTY)), ("Sifat", _or(doc.sifat)),
                      ("Lampiran", _or(doc.lampiran)), ("Hal", _or(doc.hal))], s, width),
             Spacer(1, 6 * mm), *_addressee(doc.kepada, doc.di, s), Spacer(1, 6 * mm),
             *_body(doc.paragraphs, _signature(doc.signatory, s, width), s)]
    if doc.tembusan:
        story += [Spacer(1, 6 * mm), _p("Tembusan:", s["body"]),
                  *[_p(f"{n}. {item}" if len(doc.tembusan) > 1 else item, s["list"])
                    for n, item in enumerate(doc.tembusan, 1)]]
    return _letter(story, kop, setup, verification, f"Surat Dinas {doc.hal}")


def _items_table(doc: SuratPengantar, s: dict, width: float) -> tuple[Table, Table]:
    """The list of what is sent, as the table without its last row and that last row."""
    head = [_p(h, s["centre"], bold=True) for h in
            ("No.", "Naskah Dinas/Barang yang Dikirim", "Banyaknya", "Keterangan")]
    rows = [[_p(str(n), s["centre"]), _p(item.naskah, s["body"]),
             _p(item.banyaknya, s["centre"]), _p(item.keterangan, s["body"])]
            for n, item in enumerate(doc.items, 1)] or [["", "", "", ""]]
    widths = [width * share for share in (0.07, 0.46, 0.19, 0.28)]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.7, (0, 0, 0)),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        *[(f"{side}PADDING", (0, 0), (-1, -1), 4)
                          for side in ("LEFT", "RIGHT", "BOTTOM")],
                        ("TOPPADDING", (0, 0), (-1, -1), 3)])
    body = Table([head, *rows[:-1]], colWidths=widths, repeatRows=1, style=style)
    last = Table(rows[-1:], colWidths=widths, style=style)
    return body, last


def _receiver(s: dict, width: float) -> list:
    """Filled in by hand by whoever receives; its name line level with the sender's."""
    return [_p(f"Diterima tanggal {EMPTY}", s["body"]), _p("Penerima,", s["body"]),
            Spacer(1, SIGN_SPACE_MM * mm - s["body"].leading),
            _fields([("Nama", EMPTY), ("NIP", EMPTY)], s, width, label_mm=14)]


def render_surat_pengantar(doc: SuratPengantar, kop: Kop, setup: PageSetup,
                           verification: Verification | None = None) -> bytes:
    s, width = _styles(setup.font_size), _text_width(setup)
    body, last = _items_table(doc, s, width)
    signatures = _two_columns(_receiver(s, width * 0.5), _signer(doc.signatory, s, width * 0.5),
                              width)
    story = [_p(_place_date(doc.tempat, doc.tanggal), s["right"]), Spacer(1, 3 * mm),
             *_addressee(doc.kepada, doc.di, s), Spacer(1, 8 * mm),
             _p("SURAT PENGANTAR", s["title"]),
             _p(f"Nomor: {_or(doc.nomor, EMPTY)}", s["centre"]), Spacer(1, 6 * mm),
             body, KeepTogether([last, Spacer(1, 8 * mm), signatures])]
    return _letter(story, kop, setup, verification, "Surat Pengantar")


def render_nota_dinas(doc: NotaDinas, kop: Kop, setup: PageSetup,
                      verification: Verification | None = None) -> bytes:
    s, width = _styles(setup.font_size), _text_width(setup)
    fields = [("Kepada", f"Yth. {doc.kepada}"), ("Dari", _or(doc.dari)),
              ("Tembusan", _or(_numbered(doc.tembusan)) if doc.tembusan else "-"),
              ("Tanggal", tanggal(doc.tanggal, EMPTY)), ("Nomor", _or(doc.nomor, EMPTY)),
              ("Sifat", _or(doc.sifat)), ("Lampiran", _or(doc.lampiran)), ("Hal", _or(doc.hal))]
    story = [_p("NOTA DINAS", s["title"]), Spacer(1, 5 * mm), _fields(fields, s, width),
             HRFlowable(width="100%", thickness=1, color=(0, 0, 0), spaceBefore=2 * mm,
                        spaceAfter=5 * mm),
             *_body(doc.paragraphs, _signature(doc.signatory, s, width, cap=False), s)]
    return _letter(story, kop, setup, verification, f"Nota Dinas {doc.hal}")


# -- lembar disposisi -------------------------------------------------------------------------

class _CheckBox(Flowable):
    """A drawn check box, ticked or empty, sitting on the first text line beside it."""

    def __init__(self, checked: bool, font_size: float, leading: float):
        super().__init__()
        self.checked, self.size = checked, font_size * 0.8
        self.width, self.height = font_size * 1.3, leading
        self.bottom = leading - font_size * 1.08  # just under the neighbouring baseline

    def draw(self) -> None:
        canvas, size, y = self.canv, self.size, self.bottom
        canvas.setLineWidth(0.6)
        canvas.rect(0, y, size, size)
        if self.checked:
            path = canvas.beginPath()
            path.moveTo(size * 0.18, y + size * 0.52)
            path.lineTo(size * 0.42, y + size * 0.2)
            path.lineTo(size * 0.86, y + size * 0.88)
            canvas.setLineWidth(1.2)
            canvas.drawPath(path, stroke=1, fill=0)


def _checklist(items: tuple[tuple[str, bool], ...], s: dict, width: float,
               columns: int = 1) -> Table:
    body = s["body"]
    cells = [[_CheckBox(checked, body.fontSize, body.leading), _p(label, body)]
             for label, checked in items]
    cells += [["", ""]] * (-len(cells) % columns)
    rows = [sum(cells[i:i + columns], []) for i in range(0, len(cells), columns)]
    box = body.fontSize * 1.3
    table = Table(rows, colWidths=[box, width / columns - box] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _disposisi_grid(doc: LembarDisposisi, s: dict, width: float) -> Table:
    label, colon = 30 * mm, 3 * mm
    value = width / 2 - label - colon
    body = s["body"]

    def row(left: str, left_value: str, right: str, right_value) -> list:
        right_cell = right_value if isinstance(right_value, Flowable) else _p(right_value, body)
        return [_p(left, body), ":", _p(left_value, body), _p(right, body), ":", right_cell]

    sifat = _checklist(tuple((name.capitalize(), name == doc.sifat) for name in SIFAT_DISPOSISI),
                       s, value, columns=2)
    forward = doc.diteruskan_kepada or ((EMPTY, False),) * 3
    paraf = [_p("Paraf", body, bold=True), _p(doc.paraf_jabatan, body),
             Spacer(1, 8 * mm), _p(_or(doc.paraf_nama, EMPTY), body, bold=True)]
    data = [row("Surat dari", _or(doc.surat_dari, EMPTY), "Diterima tanggal",
                tanggal(doc.diterima_tanggal, EMPTY)),
            row("Nomor surat", _or(doc.nomor_surat, EMPTY), "Nomor agenda",
                _or(doc.nomor_agenda, EMPTY)),
            row("Tanggal surat", tanggal(doc.tanggal_surat, EMPTY), "Sifat", sifat),
            [_p("Hal", body), ":", _p(_or(doc.hal, EMPTY), body), "", "", ""],
            [[_p("Diteruskan kepada:", body, bold=True), _checklist(forward, s, width / 2 - 8)],
             "", "", [_p("Dengan hormat harap:", body, bold=True),
                      _checklist(doc.harapan, s, width / 2 - 8)], "", ""],
            [[_p("Catatan:", body, bold=True), _p(doc.catatan, body)], "", "", "", paraf, ""]]
    table = Table(data, colWidths=[label, colon, value] * 2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, body.fontSize, body.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 1, (0, 0, 0)),
        ("LINEBELOW", (0, 0), (-1, -2), 0.6, (0, 0, 0)),
        *[("LINEAFTER", (col, first), (col, last), 0.6, (0, 0, 0))  # not across "Hal"
          for col, first, last in ((2, 0, 2), (2, 4, 4), (3, 5, 5))],
        ("SPAN", (2, 3), (5, 3)), ("SPAN", (0, 4), (2, 4)), ("SPAN", (3, 4), (5, 4)),
        ("SPAN", (0, 5), (3, 5)), ("SPAN", (4, 5), (5, 5)),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (1, 0), (1, -1), 0), ("LEFTPADDING", (2, 0), (2, -1), 2),
    ]))
    return table


def disposisi_page_size(paper: str) -> tuple[float, float]:
    """Half a sheet, landscape (mm): half folio 215 x 165 for F4, A5 (210 x 148) for A4."""
    width, height = paper_size(paper)
    return (width, 148.0) if paper.upper() == "A4" else (width, height / 2)


def render_disposisi(doc: LembarDisposisi, kop: Kop, setup: PageSetup,
                     verification: Verification | None = None) -> bytes:
    """On half a sheet: the letter margins halved, the font 2 pt smaller than a letter's."""
    size = disposisi_page_size(setup.paper)
    margins = (setup.margin_left / 2, setup.margin_right / 2, setup.margin_top / 2,
               setup.margin_bottom / 2)
    width = (size[0] - margins[0] - margins[1]) * mm
    s = _styles(max(8.0, setup.font_size - 2))
    story = [*kop_flowables(kop, width), Spacer(1, 2 * mm), _p("LEMBAR DISPOSISI", s["title"]),
             Spacer(1, 1.5 * mm), _disposisi_grid(doc, s, width)]
    if verification:
        story += [Spacer(1, 1 * mm), _verification(verification, width, qr_mm=11)]
    return _build(story, size, margins, s["body"].fontSize, "Lembar Disposisi",
                  draft=verification is None)
