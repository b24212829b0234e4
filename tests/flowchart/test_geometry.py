"""The flowchart geometry: the rules a drawn sheet must keep, for every template and for large
generated SOPs, on both papers."""

from __future__ import annotations

import logging
from collections import Counter

import pytest

from desktop_app.common.paths import templates_dir
from desktop_app.flowchart.layout import layout_flowchart
from desktop_app.flowchart.routing import edges_of
from desktop_app.render.pdf.fonts import text_width_mm
from desktop_app.sop.sopfile import read_sop_file
from desktop_app.sop.validation import require_valid
from tests.factories import generated_sop
from tests.printed.test_multi_lane_steps import multi_lane_decisions

TEMPLATES = {p.name.split(".")[0]: read_sop_file(p)
             for p in sorted(templates_dir().glob("*.pandu-sop.toml"))}
GENERATED = {f"gen{steps}x{lanes}d{dec}s{seed}": generated_sop(steps, lanes, dec, seed)
             for steps, lanes, dec, seed in [(40, 8, 5, 1), (40, 8, 5, 2), (25, 3, 4, 3),
                                             (12, 1, 2, 4), (60, 6, 8, 5), (20, 12, 3, 4),
                                             (40, 12, 6, 1)]}
GENERATED["multilane-decisions"] = multi_lane_decisions()  # issue 17: three, "Tidak" off-page
CASES = [(name, sop, paper) for name, sop in {**TEMPLATES, **GENERATED}.items()
         for paper in ("F4", "A4")]


@pytest.fixture(params=CASES, ids=[f"{n}-{p}" for n, _s, p in CASES])
def laid_out(request, caplog):
    name, sop, paper = request.param
    require_valid(sop)
    with caplog.at_level(logging.WARNING):
        layout = layout_flowchart(sop, paper, text_width_mm)
    return sop, layout, [r.getMessage() for r in caplog.records]


def test_every_step_on_exactly_one_page(laid_out):
    sop, layout, _ = laid_out
    seen = Counter(n for page in layout.pages for n in page.steps)
    assert seen == Counter(range(1, len(sop.langkah) + 1))
    assert [n for page in layout.pages for n in page.steps] == list(range(1, len(sop.langkah) + 1))


def test_no_two_symbols_overlap(laid_out):
    _sop, layout, _ = laid_out
    for page in layout.pages:
        for i, a in enumerate(page.symbols):
            for b in page.symbols[i + 1:]:
                assert not a.box.overlaps(b.box), (a, b)


def test_symbols_stand_in_their_lanes_and_rows(laid_out):
    sop, layout, _ = laid_out
    for page in layout.pages:
        for n in page.steps:
            box = page.symbol_of(n).box
            lanes = [c for c in page.columns if c.key in
                     {f"lane:{k}" for k in sop.langkah[n - 1].pelaksana}]
            assert min(c.x for c in lanes) < box.x and box.right < max(c.right for c in lanes)
            row = page.rows[n]
            assert row.y < box.y and box.bottom < row.bottom


def test_arrows_are_orthogonal_and_join_symbol_edges(laid_out):
    _sop, layout, _ = laid_out
    for page in layout.pages:
        for arrow in page.arrows:
            for (x0, y0), (x1, y1) in zip(arrow.points, arrow.points[1:], strict=False):
                assert abs(x0 - x1) < 1e-6 or abs(y0 - y1) < 1e-6, arrow
            for end in (arrow.points[0], arrow.points[-1]):
                assert any(s.box.on_edge(end, 1e-4) for s in page.symbols), (end, arrow)


def test_no_arrow_crosses_a_symbol(laid_out):
    _sop, layout, _ = laid_out
    for page in layout.pages:
        for arrow in page.arrows:
            for a, b in zip(arrow.points, arrow.points[1:], strict=False):
                crossed = [s for s in page.symbols if s.box.crossed_by(a, b, 1e-4)]
                assert not crossed, (arrow, crossed)


def test_arrows_stay_in_the_lanes(laid_out):
    """So no arrow runs over the text of the Kegiatan or Mutu Baku cells."""
    _sop, layout, _ = laid_out
    for page in layout.pages:
        lanes = [c for c in page.columns if c.key.startswith("lane:")]
        for arrow in page.arrows:
            for x, _y in arrow.points:
                assert lanes[0].x < x < lanes[-1].right


def test_connectors_come_in_matching_pairs(laid_out):
    _sop, layout, _ = laid_out
    where = {}
    for index, page in enumerate(layout.pages):
        for symbol in page.symbols:
            if symbol.kind == "connector":
                where.setdefault(symbol.label, []).append(index)
    for label, pages in where.items():
        assert len(pages) == 2 and pages[0] != pages[1], (label, pages)


def test_every_link_is_drawn_and_no_fallback_was_needed(laid_out):
    sop, layout, warnings = laid_out
    assert warnings == []
    crossing = sum(layout.page_of(e.source) != layout.page_of(e.target) for e in edges_of(sop))
    arrows = sum(len(page.arrows) for page in layout.pages)
    assert arrows == len(edges_of(sop)) + crossing
    connectors = sum(s.kind == "connector" for p in layout.pages for s in p.symbols)
    assert connectors == 2 * crossing


def test_rows_fit_the_page(laid_out):
    _sop, layout, _ = laid_out
    for page in layout.pages:
        assert all(row.bottom <= page.height - 9.99 for row in page.rows.values())
        assert page.columns[-1].right <= page.width - 9.99


def test_header_repeats_on_every_page(laid_out):
    _sop, layout, _ = laid_out
    first = {t.text for t in layout.pages[0].texts if t.bold} - {
        t.text for t in layout.pages[0].texts if t.size >= 10}
    for page in layout.pages[1:]:
        assert first <= {t.text for t in page.texts}


def test_decision_labels(laid_out):
    sop, layout, _ = laid_out
    labels = Counter(a.label for p in layout.pages for a in p.arrows if a.label)
    decisions = sum(s.simbol == "keputusan" for s in sop.langkah)
    assert labels["Tidak"] >= decisions and labels["Ya"] >= decisions


def _label_box(arrow):
    from desktop_app.render.geometry import Box

    x, baseline = arrow.label_at
    height = arrow.label_size * 25.4 / 72
    return Box(x, baseline - 0.75 * height, text_width_mm(arrow.label, arrow.label_size, False),
               height)


def test_no_line_runs_through_a_label(laid_out):
    """Issue 17: no arrow (not even its own) and no symbol goes through a Ya/Tidak label."""
    _sop, layout, _ = laid_out
    for page in layout.pages:
        for arrow in page.arrows:
            if not arrow.label:
                continue
            box = _label_box(arrow)
            for other in page.arrows:
                for a, b in zip(other.points, other.points[1:], strict=False):
                    assert not box.crossed_by(a, b, 0.2), (arrow.label, arrow, other)
            for symbol in page.symbols:
                assert not _touches(box, symbol), (arrow.label, symbol)


def _touches(box, symbol) -> bool:
    """A label box over a symbol; over a diamond only where it meets the diamond itself."""
    if not box.overlaps(symbol.box):
        return False
    if symbol.kind != "decision":
        return True
    s = symbol.box
    x = min(max(s.cx, box.x), box.right)  # the label's point nearest the diamond's centre
    y = min(max(s.cy, box.y), box.bottom)
    return abs(x - s.cx) / (s.w / 2) + abs(y - s.cy) / (s.h / 2) < 1



def _segments(arrow):
    return list(zip(arrow.points, arrow.points[1:], strict=False))


def _overlap(p, q, r, t, axis: int) -> float:
    lo, hi = sorted((p[axis], q[axis])), sorted((r[axis], t[axis]))
    return min(lo[1], hi[1]) - max(lo[0], hi[0])


def test_two_arrows_never_run_along_the_same_line(laid_out):
    """Issue 17: returns never merge into one line (a T-junction reads as one arrow)."""
    _sop, layout, _ = laid_out
    for page in layout.pages:
        for i, a in enumerate(page.arrows):
            for b in page.arrows[i + 1:]:
                for p, q in _segments(a):
                    for r, t in _segments(b):
                        for axis in (0, 1):  # 0: both vertical at one x; 1: horizontal
                            other = 1 - axis
                            if abs(p[axis] - q[axis]) < 1e-6 and abs(r[axis] - t[axis]) < 1e-6 \
                                    and abs(p[axis] - r[axis]) < 0.3:
                                assert _overlap(p, q, r, t, other) < 0.3, (a, b)


def test_a_connector_touches_only_its_own_line(laid_out):
    """Issue 17: no other line runs into or through an off-page connector (its tip on
    another arrow reads as feeding the wrong step)."""
    _sop, layout, _ = laid_out
    for page in layout.pages:
        for symbol in page.symbols:
            if symbol.kind != "connector":
                continue
            grown = symbol.box.__class__(symbol.box.x - 0.3, symbol.box.y - 0.3,
                                         symbol.box.w + 0.6, symbol.box.h + 0.6)
            touching = [a for a in page.arrows if any(
                grown.crossed_by(p, q, 0.0) or grown.on_edge(p, 0.31) or grown.on_edge(q, 0.31)
                for p, q in _segments(a))]
            assert len(touching) <= 1, (symbol, touching)
