"""Crossing arrows are drawn with a gap in the vertical line (issue 17, item 3)."""

from __future__ import annotations

import io

import pdfplumber

from desktop_app.flowchart.layout import layout_flowchart
from desktop_app.render.geometry import Arrow, crossings
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.fonts import text_width_mm
from desktop_app.sop.sheet_pdf import render_sop_sheet
from tests.factories import generated_sop


def test_crossing_points():
    across = Arrow(((0, 10), (20, 10)))
    down = Arrow(((10, 0), (10, 20)))
    touching = Arrow(((20, 10), (20, 30)))  # meets the end: no crossing
    assert crossings([across, down, touching]) == [(10, 10)]


def test_the_sheet_leaves_a_gap_at_every_crossing():
    sop = generated_sop(60, 6, 8, 5)
    layout = layout_flowchart(sop, "A4", text_width_mm)
    expected = [len(crossings(page.arrows)) for page in layout.pages]
    assert sum(expected) > 0
    data = render_sop_sheet(sop, Kop("P", "K"), "A4", layout)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        flow = pdf.pages[-len(layout.pages):]
        white = [sum(1 for line in page.lines if line.get("stroking_color") in
                     ((1, 1, 1), [1, 1, 1], (1.0, 1.0, 1.0), [1.0, 1.0, 1.0], 1, 1.0))
                 for page in flow]
    assert white == expected
