"""SOP documents built the way offices build them: Word tables with the flowchart symbols drawn
as shapes in the pelaksana cells (DrawingML with a VML fallback, or VML only, or a typed mark),
decisions with an arrow back up, and the step table split over pages with its header again."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import Mm

from desktop_app.common.dates import tanggal
from desktop_app.sop.model import IDENTITY_LISTS, Sop

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')
PRESET = {"mulai": "flowChartTerminator", "selesai": "flowChartTerminator",
          "proses": "flowChartProcess", "keputusan": "flowChartDecision"}
VML_TYPE = {"mulai": 116, "selesai": 116, "proses": 109, "keputusan": 110}
ROW_TWIPS = 900
EMU = 635


def drawing_run(preset: str, dx: int = 50000, dy: int = 20000, cx: int = 400000,
                cy: int = 250000, flip_v: bool = False, fallback: bool = True, shape_id: int = 1,
                label: str = ""):
    flip = ' flipV="1"' if flip_v else ""
    text = (f'<wps:txbx><w:txbxContent><w:p><w:r><w:t>{label}</w:t></w:r></w:p>'
            '</w:txbxContent></wps:txbx>') if label else ""
    vml = (f'<mc:Fallback><w:pict><v:rect style="position:absolute;margin-left:{dx / 12700}pt;'
           f'width:{cx / 12700}pt;height:{cy / 12700}pt"/></w:pict></mc:Fallback>'
           if fallback else "")
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{dx}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{dy}</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:wrapNone/>'
        f'<wp:docPr id="{shape_id}" name="Shape {shape_id}"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr/><wps:spPr><a:xfrm{flip}><a:off x="0" y="0"/><a:ext cx="{cx}" '
        f'cy="{cy}"/></a:xfrm><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom></wps:spPr>'
        f'{text}<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        f'</mc:Choice>{vml}</mc:AlternateContent></w:r>')


def vml_run(spt: int, left_pt: float = 4, top_pt: float = 2):
    return parse_xml(
        f'<w:r {NS}><w:pict><v:shape type="#_x0000_t{spt}" o:spt="{spt}" '
        f'style="position:absolute;margin-left:{left_pt}pt;margin-top:{top_pt}pt;'
        'width:40pt;height:20pt"/></w:pict></w:r>')


def write_docx(sop: Sop, path: Path, *, per_page: int = 5, vml_steps=(), mark_steps=(),
               shifted_steps=(), blank_steps=()) -> Path:
    """The office's Word file for `sop`. Steps in `vml_steps` are drawn as VML only, in
    `mark_steps` as a typed "X", in `shifted_steps` anchored in the column left of their lane
    and moved over it; `blank_steps` lost their symbol (pasted as a picture, say)."""
    document = docx.Document()
    document.sections[0].page_width, document.sections[0].page_height = Mm(330), Mm(215)
    _add_sop(document, sop, per_page, vml_steps, mark_steps, shifted_steps, blank_steps)
    document.save(path)
    return path


def write_docx_several(sops: list[Sop], path: Path, *, per_page: int = 5) -> Path:
    """One Word file holding several SOPs one after another, each from a new page."""
    document = docx.Document()
    document.sections[0].page_width, document.sections[0].page_height = Mm(330), Mm(215)
    for k, sop in enumerate(sops):
        if k:
            document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
        _add_sop(document, sop, per_page)
    document.save(path)
    return path


def _add_sop(document, sop: Sop, per_page: int, vml_steps=(), mark_steps=(), shifted_steps=(),
             blank_steps=()) -> None:
    document.add_paragraph("PEMERINTAH KABUPATEN KARANGANYAR")
    if sop.identitas.instansi:
        document.add_paragraph(sop.identitas.instansi.upper())
    _identity(document, sop)
    document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    numbers = list(range(1, len(sop.langkah) + 1))
    chunks = [numbers[k:k + per_page] for k in range(0, len(numbers), per_page)]
    shape_id = [10 + 1000 * len(document.tables)]
    for k, chunk in enumerate(chunks):
        if k:
            document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
        _steps_table(document, sop, chunk, vml_steps, mark_steps, shifted_steps,
                     shape_id, blank_steps)


def _identity(document, sop: Sop) -> None:
    ident = sop.identitas
    signer = ident.disahkan_oleh
    signed = "\n".join(
        [signer.jabatan.upper(), "", signer.nama, signer.pangkat,
         f"NIP. {signer.nip}" if signer.nip else ""] if signer else [])
    rows = [("Nomor SOP", ident.nomor), ("Tanggal Pembuatan", tanggal(ident.tanggal_pembuatan)),
            ("Tangal Revisi", tanggal(ident.tanggal_revisi)),
            ("Tanggal Pngsahan", tanggal(ident.tanggal_pengesahan)),
            ("Disahkan oleh", signed), ("Nama SOP", ident.nama)]
    table = document.add_table(rows=0, cols=3)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    boxes = document.add_table(rows=0, cols=2)
    for left, right in zip(IDENTITY_LISTS[0::2], IDENTITY_LISTS[1::2], strict=True):
        labels = boxes.add_row().cells
        labels[0].text, labels[1].text = left[1].upper(), right[1].upper()
        values = boxes.add_row().cells
        for cell, (key, _label) in zip(values, (left, right), strict=True):
            items = getattr(ident, key)
            cell.text = "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))


def _steps_table(document, sop, numbers, vml_steps, mark_steps, shifted_steps, shape_id,
                 blank_steps=()):
    lanes = [lane.kode for lane in sop.pelaksana]
    width = 2 + len(lanes) + 4
    table = document.add_table(rows=3, cols=width)
    table.style = "Table Grid"
    head, sub, count = (table.rows[k].cells for k in range(3))
    head[0].text, head[1].text = "No", "Kegiatan"
    head[2].merge(head[1 + len(lanes)]).text = "Pelaksana"
    head[2 + len(lanes)].merge(head[width - 2]).text = "Mutu Baku"
    head[width - 1].text = "Keterangan"
    for k, lane in enumerate(sop.pelaksana):
        sub[2 + k].text = lane.nama
    for k, label in enumerate(("Kelengkapan", "Waktu", "Output")):
        sub[2 + len(lanes) + k].text = label
    for k in range(width):
        count[k].text = str(k + 1)
    for number in numbers:
        step = sop.langkah[number - 1]
        cells = table.add_row().cells
        _height(table.rows[-1])
        cells[0].text, cells[1].text = f"{number}.", step.kegiatan
        base = 2 + len(lanes)
        cells[base].text = "\n".join(f"- {item}" for item in step.kelengkapan)
        cells[base + 1].text, cells[base + 2].text = step.waktu, step.output
        cells[base + 3].text = step.keterangan
        for k, kode in enumerate([] if number in blank_steps else step.pelaksana):
            column = 2 + lanes.index(kode)
            symbol = step.simbol if k == 0 else "proses"
            _symbol(table, cells, column, symbol, number, vml_steps, mark_steps, shifted_steps,
                    shape_id)
        if step.simbol == "keputusan" and step.jika_tidak in numbers:
            rows_up = numbers.index(number) - numbers.index(step.jika_tidak)
            reach = rows_up * ROW_TWIPS * EMU
            paragraph = cells[2 + lanes.index(step.pelaksana[0])].paragraphs[0]
            paragraph._p.append(drawing_run("bentConnector3", dx=-150000, dy=-reach + 200000,
                                            cy=reach, cx=150000, flip_v=True,
                                            shape_id=_next(shape_id), label="Tidak"))


def _symbol(table, cells, column, symbol, number, vml_steps, mark_steps, shifted_steps,
            shape_id):
    if number in mark_steps:
        cells[column].text = "X"
        return
    if number in vml_steps:
        cells[column].paragraphs[0]._p.append(vml_run(VML_TYPE[symbol]))
        return
    if number in shifted_steps and column > 2:
        dx = int(table._tbl.tblGrid.gridCol_lst[column - 1].w) + 60000
        cells[column - 1].paragraphs[0]._p.append(
            drawing_run(PRESET[symbol], dx=dx, shape_id=_next(shape_id)))
        return
    cells[column].paragraphs[0]._p.append(drawing_run(PRESET[symbol], shape_id=_next(shape_id)))


def _next(counter: list[int]) -> int:
    counter[0] += 1
    return counter[0]


def _height(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f'<w:trHeight {NS} w:val="{ROW_TWIPS}" w:hRule="exact"/>'))
