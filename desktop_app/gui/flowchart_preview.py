"""On-screen painter of flowchart page geometry, and a widget showing a layout's pages."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.common.paths import fonts_dir
from desktop_app.render.geometry import Arrow, FlowchartLayout, Page, Symbol, crossings
from desktop_app.render.pdf.fonts import (
    BOLD,
    FALLBACK,
    FALLBACK_BOLD,
    ITALIC,
    MM_PER_PT,
    REGULAR,
    font_for,
)
from desktop_app.render.pdf.geometry_painter import (
    ARROW_LINE_PT,
    GAP,
    HEAD_HALF,
    HEAD_LEN,
    HEADER_SHADE,
    SYMBOL_LINE_PT,
    symbol_outline,
)

NO_PREVIEW = "Pratinjau tidak tersedia: perbaiki masalah SOP terlebih dahulu."
# reportlab font name -> (Qt family, bold, italic)
QT_FONTS = {
    REGULAR: ("Liberation Sans", False, False),
    BOLD: ("Liberation Sans", True, False),
    ITALIC: ("Liberation Sans", False, True),
    "PanduSans-BoldItalic": ("Liberation Sans", True, True),
    FALLBACK: ("DejaVu Sans", False, False),
    FALLBACK_BOLD: ("DejaVu Sans", True, False),
}
# Text is drawn this many times larger on a painter scaled down as much: the font's pixel size
# (an integer) is then exact to 0.5 %, and no hinting at a 2-pixel size spoils the widths.
TEXT_SCALE = 100.0
_LOADED_PROPERTY = "panduAppFontsLoaded"


def register_app_fonts() -> None:
    """Load the bundled TTF files into Qt's font database, once per application."""
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("register_app_fonts needs a QGuiApplication")
    if app.property(_LOADED_PROPERTY):
        return
    for path in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    app.setProperty(_LOADED_PROPERTY, True)


def qfont(name: str) -> QFont:
    """The Qt font for a reportlab font name from `font_for` (size set by the caller)."""
    family, bold, italic = QT_FONTS[name]
    font = QFont(family)
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(False)  # reportlab's drawString does not kern either
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def text_font(text: str, size_pt: float, bold: bool = False) -> QFont:
    """The font `text` is drawn with, sized for a painter at TEXT_SCALE units per mm."""
    font = qfont(font_for(text, bold))
    font.setPixelSize(max(1, round(size_pt * MM_PER_PT * TEXT_SCALE)))
    return font


def draw_text(painter: QPainter, x: float, y: float, text: str, size_pt: float,
              bold: bool = False, centred: bool = False) -> None:
    """Draw `text` with its baseline starting (or centred) at (x, y) mm, `size_pt` on paper."""
    font = text_font(text, size_pt, bold)
    painter.save()
    painter.translate(x, y)
    painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
    painter.setFont(font)
    dx = 0.0
    if centred:
        dx = -QFontMetricsF(font, painter.device()).horizontalAdvance(text) / 2
    painter.drawText(QPointF(dx, 0.0), text)
    painter.restore()


def paint_page(painter: QPainter, page: Page) -> None:
    """Paint one page; the painter's coordinates are mm from the page's top-left corner."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.GlobalColor.white)
    thinnest = _device_pixel_mm(painter)
    painter.setPen(Qt.PenStyle.NoPen)
    shade = QColor.fromRgbF(HEADER_SHADE.red, HEADER_SHADE.green, HEADER_SHADE.blue)
    for box in page.shades:
        painter.fillRect(QRectF(box.x, box.y, box.w, box.h), shade)
    for rule in page.rules:
        painter.setPen(_pen(rule.width, thinnest))
        painter.drawLine(QPointF(rule.x1, rule.y1), QPointF(rule.x2, rule.y2))
    painter.setPen(Qt.GlobalColor.black)
    for line in page.texts + ([page.pager] if page.pager else []):
        draw_text(painter, line.x, line.y, line.text, line.size, line.bold)
    for arrow in page.arrows:
        _arrow(painter, arrow, thinnest)
    for x, y in crossings(page.arrows):  # as the PDF: a gap in the vertical line
        gap = QPen(Qt.GlobalColor.white, max((ARROW_LINE_PT + 1.2) * MM_PER_PT, thinnest))
        gap.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(gap)
        painter.drawLine(QPointF(x, y - GAP), QPointF(x, y + GAP))
        painter.setPen(_pen(ARROW_LINE_PT, thinnest))
        painter.drawLine(QPointF(x - GAP - 0.5, y), QPointF(x + GAP + 0.5, y))
    for symbol in page.symbols:
        _symbol(painter, symbol, thinnest)
    painter.restore()


def _device_pixel_mm(painter: QPainter) -> float:
    """One device pixel in the painter's units: the thinnest line a PDF viewer shows."""
    t = painter.combinedTransform()
    scale = math.sqrt(abs(t.m11() * t.m22() - t.m12() * t.m21()))
    return 1 / scale if scale > 0 else 0.0


def _pen(width_pt: float, thinnest: float) -> QPen:
    pen = QPen(Qt.GlobalColor.black, max(width_pt * MM_PER_PT, thinnest))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # reportlab's defaults: butt caps, mitre joins
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def _symbol(painter: QPainter, symbol: Symbol, thinnest: float) -> None:
    b = symbol.box
    painter.setPen(_pen(SYMBOL_LINE_PT, thinnest))
    painter.setBrush(Qt.GlobalColor.white)
    rect = QRectF(b.x, b.y, b.w, b.h)
    if symbol.kind == "terminator":
        painter.drawRoundedRect(rect, b.h / 2, b.h / 2)
    elif symbol.kind == "process":
        painter.drawRect(rect)
    else:
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in symbol_outline(symbol)]))
    if symbol.label:
        size = symbol.label_size
        offset = -0.8 if symbol.kind == "connector" else 0.0  # as the PDF painter
        painter.setPen(Qt.GlobalColor.black)
        draw_text(painter, b.cx, b.cy + offset + size * 0.35 * MM_PER_PT, symbol.label, size,
                  bold=symbol.kind == "connector", centred=True)


def _arrow(painter: QPainter, arrow: Arrow, thinnest: float) -> None:
    pen = _pen(ARROW_LINE_PT, thinnest)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(*arrow.points[0]))
    for point in arrow.points[1:]:
        path.lineTo(QPointF(*point))
    painter.drawPath(path)
    (x0, y0), (x1, y1) = arrow.points[-2], arrow.points[-1]
    dx, dy = (x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0)
    bx, by = x1 - dx * HEAD_LEN, y1 - dy * HEAD_LEN
    wx, wy = -dy * HEAD_HALF, dx * HEAD_HALF
    painter.setBrush(Qt.GlobalColor.black)
    painter.drawPolygon(QPolygonF([QPointF(x1, y1), QPointF(bx + wx, by + wy),
                                   QPointF(bx - wx, by - wy)]))
    if arrow.label and arrow.label_at:
        painter.setPen(Qt.GlobalColor.black)
        draw_text(painter, arrow.label_at[0], arrow.label_at[1], arrow.label, arrow.label_size)


class FlowchartPreview(QWidget):
    """All pages of a flowchart layout, stacked and scaled to the widget's width."""

    MARGIN = 12  # px around the pages
    GAP = 14  # px between pages
    SHADOW = 3  # px
    BACKGROUND = QColor(128, 132, 138)
    MESSAGE_HEIGHT = 160

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        register_app_fonts()
        self._flowchart: FlowchartLayout | None = None
        self._message = NO_PREVIEW
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName("Pratinjau diagram alir")

    def set_layout(self, layout: FlowchartLayout | None) -> None:
        """Show `layout`'s pages; None shows that no preview is available."""
        self._flowchart = layout if layout and layout.pages else None
        self._message = NO_PREVIEW
        self._changed()

    def set_message(self, text: str) -> None:
        """Show `text` instead of pages."""
        self._flowchart = None
        self._message = text
        self._changed()

    def flowchart(self) -> FlowchartLayout | None:
        return self._flowchart

    def message(self) -> str | None:
        """The message shown, or None while pages are shown."""
        return None if self._flowchart else self._message

    def _changed(self) -> None:
        self.updateGeometry()
        self.update()

    def scale(self, width: int | None = None) -> float:
        """Pixels per mm at `width` (the current width by default)."""
        if not self._flowchart:
            return 0.0
        width = self.width() if width is None else width
        widest = max(page.width for page in self._flowchart.pages)
        return max(width - 2 * self.MARGIN, 40) / widest

    def page_rects(self, width: int | None = None) -> list[QRectF]:
        """Where each page is drawn, in widget pixels, at `width`."""
        if not self._flowchart:
            return []
        width = self.width() if width is None else width
        scale = self.scale(width)
        rects, top = [], float(self.MARGIN)
        for page in self._flowchart.pages:
            w, h = page.width * scale, page.height * scale
            rects.append(QRectF((width - w) / 2, top, w, h))
            top += h + self.GAP
        return rects

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self.page_rects(width)
        if not rects:
            return self.MESSAGE_HEIGHT
        return math.ceil(rects[-1].bottom() + self.MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(900, self.heightForWidth(900))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self._flowchart:
            self._paint_message(painter)
            return
        painter.fillRect(event.rect(), self.BACKGROUND)
        scale = self.scale()
        for page, rect in zip(self._flowchart.pages, self.page_rects(), strict=True):
            shadow = rect.translated(self.SHADOW, self.SHADOW)
            if not rect.united(shadow).intersects(QRectF(event.rect())):
                continue
            painter.fillRect(shadow, QColor(0, 0, 0, 90))
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(scale, scale)
            paint_page(painter, page)
            painter.restore()

    def _paint_message(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(QColor(110, 110, 110))
        area = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self._message)
