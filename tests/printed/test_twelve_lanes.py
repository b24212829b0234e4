"""Twelve lanes readable on A4 and F4 landscape (issue 17, item 2): fixed columns never below
their minimum, one size for every lane name, names hyphenated at their syllables, labels of
at least 6 pt, no word broken without a hyphen; more lanes than fit are refused clearly."""

from __future__ import annotations

import subprocess

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.flowchart.layout import MIN_LABEL_PT, MINIMUM, layout_flowchart
from desktop_app.flowchart.text import wrap
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.fonts import text_width_mm
from desktop_app.sop.model import Lane
from desktop_app.sop.sheet_pdf import render_sop_sheet
from tests.factories import generated_sop
from tests.pdf_checks import check_pdf

NAMES = ["Camat", "Sekretaris Kecamatan", "Kasubag Umum dan Kepegawaian",
         "Kasubag Perencanaan dan Keuangan", "Kasi Pemerintahan",
         "Kasi Pemberdayaan Masyarakat", "Kasi Ketentraman dan Ketertiban", "Kasi Pelayanan Umum",
         "Analis Kebijakan", "Pengadministrasi Umum", "Pengelola Keuangan", "Operator Komputer",
         "Bendahara Pengeluaran"]


def office_sop(lanes: int = 12, steps: int = 20):
    sop = generated_sop(steps, lanes, 3, 4, 2)
    for lane, name in zip(sop.pelaksana, NAMES, strict=False):
        lane.nama = name
    return sop


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_twelve_lanes_are_readable(paper, tmp_path):
    sop = office_sop()
    layout = layout_flowchart(sop, paper, text_width_mm)
    for page in layout.pages:
        widths = {c.key: c.w for c in page.columns}
        for key, least in MINIMUM.items():
            assert widths[key] >= least - 1e-6, (key, widths[key])
        lane_x = [(c.x, c.right) for c in page.columns if c.key.startswith("lane:")]
        header_sizes = {t.size for t in page.texts if t.bold and t.text != "Pelaksana" and any(
            x <= t.x < right for x, right in lane_x) and t.y < min(page.rows.values(),
                                                                 key=lambda r: r.y).y}
        assert len(header_sizes) == 1, header_sizes  # one size for every lane's name
        assert min(header_sizes) >= 6.0
        for arrow in page.arrows:
            if arrow.label:
                assert arrow.label_size >= MIN_LABEL_PT, arrow.label
        for symbol in page.symbols:
            if symbol.label:
                assert symbol.label_size >= MIN_LABEL_PT, symbol.label
        no = next(c for c in page.columns if c.key == "no")
        assert all(text_width_mm(str(n), 8, False) < no.w - 2 for n in page.steps)
    path = tmp_path / f"twelve-{paper}.pdf"
    path.write_bytes(render_sop_sheet(sop, Kop("Pemerintah", "Kecamatan"), paper, layout))
    names = {word for name in NAMES for word in name.split()}
    assert check_pdf(path, words=names | {"menit", "Waktu", "Output", "Keterangan"}) == []
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "2", "-l", "2", str(path),
                    str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page-*.png"))


def test_lane_names_break_at_syllables():
    pytest.importorskip("pyphen")
    lines = wrap("Kasi Pemberdayaan Masyarakat", 13, 7, text_width_mm, True)
    assert lines == ["Kasi", "Pemberda-", "yaan", "Masyara-", "kat"]


def test_beyond_what_fits_is_refused_with_a_way_out():
    with pytest.raises(InvalidInput, match=r"13 pelaksana.*A4.*F4.*pecah SOP"):
        layout_flowchart(office_sop(13), "A4", text_width_mm)
    layout_flowchart(office_sop(13), "F4", text_width_mm)  # F4 is wider: it fits
    with pytest.raises(InvalidInput, match="F4"):
        layout_flowchart(generated_sop(10, 16, 2, 1, 0), "F4", text_width_mm)


def test_a_lane_kode_alone_is_enough():
    sop = office_sop()
    sop.pelaksana.append(Lane("tamu", "Tamu"))
    with pytest.raises(InvalidInput):
        layout_flowchart(sop, "A4", text_width_mm)


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_terminators_keep_their_capsule(paper):
    for page in layout_flowchart(office_sop(), paper, text_width_mm).pages:
        for symbol in page.symbols:
            if symbol.kind == "terminator":
                assert symbol.box.w >= 1.4 * symbol.box.h, symbol
