"""The geometry of flowchart pages: plain shapes in mm, y growing downwards from the page top.

The layout computes it once; the PDF writer and the on-screen preview only draw it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Box, eps: float = 1e-6) -> bool:
        return (self.x < other.right - eps and other.x < self.right - eps
                and self.y < other.bottom - eps and other.y < self.bottom - eps)

    def on_edge(self, point: Point, eps: float = 1e-6) -> bool:
        x, y = point
        inside = self.x - eps <= x <= self.right + eps and self.y - eps <= y <= self.bottom + eps
        near = min(abs(x - self.x), abs(x - self.right), abs(y - self.y), abs(y - self.bottom))
        return inside and near <= eps

    def crossed_by(self, a: Point, b: Point, eps: float = 1e-6) -> bool:
        """Whether the axis-parallel segment a-b passes through the inside of the box."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        return (x0 < self.right - eps and x1 > self.x + eps
                and y0 < self.bottom - eps and y1 > self.y + eps)


@dataclass(frozen=True)
class TextLine:
    """One line of text; (x, y) is the left end of its baseline."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A straight table line; width in pt."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5


@dataclass(frozen=True)
class Symbol:
    """kind: terminator | process | decision | connector; step is None for connectors."""

    kind: str
    box: Box
    label: str = ""
    step: int | None = None
    label_size: float = 7.0


@dataclass(frozen=True)
class Arrow:
    """An orthogonal polyline ending in an arrowhead at its last point."""

    points: tuple[Point, ...]
    label: str = ""
    label_at: Point | None = None
    label_size: float = 6.5


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    x: float
    w: float

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass
class Page:
    width: float
    height: float
    columns: list[Column]
    steps: list[int] = field(default_factory=list)
    rows: dict[int, Box] = field(default_factory=dict)
    texts: list[TextLine] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    shades: list[Box] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    cells: list[tuple[Column, Box]] = field(default_factory=list)
    # "Diagram alir, halaman 1 dari 2", counting this flowchart's pages; the printed sheet
    # draws its own in the same place (right end at `pager_right`), counting every page
    pager: TextLine | None = None
    pager_right: float = 0.0

    def symbol_of(self, step: int) -> Symbol:
        return next(s for s in self.symbols if s.step == step)


@dataclass
class FlowchartLayout:
    paper: str
    pages: list[Page]

    def page_of(self, step: int) -> int:
        return next(i for i, page in enumerate(self.pages) if step in page.steps)


def crossings(arrows: list[Arrow], margin: float = 1.0) -> list[Point]:
    """Where a horizontal part of one arrow crosses a vertical part of another (both away
    from their ends by `margin` mm): drawn with a gap in the vertical line."""
    found: list[Point] = []
    segments = [(n, a, b) for n, arrow in enumerate(arrows)
                for a, b in zip(arrow.points, arrow.points[1:], strict=False)]
    for n, (x0, y0), (x1, y1) in segments:
        if abs(y0 - y1) > 1e-6:
            continue  # horizontals only
        for m, (u0, v0), (u1, v1) in segments:
            if m == n or abs(u0 - u1) > 1e-6:
                continue
            lo_x, hi_x = sorted((x0, x1))
            lo_y, hi_y = sorted((v0, v1))
            if lo_x + margin < u0 < hi_x - margin and lo_y + margin < y0 < hi_y - margin:
                found.append((u0, y0))
    return found
