"""PDF SOPs with a text layer: table cells from the ruling lines and word positions; lane and
symbol from the vector shapes in the lane columns; arrows followed for decision targets."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from desktop_app.common.errors import InvalidInput
from desktop_app.common.waktu import UNITS
from desktop_app.flowchart.text import BROKEN_WORD_KEYWORD, BROKEN_WORD_MARK
from desktop_app.sop.importing.grid import (
    CONNECTOR,
    DECISION,
    MAIN,
    PROCESS,
    TERMINATOR,
    Arrow,
    Grid,
)
from desktop_app.sop.importing.labels import COLUMN_LABELS, match_exact

NEAR = 2.5  # pt: a point this close to a shape's outline touches it
SAME = 1.0
SHEET_PAD = 1.5 * 72 / 25.4


@dataclass
class Shape:
    kind: str
    x0: float
    top: float
    x1: float
    bottom: float
    label: str = ""
    row: int | None = None  # grid row of its step

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    def touches(self, point) -> bool:
        x, y = point
        return (self.x0 - NEAR <= x <= self.x1 + NEAR
                and self.top - NEAR <= y <= self.bottom + NEAR)


@dataclass
class Links:
    """Off-page connectors: label -> the row whose flow leaves, and the row it comes back to."""

    leaving: dict[str, tuple[int, str]] = field(default_factory=dict)
    arriving: dict[str, int] = field(default_factory=dict)

    def arrows(self) -> list[Arrow]:
        return [Arrow(row, self.arriving[label], text)
                for label, (row, text) in self.leaving.items() if label in self.arriving]


def read_pdf(data: bytes, name: str) -> Grid:
    import pdfplumber

    if b"/Encrypt" in data[-4096:] or b"/Encrypt" in data[:4096]:
        raise InvalidInput(f"{name} dikunci dengan kata sandi. Buka kuncinya dulu (cetak "
                           "ulang ke PDF tanpa kata sandi), lalu impor lagi.")
    try:
        document = pdfplumber.open(io.BytesIO(data))
        pages = document.pages
    except Exception as exc:  # pdfminer raises many kinds on damaged or locked files
        if "password" in f"{type(exc).__name__} {exc!r} {exc.__cause__!r}".lower():
            raise InvalidInput(f"{name} dikunci dengan kata sandi. Buka kuncinya dulu (cetak "
                               "ulang ke PDF tanpa kata sandi), lalu impor lagi.") from exc
        raise InvalidInput(f"{name} rusak atau bukan PDF yang dapat dibaca "
                           f"({type(exc).__name__}).") from exc
    with document:
        from desktop_app.sop.importing.reader import MAX_PAGES

        if len(pages) > MAX_PAGES:
            raise InvalidInput(f"{name} terlalu panjang untuk sebuah SOP (lebih dari "
                               f"{MAX_PAGES} halaman).")
        creator = str((document.metadata or {}).get("Creator", ""))
        grid = Grid("pdf", has_shapes=True, pages=len(pages), own_sheet="Pandu SOP" in creator)
        grid.marks_broken_words = grid.own_sheet and BROKEN_WORD_KEYWORD in str(
            (document.metadata or {}).get("Keywords", ""))
        links = Links()
        try:
            all_words = [_upright(page).extract_words(use_text_flow=False,
                                                      return_chars=True, y_tolerance=1.5)
                         for page in pages]
            any_text = any(all_words)
            grid.vocabulary = vocabulary_of(all_words)
            for page, words in zip(pages, all_words, strict=True):
                _page(page, words, grid, links)
        except Exception as exc:
            raise InvalidInput(f"{name} rusak: halaman tidak dapat dibaca "
                               f"({type(exc).__name__}).") from exc
        if not any_text:
            raise InvalidInput(f"{name} tidak memiliki lapisan teks (hasil pindaian berupa "
                               "gambar). Gunakan berkas Word/Excel aslinya, atau PDF yang "
                               "dibuat langsung dari Word.")
    for row in grid.rows:
        for cell in row:
            if AMBIGUOUS in cell.text:
                cell.text = settle_breaks(cell.text, grid.vocabulary)
    grid.arrows += links.arrows()
    return grid


def _upright(page):
    """The page without turned text: a mark across it (our "DRAF — belum disahkan", a
    "SALINAN" or "KONSEP" stamp) is no part of any cell."""
    return page.filter(lambda obj: obj.get("object_type") != "char"
                       or abs((obj.get("matrix") or (1, 0))[1]) < 0.01)


def _page(page, words, grid: Grid, links: Links) -> None:
    vlines, hlines = _rules(page)
    header = _flow_header(words)
    if header is None:
        _ruled_rows(words, vlines, hlines, grid)
        return
    _flow_page(page, words, vlines, hlines, header, grid, links)


def _rules(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Vertical (x, top, bottom) and horizontal (y, x0, x1) straight lines of the page."""
    vertical, horizontal = [], []
    for line in page.lines:
        if abs(line["x0"] - line["x1"]) < 0.5 and line["bottom"] - line["top"] > 2:
            vertical.append((line["x0"], line["top"], line["bottom"]))
        elif abs(line["top"] - line["bottom"]) < 0.5 and line["x1"] - line["x0"] > 2:
            horizontal.append((line["top"], line["x0"], line["x1"]))
    return vertical, horizontal


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SAME:
            out.append(value)
    return out


def _band(edges: list[float], value: float) -> int | None:
    for k in range(len(edges) - 1):
        if edges[k] <= value < edges[k + 1]:
            return k
    return None


def _centre(word) -> tuple[float, float]:
    return (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2


AMBIGUOUS = "\x00"  # a line break that the document's words decide once all are read


def _cell_text(words, right: float | None = None, vocabulary=None, marked: bool = False) -> str:
    """Words of one cell as lines (top to bottom). With `right` (the text's right limit in a
    sheet of this app), a line that could not take one more character continues a word
    broken between characters: it is joined without a break. Where only the document's
    words can tell, the break is marked AMBIGUOUS (see `settle_breaks`); a word standing
    alone on a line with room to spare, not after such a line, is learnt as a whole word.
    A sheet that `marked` its broken words: a line ending in the mark continues the word,
    without the mark, and no other does."""
    lines: list[list] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = ""
    previous = None
    after_limit = False
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        text = " ".join(w["text"] for w in line)
        kind = False
        if previous is not None and marked:
            kind = _marked_break(previous[-1], line[0])
            if kind:
                out = out[:-len(BROKEN_WORD_MARK)]
        elif previous is not None and right is not None and _alone(previous):
            kind = _word_broken(previous[-1], line[0], right)
        if previous is None:
            out = text
        elif kind is True:
            out += text
        elif kind is None:
            out += AMBIGUOUS + text
        else:
            out += "\n" + text
        after_limit = kind is not False
        if right is not None and vocabulary is not None and len(line) == 1 and \
                not after_limit and _has_room(line[0], right) and \
                len(line[0]["text"]) >= 3 and line[0]["text"].isalpha():
            vocabulary[_token(line[0]["text"])] = 1
        previous = line
    return out


def _marked_break(last, first) -> bool:
    """A part of a broken word ends in the mark (a bullet "-" or a lone dash does not)."""
    text = last["text"]
    return len(text) > 1 and text.endswith(BROKEN_WORD_MARK) and first["text"] != "-"


def _has_room(word, right: float) -> bool:
    chars = word.get("chars") or []
    return bool(chars) and word["x1"] + 1.5 * (chars[-1]["x1"] - chars[-1]["x0"]) <= right


def _alone(line) -> bool:
    """One token on the line (after a list bullet)."""
    return len(line) == 1 or (len(line) == 2 and line[0]["text"] == "-")


def _word_broken(last, first, right: float) -> bool | None:
    """Whether a line holding one token that left no room for one more character is the
    first part of a word broken between characters (else an ordinary wrap); None when both
    could be, and the words of the document decide (`settle_breaks`)."""
    chars = first.get("chars") or []
    if not chars or first["text"] == "-":
        return False
    if last["x1"] + (chars[0]["x1"] - chars[0]["x0"]) <= right + 0.05:
        return False
    if first["text"][:1].isupper() and last["text"][-1:].isalpha():
        return False  # the rest of a broken word does not start with a capital
    if last["text"].isdigit() and _token(first["text"]) in UNITS:
        return False  # "23" / "jam"
    if last["text"].isdigit() and first["text"][:1].isdigit():
        return True  # "2" / "3 jam"
    return None


def settle_breaks(text: str, vocabulary: dict[str, int]) -> str:
    """Each AMBIGUOUS break decided by the words of the whole document: the joined word,
    or the next part standing whole elsewhere, or the part before unknown as a word."""
    while AMBIGUOUS in text:
        at = text.index(AMBIGUOUS)
        head, tail = text[:at], text[at + 1:]
        last = head.rsplit(None, 1)[-1] if head.split() else ""
        first = tail.split(None, 1)[0] if tail.split() else ""
        first = first.split(AMBIGUOUS, 1)[0]
        if _token(last + first) in vocabulary or last.isdigit():
            joined = True
        elif len(first) >= 3 and _token(first) in vocabulary:
            joined = False
        else:
            joined = _token(last) not in vocabulary
        text = head + ("" if joined else "\n") + tail
    return text


def _token(text: str) -> str:
    return text.lower().strip(".,;:()")


def vocabulary_of(pages_words) -> dict[str, int]:
    """Words known to be whole: the form's labels, the waktu units, and every word with
    another before it on its line (the parts of a broken word each begin a line)."""
    from desktop_app.sop.importing.labels import COLUMN_LABELS, IDENTITY_LABELS, words

    known: dict[str, int] = {unit: 1 for unit in UNITS}
    for labels in (COLUMN_LABELS, IDENTITY_LABELS):
        for variants in labels.values():
            for variant in variants:
                for word in words(variant.replace("/", " ")):
                    known[word] = 1
    for page_words in pages_words:
        ordered = sorted(page_words, key=lambda w: (round(w["top"]), w["x0"]))
        for a, b in zip(ordered, ordered[1:], strict=False):
            if abs(a["top"] - b["top"]) <= 2 and 0 <= b["x0"] - a["x1"] < 3 and a["text"] != "-":
                known[_token(b["text"])] = 1
    return known


def _ruled_rows(words, vlines, hlines, grid: Grid) -> None:
    """A page with a ruled table (the identity page): one row per band between rules, cells
    that no rule divides taken together (spanned cells)."""
    xs = _cluster([x for x, _t, _b in vlines])
    hlines = [h for h in hlines  # a rule runs from one column edge to another (no underline)
              if any(abs(h[1] - x) <= 2 for x in xs) and any(abs(h[2] - x) <= 2 for x in xs)]
    ys = _cluster([y for y, _a, _b in hlines])
    rows, cols = max(len(ys) - 1, 0), max(len(xs) - 1, 0)
    owner = _regions(xs, ys, vlines, hlines)
    cells: dict[tuple[int, int], list] = {}
    loose: list = []
    for word in words:
        x, y = _centre(word)
        col, row = _band(xs, x), _band(ys, y)
        if col is None or row is None:
            loose.append(word)
        else:
            cells.setdefault(owner[(row, col)], []).append(word)
    if loose:
        grid.add_row([_cell_text(loose)])
    for row in range(rows):
        texts = [_cell_text(cells.get((row, col), [])) for col in range(cols)]
        if any(texts):
            grid.add_row(texts)


def _regions(xs, ys, vlines, hlines) -> dict[tuple[int, int], tuple[int, int]]:
    """Each grid cell -> the top-left cell of the region it belongs to (no rule between)."""
    owner = {(r, c): (r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1)}

    def find(cell):
        while owner[cell] != cell:
            cell = owner[cell]
        return cell

    def join(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            owner[max(ra, rb)] = min(ra, rb)

    for r in range(len(ys) - 1):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(1, len(xs) - 1):
            if not any(abs(x - xs[c]) <= SAME and t <= mid_y <= b for x, t, b in vlines):
                join((r, c - 1), (r, c))
    for c in range(len(xs) - 1):
        mid_x = (xs[c] + xs[c + 1]) / 2
        for r in range(1, len(ys) - 1):
            if not any(abs(y - ys[r]) <= SAME and a <= mid_x <= b for y, a, b in hlines):
                join((r - 1, c), (r, c))
    return {cell: find(cell) for cell in owner}


@dataclass
class _Header:
    """Where the step table's "No" label stands (it may be broken over lines: "N" / "o")."""

    x: float
    y: float
    top: float
    bottom: float


def _flow_header(words) -> _Header | None:
    for word in words:
        if match_exact(word["text"], COLUMN_LABELS) != "kegiatan":
            continue
        left = [w for w in words if abs(w["top"] - word["top"]) < 12 and w["x1"] <= word["x0"]
                and word["x0"] - w["x1"] < 250]
        if not left:
            continue
        nearest = max(w["x1"] for w in left)
        label = sorted((w for w in left if nearest - w["x1"] < 15), key=lambda w: w["top"])
        text = "".join(w["text"] for w in label).replace(BROKEN_WORD_MARK, "")
        if text.lower().rstrip(".") == "no":
            xs = [(w["x0"] + w["x1"]) / 2 for w in label]
            return _Header(sum(xs) / len(xs), (label[0]["top"] + label[-1]["bottom"]) / 2,
                           label[0]["top"], label[-1]["bottom"])
    return None


def _flow_page(page, words, vlines, hlines, header: _Header, grid: Grid, links: Links) -> None:
    ys = sorted(y for y, _a, _b in hlines)
    no_x, no_y = header.x, header.y
    top = min((t for x, t, b in vlines if t <= no_y <= b), default=header.top - 2)
    digits = [w for w in words if w["text"].rstrip(".").isdigit() and w["top"] > header.top]
    number_row = _number_row(digits)
    first_body = number_row[1] + 4 if number_row is not None else header.bottom + 4
    across = number_row[0] if number_row is not None else no_y  # only table rules cross it
    header_rules = [v for v in vlines if v[1] <= across <= v[2]]
    xs = _cluster([x for x, _t, _b in header_rules])
    no_col = _band(xs, no_x)
    if no_col is None:
        return
    steps = [w for w in digits if _band(xs, _centre(w)[0]) == no_col and w["top"] > first_body]
    steps.sort(key=lambda w: w["top"])
    body_top = max((y for y in ys if y <= (steps[0]["top"] if steps else first_body)),
                   default=first_body)
    table_bottom = max((b for x, _t, b in vlines if abs(x - xs[0]) <= SAME),
                       default=page.height)
    _header_rows(words, hlines, xs, top, body_top, grid)
    edges = [w["top"] - 3 for w in steps] + [table_bottom]
    first_row = len(grid.rows)
    columns = len(xs) - 1
    cells: dict[tuple[int, int], list] = {}
    for word in words:
        x, y = _centre(word)
        col, row = _band(xs, x), _band(edges, y)
        if col is not None and row is not None and y > body_top:
            cells.setdefault((row, col), []).append(word)
    for row in range(len(steps)):
        grid.add_row([_cell_text(cells.get((row, col), []), _right(xs, col, grid),
                                 grid.vocabulary, grid.marks_broken_words)
                       for col in range(columns)])
    shapes = _shapes(page, words)
    for shape in shapes:
        row = _band(edges, shape.cy)
        if row is None or shape.cy <= body_top:
            continue
        shape.row = first_row + row
        for col in _covered(xs, shape):
            grid.rows[shape.row][col].symbols.append(shape.kind)
    _follow_arrows(page, shapes, words, xs, grid, links)


def _number_row(digits) -> tuple[float, float] | None:
    """The middle and bottom of the header row that numbers the columns 1, 2, 3, ..."""
    for word in sorted(digits, key=lambda w: w["top"]):
        level = sorted((w for w in digits if abs(w["top"] - word["top"]) < 1.5),
                       key=lambda w: w["x0"])
        values = [w["text"].rstrip(".") for w in level]
        if len(values) >= 5 and values == [str(n) for n in range(1, len(values) + 1)]:
            return (word["top"] + word["bottom"]) / 2, max(w["bottom"] for w in level)
    return None


def _header_rows(words, hlines, xs, top, body_top, grid: Grid) -> None:
    """The header as rows; a cell no rule divides (No, Kegiatan) keeps its text in the top row."""
    columns = len(xs) - 1
    bands = [y for y in _cluster([y for y, _a, _b in hlines if top - 1 <= y <= body_top + 1])]
    if len(bands) < 2:
        bands = [top, body_top]
    texts = [[[] for _c in range(columns)] for _b in range(len(bands) - 1)]
    for word in words:
        x, y = _centre(word)
        col, band = _band(xs, x), _band(bands, y)
        if col is not None and band is not None:
            texts[band][col].append(word)
    for band in range(len(texts) - 1, 0, -1):
        for col in range(columns):
            mid = (xs[col] + xs[col + 1]) / 2
            ruled = any(abs(y - bands[band]) <= SAME and a <= mid <= b for y, a, b in hlines)
            if not ruled:
                texts[band - 1][col] += texts[band][col]
                texts[band][col] = []
    for row in texts:
        grid.add_row([_cell_text(cell, _right(xs, col, grid), grid.vocabulary,
                                 grid.marks_broken_words) for col, cell in enumerate(row)])


def _right(xs, col: int, grid: Grid) -> float | None:
    """Where this app's sheet stops a line in the column (its cell padding, 1.5 mm)."""
    return xs[col + 1] - SHEET_PAD if grid.own_sheet else None


def _covered(xs: list[float], shape: Shape) -> list[int]:
    cols = [k for k in range(len(xs) - 1) if shape.x0 <= (xs[k] + xs[k + 1]) / 2 <= shape.x1]
    if not cols:
        col = _band(xs, shape.cx)
        cols = [col] if col is not None else []
    return cols


def _shapes(page, words) -> list[Shape]:
    found = []
    for rect in page.rects:
        if rect["stroke"] and rect["width"] > 3 and rect["height"] > 3:
            found.append(Shape(PROCESS, rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    for curve in page.curves:
        kind = _curve_kind(curve)
        if kind:
            found.append(Shape(kind, curve["x0"], curve["top"], curve["x1"], curve["bottom"]))
    for shape in found:
        if shape.kind == CONNECTOR:
            inside = [w["text"] for w in words if shape.touches(_centre(w))]
            shape.label = " ".join(inside)
    return found


def _curve_kind(curve) -> str | None:
    if not curve.get("stroke") or not curve.get("fill"):
        return None
    ops = [op[0] for op in curve.get("path", [])]
    if "c" in ops:
        return TERMINATOR
    corners = _corners(curve["pts"])
    if curve["x1"] - curve["x0"] < 6 and curve["bottom"] - curve["top"] < 6:
        return None  # an arrowhead
    return {4: DECISION, 5: CONNECTOR}.get(len(corners))


def _corners(points) -> list:
    pts = [tuple(round(v, 1) for v in p) for p in points]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    out = []
    for p in pts:
        if not out or p != out[-1]:
            out.append(p)
    return out


def _heads(page) -> list[tuple[float, float]]:
    """Arrowhead tips: small filled triangles; the tip is the corner farthest from the base."""
    tips = []
    for curve in page.curves:
        corners = _corners(curve["pts"])
        if not curve.get("fill") or len(corners) != 3:
            continue
        if curve["x1"] - curve["x0"] > 8 or curve["bottom"] - curve["top"] > 8:
            continue
        tips.append(_tip(corners))
    return tips


def _tip(corners) -> tuple[float, float]:
    def lonely(k):
        a, b, c = corners[k], corners[(k + 1) % 3], corners[(k + 2) % 3]
        return -min(abs(a[0] - b[0]) + abs(a[1] - b[1]), abs(a[0] - c[0]) + abs(a[1] - c[1]))
    return corners[min(range(3), key=lonely)]


def _paths(page) -> list[list[tuple[float, float]]]:
    paths = [list(c["pts"]) for c in page.curves if not c.get("fill") and c.get("stroke")]
    paths += [list(line["pts"]) for line in page.lines]
    return paths


def _follow_arrows(page, shapes, words, xs, grid: Grid, links: Links) -> None:
    tips = _heads(page)
    for points in _paths(page):
        if _near_any(points[0], tips) and not _near_any(points[-1], tips):
            points = points[::-1]
        if not _near_any(points[-1], tips):
            continue
        start = next((s for s in shapes if s.touches(points[0])), None)
        end = next((s for s in shapes if s.touches(points[-1])), None)
        if start is None or end is None or start is end:
            continue
        for shape, point in ((start, points[0]), (end, points[-1])):
            _mark_main(shape, point, xs, grid)
        label = _label_near(points, words)
        if start.kind == CONNECTOR and end.row is not None:
            links.arriving.setdefault(start.label, end.row)
        elif end.kind == CONNECTOR and start.row is not None:
            links.leaving.setdefault(end.label, (start.row, label))
        elif start.row is not None and end.row is not None:
            grid.arrows.append(Arrow(start.row, end.row, label))


def _near_any(point, tips) -> bool:
    return any(abs(point[0] - x) <= NEAR and abs(point[1] - y) <= NEAR for x, y in tips)


def _mark_main(shape: Shape, point, xs, grid: Grid) -> None:
    """Arrows meet a symbol drawn across lanes in the column of its main pelaksana."""
    if shape.row is None or shape.kind == CONNECTOR:
        return
    covered = _covered(xs, shape)
    col = _band(xs, point[0])
    if len(covered) > 1 and col in covered:
        cell = grid.rows[shape.row][col]
        if MAIN not in cell.symbols:
            cell.symbols.append(MAIN)


def _label_near(points, words) -> str:
    """"Ya"/"Tidak" written beside the first segment of an exit."""
    (x0, y0), (x1, y1) = points[0], points[1] if len(points) > 1 else points[0]
    best, best_d = "", 16.0
    for word in words:
        if word["text"].lower() not in ("ya", "tidak"):
            continue
        wx, wy = _centre(word)
        d = _segment_distance((wx, wy), (x0, y0), (x1, y1))
        if d < best_d:
            best, best_d = word["text"], d
    return best


def _segment_distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5
