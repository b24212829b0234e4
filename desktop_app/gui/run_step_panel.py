"""The selected step of a run: what to do, who, by when, the kelengkapan checklist with
attachments and reasons, the expected output, notes, and the step's actions."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.dates import waktu as _when
from desktop_app.office.people import PersonInfo
from desktop_app.runs.views import STATE_LABELS, AttachmentView, StepView
from desktop_app.runs.walk import ReturnNote, blocked_reason

DOCUMENT_BUTTONS = {"surat_dinas": "Buat &surat dinas…", "surat_pengantar":
                    "Buat surat &pengantar…", "nota_dinas": "Buat &nota dinas…",
                    "disposisi": "Buat &disposisi…", "ekspedisi": "&Kirim (ekspedisi)…",
                    "form_rkt": "&Formulir RKT…", "form_ekt": "&Formulir EKT…",
                    "form_renja": "&Formulir Renja…"}




def _files(files: tuple[AttachmentView, ...]) -> str:
    return ", ".join(f"{f.name} ({f.sha256[:8]})" for f in files)


def _return_text(back: ReturnNote | None) -> str:
    if back is None:
        return ""
    return (f"<b>Dikembalikan</b> oleh {escape(back.by or '-')} pada {_when(back.at)} dari "
            f"langkah {back.from_step}: <b>{escape(back.note)}</b>")


class RunStepPanel(QWidget):
    """Emits requests; the run window calls the engine and reloads."""

    tick = Signal(int, int, bool)  # run_step_id, item_id, checked
    explain = Signal(int, int, str)
    attach = Signal(int, object, object)  # run_step_id, item_id | None, Path
    note = Signal(int, str)
    complete = Signal(int)
    decide = Signal(int, bool, str)
    make_document = Signal(int, str)  # run_step_id, kind

    def __init__(self):
        super().__init__()
        self.header = QLabel(wordWrap=True)
        self.facts = QLabel(wordWrap=True)
        self.checklist = QGroupBox("Kelengkapan")
        self.check_grid = QGridLayout(self.checklist)
        self.output = QLabel(wordWrap=True)
        self.output_button = QPushButton("Lampirkan &hasil…")
        self.document_button = QPushButton()
        self.document_button.clicked.connect(lambda: self.make_document.emit(
            self.step.current.run_step_id, self.step.dokumen))
        self.notes = QLabel(wordWrap=True)
        self.note_edit = QLineEdit(placeholderText="Tulis catatan, lalu tekan Enter")
        self.note_edit.returnPressed.connect(self._note)
        self.done_button = QPushButton("&Selesai")
        self.yes_button = QPushButton("&Ya, lanjut")
        self.no_button = QPushButton("&Tidak, kembalikan")
        self.acting = QLabel(wordWrap=True, styleSheet="color: #8a5a00;")
        self.returned = QLabel(wordWrap=True, styleSheet=(
            "background: #fff4ce; border-left: 4px solid #b26a00; padding: 6px;"))
        self.returned.hide()
        self.why = QLabel(wordWrap=True, styleSheet="color: #5f6368;")  # beside the actions
        self.history = QLabel(wordWrap=True, styleSheet="color: #555;")
        self.done_button.clicked.connect(lambda: self.complete.emit(self.step.current
                                                                    .run_step_id))
        self.yes_button.clicked.connect(lambda: self.decide.emit(
            self.step.current.run_step_id, True, ""))
        self.no_button.clicked.connect(self._return)
        self.output_button.clicked.connect(lambda: self._pick_file(None))
        actions = QHBoxLayout()
        for button in (self.done_button, self.yes_button, self.no_button):
            actions.addWidget(button)
        actions.addWidget(self.why, 1)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(self.document_button)
        output_row.addWidget(self.output_button)
        layout = QVBoxLayout(self)
        for widget in (self.header, self.returned, self.facts, self.checklist):
            layout.addWidget(widget)
        layout.addLayout(output_row)
        layout.addWidget(QLabel("<b>Catatan</b>"))
        layout.addWidget(self.notes)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.acting)
        layout.addLayout(actions)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.step: StepView | None = None

    def show_step(self, step: StepView, person: PersonInfo, run_running: bool,
                  returns: dict[tuple[int, int], ReturnNote] | None = None) -> None:
        self.step = step
        returns = returns or {}
        now = step.current
        self.header.setText(f"<h3>Langkah {step.number}. {step.kegiatan}</h3>")
        back = returns.get((step.number, now.attempt))
        self.returned.setText(_return_text(back) + (
            "<br>Perbaiki sesuai catatan itu, lalu selesaikan langkah ini lagi."
            if back and now.state == "aktif" else "") if back else "")
        self.returned.setVisible(back is not None)
        state = STATE_LABELS[now.state] + (f", revisi ke-{now.attempt}" if now.attempt > 1
                                           else "")
        late = f' <span style="color:#b00020"><b>{now.late_text}</b></span>' \
            if now.late_text else ""
        self.facts.setText(
            f"<b>Pelaksana:</b> {', '.join(step.lanes)} — {', '.join(step.people)}<br>"
            f"<b>Status:</b> {state}{late}<br><b>Waktu baku:</b> {step.waktu or '-'} &nbsp; "
            f"<b>Tenggat:</b> {_when(now.due_at)} &nbsp; <b>Selesai:</b> "
            f"{_when(now.completed_at)}" + (f" oleh {now.completed_by}" if now.completed_by
                                            else "")
            + (f" atas nama {now.acted_for}" if now.acted_for else ""))
        active = now.state == "aktif" and run_running
        allowed = active and (person.id in step.person_ids or person.role == "admin")
        self._fill_checks(step, allowed)
        self.output.setText(f"<b>Hasil yang diharapkan:</b> {step.output or '-'}"
                            + (f"<br>Terlampir: {_files(now.outputs)}" if now.outputs else ""))
        self.output_button.setEnabled(allowed)
        label = DOCUMENT_BUTTONS.get(step.dokumen)
        self.document_button.setVisible(label is not None)
        self.document_button.setText(label or "")
        self.document_button.setEnabled(active)  # anyone may prepare the draft
        self.notes.setText(now.note.replace("\n", "<br>") if now.note else "-")
        self.note_edit.setEnabled(allowed)
        complete = all(c.checked or c.missing_reason for c in now.checks)
        decision = step.simbol == "keputusan"
        self.done_button.setVisible(not decision)
        self.yes_button.setVisible(decision)
        self.no_button.setVisible(decision)
        self.no_button.setText(f"&Tidak, kembalikan ke langkah {step.jika_tidak}")
        self.done_button.setEnabled(allowed and complete)
        self.yes_button.setEnabled(allowed and complete)
        self.no_button.setEnabled(allowed)
        self.why.setText(blocked_reason(step, person.id, person.role, run_running))
        acting_for = allowed and person.id not in step.person_ids
        self.acting.setText(f"Anda bertindak atas nama {', '.join(step.people)}; "
                            "tindakan Anda dicatat demikian." if acting_for else "")
        self.acting.setVisible(acting_for)
        earlier = [a for a in step.attempts[:-1]]
        self.history.setText("<b>Riwayat:</b><br>" + "<br>".join(
            f"Percobaan {a.attempt}: {STATE_LABELS[a.state]}, selesai {_when(a.completed_at)}"
            + (f", keputusan {a.decision}" if a.decision else "")
            + (f" — {escape(a.note)}" if a.note else "")
            + (f"<br>&nbsp;&nbsp;→ {_return_text(returns[(step.number, a.attempt + 1)])}"
               if (step.number, a.attempt + 1) in returns else "")
            for a in earlier) if earlier else "")

    def _fill_checks(self, step: StepView, allowed: bool) -> None:
        while self.check_grid.count():
            old = self.check_grid.takeAt(0).widget()
            old.hide()  # out of the layout: never drawn at a stale place until it is gone
            old.deleteLater()
        now = step.current
        if not now.checks:
            self.check_grid.addWidget(QLabel("Tidak ada butir kelengkapan."), 0, 0)
        for row, check in enumerate(now.checks):
            box = QCheckBox(check.text)
            box.setToolTip(check.text)
            box.setChecked(check.checked)
            box.setEnabled(allowed)
            box.toggled.connect(lambda on, item=check.item_id: self.tick.emit(
                now.run_step_id, item, on))
            info = QLabel(wordWrap=True)
            extra = []
            if check.missing_reason:
                extra.append(f'<span style="color:#8a5a00">tidak ada: {check.missing_reason}'
                             "</span>")
            if check.attachments:
                extra.append("lampiran: " + _files(check.attachments))
            info.setText("; ".join(extra))
            attach, missing = QPushButton("Lampirkan…"), QPushButton("Tidak ada…")
            attach.clicked.connect(lambda _=False, item=check.item_id: self._pick_file(item))
            missing.clicked.connect(lambda _=False, item=check.item_id: self._missing(item))
            for widget in (box, attach, missing):
                widget.setEnabled(allowed)
            for col, widget in enumerate((box, info, attach, missing)):
                self.check_grid.addWidget(widget, row, col)
        self.check_grid.setColumnStretch(1, 1)

    def _pick_file(self, item_id: int | None) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih berkas untuk dilampirkan")
        if path:
            self.attach.emit(self.step.current.run_step_id, item_id, Path(path))

    def _missing(self, item_id: int) -> None:
        reason, ok = QInputDialog.getText(self, "Kelengkapan tidak ada",
                                          "Mengapa butir ini tidak ada?")
        if ok:
            self.explain.emit(self.step.current.run_step_id, item_id, reason)

    def _note(self) -> None:
        if self.note_edit.text().strip():
            self.note.emit(self.step.current.run_step_id, self.note_edit.text())
            self.note_edit.clear()

    def _return(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, "Kembalikan untuk perbaikan",
            f"Apa yang harus diperbaiki di langkah {self.step.jika_tidak}?")
        if ok:
            self.decide.emit(self.step.current.run_step_id, False, text)
