"""PDF bytes -> page images (pdfium), for the preview and for printing the exact pages."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtGui import QImage


class PdfPages:
    """An opened PDF whose pages can be rendered at any resolution."""

    def __init__(self, data: bytes):
        self._data = data  # pdfium reads from this buffer for the document's lifetime
        self._doc = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._doc)

    def size_pt(self, index: int) -> tuple[float, float]:
        return tuple(self._doc[index].get_size())

    def is_landscape(self, index: int) -> bool:
        width, height = self.size_pt(index)
        return width > height

    def image(self, index: int, dpi: float) -> QImage:
        """The page on white at `dpi` (a copy that owns its pixels)."""
        bitmap = self._doc[index].render(scale=dpi / 72, rev_byteorder=True,
                                         fill_color=(255, 255, 255, 255))
        fmt = QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else (
            QImage.Format.Format_RGBA8888)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()

    def close(self) -> None:
        self._doc.close()
