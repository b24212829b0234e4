"""The SOP editor window: identity, lanes and steps with undo/redo, problems shown where they
are, a live flowchart preview, save, approve (Sahkan) and earlier revisions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.dates import tanggal
from desktop_app.common.errors import NotAllowed
from desktop_app.gui import prefs, questions
from desktop_app.gui.approve_dialog import Approval, ApproveDialog
from desktop_app.gui.document_window import PinPrompt
from desktop_app.gui.errors import show_error
from desktop_app.gui.flowchart_preview import FlowchartPreview
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.sop_forms import CommitText, IdentityForm, LanesPanel
from desktop_app.gui.sop_steps_panel import StepsPanel
from desktop_app.office.permissions import OP, allowed
from desktop_app.office.settings import get_setting
from desktop_app.sop import library
from desktop_app.sop.model import Official, Sop
from desktop_app.sop.printing import sop_sheet_pdf
from desktop_app.sop.validation import sop_problems
from desktop_app.workspace import Workspace


class SopChange(QUndoCommand):
    """One edit: the SOP before and after it."""

    def __init__(self, editor: SopEditor, before: Sop, after: Sop, text: str):
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after

    def redo(self) -> None:
        self.editor.show_sop(self.after)

    def undo(self) -> None:
        self.editor.show_sop(self.before)


class SopEditor(QMainWindow):
    saved = Signal(int)

    def __init__(self, workspace: Workspace, sop_id: int, officials: list[Official],
                 parent: QWidget | None = None, person_provider=lambda: None):
        super().__init__(parent)
        self.workspace, self.sop_id, self.officials = workspace, sop_id, officials
        self.person_provider = person_provider
        prefs.fit_size(self, 1280, 800)
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._clean_changed)  # a method: gone with the window
        self.identity, self.lanes, self.steps = IdentityForm(), LanesPanel(), StepsPanel()
        for panel in (self.identity, self.lanes, self.steps):
            panel.edited.connect(self.apply)
        self.lanes.failed.connect(lambda exc: show_error(self, exc))
        self._build()
        self.preview_timer = QTimer(self, singleShot=True, interval=200)
        self.preview_timer.timeout.connect(self._refresh_preview)
        self.reload()
        prefs.restore_window(self, "editor", {"splitter": self.splitter})

    def _build(self) -> None:
        tabs = QTabWidget()
        identity_scroll = QScrollArea(widgetResizable=True)
        identity_scroll.setWidget(self.identity)
        tabs.addTab(identity_scroll, "&Identitas")
        tabs.addTab(self.lanes, "&Pelaksana")
        tabs.addTab(self.steps, "&Langkah")
        self.tabs = tabs
        self.preview = FlowchartPreview()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.preview)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.itemActivated.connect(self._go_to_problem)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("Pratinjau diagram alir"))
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(QLabel("Masalah"))
        right_layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(tabs)
        splitter.addWidget(right)
        splitter.setSizes([520, 760])
        self.splitter = splitter
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px;")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        bar = QToolBar("SOP")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.save_action = QAction("&Simpan", self, shortcut=QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.undo_action = QAction("&Urungkan", self, shortcut=QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(f"&Urungkan {text}".strip()))
        self.redo_action = self.stack.createRedoAction(self, "U&lang")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.approve_action = QAction("Sa&hkan…", self)
        self.approve_action.triggered.connect(self.approve)
        self.print_action = QAction("&Cetak…", self, shortcut=QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_sheet)
        for action in (self.save_action, self.undo_action, self.redo_action,
                       self.approve_action, self.print_action):
            bar.addAction(action)
            self.addAction(action)
        bar.addSeparator()
        bar.addWidget(QLabel(" Revisi: "))
        self.revision = QComboBox()
        self.revision.activated.connect(lambda _i: self._show_revision())
        bar.addWidget(self.revision)

    # state -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load the latest revision from the library; forget the undo history."""
        self.saved_sop = library.get_sop(self.sop_id)
        self.viewing_old = False
        self.stack.clear()
        self._fill_revisions()
        self.show_sop(self.saved_sop)
        self._set_read_only(False)

    def apply(self, new: Sop, text: str) -> None:
        if new != self.sop:
            self.stack.push(SopChange(self, self.sop, new, text))

    def show_sop(self, sop: Sop) -> None:
        self.sop = sop
        for panel in (self.identity, self.lanes, self.steps):
            panel.load(sop)
        problems = sop_problems(sop)
        self.problems.clear()
        self.problems.addItems(problems or ["Tidak ada masalah."])
        self._update_title()
        self.preview_timer.start()

    def draft(self) -> Sop:
        """The SOP being edited (kept aside while an older revision is shown)."""
        return self._draft if self.viewing_old else self.sop

    def is_dirty(self) -> bool:
        return self.draft() != self.saved_sop

    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        if not hasattr(self, "saved_sop"):
            return
        mark = " *" if self.is_dirty() else ""
        self.setWindowTitle(f"{self.sop.identitas.nama}{mark} — Pandu SOP")
        approved = library.is_approved(self.sop_id)
        self.approve_action.setEnabled(not approved or self.is_dirty())
        self.banner.setVisible(approved)
        self.banner.setText("SOP ini sudah disahkan. Perubahan yang disimpan menjadi revisi "
                            "baru; revisi yang disahkan tetap dapat dibaca dan dicetak.")

    def _refresh_preview(self) -> None:
        if sop_problems(self.sop):
            self.preview.set_layout(None)
            return
        from desktop_app.flowchart.layout import layout_flowchart
        from desktop_app.render.pdf.fonts import text_width_mm

        try:
            self.preview.set_layout(layout_flowchart(self.sop, get_setting("paper"),
                                                     text_width_mm))
        except Exception as exc:  # noqa: BLE001 - e.g. a step too long for a page
            self.preview.set_message(str(exc))

    def _go_to_problem(self, item) -> None:
        text = item.text()
        if text.startswith("langkah "):
            self.tabs.setCurrentWidget(self.steps)
            self.steps.select(int(text.split()[1].rstrip(":")) - 1)
        elif text.startswith("pelaksana"):
            self.tabs.setCurrentWidget(self.lanes)
        else:
            self.tabs.setCurrentIndex(0)

    # actions -----------------------------------------------------------------------------
    def commit_typing(self) -> None:
        """Take over the text of the field being typed (its edit becomes one undo step)."""
        widget = self.focusWidget()
        if isinstance(widget, QLineEdit):
            widget.editingFinished.emit()
        elif isinstance(widget, CommitText):
            widget.committed.emit(widget.toPlainText())

    def undo(self) -> None:
        """Urungkan: what is being typed is one change, taken back alone."""
        self.commit_typing()
        self.stack.undo()

    def save(self) -> bool:
        self.commit_typing()
        if self.viewing_old or not self.is_dirty():
            return True
        try:
            library.save_draft(self.sop_id, self.sop, date.today())
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing saved
            show_error(self, exc)
            return False
        self.saved_sop = self.sop
        self.stack.setClean()
        self._fill_revisions()
        self._update_title()
        self.statusBar().showMessage("Tersimpan.", 4000)
        self.saved.emit(self.sop_id)
        return True

    def approve(self) -> None:
        person = self.person_provider()
        if not allowed(person, OP.APPROVE_SOP):
            show_error(self, NotAllowed("SOP disahkan hanya oleh pejabatnya sendiri, dengan PIN "
                                        "pejabat itu. Masuk sebagai pejabat itu (Ctrl+L di "
                                        "jendela utama)."))
            return
        if not self.save():
            return
        mine = next((o for o in self.officials if person.nip and o.nip == person.nip), None)
        initial = Approval(mine or (self.officials[0] if self.officials else Official()),
                           date.today())
        choice = ApproveDialog.ask(self, self.officials, initial)
        if choice is None:
            return
        pin = PinPrompt.ask(self, f"{person.nama}, ketik PIN Anda untuk mengesahkan SOP ini.")
        if pin is None:
            return
        from desktop_app.gui.signing_keys import passphrase_for

        passphrase = (passphrase_for(self, person, "Sahkan SOP ini?")
                      if person.nip and person.nip == choice.official.nip else None)
        if passphrase is False:
            return
        try:
            library.approve_as(self.sop_id, choice.official, choice.on,
                               person.id, pin, passphrase=passphrase)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.reload()
        self.statusBar().showMessage(f"SOP disahkan pada {tanggal(choice.on)}.", 6000)
        self.saved.emit(self.sop_id)

    def print_sheet(self) -> None:
        sop, data_dir = self.sop, self.workspace.data_dir
        approved = (not self.viewing_old and not self.is_dirty()
                    and library.is_approved(self.sop_id))
        self._print_dialog = PrintPreviewDialog(
            self, sop.identitas.nama, lambda paper: sop_sheet_pdf(sop, paper, data_dir, approved),
            get_setting("paper"), f"SOP {sop.identitas.nama}.pdf")
        self._print_dialog.open()

    # revisions ---------------------------------------------------------------------------
    def _fill_revisions(self) -> None:
        self.revision.clear()
        for rev in reversed(library.list_revisions(self.sop_id)):
            state = (f"disahkan {tanggal(rev.approved_at.date())}" if rev.approved_at
                     else "draf")
            self.revision.addItem(f"{rev.number} ({state})", rev.number)

    def _show_revision(self) -> None:
        number = self.revision.currentData()
        if number == self.revision.itemData(0):
            if self.viewing_old:
                self.viewing_old = False
                self.show_sop(self._draft)
                self._set_read_only(False)
            return
        if not self.viewing_old:
            self._draft, self.viewing_old = self.sop, True
        self.show_sop(library.get_revision(self.sop_id, number))
        self._set_read_only(True)

    def _set_read_only(self, read_only: bool) -> None:
        self.tabs.setEnabled(not read_only)
        for action in (self.save_action, self.undo_action, self.redo_action):
            action.setEnabled(not read_only)
        self.undo_action.setEnabled(not read_only and self.stack.canUndo())
        self.redo_action.setEnabled(not read_only and self.stack.canRedo())
        if read_only:
            self.statusBar().showMessage("Revisi lama: hanya dapat dibaca dan dicetak.")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.commit_typing()
        if self.is_dirty():
            if self.viewing_old:
                self.revision.setCurrentIndex(0)
                self._show_revision()
            answer = questions.save_changes(
                self, f'Perubahan pada SOP "{self.sop.identitas.nama}" belum disimpan. '
                "Simpan sekarang?")
            if answer == "batal" or (answer == "simpan" and not self.save()):
                event.ignore()
                return
        prefs.save_window(self, "editor", {"splitter": self.splitter})
        super().closeEvent(event)
