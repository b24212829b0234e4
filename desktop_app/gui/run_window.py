"""A run's window: the steps as a timeline with their states, the selected step's panel,
and the audit trail with PDF/XLSX export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.archive.exports import keep_copy
from desktop_app.common.audit import entries
from desktop_app.common.dates import waktu
from desktop_app.gui import prefs
from desktop_app.gui.errors import show_error
from desktop_app.gui.run_step_panel import RunStepPanel
from desktop_app.gui.tasks import run_op
from desktop_app.office.people import PersonInfo, list_people
from desktop_app.runs import engine, reports
from desktop_app.runs.views import STATE_LABELS, RunView, run_view
from desktop_app.runs.walk import return_notes
from desktop_app.workspace import Workspace


def prefill(kind: str, view: RunView, step) -> dict:
    """Form content a step's document starts with (the user completes it)."""
    if kind.startswith("form_"):
        return {"year": view.year, "run_id": view.id}
    hal = f"{view.sop_nama} Tahun {view.year}"
    if kind == "surat_pengantar":
        return {"hal": hal, "items": [{"naskah": f"{view.sop_nama} Tahun {view.year}",
                                       "banyaknya": "1 (satu) berkas",
                                       "keterangan": "Dikirim dengan hormat"}]}
    if kind == "disposisi":
        return {"hal": hal, "catatan": step.kegiatan}
    return {"hal": hal, "lampiran": step.output or "-",
            "paragraphs": [f"Sehubungan dengan {view.title}, bersama ini kami sampaikan "
                           f"{(step.output or 'bahan').lower()} untuk ditindaklanjuti."]}


STATE_COLOURS = {"selesai": "#1b7f3b", "aktif": "#0b57d0", "dikembalikan": "#b26a00",
                 "menunggu": "#777777", "dilewati": "#999999"}


class RunWindow(QMainWindow):
    changed = Signal()

    make_document = Signal(int, str, str, object)  # run_step_id, kind, title, content

    def __init__(self, workspace: Workspace, run_id: int, person: PersonInfo, parent=None):
        super().__init__(parent)
        self.workspace, self.run_id, self.person = workspace, run_id, person
        self.actor = engine.Actor(person.id, person.role)
        prefs.fit_size(self, 1200, 780)
        self.summary = QLabel(wordWrap=True)
        self.progress = QProgressBar()
        self.steps = QListWidget()
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(self._show_selected)
        self.panel = RunStepPanel()
        self._connect_panel()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # stable width
        scroll.setWidget(self.panel)
        self.audit = QTableWidget(0, 5)
        self.audit.setHorizontalHeaderLabels(["Waktu", "Oleh", "Atas nama", "Tindakan",
                                              "Rincian"])
        self.audit.horizontalHeader().setStretchLastSection(True)
        self.audit.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        audit_box = QWidget()
        audit_layout = QVBoxLayout(audit_box)
        audit_layout.addWidget(self.audit)
        buttons = QHBoxLayout()
        for text, slot in (("Ekspor &PDF…", self.export_pdf), ("Ekspor &XLSX…", self.export_xlsx)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        audit_layout.addLayout(buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "&Langkah")
        self.tabs.addTab(audit_box, "&Jejak audit")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.tabs)
        splitter.setSizes([420, 780])
        self.splitter = splitter
        self.reassign_button = QPushButton("&Ganti petugas…")
        self.reassign_button.clicked.connect(self.reassign)
        self.reassign_button.setVisible(person.role == "admin")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reassign_button, alignment=Qt.AlignmentFlag.AlignTop)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        prefs.restore_window(self, "run", {"splitter": splitter})
        self.reload(select_active=True)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        prefs.save_window(self, "run", {"splitter": self.splitter})
        super().closeEvent(event)

    def _connect_panel(self) -> None:
        _db, data_dir = self.workspace.database, self.workspace.data_dir
        p, a = self.panel, self.actor
        p.tick.connect(lambda rs, item, on: self._do(engine.tick, rs, item, on, a))
        p.explain.connect(lambda rs, item, why: self._do(engine.explain_missing, rs, item,
                                                         why, a))
        p.attach.connect(lambda rs, item, path: self._do(engine.attach, data_dir, rs, item,
                                                         Path(path), a))
        p.note.connect(lambda rs, text: self._do(engine.add_note, rs, text, a))
        p.complete.connect(lambda rs: self._do(engine.complete, rs, a, select_active=True))
        p.decide.connect(lambda rs, yes, note: self._do(engine.decide, rs, a, yes, note,
                                                        select_active=True))
        p.make_document.connect(self._make_document)

    def _make_document(self, run_step_id: int, kind: str) -> None:
        """Ask the window to make the step's document, prefilled from the run and step."""
        step = next(s for s in self.view.steps if s.current.run_step_id == run_step_id)
        title = f"Penyampaian {self.view.title}" if kind == "surat_pengantar" else (
            f"{step.output or step.kegiatan} — {self.view.title}")
        content = prefill(kind, self.view, step)
        self.make_document.emit(run_step_id, kind, title, content)

    def _do(self, action, *args, select_active: bool = False) -> None:
        run_op(self, lambda: action(*args))  # an error is shown; the view is read again
        self.reload(select_active=select_active)
        self.changed.emit()

    def reload(self, select_active: bool = False) -> None:
        self.view: RunView = run_view(self.run_id)
        view = self.view
        self.setWindowTitle(f"{view.title} — Pandu SOP")
        late = len(view.late_steps)
        self.summary.setText(
            f"<h2>{view.title}</h2>SOP <b>{view.sop_nama}</b> (revisi {view.revision}), "
            f"tahun {view.year} — <b>{'selesai' if view.status == 'selesai' else 'berjalan'}"
            f"</b>; {view.returns} kali dikembalikan"
            + (f'; <span style="color:#b00020">{late} langkah terlambat</span>' if late else ""))
        self.progress.setMaximum(len(view.steps))
        self.progress.setValue(view.done_count)
        self.progress.setFormat(f"{view.done_count} dari {len(view.steps)} langkah")
        row = self.steps.currentRow()
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in view.steps:
            self.steps.addItem(self._step_item(step))
        active = view.active_step
        if select_active and active:
            row = active.number - 1
        self.steps.setCurrentRow(max(row, 0))
        self.steps.blockSignals(False)
        self._show_selected(self.steps.currentRow())
        self._fill_audit()

    def _step_item(self, step) -> QListWidgetItem:
        now = step.current
        text = f"{step.number}. {step.kegiatan}\n    {STATE_LABELS[now.state]}"
        if now.attempt > 1:
            text += f" (revisi ke-{now.attempt})"
        text += f" — {', '.join(step.people)}"
        if now.late_text:
            text += f" — {now.late_text}"
        item = QListWidgetItem(text)
        colour = "#b00020" if now.late_text else STATE_COLOURS[now.state]
        item.setForeground(QBrush(QColor(colour)))
        if now.state == "aktif":
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        return item

    def _show_selected(self, row: int) -> None:
        if 0 <= row < len(self.view.steps):
            self.panel.show_step(self.view.steps[row], self.person,
                                 self.view.status != "selesai", return_notes(self.view))

    def reassign(self) -> None:
        """An admin gives a pelaksana of this run to another person."""
        lanes = [lane for lane, _person in self.view.assignments]
        lane, ok = QInputDialog.getItem(self, "Ganti petugas", "Pelaksana:", lanes, 0, False)
        if not ok:
            return
        people = list_people()
        labels = [f"{p.nama} — {p.jabatan}" for p in people]
        chosen, ok = QInputDialog.getItem(self, "Ganti petugas", f"Petugas baru untuk {lane}:",
                                          labels, 0, False)
        if ok:
            self._do(engine.reassign_by_name, self.run_id, lane,
                     people[labels.index(chosen)].id, self.actor)

    def _fill_audit(self) -> None:
        rows = entries(self.run_id)
        self.audit.setRowCount(len(rows))
        for r, e in enumerate(rows):
            for c, value in enumerate((waktu(e.at), e.person,
                                       e.on_behalf_of, e.action, e.detail)):
                self.audit.setItem(r, c, QTableWidgetItem(value))
        self.audit.resizeColumnsToContents()

    def _export(self, title: str, suffix: str, make) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, f"Jejak audit {self.view.title}"
                                              f"{suffix}", f"*{suffix}")
        if not path:
            return
        target = Path(path if path.endswith(suffix) else path + suffix)
        try:
            data = make()
            target.write_bytes(data)
            keep_copy(self.workspace.data_dir, "jejak_audit",
                      f"Jejak audit {self.view.title}", self.view.year, target.name, data,
                      self.run_id, self.person.id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.statusBar().showMessage(f"Disimpan ke {target}; salinannya ada di Arsip.", 5000)

    def export_pdf(self) -> None:
        self._export("Ekspor jejak audit (PDF)", ".pdf",
                     lambda: reports.audit_pdf(self.run_id, self.workspace.data_dir))

    def export_xlsx(self) -> None:
        self._export("Ekspor jejak audit (XLSX)", ".xlsx",
                     lambda: reports.audit_xlsx(self.run_id))
