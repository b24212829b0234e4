"""The on-screen flowchart painter: all pages shown, symbols drawn, text as wide as in the PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontInfo, QImage, QPainter
from PySide6.QtWidgets import QScrollArea

from desktop_app.common.paper import paper_size
from desktop_app.common.paths import templates_dir
from desktop_app.flowchart.layout import layout_flowchart
from desktop_app.gui.flowchart_preview import (
    NO_PREVIEW,
    FlowchartPreview,
    draw_text,
    paint_page,
    register_app_fonts,
    text_font,
)
from desktop_app.render.pdf.fonts import font_for, text_width_mm
from desktop_app.sop.sopfile import read_sop_file

RKT_KECAMATAN = "04-rkt-kecamatan"


def template_layout(name: str = RKT_KECAMATAN, paper: str = "F4"):
    sop = read_sop_file(templates_dir() / f"{name}.pandu-sop.toml")
    return layout_flowchart(sop, paper, text_width_mm)


def dark(color: QColor) -> bool:
    return color.lightness() < 160


def dark_pixels(image: QImage, rect: QRect) -> int:
    rect = rect.intersected(image.rect())
    return sum(dark(image.pixelColor(x, y))
               for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def rendered(widget) -> QImage:
    """The widget painted at one pixel per logical pixel, whatever the screen's scale."""
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    widget.render(image)
    return image


def show_in_scroll_area(qtbot, preview: FlowchartPreview, width=1000, height=700) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(preview)
    qtbot.addWidget(scroll)
    scroll.resize(width, height)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll


def test_preview_shows_every_page_of_a_template(qtbot, screenshot):
    layout = template_layout()
    assert len(layout.pages) >= 2
    preview = FlowchartPreview()
    preview.set_layout(layout)
    scroll = show_in_scroll_area(qtbot, preview)
    qtbot.waitUntil(lambda: preview.height() >= preview.heightForWidth(preview.width()))
    rects = preview.page_rects()
    assert len(rects) == len(layout.pages)
    page = layout.pages[0]
    for rect in rects:  # fit to width, aspect kept, pages one below the other inside the widget
        assert rect.width() == pytest.approx(preview.width() - 2 * preview.MARGIN, abs=1)
        assert rect.height() / rect.width() == pytest.approx(page.height / page.width, rel=1e-3)
        assert rect.bottom() <= preview.height()
    assert all(a.bottom() < b.top() for a, b in zip(rects, rects[1:], strict=False))
    assert scroll.verticalScrollBar().maximum() > 0  # the scroll area scrolls through them
    image = rendered(preview)
    for rect in rects:  # each page is painted: a white sheet with its table lines
        sheet = rect.toRect().adjusted(2, 2, -2, -2)
        assert image.pixelColor(sheet.center().x(), sheet.bottom() - 3) == QColor("white")
        assert dark_pixels(image, sheet) > 1000
    screenshot(scroll, "flowchart-preview-scrolled")
    scroll.resize(1400, 900)  # the whole widget, large enough to read the text
    qtbot.waitUntil(lambda: preview.width() > 1300)
    screenshot(preview, "flowchart-preview")


def test_a4_page_painted_into_an_image_shows_every_symbol(qapp):
    register_app_fonts()
    layout = template_layout(paper="A4")
    width, height = paper_size("A4", landscape=True)
    ppm = 4  # pixels per mm
    image = QImage(round(width * ppm), round(height * ppm), QImage.Format.Format_RGB32)
    for page in layout.pages:
        image.fill(QColor("red"))
        painter = QPainter(image)
        painter.scale(ppm, ppm)
        paint_page(painter, page)
        painter.end()
        assert image.pixelColor(2, 2) == QColor("white")  # the background is painted first
        for symbol in page.symbols:
            b = symbol.box
            box = QRect(round(b.x * ppm), round(b.y * ppm), round(b.w * ppm), round(b.h * ppm))
            assert dark_pixels(image, box) > 20, symbol
            centre = QRect(round(b.cx * ppm) - 4, round(b.cy * ppm) - 2, 9, 5)
            if symbol.label:
                assert dark_pixels(image, centre) > 0, symbol
            else:  # white fill, not transparent over a rule or a shade
                assert dark_pixels(image, centre) == 0, symbol
            if symbol.kind == "process":  # the outline runs along the box's left edge
                assert dark(image.pixelColor(round(b.x * ppm), round(b.cy * ppm)))
        for arrow in page.arrows:  # an arrowhead is filled just before its tip
            (x0, y0), (x1, y1) = arrow.points[-2:]
            dx, dy = (x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0)
            assert dark(image.pixelColor(round((x1 - dx) * ppm), round((y1 - dy) * ppm)))


@pytest.mark.parametrize(("text", "size", "bold"), [
    ("Mengoreksi dan memaraf konsep rencana kinerja", 8.0, False),
    ("Prosedur: Penyusunan Rencana Kinerja Tahunan", 10.0, True),
    ("Pengagendaan, penomoran ✓ pengiriman", 7.0, False),  # falls back to DejaVu Sans
])
def test_drawn_text_is_as_wide_as_the_pdf_measure(qtbot, text, size, bold):
    register_app_fonts()
    font = text_font(text, size, bold)
    family = "DejaVu Sans" if "Fallback" in font_for(text, bold) else "Liberation Sans"
    assert QFontInfo(font).family() == family
    assert QFontInfo(font).bold() == bold
    expected = text_width_mm(text, size, bold)
    ppm = 10
    image = QImage(round((expected + 10) * ppm), 10 * ppm, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(ppm, ppm)
    draw_text(painter, 5, 6, text, size, bold)
    painter.end()
    columns = [x for x in range(image.width())
               if any(dark(image.pixelColor(x, y)) for y in range(image.height()))]
    assert columns and columns[0] == pytest.approx(5 * ppm, abs=0.1 * size * ppm)
    ink = (columns[-1] - columns[0] + 1) / ppm  # glyph side bearings make ink a little narrower
    assert ink == pytest.approx(expected, rel=0.03)


def test_no_layout_shows_the_message(qtbot, screenshot):
    preview = FlowchartPreview()
    qtbot.addWidget(preview)
    preview.set_layout(template_layout())
    assert preview.message() is None
    preview.set_layout(None)
    assert preview.message() == NO_PREVIEW
    assert preview.page_rects() == []
    preview.resize(600, 300)
    preview.show()
    qtbot.waitExposed(preview)
    image = rendered(preview)
    middle = [image.pixelColor(x, y).lightness() for x in range(100, 500) for y in range(130, 170)]
    assert 90 <= min(middle) <= 140  # grey text in the middle
    assert image.pixelColor(20, 20).lightness() > 200  # on the window's light background
    screenshot(preview, "flowchart-preview-message")
    preview.set_message("Sedang menyusun diagram…")
    assert preview.message() == "Sedang menyusun diagram…"
