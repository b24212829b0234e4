"""An SOP workbook built the way offices build them in Excel: the identity rows, the step table
with its two header rows, and the flowchart drawn over the lane cells as shapes (a drawing
part), with elbow connectors from each decision back up to the step it returns to."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from desktop_app.common.dates import tanggal
from desktop_app.sop.model import IDENTITY_LISTS, Sop

PRESET = {"mulai": "flowChartTerminator", "selesai": "flowChartTerminator",
          "proses": "flowChartProcess", "keputusan": "flowChartDecision"}
XDR_NS = ('xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
LANE_WIDTH = 14  # characters
ROW_HEIGHT = 45  # points


def write_xlsx(sop: Sop, path: Path) -> Path:
    return write_xlsx_several([sop], path)


def write_xlsx_several(sops: list[Sop], path: Path) -> Path:
    """A workbook with one sheet per SOP, each with its symbols drawn over the lane cells."""
    book = openpyxl.Workbook()
    drawings = {}
    for number, sop in enumerate(sops, start=1):
        sheet = book.active if number == 1 else book.create_sheet()
        sheet.title = "SOP" if len(sops) == 1 else f"SOP {number}"
        drawings[number] = _fill_sheet(sheet, sop)
    book.save(path)
    _add_drawings(path, drawings)
    return path


def _fill_sheet(sheet, sop: Sop) -> str:
    ident = sop.identitas
    sheet.append(["PEMERINTAH KABUPATEN KARANGANYAR"])
    if ident.instansi:
        sheet.append([ident.instansi.upper()])
    signer = ident.disahkan_oleh
    for label, value in (("Nomor SOP", ident.nomor),
                         ("Tanggal Pembuatan", tanggal(ident.tanggal_pembuatan)),
                         ("Tanggal Revisi", tanggal(ident.tanggal_revisi)),
                         ("Tanggal Pengesahan", ident.tanggal_pengesahan),
                         ("Disahkan oleh", "\n".join(
                             [signer.jabatan, signer.nama, signer.pangkat,
                              f"NIP. {signer.nip}" if signer.nip else ""]) if signer else ""),
                         ("Nama SOP", ident.nama)):
        sheet.append([label, ":", value])
    for left, right in zip(IDENTITY_LISTS[0::2], IDENTITY_LISTS[1::2], strict=True):
        sheet.append([left[1], None, None, right[1]])
        sheet.append([_numbered(getattr(ident, left[0])), None, None,
                      _numbered(getattr(ident, right[0]))])
    sheet.append([])
    lanes = [lane.kode for lane in sop.pelaksana]
    n = len(lanes)
    header = sheet.max_row + 1
    sheet.append(["No", "Kegiatan", "Pelaksana", *[None] * (n - 1), "Mutu Baku", None, None,
                  "Keterangan"])
    sheet.merge_cells(start_row=header, start_column=3, end_row=header, end_column=2 + n)
    sheet.append([None, None, *[lane.nama for lane in sop.pelaksana], "Kelengkapan", "Waktu",
                  "Output"])
    sheet.append(list(range(1, n + 7)))
    first_step_row = sheet.max_row + 1
    for number, step in enumerate(sop.langkah, start=1):
        sheet.append([number, step.kegiatan, *[None] * n, ", ".join(step.kelengkapan),
                      step.waktu, step.output, step.keterangan])
        sheet.row_dimensions[sheet.max_row].height = ROW_HEIGHT
    for col in range(3, 3 + n):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(col)].width = LANE_WIDTH
    return _drawing_xml(sop, lanes, first_step_row - 1)


def _numbered(items: list[str]) -> str:
    return "\n".join(f"{k}. {item}" for k, item in enumerate(items, start=1))


def _drawing_xml(sop: Sop, lanes: list[str], first_row0: int) -> str:
    anchors, ident = [], 1
    ids: dict[int, int] = {}
    for number, step in enumerate(sop.langkah, start=1):
        row = first_row0 + number - 1
        for k, kode in enumerate(step.pelaksana):
            col = 2 + lanes.index(kode)  # zero-based column of the lane
            ident += 1
            if k == 0:
                ids[number] = ident
            preset = PRESET[step.simbol if k == 0 else "proses"]
            anchors.append(_anchor(col, 100000, row, 80000, col, 700000, row, 400000,
                                   f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr '
                                   f'id="{ident}" name="Langkah {number}"/><xdr:cNvSpPr/>'
                                   f'</xdr:nvSpPr><xdr:spPr><a:prstGeom prst="{preset}">'
                                   '<a:avLst/></a:prstGeom></xdr:spPr></xdr:sp>'))
    for number, step in enumerate(sop.langkah, start=1):
        if step.simbol != "keputusan" or step.jika_tidak is None:
            continue
        col = 2 + lanes.index(step.pelaksana[0])
        top, bottom = first_row0 + step.jika_tidak - 1, first_row0 + number - 1
        ident += 1
        anchors.append(_anchor(
            col, 0, top, 250000, col, 100000, bottom, 250000,
            f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{ident}" name="Panah"/>'
            f'<xdr:cNvCxnSpPr><a:stCxn id="{ids[number]}" idx="1"/>'
            f'<a:endCxn id="{ids[step.jika_tidak]}" idx="1"/></xdr:cNvCxnSpPr></xdr:nvCxnSpPr>'
            '<xdr:spPr><a:xfrm flipV="1"/><a:prstGeom prst="bentConnector3"><a:avLst/>'
            '</a:prstGeom><a:ln><a:tailEnd type="triangle"/></a:ln></xdr:spPr>'
            '<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Tidak</a:t></a:r></a:p></xdr:txBody>'
            '</xdr:cxnSp>'))
    return f'<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr {XDR_NS}>{"".join(anchors)}</xdr:wsDr>'


def _anchor(c0, co0, r0, ro0, c1, co1, r1, ro1, body: str) -> str:
    def marker(tag, c, co, r, ro):
        return (f"<xdr:{tag}><xdr:col>{c}</xdr:col><xdr:colOff>{co}</xdr:colOff>"
                f"<xdr:row>{r}</xdr:row><xdr:rowOff>{ro}</xdr:rowOff></xdr:{tag}>")
    return (f'<xdr:twoCellAnchor>{marker("from", c0, co0, r0, ro0)}'
            f'{marker("to", c1, co1, r1, ro1)}{body}<xdr:clientData/></xdr:twoCellAnchor>')


def _add_drawings(path: Path, drawings: dict[int, str]) -> None:
    """Add xl/drawings/drawingN.xml to the saved workbook and link it from sheet N."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for n, drawing in drawings.items():
        sheet = parts[f"xl/worksheets/sheet{n}.xml"].decode()
        if "xmlns:r=" not in sheet[:500]:
            sheet = sheet.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.'
                                  'openxmlformats.org/officeDocument/2006/relationships" ', 1)
        parts[f"xl/worksheets/sheet{n}.xml"] = sheet.replace(
            "</worksheet>", '<drawing r:id="rIdDrawing1"/></worksheet>').encode()
        parts[f"xl/worksheets/_rels/sheet{n}.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDrawing1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" '
            f'Target="../drawings/drawing{n}.xml"/></Relationships>').encode()
        parts[f"xl/drawings/drawing{n}.xml"] = drawing.encode()
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace(
            "</Types>", f'<Override PartName="/xl/drawings/drawing{n}.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
