"""Print preview of a PDF document: the real pages, paper choice, Save as PDF and Print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.paper import PAPER_NAMES, paper_size
from desktop_app.gui import prefs
from desktop_app.gui.errors import show_error
from desktop_app.gui.pdf_pages import PdfPages

PREVIEW_DPI = 72
PRINT_DPI = 300


class PrintPreviewDialog(QDialog):
    """Shows the pages `make_pdf(paper)` produces; the user saves or prints exactly those."""

    def __init__(self, parent: QWidget | None, title: str, make_pdf: Callable[[str], bytes],
                 paper: str, suggested_name: str):
        super().__init__(parent)
        self.setWindowTitle(f"Pratinjau cetak: {title}")
        prefs.fit_size(self, 980, 760)
        self._make_pdf = make_pdf
        self._suggested = suggested_name
        self.data = b""
        self.pages: PdfPages | None = None
        self.paper = QComboBox()
        self.paper.addItems(list(PAPER_NAMES))
        self.paper.setCurrentText(paper)
        self.paper.currentTextChanged.connect(self.refresh)
        self.save_button = QPushButton("&Simpan sebagai PDF…")
        self.print_button = QPushButton("&Cetak…")
        close = QPushButton("&Tutup")
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pages)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_pages)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Kertas:"))
        bar.addWidget(self.paper)
        self.count = QLabel()
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            bar.addWidget(button)
        self.page_box = QWidget()
        self.page_layout = QVBoxLayout(self.page_box)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page_box)
        scroll.setBackgroundRole(scroll.backgroundRole().Dark)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.data = self._make_pdf(self.paper.currentText())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        if self.pages:
            self.pages.close()
        self.pages = PdfPages(self.data)
        while self.page_layout.count():
            self.page_layout.takeAt(0).widget().deleteLater()
        for index in range(len(self.pages)):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(self.pages.image(index, PREVIEW_DPI)))
            label.setStyleSheet("border: 1px solid #888; background: white;")
            self.page_layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.count.setText(f"{len(self.pages)} halaman")

    def save_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Simpan sebagai PDF", self._suggested, "Dokumen PDF (*.pdf)")
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        try:
            write_atomically(target, self.data)
        except OSError as exc:
            show_error(self, OSError(f"Berkas {target} tidak dapat disimpan: {exc.strerror}."))
            return
        self.saved_to = target
        self.count.setText(f"{len(self.pages or ())} halaman — tersimpan di {target}")
        self.count.setToolTip(str(target))

    def print_pages(self) -> None:
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # keep it alive
        width, height = paper_size(self.paper.currentText())
        self._printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter,
                                            self.paper.currentText()))
        dialog = QPrintDialog(self._printer, self)
        dialog.setWindowTitle("Cetak")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(self._printer)

    def print_to(self, printer: QPrinter) -> None:
        """Paint each page, in its own orientation, at the printer's full page."""
        assert self.pages is not None
        printer.setFullPage(True)
        printer.setPageOrientation(self._orientation(0))
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, OSError("Printer tidak dapat dibuka. Periksa printer lalu coba lagi."))
            return
        try:
            for index in range(len(self.pages)):
                if index:
                    printer.setPageOrientation(self._orientation(index))
                    printer.newPage()
                image = self.pages.image(index, min(PRINT_DPI, printer.resolution()))
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()

    def _orientation(self, index: int) -> QPageLayout.Orientation:
        assert self.pages is not None
        return (QPageLayout.Orientation.Landscape if self.pages.is_landscape(index)
                else QPageLayout.Orientation.Portrait)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.pages:
            self.pages.close()
        super().closeEvent(event)
