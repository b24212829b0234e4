"""The "Tentang Pandu SOP" dialog (version, licences of the bundled fonts, the data folder),
the app icon, and the window part of `pandu selftest`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.common.paths import fonts_dir, resources_dir

APP_LICENCE = "MIT"
ICON_FILE = "pandu-sop.png"


def app_icon() -> QIcon:
    """The window and taskbar icon (resources/icons), the same picture as the installer's."""
    return QIcon(str(resources_dir() / "icons" / ICON_FILE))


def bundled_fonts(folder: Path | None = None) -> list[tuple[str, str, Path | None]]:
    """(family, licence, licence file) per row of the table in resources/fonts/README.md."""
    folder = folder or fonts_dir()
    try:
        lines = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    fonts = []
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("file", "") or set(cells[0]) <= {"-", ":"}:
            continue
        licence, _see, file_name = cells[2].partition(", see ")
        licence_file = folder / file_name.strip() if file_name.strip() else None
        fonts.append((cells[1].split(" (")[0], licence, licence_file))  # no English notes
    return fonts


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, data_dir: Path):
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle("Tentang Pandu SOP")
        heading = QLabel(f"<b style='font-size:14pt'>Pandu SOP</b><br>Versi {__version__}")
        logo = QLabel()
        logo.setPixmap(QPixmap(str(resources_dir() / "icons" / ICON_FILE)).scaled(
            64, 64, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addWidget(heading, 1)
        form = QFormLayout()
        self.version_label = QLabel(__version__)
        form.addRow("Versi:", self.version_label)
        form.addRow("Lisensi program:", QLabel(APP_LICENCE))
        self.data_label = QLabel(str(data_dir))
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_label.setWordWrap(True)
        open_folder = QPushButton("Buka folder data")
        open_folder.clicked.connect(self.open_data_folder)
        form.addRow("Folder data:", self.data_label)
        form.addRow("", open_folder)
        self.fonts_label = QLabel(self._fonts_html())
        self.fonts_label.setWordWrap(True)
        self.fonts_label.setOpenExternalLinks(True)
        form.addRow("Huruf (font):", self.fonts_label)
        note = QLabel("Huruf disertakan dan ditanam di setiap PDF agar dokumen tercetak sama "
                      "di komputer mana pun. Data kantor tetap di folder data saat program "
                      "dihapus atau diperbarui.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _fonts_html(self) -> str:
        rows = []
        for family, licence, licence_file in bundled_fonts():
            link = ""
            if licence_file is not None and licence_file.is_file():
                link = f" (<a href='{QUrl.fromLocalFile(str(licence_file)).toString()}'>" \
                       "teks lisensi</a>)"
            rows.append(f"{family}: {licence}{link}")
        return "<br>".join(rows) or "tidak ada keterangan huruf"

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    @classmethod
    def open_for(cls, parent: QWidget | None, data_dir: Path) -> AboutDialog:
        """Show the dialog (not modal); a second call raises the one already open."""
        existing = parent.findChild(cls) if parent is not None else None
        if existing is not None and existing.isVisible():
            existing.raise_()
            return existing
        dialog = cls(parent, data_dir)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def check_windows(workspace) -> str:
    """`pandu selftest`: open the main window and this dialog offscreen, paint both, print a
    page to PDF through Qt, then close. Window state goes to the workspace, not to the PC."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from desktop_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["pandu-selftest"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(workspace.data_dir / "qsettings"))
    missing = {"png", "jpeg", "gif", "ico"} - {
        bytes(name).decode() for name in QImageReader.supportedImageFormats()}
    if missing:
        raise RuntimeError(f"format gambar tidak didukung: {', '.join(sorted(missing))}")
    if app_icon().isNull():
        raise RuntimeError(f"ikon {ICON_FILE} tidak ditemukan")
    window = MainWindow(workspace)
    window.show()
    about = AboutDialog(window, workspace.data_dir)
    about.show()
    app.processEvents()
    size = window.grab().size()
    if size.isEmpty() or about.grab().size().isEmpty():
        raise RuntimeError("jendela tidak dapat digambar")
    pdf = _print_page(QPrinter, workspace.data_dir / "qt-cetak.pdf")
    printers = len(QPrinterInfo.availablePrinterNames())
    about.close()
    window.close()
    for widget in (about, window):
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return (f"{size.width()}x{size.height()} px, platform {app.platformName()}, "
            f"cetak Qt {pdf // 1024} KB, {printers} printer terpasang")


def _print_page(printer_class, target: Path) -> int:
    printer = printer_class(printer_class.PrinterMode.HighResolution)
    printer.setOutputFormat(printer_class.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer PDF Qt tidak dapat dibuka")
    painter.drawText(100, 100, "Pandu SOP: uji cetak")
    painter.end()
    if not target.is_file() or target.stat().st_size == 0:
        raise RuntimeError("PDF dari Qt tidak terbuat")
    return target.stat().st_size
