"""Steps of several pelaksana (issue 17, item 1): the symbol in the main lane, a smaller linked
symbol in each other lane taking part, no lane that takes no part covered; decisions of several
pelaksana are whole diamonds with every exit drawn, also when "Tidak" goes to another page;
a link the router cannot draw stops the printing with a message naming the step."""

from __future__ import annotations

import subprocess

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.flowchart import routing
from desktop_app.flowchart.layout import layout_flowchart
from desktop_app.flowchart.routing import edges_of
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.fonts import text_width_mm
from desktop_app.sop.importing.reader import read_document
from desktop_app.sop.sheet_pdf import render_sop_sheet
from desktop_app.sop.validation import require_valid
from tests.factories import generated_sop


def multi_lane_decisions():
    """Three decisions of two or three pelaksana whose "Tidak" goes back to a step on an
    earlier page, and processes whose pelaksana stand apart."""
    sop = generated_sop(30, 8, 0, 11, 0)
    kodes = [lane.kode for lane in sop.pelaksana]
    for number, lanes, back in ((14, [2, 6], 3), (22, [5, 0, 7], 9), (28, [1, 4], 2)):
        step = sop.langkah[number - 1]
        step.simbol, step.jika_tidak = "keputusan", back
        step.pelaksana = [kodes[k] for k in lanes]
    for number, lanes in ((5, [0, 3]), (17, [7, 1, 4])):
        sop.langkah[number - 1].pelaksana = [kodes[k] for k in lanes]
    require_valid(sop)
    return sop


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_multi_lane_steps(paper, tmp_path):
    sop = multi_lane_decisions()
    layout = layout_flowchart(sop, paper, text_width_mm)
    assert len(layout.pages) >= 2
    for page in layout.pages:
        lanes = {c.key: c for c in page.columns if c.key.startswith("lane:")}
        for number in page.steps:
            step = sop.langkah[number - 1]
            own = [s for s in page.symbols if s.step == number]
            assert len(own) == len(step.pelaksana)
            main = page.symbol_of(number)
            main_lane = lanes[f"lane:{step.pelaksana[0]}"]
            assert main_lane.x < main.box.x and main.box.right < main_lane.right
            for symbol in own:  # each inside one lane of its own pelaksana
                inside = [k for k, c in lanes.items()
                          if c.x < symbol.box.x and symbol.box.right < c.right]
                assert inside and inside[0].removeprefix("lane:") in step.pelaksana
                assert symbol.kind == main.kind
            if step.simbol == "keputusan":
                assert main.kind == "decision" and main.box.h >= 0.6 * main.box.w
    crossing = sum(layout.page_of(e.source) != layout.page_of(e.target) for e in edges_of(sop))
    assert crossing >= 3
    assert sum(len(p.arrows) for p in layout.pages) == len(edges_of(sop)) + crossing
    path = tmp_path / f"multi-{paper}.pdf"
    path.write_bytes(render_sop_sheet(sop, Kop("Pemerintah", "Kecamatan"), paper, layout))
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(tmp_path / "p")], check=True)
    back = read_document(path).sop  # read back: the main pelaksana first, every exit kept
    name = {lane.kode: lane.nama for lane in [*sop.pelaksana, *back.pelaksana]}
    for number in (5, 14, 17, 22, 28):
        got, want = back.langkah[number - 1], sop.langkah[number - 1]
        assert [name[k] for k in got.pelaksana] == [name[k] for k in want.pelaksana], number
        assert got.jika_tidak == want.jika_tidak and got.simbol == want.simbol


def test_an_exit_that_cannot_be_drawn_stops_the_printing(monkeypatch):
    monkeypatch.setattr(routing, "_free_slot", lambda *args: None)
    with pytest.raises(InvalidInput, match=r"langkah \d+: tidak ada tempat untuk penghubung"):
        layout_flowchart(multi_lane_decisions(), "A4", text_width_mm)


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_off_page_connector_pairs_share_a_lane_where_they_can(paper):
    layout = layout_flowchart(multi_lane_decisions(), paper, text_width_mm)
    lanes_of: dict[str, list[str]] = {}
    for page in layout.pages:
        lanes = [c for c in page.columns if c.key.startswith("lane:")]
        for symbol in page.symbols:
            beside = any(abs(s.box.cy - symbol.box.cy) < 0.01 for s in page.symbols
                         if s.step is not None)  # a side exit's, not a page break's
            if symbol.kind == "connector" and beside:
                lane = next(c.key for c in lanes if c.x <= symbol.box.cx <= c.right)
                lanes_of.setdefault(symbol.label, []).append(lane)
    assert len(lanes_of) >= 3  # the three "Tidak" to earlier pages
    same = sum(len(set(found)) == 1 for found in lanes_of.values())
    assert same >= len(lanes_of) - 1, lanes_of
