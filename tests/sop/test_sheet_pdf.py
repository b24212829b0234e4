"""The printed SOP sheet read back from real PDF files (pdfplumber): content, cells, paper."""

from __future__ import annotations

import re

import pdfplumber
import pytest

from desktop_app.cli import main
from desktop_app.common.paper import paper_size
from desktop_app.flowchart.layout import layout_flowchart
from desktop_app.render.pdf.fonts import text_width_mm
from desktop_app.sop import library
from desktop_app.sop.printing import print_sop
from tests.factories import generated_sop

PT_PER_MM = 72 / 25.4


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every template printed on F4 and A4, once for the module."""
    from desktop_app.workspace import open_workspace

    folder = tmp_path_factory.mktemp("print")
    workspace = open_workspace(folder / "data")
    results = []
    for item in library.list_sops():
        sop = library.get_sop(item.id)
        for paper in ("F4", "A4"):
            path = folder / f"sop{item.id}-{paper}.pdf"
            print_sop(item.id, path, paper, approved=True)  # the layout of an approved sheet
            results.append((sop, paper, path))
    yield results
    workspace.close()


def flow_pages(pdf, sop, paper):
    """The flowchart pages (landscape, at the end) with their geometry."""
    layout = layout_flowchart(sop, paper, text_width_mm)
    return list(zip(pdf.pages[-len(layout.pages):], layout.pages, strict=True))


def upright(page):
    """The page without the diagonal DRAF mark of an unapproved sheet."""
    return page.filter(lambda o: o.get("object_type") != "char" or abs(o["matrix"][1]) < 0.01)


def column_text(page, geometry, key: str) -> str:
    column = next(c for c in geometry.columns if c.key == key)
    box = (column.x * PT_PER_MM, 0, column.right * PT_PER_MM, page.height)
    return squash(upright(page).crop(box).extract_text() or "")


def test_page_sizes(printed):
    for sop, paper, path in printed:
        width, height = paper_size(paper)
        with pdfplumber.open(path) as pdf:
            flow = flow_pages(pdf, sop, paper)
            identity = pdf.pages[:len(pdf.pages) - len(flow)]
            assert 1 <= len(identity) <= 2
            for page in identity:
                assert page.width == pytest.approx(width * PT_PER_MM, abs=0.5)
                assert page.height == pytest.approx(height * PT_PER_MM, abs=0.5)
            for page, _geometry in flow:
                assert page.width == pytest.approx(height * PT_PER_MM, abs=0.5)
                assert page.height == pytest.approx(width * PT_PER_MM, abs=0.5)


def test_f4_is_215_by_330_mm(printed):
    _sop, _paper, path = next(p for p in printed if p[1] == "F4")
    with pdfplumber.open(path) as pdf:
        assert (round(pdf.pages[0].width / PT_PER_MM), round(pdf.pages[0].height / PT_PER_MM)
                ) == (215, 330)


def test_identity_page_content(printed):
    for sop, _paper, path in printed:
        with pdfplumber.open(path) as pdf:
            text = squash(pdf.pages[0].extract_text() + (pdf.pages[1].extract_text() or ""))
            left = "".join(squash(page.crop((0, 0, page.width / 2, page.height)).extract_text())
                           for page in pdf.pages[:2])
        for label in ("NomorSOP", "TanggalPembuatan", "TanggalRevisi", "TanggalPengesahan",
                      "Disahkanoleh", "NamaSOP", "DasarHukum:", "KualifikasiPelaksana:",
                      "Keterkaitan:", "Peralatan/Perlengkapan:", "Peringatan:",
                      "PencatatandanPendataan:"):
            assert label in text
        assert squash(sop.identitas.nama) in text
        for item in sop.identitas.dasar_hukum:
            assert squash(item) in left


def test_every_kegiatan_waktu_and_output_is_printed(printed):
    for sop, paper, path in printed:
        with pdfplumber.open(path) as pdf:
            flow = flow_pages(pdf, sop, paper)
            texts = {key: "".join(column_text(page, geometry, key) for page, geometry in flow)
                     for key in ("kegiatan", "waktu", "output", "kelengkapan")}
            lanes = {lane.nama: column_text(*flow[0], f"lane:{lane.kode}")
                     for lane in sop.pelaksana}
        for step in sop.langkah:
            assert squash(step.kegiatan) in texts["kegiatan"]
            assert squash(step.waktu) in texts["waktu"]
            assert squash(step.output) in texts["output"]
            for item in step.kelengkapan:
                assert squash(item) in texts["kelengkapan"]
        for name, text in lanes.items():
            assert squash(name) in text


def test_no_character_lies_outside_its_cell(printed):
    for sop, paper, path in printed:
        with pdfplumber.open(path) as pdf:
            for page, geometry in flow_pages(pdf, sop, paper):
                _check_chars_in_cells(page, geometry)


def _check_chars_in_cells(page, geometry):
    """Every character of the table lies wholly inside one cell (header, text or lane cell)."""
    table_top = min(box.y for box in geometry.shades)
    eps = 0.05
    for char in page.chars:
        if not char["text"].strip() or abs(char["matrix"][1]) > 0.01:  # blank, or the DRAF mark
            continue
        x0, x1 = char["x0"] / PT_PER_MM, char["x1"] / PT_PER_MM
        top, bottom = char["top"] / PT_PER_MM, char["bottom"] / PT_PER_MM
        if bottom < table_top:  # the title line above the table
            continue
        assert any(box.x - eps <= x0 and x1 <= box.right + eps and box.y - eps <= top
                   and bottom <= box.bottom + eps for _col, box in geometry.cells), (
            char["text"], x0, top)


def test_forty_step_sop_prints(workspace, tmp_path):
    sop = generated_sop(40, 8, 5)
    sop_id = library.add_sop(sop)
    for paper in ("F4", "A4"):
        out = tmp_path / f"big-{paper}.pdf"
        print_sop(sop_id, out, paper)
        with pdfplumber.open(out) as pdf:
            flow = flow_pages(pdf, sop, paper)
            assert len(pdf.pages) == 1 + len(flow)
            text = "".join(column_text(page, geometry, "kegiatan") for page, geometry in flow)
            for page, geometry in flow:
                _check_chars_in_cells(page, geometry)
        assert all(squash(step.kegiatan) in text for step in sop.langkah)


def test_characters_beyond_latin1_are_drawn(workspace, tmp_path, valid_sop):
    from desktop_app.sop.sopfile import sop_from_dict

    valid_sop["langkah"][1]["kegiatan"] = "Menyusun konsep — “Renja” ≥ 2 bidang, café → ½ hari ✓"
    sop_id = library.add_sop(sop_from_dict(valid_sop))
    out = tmp_path / "unicode.pdf"
    print_sop(sop_id, out)
    with pdfplumber.open(out) as pdf:
        flow = flow_pages(pdf, library.get_sop(sop_id), "F4")
        text = "".join(column_text(page, geometry, "kegiatan") for page, geometry in flow)
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
    assert squash("Menyusun konsep — “Renja” ≥ 2 bidang, café → ½ hari ✓") in text
    assert fonts <= {"LiberationSans", "LiberationSans-Bold", "DejaVuSans", "DejaVuSans-Bold"}
    assert "DejaVuSans" in fonts  # the fallback drew what Liberation Sans lacks


def test_print_command(workspace, tmp_path, capsys):
    out = tmp_path / "sop.pdf"
    base = ["--data-dir", str(workspace.data_dir), "sop", "print"]
    assert main([*base, "1", "-o", str(out), "--paper", "A4"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main([*base, "99", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "SOP dengan id 99 tidak ada" in capsys.readouterr().err
    assert main([*base, "1", "-o", str(tmp_path / "nope" / "x.pdf")]) == 2
    assert "Folder" in capsys.readouterr().err
    assert main([*base, "1", "-o", str(out), "--paper", "B5"]) == 2


def test_default_paper_is_the_office_setting(workspace, tmp_path):
    from desktop_app.office.settings import set_settings

    out = tmp_path / "sop.pdf"
    print_sop(1, out)
    with pdfplumber.open(out) as pdf:
        assert round(pdf.pages[0].height / PT_PER_MM) == 330
    set_settings({"paper": "A4"})
    print_sop(1, out)
    with pdfplumber.open(out) as pdf:
        assert round(pdf.pages[0].height / PT_PER_MM) == 297


def test_a_step_too_long_for_a_page_prints_smaller_never_cut(workspace, tmp_path, valid_sop):
    from desktop_app.sop.printing import sop_sheet_pdf
    from desktop_app.sop.sopfile import sop_from_dict

    # Longer than the import limits allow (sop/limits.py): an SOP stored before them.
    long_text = " ".join(f"kegiatan{n} menyusun memeriksa konsep rencana" for n in range(90))
    sop = sop_from_dict(valid_sop)
    sop.langkah[1].kegiatan = long_text
    sop.langkah[1].kelengkapan = [f"Dokumen pendukung nomor {n}" for n in range(30)]
    out = tmp_path / "long.pdf"
    out.write_bytes(sop_sheet_pdf(sop, "A4", workspace.data_dir))
    with pdfplumber.open(out) as pdf:
        flow = flow_pages(pdf, sop, "A4")
        text = "".join(column_text(page, geometry, "kegiatan") for page, geometry in flow)
        for page, geometry in flow:
            _check_chars_in_cells(page, geometry)
    assert squash(long_text) in text
    sizes = {t.size for page in layout_flowchart(sop, "A4", text_width_mm).pages
             for t in page.texts if long_text.startswith(t.text[:20])}
    assert min(sizes) < 8
