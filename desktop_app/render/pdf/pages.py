"""Page numbers that count the whole document: "Halaman n dari N".

reportlab knows the number of pages only once every page is laid out, so the canvas keeps each
finished page and numbers them all when the document is saved (two passes over the pages, one
build). Every PDF that numbers its pages uses this one canvas.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from desktop_app.render.pdf.fonts import REGULAR, register_fonts

# draws the number of page `n` of `total` on `canvas` (whose page size is that page's)
NumberPainter = Callable[[Canvas, int, int], None]


def pager_text(number: int, total: int) -> str:
    return f"Halaman {number} dari {total}"


def footer_painter(margin: float, size: float = 8, prefix: str = "") -> NumberPainter:
    """The number at the bottom right, inside the margin: "Buku Ekspedisi — Halaman 2 dari 3"."""

    def paint(canvas: Canvas, number: int, total: int) -> None:
        width = canvas._pagesize[0]  # noqa: SLF001 - the size of the page being numbered
        canvas.saveState()
        canvas.setFont(REGULAR, size)
        canvas.drawRightString(width - margin, margin / 2,
                               f"{prefix}{pager_text(number, total)}")
        canvas.restoreState()

    return paint


class EmbeddedCanvas(Canvas):
    """A canvas whose initial font is our embedded one: reportlab's default, the standard
    Helvetica, would otherwise be named in every page, unembedded (`pdffonts` shows it)."""

    def __init__(self, *args, **kwargs):
        register_fonts()
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        super().__init__(*args, **kwargs)


def numbered_canvas(paint: NumberPainter) -> type[Canvas]:
    """A canvas class for `doc.build(story, canvasmaker=...)` that numbers every page."""

    class NumberedCanvas(EmbeddedCanvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._finished: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._finished.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._finished)
            for state in self._finished:
                self.__dict__.update(state)
                paint(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas
