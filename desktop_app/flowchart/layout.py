"""SOP -> flowchart pages: columns, the repeated header, wrapped cells, row heights, page breaks
and the symbols of each step. Arrows are added by `routing`."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.common.errors import InvalidInput
from desktop_app.common.paper import paper_size
from desktop_app.flowchart.routing import route_arrows
from desktop_app.flowchart.text import Measure, wrap, wrap_items
from desktop_app.render.geometry import (
    Box,
    Column,
    FlowchartLayout,
    Page,
    Rule,
    Symbol,
    TextLine,
)
from desktop_app.sop.model import Sop

MM_PER_PT = 25.4 / 72
MIN_LABEL_PT = 6.0  # no label (Mulai, Ya/Tidak, a connector's letter) is printed smaller


@dataclass(frozen=True)
class Style:
    """Layout constants in mm (font sizes in pt)."""

    margin_x: float = 10.0
    margin_top: float = 10.0
    margin_bottom: float = 10.0
    title_h: float = 9.0
    body_pt: float = 8.0
    header_pt: float = 8.0
    number_pt: float = 7.0
    title_pt: float = 10.0
    label_pt: float = 6.5
    pad: float = 1.5
    lane_min: float = 18.0
    lane_max: float = 34.0
    symbol_w_max: float = 26.0
    symbol_margin: float = 4.5  # free space between a symbol and its lane's borders
    v_gap: float = 5.0  # free space above and below a symbol in its row
    connector: float = 6.0
    connector_gap: float = 2.5

    def line_h(self, size_pt: float) -> float:
        return size_pt * 1.22 * MM_PER_PT

    @property
    def connector_extra(self) -> float:
        return self.connector + 2 * self.connector_gap


SYMBOL_H = {"terminator": 8.0, "process": 9.0, "decision": 12.0}
KIND_OF = {"mulai": "terminator", "selesai": "terminator", "proses": "process",
           "keputusan": "decision"}
LEADING = (("no", "No", 9.0), ("kegiatan", "Kegiatan", 58.0))
TRAILING = (("kelengkapan", "Persyaratan/ Kelengkapan", 42.0), ("waktu", "Waktu", 17.0),
            ("output", "Output", 36.0), ("keterangan", "Keterangan", 26.0))


def layout_flowchart(sop: Sop, paper: str, measure: Measure, style: Style | None = None
                     ) -> FlowchartLayout:
    """The flowchart pages of an SOP on landscape `paper` (F4 or A4)."""
    style = style or Style()
    width, height = paper_size(paper, landscape=True)
    columns = _columns(sop, width, style, paper.upper())
    header = _Header(sop, columns, style, measure)
    body_top = style.margin_top + style.title_h + header.height
    body_h = height - style.margin_bottom - body_top
    fitted = [_fit_row(sop, n, columns, style, measure, body_h - 2 * style.connector_extra)
              for n in range(1, len(sop.langkah) + 1)]
    cells = [(size, lines) for size, lines, _h in fitted]
    heights = [h for _size, _lines, h in fitted]
    flows_on = [_flows_to_next(sop, n) for n in range(1, len(sop.langkah) + 1)]
    groups = _paginate(heights, flows_on, body_h, style.connector_extra)
    pages = []
    for index, group in enumerate(groups):
        page = Page(width, height, columns)
        header.draw(page, style.margin_top + style.title_h)
        _draw_rows(page, sop, group, cells, heights, flows_on, body_top, style, measure)
        _draw_frame(page, sop, index, len(groups), style, measure)
        pages.append(page)
    route_arrows(sop, pages, _anchors(sop, columns), style, measure)
    return FlowchartLayout(paper.upper(), pages)


# the narrowest each fixed column may become (mm): a two-digit step number, "10 menit",
# an output's words, at the body size
MINIMUM = {"no": 7.0, "kegiatan": 29.0, "kelengkapan": 22.0, "waktu": 12.0, "output": 18.0,
           "keterangan": 13.5}
LANE_PRINTABLE = 14.5  # mm: a narrower lane cannot hold a symbol with its labels


def _columns(sop: Sop, page_w: float, style: Style, paper: str = "") -> list[Column]:
    """Lanes between lane_min and lane_max, the fixed columns sharing the rest in their
    proportions but never below MINIMUM; with more lanes than fit, lanes give way down to
    LANE_PRINTABLE, and beyond that the SOP is refused."""
    avail = page_w - 2 * style.margin_x
    fixed = LEADING + TRAILING
    base = sum(w for *_k, w in fixed)
    lanes = len(sop.pelaksana)
    lane_w = max(style.lane_min, min(style.lane_max, (avail - base) / lanes))
    least = sum(MINIMUM[k] for k, *_rest in fixed)
    if avail - lane_w * lanes < least:
        lane_w = (avail - least) / lanes
    if lane_w < LANE_PRINTABLE:
        fits = int((avail - least) // LANE_PRINTABLE)
        raise InvalidInput(
            f"SOP ini memiliki {lanes} pelaksana; pada kertas {paper or 'ini'} paling banyak "
            f"{fits} pelaksana yang masih terbaca. Cetak pada kertas F4, atau pecah SOP "
            "menjadi beberapa SOP yang lebih kecil.")
    widths = _shares(fixed, avail - lane_w * lanes)
    specs = ([(k, label, widths[k]) for k, label, _w in LEADING]
             + [(f"lane:{lane.kode}", lane.nama, lane_w) for lane in sop.pelaksana]
             + [(k, label, widths[k]) for k, label, _w in TRAILING])
    columns, x = [], style.margin_x
    for key, label, w in specs:
        columns.append(Column(key, label, x, w))
        x += w
    return columns


def _shares(fixed, room: float) -> dict[str, float]:
    """`room` over the fixed columns in their proportions, none below its MINIMUM."""
    pinned: dict[str, float] = {}
    while True:
        free = room - sum(pinned.values())
        share = sum(w for k, _l, w in fixed if k not in pinned)
        widths = {k: pinned.get(k, free * w / share if share else 0.0) for k, _l, w in fixed}
        narrow = {k for k, w in widths.items() if k not in pinned and w < MINIMUM[k]}
        if not narrow:
            return widths
        pinned |= {k: MINIMUM[k] for k in narrow}


def _col(columns: list[Column], key: str) -> Column:
    return next(c for c in columns if c.key == key)


Lines = list[tuple[float, str]]


def _fit_row(sop: Sop, number: int, columns: list[Column], style: Style, measure: Measure,
             limit: float) -> tuple[float, dict[str, Lines], float]:
    """A row's text at the body size, or smaller (down to 5 pt) when the row would not fit on
    one page: a row is never split, and no text is ever cut."""
    size = style.body_pt
    while True:
        cells = _row_cells(sop, number, columns, style, measure, size)
        height = _row_height(sop, number, cells, style, size)
        if height <= limit or size <= 5.0:
            return size, cells, height
        size -= 0.5


def _row_cells(sop: Sop, number: int, columns: list[Column], style: Style,
               measure: Measure, size: float) -> dict[str, Lines]:
    step = sop.langkah[number - 1]

    def plain(key: str, text: str) -> Lines:
        width = _col(columns, key).w - 2 * style.pad
        return [(0.0, line) for line in wrap(text, width, size, measure)] if text else []

    kelengkapan_w = _col(columns, "kelengkapan").w - 2 * style.pad
    return {
        "no": [(0.0, str(number))],
        "kegiatan": plain("kegiatan", step.kegiatan),
        "kelengkapan": wrap_items(step.kelengkapan, kelengkapan_w, size, measure)
        if step.kelengkapan else [],
        "waktu": plain("waktu", step.waktu),
        "output": plain("output", step.output),
        "keterangan": plain("keterangan", step.keterangan),
    }


def _row_height(sop: Sop, number: int, cells: dict[str, Lines], style: Style,
                size: float) -> float:
    text_h = 2 * style.pad + max(len(lines) for lines in cells.values()) * style.line_h(size)
    kind = KIND_OF[sop.langkah[number - 1].simbol]
    return max(text_h, SYMBOL_H[kind] + 2 * style.v_gap)


def _flows_to_next(sop: Sop, number: int) -> bool:
    """Whether step `number` continues straight to the next step (drawn as a plain arrow)."""
    return sop.langkah[number - 1].simbol != "selesai" and sop.next_on_yes(number) == number + 1


def _paginate(heights: list[float], flows_on: list[bool], body_h: float,
              extra: float) -> list[list[int]]:
    """Step numbers per page. A row is never split; a row followed by a page break that the
    flow crosses gets room for the off-page connector, and so does the next page's first row."""
    pages: list[list[int]] = []
    i, count = 0, len(heights)
    while i < count:
        incoming = bool(pages) and flows_on[i - 1]
        group: list[int] = []
        used = 0.0
        while i < count:
            h = heights[i] + (extra if incoming and not group else 0.0)
            if h > body_h:
                raise InvalidInput(f"langkah {i + 1}: teks terlalu panjang untuk satu halaman; "
                                   "persingkat kegiatan atau kelengkapannya")
            if group and used + h > body_h:
                break
            group.append(i)
            used += h
            i += 1
        while i < count and flows_on[group[-1]] and used + extra > body_h and len(group) > 1:
            used -= heights[group.pop()]
            i -= 1
        pages.append([n + 1 for n in group])
    return pages


class _Header:
    """The table header: group row, names row, column numbers; repeated on every page."""

    def __init__(self, sop: Sop, columns: list[Column], style: Style, measure: Measure):
        self.columns, self.style, self.measure = columns, style, measure
        self.group_h = style.line_h(style.header_pt) + 2 * style.pad
        self.sizes = {c.key: fitting_size(c.label, c.w - 2 * style.pad, style.header_pt,
                                          measure) for c in columns}
        lanes = [c.key for c in columns if c.key.startswith("lane:")]
        lane_size = min(self.sizes[k] for k in lanes)  # one size for every lane's name
        self.sizes |= {k: lane_size for k in lanes}
        self.names = {c.key: wrap(c.label, c.w - 2 * style.pad, self.sizes[c.key], measure, True)
                      for c in columns}
        sub = [c for c in columns if c.key.startswith("lane:") or c.key in
               ("kelengkapan", "waktu", "output")]
        self.names_h = 2 * style.pad + max(len(self.names[c.key]) for c in sub) * style.line_h(
            style.header_pt)
        self.number_h = style.line_h(style.number_pt) + 2 * style.pad
        self.height = self.group_h + self.names_h + self.number_h

    def draw(self, page: Page, top: float) -> None:
        s, cols = self.style, self.columns
        lanes = [c for c in cols if c.key.startswith("lane:")]
        mutu = [_col(cols, k) for k in ("kelengkapan", "waktu", "output")]
        mid, numbers = top + self.group_h, top + self.group_h + self.names_h
        bottom = top + self.height
        page.shades.append(Box(cols[0].x, top, cols[-1].right - cols[0].x, numbers - top))
        for key in ("no", "kegiatan", "keterangan"):
            self._centred(page, self.names[key], _col(cols, key), top, numbers)
        for group, label in ((lanes, "Pelaksana"), (mutu, "Mutu Baku")):
            x, w = group[0].x, group[-1].right - group[0].x
            self._centred(page, [label], Column("", label, x, w), top, mid)
            page.rules.append(Rule(x, mid, x + w, mid))
            for c in group:
                self._centred(page, self.names[c.key], c, mid, numbers)
        for n, c in enumerate(cols, start=1):
            page.cells.append((c, Box(c.x, numbers, c.w, bottom - numbers)))
            text = str(n)
            x = c.x + (c.w - self.measure(text, s.number_pt, False)) / 2
            page.texts.append(TextLine(x, numbers + s.pad + s.number_pt * 0.93 * MM_PER_PT,
                                       text, s.number_pt))
        page.rules += [Rule(cols[0].x, y, cols[-1].right, y) for y in (top, numbers, bottom)]
        inner = {c.x for c in lanes[1:] + mutu[1:]}
        page.rules += [Rule(c.x, mid if c.x in inner else top, c.x, bottom) for c in cols]
        page.rules.append(Rule(cols[-1].right, top, cols[-1].right, bottom))

    def _centred(self, page: Page, lines: list[str], col: Column, top: float,
                 bottom: float) -> None:
        size = self.sizes.get(col.key, self.style.header_pt)
        lh = self.style.line_h(size)
        y = top + (bottom - top - len(lines) * lh) / 2 + size * 0.93 * MM_PER_PT
        for line in lines:
            lx = col.x + (col.w - self.measure(line, size, True)) / 2
            page.texts.append(TextLine(lx, y, line, size, bold=True))
            y += lh
        page.cells.append((col, Box(col.x, top, col.w, bottom - top)))


def fitting_size(text: str, width: float, size: float, measure: Measure,
                 smallest: float = 6.0, bold: bool = True) -> float:
    """The largest size down to `smallest` at which every word of `text` fits the width."""
    longest = max(text.split() or [""], key=lambda w: measure(w, size, bold))
    while size > smallest and measure(longest, size, bold) > width:
        size -= 0.25
    return size


def _draw_rows(page: Page, sop: Sop, group: list[int], cells: list[tuple[float, dict[str, Lines]]],
               heights: list[float], flows_on: list[bool], top: float, style: Style,
               measure: Measure) -> None:
    cols = page.columns
    y = top
    for position, number in enumerate(group):
        # The first row of a later page receives the flow from the previous page.
        extra_top = (style.connector_extra
                     if position == 0 and number > 1 and flows_on[number - 2] else 0.0)
        last = position == len(group) - 1
        extra_bottom = (style.connector_extra
                        if last and number < len(sop.langkah) and flows_on[number - 1] else 0.0)
        row = Box(cols[0].x, y, cols[-1].right - cols[0].x, heights[number - 1] + extra_top
                  + extra_bottom)
        page.steps.append(number)
        page.rows[number] = row
        _draw_cells(page, *cells[number - 1], row, style, measure)
        page.cells += [(c, Box(c.x, row.y, c.w, row.h)) for c in cols if c.key.startswith("lane:")]
        main = _step_symbol(sop, number, cols, row, (extra_top, extra_bottom), style, measure)
        page.symbols.append(main)
        _mark_other_lanes(page, sop, number, main, style)
        page.rules.append(Rule(cols[0].x, row.bottom, cols[-1].right, row.bottom))
        page.rules += [Rule(c.x, row.y, c.x, row.bottom) for c in cols]
        page.rules.append(Rule(cols[-1].right, row.y, cols[-1].right, row.bottom))
        y = row.bottom


def _draw_cells(page: Page, size: float, cells: dict[str, Lines], row: Box, style: Style,
                measure: Measure) -> None:
    lh = style.line_h(size)
    for key, lines in cells.items():
        col = _col(page.columns, key)
        page.cells.append((col, Box(col.x, row.y, col.w, row.h)))
        baseline = row.y + style.pad + size * 0.93 * MM_PER_PT
        for indent, text in lines:
            if key in ("no", "waktu"):
                x = col.x + (col.w - measure(text, size, False)) / 2
            else:
                x = col.x + style.pad + indent
            page.texts.append(TextLine(x, baseline, text, size))
            baseline += lh


def _step_symbol(sop: Sop, number: int, cols: list[Column], row: Box,
                 extras: tuple[float, float], style: Style, measure: Measure) -> Symbol:
    step = sop.langkah[number - 1]
    kind = KIND_OF[step.simbol]
    lanes = [_col(cols, f"lane:{k}") for k in step.pelaksana]
    lane_w = lanes[0].w
    w = min(style.symbol_w_max, lane_w - 2 * style.symbol_margin)
    # every lane taken by this step (one lane, or all of them): leave room beside it for
    # off-page connectors, which have no other lane to stand in
    if len(step.pelaksana) >= len(sop.pelaksana):
        w = min(w, lane_w - 2 * (style.connector + 2 * style.connector_gap))
    if kind == "terminator":  # a capsule, never a circle that reads as a connector
        w = max(w, min(lane_w - 2.0, SYMBOL_H[kind] * 1.6))
    if kind == "decision":  # leave room beside it for the "Tidak" label
        label_room = measure("Tidak", style.label_pt, False) + 1.5
        w = max(min(w, lane_w - 2 * label_room), min(w, 9.0))
    extra_top, extra_bottom = extras
    main = lanes[0]  # the symbol stands in the main (first) pelaksana's lane only
    left, right = main.x + (main.w - w) / 2, main.x + (main.w + w) / 2
    h = SYMBOL_H[kind]
    cy = (row.y + extra_top + row.bottom - extra_bottom) / 2
    label = {"mulai": "Mulai", "selesai": "Selesai"}.get(step.simbol, "")
    size = fitting_size(label, right - left - 2.5, 7.0, measure, MIN_LABEL_PT, bold=False)
    return Symbol(kind, Box(left, cy - h / 2, right - left, h), label, number, size)


LINKED_SCALE = 0.55  # a linked mark's size against its step's symbol


def _mark_other_lanes(page: Page, sop: Sop, number: int, main: Symbol, style: Style) -> None:
    """The rule for a step of several pelaksana: its symbol stands in the main (first) lane;
    every other lane taking part gets a smaller symbol of the same kind at the same height,
    joined to it by a thin bracket just above them (clear of the exits at the symbols' sides
    and of the arrow into the top of the main symbol). Lanes between that take no part are
    only crossed by that bracket, never covered by a symbol."""
    step = sop.langkah[number - 1]
    if len(step.pelaksana) < 2:
        return
    box = main.box
    y_link = box.y - 1.5
    for kode in step.pelaksana[1:]:
        lane = _col(page.columns, f"lane:{kode}")
        w = min(box.w * LINKED_SCALE, lane.w - 2 * style.symbol_margin)
        h = box.h * LINKED_SCALE
        if main.kind == "terminator":
            w = max(w, min(lane.w - 2.0, h * 1.6))
        mark = Box(lane.x + (lane.w - w) / 2, box.cy - h / 2, w, h)
        page.symbols.append(Symbol(main.kind, mark, "", number, main.label_size))
        left = mark.cx < box.cx
        # where the bracket meets the main symbol: a quarter of its width off its centre,
        # on its upper edge (a diamond's slants down there)
        x_main = box.cx + (-1 if left else 1) * box.w / 4
        y_main = box.y + (box.h / 4 if main.kind == "decision" else 0.0)
        page.rules += [Rule(x_main, y_main, x_main, y_link, LINK_PT),
                       Rule(x_main, y_link, mark.cx, y_link, LINK_PT),
                       Rule(mark.cx, y_link, mark.cx, mark.y, LINK_PT)]


LINK_PT = 0.6


def _anchors(sop: Sop, columns: list[Column]) -> dict[int, float]:
    """The x where arrows meet each step's symbol: the centre of its main pelaksana's lane."""
    centre = {c.key: c.x + c.w / 2 for c in columns}
    return {n: centre[f"lane:{step.pelaksana[0]}"] for n, step in enumerate(sop.langkah, 1)}


def _draw_frame(page: Page, sop: Sop, index: int, count: int, style: Style,
                measure: Measure) -> None:
    title = f"Prosedur: {sop.identitas.nama}"
    width = page.columns[-1].right - style.margin_x - 40
    lines = wrap(title, width, style.title_pt, measure, True)
    if len(lines) > 1:  # keep the title on one line: cut with an ellipsis
        lines = [lines[0].rstrip() + " …"]
    baseline = style.margin_top + style.title_pt * 0.93 * MM_PER_PT
    page.texts.append(TextLine(style.margin_x, baseline, lines[0], style.title_pt, True))
    pager = f"Diagram alir, halaman {index + 1} dari {count}"
    x = page.columns[-1].right - measure(pager, style.body_pt, False)
    page.pager = TextLine(x, baseline, pager, style.body_pt)
    page.pager_right = page.columns[-1].right
