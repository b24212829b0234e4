"""A naskah dinas in its own window: the current version's pages, status, number and route
with each step's state, the history; paraf, sign, send back, change, and save a copy."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.dates import waktu as _when
from desktop_app.common.errors import DomainError
from desktop_app.gui import prefs
from desktop_app.gui.document_form import DocumentFormDialog
from desktop_app.gui.errors import show_error
from desktop_app.gui.login_dialog import hint_label, message_label, pin_edit
from desktop_app.gui.pdf_pages import PdfPages
from desktop_app.gui.questions import confirm
from desktop_app.naskah import workflow
from desktop_app.naskah.workflow import NUMBERED, STATUS_LABELS, DocumentDetail
from desktop_app.office.people import PersonInfo
from desktop_app.office.signoff import ACTIONS, KINDS

PAGE_DPI = 80
OK_STYLE = "color: #1b7f3b;"
ERROR_STYLE = "color: #b00020;"
COLOURS = {"selesai": "#1b7f3b", "giliran": "#0b57d0", "dikembalikan": "#b26a00",
           "menunggu": "#777777"}
STATUS_COLOURS = {"menunggu": "#0b57d0", "dikembalikan": "#b26a00", "final": "#1b7f3b"}


class PinPrompt(QDialog):
    """The PIN (typed hidden) that confirms a paraf, a signature or a return with its note."""

    def __init__(self, parent, text: str, with_note: bool, ok_text: str):
        super().__init__(parent)
        self.setWindowTitle("Konfirmasi dengan PIN")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, wordWrap=True))
        self.note = QPlainTextEdit() if with_note else None
        if self.note is not None:
            self.note.setTabChangesFocus(True)
            self.note.setPlaceholderText("Apa yang harus diperbaiki…")
            layout.addWidget(QLabel("&Catatan (wajib):", buddy=self.note))
            layout.addWidget(self.note)
        self.pin = pin_edit()
        pin_label = QLabel("&PIN Anda:", buddy=self.pin)
        row = QHBoxLayout()
        row.addWidget(pin_label)
        row.addWidget(self.pin, 1)
        layout.addLayout(row)
        self.problem = message_label()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.note or self.pin).setFocus()

    def note_text(self) -> str:
        return self.note.toPlainText().strip() if self.note is not None else ""

    def _accept(self) -> None:
        if self.note is not None and not self.note_text():
            problem = "Tulis catatan: apa yang harus diperbaiki."
        elif not self.pin.text():
            problem = "Ketik PIN Anda."
        else:
            self.accept()
            return
        self.problem.setText(problem)
        self.problem.show()

    @classmethod
    def ask(cls, parent, text: str, ok_text: str = "OK") -> str | None:
        dialog = cls(parent, text, False, ok_text)
        return dialog.pin.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def ask_with_note(cls, parent, text: str) -> tuple[str, str] | None:
        """(note, pin), or None if cancelled."""
        dialog = cls(parent, text, True, "Kembalikan")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note_text(), dialog.pin.text()




def step_states(detail: DocumentDetail) -> list[tuple[str, str]]:
    """(state, text) of each route step for the current version: selesai, dikembalikan,
    giliran (it is this step's turn) or menunggu."""
    summary = detail.summary
    current = [a for a in detail.approvals if a.version == summary.versions]
    states = []
    for step in detail.route:
        given = [a for a in current if a.person == step.person and a.action == step.action]
        last = given[-1] if given else None
        if last is not None and last.decision == "setuju":
            verb = "sudah ttd" if step.action == "tanda_tangan" else "sudah paraf"
            states.append(("selesai", f"{verb}, {_when(last.at)}"))
        elif last is not None and summary.status == "dikembalikan":
            states.append(("dikembalikan", f"dikembalikan, {_when(last.at)}"))
        elif summary.status == "menunggu" and summary.waiting_for_id == step.person_id:
            states.append(("giliran", "giliran sekarang"))
        else:
            states.append(("menunggu", "menunggu"))
    return states


def may_edit(person: PersonInfo | None, detail: DocumentDetail) -> bool:
    """The author or an admin may change a document that is not yet signed (the core's rule,
    naskah.workflow.may_edit, which update_document checks again)."""
    return person is not None and workflow.may_edit(person, detail.summary.id)


def file_name(detail: DocumentDetail) -> str:
    summary = detail.summary
    words = f"{KINDS[summary.kind]} {summary.number} {summary.title}".replace("/", "-")
    return re.sub(r"[^\w.\- ]+", "", " ".join(words.split()))[:120] + ".pdf"


class DocumentWindow(QMainWindow):
    changed = Signal()

    def __init__(self, workspace, doc_id: int,
                 person_provider: Callable[[], PersonInfo | None], parent=None):
        super().__init__(parent)
        self.workspace, self.doc_id, self.person_provider = workspace, doc_id, person_provider
        self.detail: DocumentDetail | None = None
        self._shown_sha = ""
        prefs.fit_size(self, 1240, 860)
        self.page_box = QWidget()
        self.page_layout = QVBoxLayout(self.page_box)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pages = QScrollArea(widgetResizable=True)
        pages.setWidget(self.page_box)
        pages.setBackgroundRole(pages.backgroundRole().Dark)
        self.header = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.route = QListWidget()
        self.route.setWordWrap(True)
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels(["Waktu", "Oleh", "Tindakan", "Versi",
                                                "Catatan"])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(True)
        self.approve_button = QPushButton("&Paraf…")
        self.return_button = QPushButton("&Kembalikan…")
        self.edit_button = QPushButton("&Ubah…")
        self.save_button = QPushButton("&Simpan PDF…")
        for button, slot in ((self.approve_button, self.approve),
                             (self.return_button, self.send_back),
                             (self.edit_button, self.edit), (self.save_button, self.save_pdf)):
            button.clicked.connect(slot)
            button.setEnabled(False)  # until the document is shown
        self.turn_hint = hint_label("")
        self.message = message_label()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.header)
        side_layout.addWidget(QLabel("<b>Alur paraf dan tanda tangan</b>"))
        side_layout.addWidget(self.route)
        side_layout.addWidget(QLabel("<b>Riwayat</b>"))
        side_layout.addWidget(self.history, 1)
        side_layout.addWidget(self.turn_hint)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.return_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(pages)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 520])
        self.setCentralWidget(splitter)
        self.splitter = splitter
        prefs.restore_window(self, "document", {"splitter": splitter})
        self.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        prefs.save_window(self, "document", {"splitter": self.splitter})
        super().closeEvent(event)

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.detail = workflow.document_detail(self.doc_id, self.workspace.data_dir)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.say("")
        summary = self.detail.summary
        self.setWindowTitle(f"{KINDS[summary.kind]}: {summary.title} — Pandu SOP")
        self.header.setText(self._header_html())
        self._show_route()
        self._show_history()
        self._show_buttons()
        if self.detail.sha256 != self._shown_sha:
            self._show_pages()

    def _header_html(self) -> str:
        d = self.detail
        s = d.summary
        colour = STATUS_COLOURS.get(s.status, "#000")
        if s.number:
            number = escape(s.number)
        elif s.kind in NUMBERED:
            number = "<i>belum ada (diambil saat ditandatangani)</i>"
        else:
            number = "<i>tidak bernomor</i>"
        rows = [("Jenis", escape(KINDS[s.kind])),
                ("Status", f'<b style="color:{colour}">{escape(STATUS_LABELS[s.status])}</b>'),
                ("Nomor", number), ("Versi", str(s.versions))]
        if d.verification_code:
            rows.append(("Kode verifikasi", f"<b>{escape(d.verification_code)}</b>"))
        rows.append(("Sidik berkas",
                     f"<span style='font-family:monospace'>{d.sha256[:32]}…</span>"))
        table = "".join(f"<tr><td style='color:#555;padding-right:10px'>{k}</td><td>{v}</td>"
                        "</tr>" for k, v in rows)
        return f"<h3>{escape(s.title)}</h3><table>{table}</table>"

    def _show_route(self) -> None:
        self.route.clear()
        states = step_states(self.detail)
        for number, (step, (state, text)) in enumerate(zip(self.detail.route, states,
                                                           strict=True), 1):
            who = step.person if step.jabatan in ("", step.person) else (
                f"{step.person} — {step.jabatan}")
            item = QListWidgetItem(f"{number}. {who}\n     {ACTIONS[step.action]}: {text}")
            item.setForeground(QBrush(QColor(COLOURS[state])))
            if state == "giliran":
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.route.addItem(item)
        rows = sum(self.route.sizeHintForRow(r) for r in range(self.route.count()))
        self.route.setFixedHeight(rows + 2 * self.route.frameWidth() + 6)

    def _show_history(self) -> None:
        approvals = self.detail.approvals
        self.history.setRowCount(len(approvals))
        for row, a in enumerate(approvals):
            returned = a.decision != "setuju"
            action = "dikembalikan" if returned else ACTIONS[a.action]
            for column, value in enumerate((_when(a.at), a.person, action, str(a.version),
                                            a.note or "")):
                item = QTableWidgetItem(value)
                if returned:
                    item.setForeground(QBrush(QColor(COLOURS["dikembalikan"])))
                self.history.setItem(row, column, item)
        self.history.resizeColumnsToContents()
        self.history.resizeRowsToContents()

    def _show_buttons(self) -> None:
        summary, person = self.detail.summary, self.person_provider()
        signing = summary.waiting_action == "tanda_tangan"
        self.approve_button.setText("&Tanda tangani…" if signing else "&Paraf…")
        my_turn = bool(person and summary.status == "menunggu"
                       and summary.waiting_for_id == person.id)
        self.approve_button.setEnabled(my_turn)
        self.return_button.setEnabled(my_turn)
        self.edit_button.setEnabled(may_edit(person, self.detail))
        self.save_button.setEnabled(self.detail.pdf_path is not None)
        if summary.status == "final":
            hint = "Naskah sudah disahkan; berkasnya tidak dapat diubah lagi."
        elif summary.status == "dikembalikan":
            hint = "Naskah dikembalikan. Pembuat naskah memperbaikinya dengan Ubah…"
        elif person is None:
            hint = "Masuk (pilih nama dan PIN) untuk memaraf atau menandatangani."
        elif my_turn:
            hint = "Sekarang giliran Anda untuk " + (
                "menandatangani naskah ini." if signing else "memaraf naskah ini.")
        else:
            hint = f"Sekarang giliran {summary.waiting_for} ({ACTIONS[summary.waiting_action]})."
        self.turn_hint.setText(hint)

    def _show_pages(self) -> None:
        while self.page_layout.count():
            old = self.page_layout.takeAt(0).widget()
            old.hide()  # deleted later; hidden now so it is not painted meanwhile
            old.deleteLater()
        path = self.detail.pdf_path
        try:
            pages = PdfPages(path.read_bytes())
        except (OSError, AttributeError) as exc:
            self.page_layout.addWidget(QLabel(f"Berkas PDF naskah ini tidak dapat dibaca "
                                              f"({path}): {exc}", wordWrap=True))
            return
        try:
            for index in range(len(pages)):
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(pages.image(index, PAGE_DPI)))
                label.setStyleSheet("border: 1px solid #888; background: white;")
                self.page_layout.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        finally:
            pages.close()
        self._shown_sha = self.detail.sha256

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- acting -------------------------------------------------------------------------------

    def _act(self, action: Callable[[], None], done: str) -> bool:
        try:
            action()
        except DomainError as exc:
            self.refresh()
            self.say(str(exc), error=True)
            return False
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()  # the window follows the change too, so say it after
        self.say(done)
        return True

    def approve(self) -> None:
        person, summary = self.person_provider(), self.detail.summary
        if person is None:
            return
        if summary.waiting_action == "tanda_tangan":
            text = (f"Tanda tangani “{summary.title}”?\n\nNomor surat diambil sekarang dan "
                    "naskah final disimpan beserta kode verifikasinya. Setelah itu naskah "
                    "tidak dapat diubah.")
            ok, done = "Tanda tangani", "Naskah sudah ditandatangani dan disahkan."
        else:
            text = f"Paraf “{summary.title}” (versi {summary.versions})?"
            ok, done = "Paraf", "Paraf Anda sudah tercatat."
        pin = PinPrompt.ask(self, f"{text}\n\nKetik PIN {person.nama}.", ok)
        if pin is None:
            return
        from desktop_app.gui.signing_keys import passphrase_for

        passphrase = passphrase_for(self, person, text)  # issue 15: the person's own key
        if passphrase is not False:
            self._act(lambda: workflow.approve(self.workspace.data_dir, self.doc_id,
                                               person.id, pin, actor=person,
                                               passphrase=passphrase), done)

    def send_back(self) -> None:
        person, summary = self.person_provider(), self.detail.summary
        if person is None:
            return
        answer = PinPrompt.ask_with_note(
            self, f"Kembalikan “{summary.title}” kepada pembuatnya untuk diperbaiki.")
        if answer is not None:
            note, pin = answer
            self._act(lambda: workflow.return_document(self.doc_id,
                                                       person.id, pin, note),
                      "Naskah dikembalikan dengan catatan Anda.")

    def edit(self) -> None:
        person, detail = self.person_provider(), self.detail
        if not may_edit(person, detail):
            return
        given = detail.summary.status == "menunggu" and any(
            a.version == detail.summary.versions and a.decision == "setuju"
            for a in detail.approvals)
        if given and not confirm(self, "Ubah naskah",
                                 "Paraf yang sudah diberikan pada versi ini tidak berlaku lagi "
                                 "setelah naskah diubah; alur dimulai lagi dari awal. Lanjutkan?",
                                 yes="Ubah"):
            return
        answer = DocumentFormDialog.ask(self, detail.summary.kind, detail.summary.title,
                                        detail.content)
        if answer is not None:
            title, content = answer
            self._act(lambda: workflow.update_document(
                self.workspace.data_dir, self.doc_id, title, content,
                person.id), "Perubahan tersimpan sebagai versi baru.")

    def save_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Simpan PDF", file_name(self.detail), "Dokumen PDF (*.pdf)")
        if path:
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> Path | None:
        """A writable copy of the stored file (the stored one stays read-only)."""
        target = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        try:
            write_atomically(target, self.detail.pdf_path.read_bytes())
        except OSError as exc:
            show_error(self, DomainError(f"Berkas {target} tidak dapat disimpan: "
                                         f"{exc.strerror or exc}."))
            return None
        self.say(f"Salinan PDF tersimpan di {target}.")
        return target
