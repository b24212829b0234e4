"""The main window: a navigation bar over the product's areas (SOP, Pengaturan; later issues
add the others), SOP editor windows, first-run setup, remembered window state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop_app.gui import prefs
from desktop_app.gui.errors import show_error
from desktop_app.gui.library_page import LibraryPage, file_name
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.settings_page import SettingsPage
from desktop_app.gui.setup_wizard import SetupWizard
from desktop_app.gui.sop_editor import SopEditor
from desktop_app.office import profile
from desktop_app.office.settings import get_setting
from desktop_app.sop import library
from desktop_app.sop.model import Official
from desktop_app.sop.printing import sop_sheet_pdf
from desktop_app.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.editors: dict[int, SopEditor] = {}
        self.setWindowTitle("Pandu SOP")
        self.resize(1100, 680)
        self.setAcceptDrops(True)
        self.library = LibraryPage(workspace)
        self.library.open_requested.connect(self.open_editor)
        self.library.print_requested.connect(self.print_sop)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.settings_page = SettingsPage()
        self.settings_page.edit_requested.connect(self.edit_profile)
        self.nav = QListWidget()
        self.pages = QStackedWidget()
        for name, page in (("SOP", self.library), ("Pengaturan", self.settings_page)):
            self.nav.addItem(name)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; }"
                               "QListWidget::item { padding: 8px 10px; }")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        prefs.restore_window(self, "main", {})

    # kept for callers and tests that address the library directly
    @property
    def sop_model(self):
        return self.library.model

    def show_area(self, name: str) -> None:
        names = [self.nav.item(i).text() for i in range(self.nav.count())]
        self.nav.setCurrentRow(names.index(name))

    def maybe_run_setup(self) -> None:
        """First start of a new data folder: ask for the office profile."""
        if not profile.is_configured():
            self.edit_profile()

    def edit_profile(self) -> None:
        entered = SetupWizard.ask(self, profile.load_profile(), self.workspace.data_dir)
        if entered is None:
            return
        try:
            profile.save_profile(self.workspace.database, entered)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.settings_page.refresh()
        self.statusBar().showMessage("Profil kantor disimpan.", 5000)

    def officials(self) -> list[Official]:
        return [Official(o.jabatan, o.nama, o.pangkat_golongan, o.nip)
                for o in profile.load_profile().officials]

    def open_editor(self, sop_id: int) -> SopEditor:
        editor = self.editors.get(sop_id)
        if editor is None or not editor.isVisible():
            editor = SopEditor(self.workspace, sop_id, self.officials(), self)
            editor.setWindowFlag(Qt.WindowType.Window)
            editor.saved.connect(lambda _id: self.library.refresh())
            self.editors[sop_id] = editor
        editor.show()
        editor.raise_()
        return editor

    def print_sop(self, sop_id: int) -> None:
        sop = library.get_sop(sop_id)
        data_dir = self.workspace.data_dir
        self.preview = PrintPreviewDialog(
            self, sop.identitas.nama, lambda paper: sop_sheet_pdf(sop, paper, data_dir),
            get_setting("paper"), file_name(f"SOP {sop.identitas.nama}", ".pdf"))
        self.preview.open()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if any(url.toLocalFile().endswith(".toml") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".toml"):
                self.library.import_path(Path(url.toLocalFile()))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        for editor in list(self.editors.values()):
            if editor.isVisible() and not editor.close():
                event.ignore()
                return
        prefs.save_window(self, "main", {})
        super().closeEvent(event)
