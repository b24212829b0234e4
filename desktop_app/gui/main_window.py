"""The main window: a navigation bar over the product's areas, the logged-in person, SOP
editor and run windows, first-run setup, remembered window state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop_app.gui import backup_actions, i18n, policy, prefs, questions
from desktop_app.gui.about_dialog import AboutDialog
from desktop_app.gui.archive_page import ArchivePage
from desktop_app.gui.backup_actions import AutoBackup
from desktop_app.gui.calendar_page import CalendarPage
from desktop_app.gui.changes import Change, follow
from desktop_app.gui.dashboard_page import DashboardPage
from desktop_app.gui.document_window import DocumentWindow
from desktop_app.gui.documents_page import DocumentsPage
from desktop_app.gui.errors import show_error
from desktop_app.gui.expedition_page import ExpeditionPage
from desktop_app.gui.first_admin_dialog import FirstAdminDialog
from desktop_app.gui.forms_page import FormsPage
from desktop_app.gui.letter_numbers_page import LetterNumbersPage
from desktop_app.gui.library_page import LibraryPage, file_name
from desktop_app.gui.login_dialog import LoginDialog
from desktop_app.gui.monitoring_dialog import MonitoringDialog
from desktop_app.gui.people_page import PeoplePage
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.run_window import RunWindow
from desktop_app.gui.runs_page import RunsPage
from desktop_app.gui.settings_page import SettingsPage
from desktop_app.gui.setup_wizard import SetupWizard
from desktop_app.gui.signoff_page import SignoffPage
from desktop_app.gui.sop_editor import SopEditor
from desktop_app.gui.start_run_dialog import StartRunDialog
from desktop_app.office import people, profile
from desktop_app.office.people import PersonInfo
from desktop_app.office.permissions import OP
from desktop_app.office.settings import get_setting
from desktop_app.runs import engine
from desktop_app.sop import library
from desktop_app.sop.model import Official
from desktop_app.sop.printing import sop_sheet_pdf
from desktop_app.workspace import Workspace


class MainWindow(QMainWindow):
    changed = Signal(object)  # a Change, after every operation and on log-in / switch

    def __init__(self, workspace: Workspace, person: PersonInfo | None = None):
        super().__init__()
        self.workspace, self.person = workspace, person
        self.editors: dict[int, SopEditor] = {}
        self.run_windows: dict[int, RunWindow] = {}
        self.setWindowTitle("Pandu SOP")
        prefs.install_screen_fit()
        i18n.install_translations()
        prefs.fit_size(self, 1100, 680)
        self.setAcceptDrops(True)
        self.library = LibraryPage(workspace)
        self.library.open_requested.connect(self.open_editor)
        self.library.print_requested.connect(self.print_sop)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.dashboard = DashboardPage(lambda: self.person)
        self.dashboard.open_requested.connect(self.open_run)
        self.dashboard.first_step_requested.connect(self.do_first_step)
        self.runs = RunsPage()
        self.runs.start_requested.connect(self.start_run)
        self.runs.open_requested.connect(self.open_run)
        self.runs.monitoring_requested.connect(
            lambda: MonitoringDialog.open_for(self, self.workspace))
        self.documents = DocumentsPage(workspace, lambda: self.person)
        self.documents.open_requested.connect(self.open_document)
        self.documents.changed.connect(lambda: self.notify("document"))
        self.document_windows: dict[int, DocumentWindow] = {}
        self.forms = FormsPage(workspace, lambda: self.person)
        self.documents_tabs = QTabWidget()
        self.documents_tabs.addTab(self.documents, "Naskah dinas")
        self.documents_tabs.addTab(self.forms, "Formulir RKT / EKT / Renja")
        self.expedition = ExpeditionPage(workspace, lambda: self.person)
        self.archive = ArchivePage(workspace, lambda: self.person)
        self.auto_backup = AutoBackup(workspace.data_dir, self)
        self.auto_backup.done.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.auto_backup.failed.connect(lambda text: backup_actions.warn(self, "Pandu SOP",
                                                                         text))
        self.settings_page = SettingsPage(lambda: self.person)
        self.settings_page.edit_requested.connect(self.edit_profile)
        self.people_page = PeoplePage(workspace, lambda: self.person)
        self.settings_tabs = QTabWidget()
        self.settings_tabs.addTab(self.settings_page, "Profil kantor")
        self.settings_tabs.addTab(self.people_page, "Pengguna")
        self.calendar_page = CalendarPage(workspace, lambda: self.person)
        self.calendar_page.changed.connect(lambda: self.notify("calendar"))
        self.settings_tabs.addTab(self.calendar_page, "Hari kerja dan libur")
        self.signoff_page = SignoffPage(workspace, lambda: self.person)
        self.settings_tabs.addTab(self.signoff_page, "Alur paraf")
        self.letter_page = LetterNumbersPage(workspace, lambda: self.person)
        self.settings_tabs.addTab(self.letter_page, "Nomor surat")
        from desktop_app.gui.signing_keys import SigningKeysPage

        self.signing_keys_page = SigningKeysPage(workspace, lambda: self.person)
        self.settings_tabs.addTab(self.signing_keys_page, "Kunci tanda tangan")
        self.nav = QListWidget()
        self.pages = QStackedWidget()
        for name, page in (("Beranda", self.dashboard), ("SOP", self.library),
                           ("Proses", self.runs), ("Dokumen", self.documents_tabs),
                           ("Ekspedisi", self.expedition), ("Arsip", self.archive),
                           ("Pengaturan", self.settings_tabs)):
            self.nav.addItem(name)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self._area_changed)
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
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)
        switch = QAction("&Ganti pengguna", self, shortcut="Ctrl+L")
        switch.triggered.connect(self.switch_person)
        self.addAction(switch)
        self._show_person()
        about = QPushButton("Tentang")
        about.setFlat(True)
        about.clicked.connect(self.show_about)
        self.statusBar().addPermanentWidget(about)
        help_action = QAction("&Tentang Pandu SOP", self, shortcut="F1")
        help_action.triggered.connect(self.show_about)
        self.addAction(help_action)
        backup_row = QHBoxLayout()
        backup_row.addWidget(QLabel("<b>Data dan cadangan:</b>"))
        for text, slot in (("Cadangkan ke flashdisk…", self.backup_to_folder),
                           ("Pulihkan dari cadangan…", self.restore_backup)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            backup_row.addWidget(button)
        self.restore_button = button
        self.apply_policy()
        backup_row.addStretch(1)
        layout = self.settings_page.layout()
        layout.insertLayout(layout.count() - 1, backup_row)
        self.people_page.people_changed.connect(lambda: self.notify("people"))
        self.forms.changed.connect(lambda: self.notify("form"))
        self.library.changed.connect(lambda: self.notify("sop"))
        self.expedition.changed.connect(lambda: self.notify("expedition"))
        self.followers = [follow(self.changed, page) for page in (
            self.dashboard, self.library, self.runs, self.documents, self.expedition,
            self.archive, self.settings_page, self.people_page, self.calendar_page,
            self.letter_page)]
        self.followers.append(follow(self.changed, self.forms, self.forms.bring_up_to_date))
        self.followers.append(follow(self.changed, self.signoff_page, self.signoff_page.load,
                                     {"people", "signoff", "restore"}))
        prefs.restore_window(self, "main", {})

    def notify(self, *kinds: str) -> None:
        """Tell every page and open window that the office changed."""
        self.changed.emit(Change(frozenset(kinds)))

    def backup_to_folder(self) -> None:
        backup_actions.backup_to_folder(self, self.workspace.data_dir)

    def restore_backup(self) -> None:
        if self.person is None or self.person.role != "admin":
            backup_actions.warn(self, "Pandu SOP", "Hanya admin yang dapat memulihkan data "
                                "dari cadangan. Masuk sebagai admin (Ctrl+L).")
            return
        if backup_actions.restore_from_backup(self, self.workspace, self.auto_backup,
                                              actor=self.person):
            self.close()  # staff open the app again on the restored data

    def show_about(self) -> None:
        AboutDialog.open_for(self, self.workspace.data_dir)

    @property
    def sop_model(self):
        return self.library.model

    def _area_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)

    def show_area(self, name: str) -> None:
        names = [self.nav.item(i).text() for i in range(self.nav.count())]
        self.nav.setCurrentRow(names.index(name))

    # session -----------------------------------------------------------------------------
    def start_session(self) -> bool:
        """First start: office profile, then the first admin; then who is working.

        Set-up can always be resumed: cancelling the wizard or the first admin goes back to
        the start of set-up (or quits, when the person says so), never to a dead end; the
        next start of the app resumes where it stopped."""
        if not self.run_setup():
            return False
        if self.person is not None:
            return True  # the first admin just made is the one working
        if not people.list_people():
            return True  # nobody to log in as: the window works without runs
        self.person = LoginDialog.ask(self, prefs.last_person())
        self._show_person()
        return self.person is not None

    def run_setup(self) -> bool:
        """The profile wizard and the first admin until both are done; False to quit."""
        while True:
            self.maybe_run_setup()
            if people.has_admin():
                return True
            admin = FirstAdminDialog.ask(self,
                                         profile.load_profile().officials)
            if admin is not None:
                self.person = admin
                self._show_person()
                return True
            if questions.confirm(
                    self, "Pandu SOP", "Penyiapan kantor belum selesai: belum ada admin. "
                    "Tanpa admin, belum ada yang dapat masuk.\n\nKembali ke penyiapan, atau "
                    "keluar dan lanjutkan saat Pandu SOP dibuka lagi?",
                    yes="&Keluar", no="&Kembali ke penyiapan"):
                return False

    def do_first_step(self, key: str) -> None:
        """A link of the Beranda's first steps."""
        if key == "profil":
            self.edit_profile()
        elif key == "pengguna":
            self.show_area("Pengaturan")
            self.settings_tabs.setCurrentWidget(self.people_page)
            if self.person is None:
                self.switch_person()
        elif key == "sop":
            self.show_area("SOP")

    def maybe_run_setup(self) -> None:
        if not profile.is_configured():
            self.edit_profile()

    def switch_person(self) -> None:
        if not people.has_admin() and not self.run_setup():
            return  # set-up not finished: resumed here, nobody to switch to yet
        if self.person is not None and not people.list_people():
            return
        person = LoginDialog.ask(self,
                                 self.person.id if self.person else None)
        if person is not None:
            self.person = person
            for window in list(self.run_windows.values()):
                window.close()
            self._show_person()

    def _show_person(self) -> None:
        if self.person:
            prefs.set_last_person(self.person.id)
        self.notify("person")
        self.apply_policy()
        self.who.setText(f"Masuk sebagai: {self.person.nama} ({self.person.role})  "
                         "[Ctrl+L ganti]" if self.person else "Belum masuk")

    def apply_policy(self) -> None:
        """Every privileged page asks the core's policy what this person may do."""
        for page in (self.settings_page, self.people_page, self.calendar_page,
                     self.signoff_page, self.letter_page):
            page.apply_policy()
        if hasattr(self, "restore_button"):
            policy.apply(self.person, OP.RESTORE, self.restore_button)

    def edit_profile(self) -> None:
        entered = SetupWizard.ask(self, profile.load_profile(), self.workspace.data_dir)
        if entered is None:
            return
        try:
            profile.save_profile(entered, actor=self.person)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.notify("profile")
        self.statusBar().showMessage("Profil kantor disimpan.", 5000)

    def officials(self) -> list[Official]:
        return [Official(o.jabatan, o.nama, o.pangkat_golongan, o.nip)
                for o in profile.load_profile().officials]

    # SOP ---------------------------------------------------------------------------------
    def open_editor(self, sop_id: int) -> SopEditor:
        editor = self.editors.get(sop_id)
        if editor is None or not editor.isVisible():
            editor = SopEditor(self.workspace, sop_id, self.officials(), self,
                               lambda: self.person)
            editor.setWindowFlag(Qt.WindowType.Window)
            editor.saved.connect(lambda _id: self.notify("sop"))
            # the officials it offers for approval follow the profile; the SOP being edited
            # stays as typed (it is saved or discarded by the person)
            follow(self.changed, editor,
                   lambda e=editor: setattr(e, "officials", self.officials()), {"profile"})
            self.editors[sop_id] = editor
        editor.show()
        editor.raise_()
        return editor

    def print_sop(self, sop_id: int) -> None:
        sop, approved = library.get_sop(sop_id), library.is_approved(sop_id)
        data_dir = self.workspace.data_dir
        self.preview = PrintPreviewDialog(
            self, sop.identitas.nama,
            lambda paper: sop_sheet_pdf(sop, paper, data_dir, approved),
            get_setting("paper"), file_name(f"SOP {sop.identitas.nama}", ".pdf"))
        self.preview.open()

    # runs --------------------------------------------------------------------------------
    def start_run(self) -> None:
        if self.person is None:
            self.statusBar().showMessage("Masuk dahulu (Ctrl+L) untuk memulai proses.", 6000)
            return
        sops = [s for s in library.list_sops() if s.runnable]
        request = StartRunDialog.ask(self, sops, people.list_people())
        if request is None:
            return
        try:
            run_id = engine.start_run(request.sop_id, request.title,
                                      request.year, request.start, request.assignments,
                                      engine.Actor(self.person.id, self.person.role))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.refresh_runs()
        self.open_run(run_id)

    def open_run(self, run_id: int) -> RunWindow | None:
        if self.person is None:
            self.statusBar().showMessage("Masuk dahulu (Ctrl+L) untuk membuka proses.", 6000)
            return None
        window = self.run_windows.get(run_id)
        if window is None or not window.isVisible():
            window = RunWindow(self.workspace, run_id, self.person, self)
            window.setWindowFlag(Qt.WindowType.Window)
            window.changed.connect(lambda: self.notify("run"))
            follow(self.changed, window, window.reload,
                   {"run", "document", "form", "expedition", "people", "calendar"})
            window.make_document.connect(
                lambda *args, w=window: self.make_step_document(*args, source=w))
            self.run_windows[run_id] = window
        window.show()
        window.raise_()
        return window

    def make_step_document(self, run_step_id: int, kind: str, title: str, content,
                           source: QWidget | None = None) -> None:
        if kind == "ekspedisi":
            self.show_area("Ekspedisi")
            self.bring_to_front(source)
            self.expedition.add_delivery(run_step_id=run_step_id)
            return
        if kind.startswith("form_"):
            self.show_area("Dokumen")
            self.documents_tabs.setCurrentWidget(self.forms)
            self.bring_to_front(source)
            self.forms.prepare(kind.removeprefix("form_"), content["year"], content["run_id"])
            return
        doc_id = self.documents.create(kind, title, content, run_step_id)
        if doc_id is not None:
            self.open_document(doc_id)

    def open_document(self, doc_id: int) -> DocumentWindow:
        window = self.document_windows.get(doc_id)
        if window is None or not window.isVisible():
            window = DocumentWindow(self.workspace, doc_id, lambda: self.person, self)
            window.setWindowFlag(Qt.WindowType.Window)
            window.changed.connect(lambda: self.notify("document"))
            follow(self.changed, window, kinds={"document", "signoff", "people", "profile"})
            self.document_windows[doc_id] = window
        window.refresh()
        window.show()
        window.raise_()
        return window

    def bring_to_front(self, source: QWidget | None = None) -> None:
        """The area a run step opened comes in front of the run window (which stays open
        behind it: a window manager keeps an owned window above its owner otherwise)."""
        if self.isMinimized():
            self.showNormal()
        if source is not None:
            source.lower()
        self.raise_()
        self.activateWindow()

    def refresh_runs(self) -> None:
        self.notify("run")

    # window ------------------------------------------------------------------------------
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
        message = self.auto_backup.backup_on_close()
        if message:
            backup_actions.warn(self, "Pandu SOP", message)
        prefs.save_window(self, "main", {})
        super().closeEvent(event)


