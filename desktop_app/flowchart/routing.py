"""Arrows between the symbols: orthogonal routes, side channels for decisions, and off-page
connectors (pentagons with matching labels A, B, ...) wherever the flow crosses a page.

- A step that flows into the next step: down from the bottom of its symbol, across in the
  free band under it if the lanes differ, down into the top of the next symbol.
- Any other link (a decision's "Tidak", a "Ya" that jumps): out of a side of the symbol,
  along a free track in a lane's gutter, into a side of the target.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
from typing import TYPE_CHECKING

from desktop_app.common.errors import InvalidInput
from desktop_app.flowchart.text import Measure
from desktop_app.render.geometry import Arrow, Box, Page, Point, Symbol
from desktop_app.sop.model import Sop

if TYPE_CHECKING:
    from desktop_app.flowchart.layout import Style

GUTTERS = (2.6, 1.3)  # track offsets from a lane border, mm (inner first)
TRACK_CLEARANCE = 0.8


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    label: str  # "", "Ya" or "Tidak"


@dataclass
class _Router:
    sop: Sop
    pages: list[Page]
    anchors: dict[int, float]
    style: Style
    measure: Measure
    used_sides: set[tuple[int, str]] = field(default_factory=set)
    tracks: dict[int, list[tuple[float, float, float]]] = field(default_factory=dict)
    labels: count = field(default_factory=count)

    def page_index(self, step: int) -> int:
        return next(i for i, page in enumerate(self.pages) if step in page.steps)

    def next_label(self) -> str:
        n = next(self.labels)
        text = ""
        while True:
            text = chr(ord("A") + n % 26) + text
            n = n // 26 - 1
            if n < 0:
                return text


def edges_of(sop: Sop) -> list[Edge]:
    edges = []
    for number, step in enumerate(sop.langkah, start=1):
        if step.simbol == "selesai":
            continue
        decision = step.simbol == "keputusan"
        following = sop.next_on_yes(number)
        if following is not None:
            edges.append(Edge(number, following, "Ya" if decision else ""))
        if decision and step.jika_tidak is not None:
            edges.append(Edge(number, step.jika_tidak, "Tidak"))
    return edges


def route_arrows(sop: Sop, pages: list[Page], anchors: dict[int, float], style: Style,
                 measure: Measure) -> None:
    router = _Router(sop, pages, anchors, style, measure)
    edges = edges_of(sop)
    straight = [e for e in edges if e.target == e.source + 1 and e.label != "Tidak"]
    sideways = [e for e in edges if e not in straight]
    crossing = [e for e in straight if router.page_index(e.source) != router.page_index(e.target)]
    for edge in crossing:
        _page_break(router, edge)
    for edge in sideways:
        if router.page_index(edge.source) != router.page_index(edge.target):
            _off_page_sideways(router, edge)
    for edge in sorted(sideways, key=lambda e: abs(e.target - e.source)):
        if router.page_index(edge.source) == router.page_index(edge.target):
            _channel(router, edge)
    for edge in straight:
        if edge not in crossing:
            _down(router, edge)


def _down(router: _Router, edge: Edge) -> None:
    page = router.pages[router.page_index(edge.source)]
    src, tgt = page.symbol_of(edge.source).box, page.symbol_of(edge.target).box
    x1, x2 = router.anchors[edge.source], router.anchors[edge.target]
    start, end = (x1, src.bottom), (x2, tgt.y)
    if abs(x1 - x2) < 1e-6:
        points: tuple[Point, ...] = (start, end)
    else:
        band = (src.bottom + page.rows[edge.source].bottom) / 2
        points = (start, (x1, band), (x2, band), end)
    label_side = -1 if x2 > x1 else 1
    page.arrows.append(_labelled(router, points, edge.label, start, label_side))


def _labelled(router: _Router, points: tuple[Point, ...], label: str, at: Point,
              side: int) -> Arrow:
    """An arrow whose label (Ya/Tidak) stands beside its start: left (-1) or right (+1)."""
    if not label:
        return Arrow(points)
    size = router.style.label_pt
    width = router.measure(label, size, False)
    x = at[0] + 0.8 if side > 0 else at[0] - 0.8 - width
    return Arrow(points, label, (x, at[1] + size * 0.36 + 0.6), size)


def _side_label(router: _Router, page: Page, points: tuple[Point, ...], label: str,
                side: str) -> Arrow:
    """A label above the first (horizontal) segment of an arrow leaving a symbol's side,
    made small enough to stay inside the symbol's lane."""
    if not label:
        return Arrow(points)
    x0, y0 = points[0]
    lane = next(c for c in page.columns if c.x <= x0 <= c.right)
    room = (lane.right - x0 if side == "right" else x0 - lane.x) - 1.0
    size = router.style.label_pt
    while size > 6.0 and router.measure(label, size, False) > room:  # never below 6 pt
        size -= 0.25
    width = router.measure(label, size, False)
    x = x0 + 0.6 if side == "right" else x0 - 0.6 - width
    y = y0 - 0.8
    if width > room:  # too narrow a lane beside the symbol for a label of a readable size
        x, y = _lifted_label(page, lane, points, width, side, (x, y))
    elif _turns_up_under(points, x, width):
        # the line turns up under the label (a return): the label goes below the line, so
        # that its own line never strikes through it
        y = y0 + 0.7 + size * CAP_MM
    return Arrow(points, label, (x, y), size)


def _label_box(router: _Router, arrow: Arrow) -> Box:
    x, baseline = arrow.label_at
    height = arrow.label_size * CAP_MM
    return Box(x, baseline - height, router.measure(arrow.label, arrow.label_size, False),
               height)


CAP_MM = 0.75 * 25.4 / 72  # a label's cap height per pt of its size, in mm
LABEL_CAP = 6.5 * CAP_MM  # of the largest label


def _turns_up_under(points: tuple[Point, ...], x: float, width: float) -> bool:
    """Whether the line turns upward within a label standing from x over `width`."""
    return len(points) > 2 and x - 0.3 <= points[1][0] <= x + width + 0.3 \
        and points[2][1] < points[0][1]


def _lifted_label(page: Page, lane, points: tuple[Point, ...], width: float, side: str,
                  at: Point) -> Point:
    """Where a label that does not fit beside a decision's corner goes: against the lane's
    border, raised just enough to clear the diamond's slanting edge; else over the same line
    in the next lane when the line runs on there; else where it was."""
    x0, y0 = points[0]
    right = side == "right"
    border = lane.right if right else lane.x
    diamond = next((s.box for s in page.symbols if s.kind == "decision"
                    and abs((s.box.right if right else s.box.x) - x0) < 0.01
                    and abs(s.box.cy - y0) < 0.01), None)
    if diamond is not None:
        x = border - 0.5 - width if right else border + 0.5
        reach = (x0 - x) if right else (x + width - x0)  # how far it stands over the diamond
        if reach < diamond.w / 2:
            lift = max(0.8, diamond.h / 2 * max(reach, 0.0) / (diamond.w / 2) + 0.6)
            if _turns_up_under(points, x, width):  # below the line, clear of the lower edge
                return x, y0 + lift + LABEL_CAP
            return x, y0 - lift
    x1 = points[1][0] if len(points) > 1 else x0
    if abs(x1 - border) >= width + 1.2 and abs(x1 - x0) > abs(border - x0):
        return (border + 0.6 if right else border - 0.6 - width), at[1]
    return at


def _connector(page: Page, x: float, y: float, size: float, label: str) -> Box:
    box = Box(x - size / 2, y, size, size)
    page.symbols.append(Symbol("connector", box, label))
    return box


def _page_break(router: _Router, edge: Edge) -> None:
    """The flow leaves page p at the bottom of its last row and resumes at the top of p+1."""
    style, label = router.style, router.next_label()
    out_page = router.pages[router.page_index(edge.source)]
    src = out_page.symbol_of(edge.source).box
    x1 = router.anchors[edge.source]
    row = out_page.rows[edge.source]
    box = _connector(out_page, x1, row.bottom - style.connector_gap - style.connector,
                     style.connector, label)
    start = (x1, src.bottom)
    out_page.arrows.append(_labelled(router, (start, (x1, box.y)), edge.label, start, 1))
    in_page = router.pages[router.page_index(edge.target)]
    tgt = in_page.symbol_of(edge.target).box
    x2 = router.anchors[edge.target]
    top = in_page.rows[edge.target].y + style.connector_gap
    box = _connector(in_page, x2, top, style.connector, label)
    in_page.arrows.append(Arrow(((x2, box.bottom), (x2, tgt.y))))


def _side_point(box: Box, side: str) -> Point:
    return (box.x if side == "left" else box.right, box.cy)


def _facing(box: Box, x: float) -> str | None:
    if x < box.x:
        return "left"
    if x > box.right:
        return "right"
    return None


def _clear(page: Page, points: tuple[Point, ...]) -> bool:
    return not any(sym.box.crossed_by(a, b)
                   for a, b in zip(points, points[1:], strict=False) for sym in page.symbols)


def _off_page_sideways(router: _Router, edge: Edge) -> None:
    """A side link to another page: each end goes to a pentagon in a free lane of its row."""
    label = router.next_label()
    chosen: float | None = None  # the pair stands in the same lane where it can
    for step, outgoing in ((edge.source, True), (edge.target, False)):
        page = router.pages[router.page_index(step)]
        box = page.symbol_of(step).box
        room = router.measure(edge.label, 6.0, False) + 1.4 if outgoing and edge.label else 0.0
        slot = _free_slot(router, page, step, box, chosen, room) or _free_slot(
            router, page, step, box, chosen)
        if slot is None:  # never dropped silently: the sheet is not printed
            raise InvalidInput(
                f"langkah {step}: tidak ada tempat untuk penghubung {label} ke halaman lain "
                f"(langkah {edge.source} ke {edge.target}). Kurangi pelaksana pada baris itu "
                "atau cetak pada kertas F4.")
        side, x = slot
        chosen = x if chosen is None else chosen
        size = router.style.connector
        conn = _connector(page, x, box.cy - size / 2, size, label)
        router.used_sides.add((step, side))
        near = conn.right if side == "left" else conn.x
        if outgoing:
            points = (_side_point(box, side), (near, box.cy))
            arrow = _side_label(router, page, points, edge.label, side)
            if arrow.label and _label_box(router, arrow).overlaps(conn):
                # no room between symbol and connector: the label stands over the connector
                width = router.measure(arrow.label, arrow.label_size, False)
                arrow = Arrow(points, arrow.label, (conn.cx - width / 2, conn.y - 0.6),
                              arrow.label_size)
            page.arrows.append(arrow)
        else:
            page.arrows.append(Arrow(((near, box.cy), _side_point(box, side))))


def _free_slot(router: _Router, page: Page, step: int, box: Box, prefer: float | None = None,
               room: float = 0.0) -> tuple[str, float] | None:
    """A free place for an off-page connector in the symbol's row, with `room` between it and
    the symbol for the exit's label."""
    size = router.style.connector
    candidates = _slot_candidates(router, page, box)
    lanes = [c for c in page.columns if c.key.startswith("lane:")]
    if prefer is not None:  # the centre of the lane its partner stands in, first
        lane = next((c for c in lanes if c.x <= prefer <= c.right), None)
        if lane is not None:
            candidates = [lane.x + lane.w / 2, *candidates]
    for x in candidates:
        side = _facing(box, x)
        if side is None or (step, side) in router.used_sides:
            continue
        conn = Box(x - size / 2, box.cy - size / 2, size, size)
        near = conn.right if side == "left" else conn.x
        if abs(near - _side_point(box, side)[0]) < room:
            continue
        if any(conn.overlaps(s.box) for s in page.symbols) or not _within_lanes(page, conn):
            continue
        if _clear(page, (_side_point(box, side), (near, box.cy))):
            return side, x
    return None


def _slot_candidates(router: _Router, page: Page, box: Box) -> list[float]:
    """Where a connector may stand in a symbol's row: the centre of another lane (nearest
    first), else beside the symbol inside its own lane."""
    lanes = sorted((c.x + c.w / 2 for c in page.columns if c.key.startswith("lane:")),
                   key=lambda x: abs(x - box.cx))
    half = router.style.connector / 2 + router.style.connector_gap / 2
    return [*lanes, box.x - half, box.right + half]


def _within_lanes(page: Page, box: Box) -> bool:
    lanes = [c for c in page.columns if c.key.startswith("lane:")]
    return any(c.x < box.x and box.right < c.right for c in lanes)


def _channel(router: _Router, edge: Edge) -> None:
    """A side link on one page, along the cheapest free gutter track."""
    index = router.page_index(edge.source)
    page = router.pages[index]
    src, tgt = page.symbol_of(edge.source).box, page.symbol_of(edge.target).box
    tracks = router.tracks.setdefault(index, [])
    best: tuple[float, tuple[Point, ...], str, str, float] | None = None
    target_kind = page.symbol_of(edge.target).kind
    # strict: free sides and free tracks; then a side already used, never a busy track (two
    # lines along one track read as one arrow); only then anything clear of the symbols
    for pass_no in range(3):
        for x in _track_candidates(page):
            s_side, t_side = _facing(src, x), _facing(tgt, x)
            if s_side is None or t_side is None:
                continue
            shared = (edge.target, t_side) in router.used_sides
            if pass_no == 0 and ((edge.source, s_side) in router.used_sides or shared):
                continue
            start, end = _side_point(src, s_side), _side_point(tgt, t_side)
            if shared and target_kind == "process":  # a second line in: above the first
                end = (end[0], tgt.cy - tgt.h / 4)
            points = (start, (x, start[1]), (x, end[1]), end)
            y0, y1 = sorted((start[1], end[1]))
            busy = any(abs(tx - x) < TRACK_CLEARANCE and ty0 < y1 and y0 < ty1
                       for tx, ty0, ty1 in tracks)
            if (pass_no < 2 and busy) or not _clear(page, points):
                continue
            cost = abs(start[0] - x) + abs(end[0] - x)
            if best is None or cost < best[0]:
                best = (cost, points, s_side, t_side, x)
        if best:
            break
    if best is None:  # never dropped silently: the sheet is not printed
        raise InvalidInput(
            f"langkah {edge.source}: garis \"{edge.label or 'ke'}\" ke langkah {edge.target} "
            "tidak dapat digambar tanpa menabrak simbol lain. Ubah urutan langkah atau "
            "pelaksananya, atau cetak pada kertas F4.")
    _cost, points, s_side, t_side, x = best
    router.used_sides |= {(edge.source, s_side), (edge.target, t_side)}
    tracks.append((x, *sorted((points[0][1], points[-1][1]))))
    page.arrows.append(_side_label(router, page, points, edge.label, s_side))


def _track_candidates(page: Page) -> list[float]:
    xs = []
    for col in page.columns:
        if col.key.startswith("lane:"):
            xs += [col.x + g for g in GUTTERS] + [col.right - g for g in GUTTERS]
    return xs
