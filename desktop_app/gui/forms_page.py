"""The forms part of the Dokumen area: send the RKT / EKT / Renja form to every unit, import the
filled forms (file dialog or drag and drop) with every problem listed by file, see which units
sent theirs, and merge them into the office's plan (workbook, then print preview)."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.archive.exports import keep_copy
from desktop_app.common.clock import to_local
from desktop_app.common.dates import waktu
from desktop_app.forms.exporting import ExportedForm, export_forms, write_file
from desktop_app.forms.form_types import FORM_TYPES
from desktop_app.forms.importing import (
    FormCheck,
    ImportResult,
    check_forms,
    confirmation_text,
    import_forms,
)
from desktop_app.forms.merge import MergedPlan, merged_pdf, merged_plan, plan_status
from desktop_app.forms.merge_workbook import merged_workbook
from desktop_app.gui.errors import show_error
from desktop_app.gui.open_file import open_path
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.gui.questions import confirm
from desktop_app.gui.tasks import Job
from desktop_app.office.people import PersonInfo
from desktop_app.runs.views import RunSummary, list_runs

HEADERS = ("Unit", "Status", "Diimpor", "Baris", "Berkas asal")
SENT, MISSING, ERROR, GOOD = "#1b7f3b", "#b26a00", "#b00020", "#1b7f3b"
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")  # refused clearly, not ignored
MAX_QUESTION_LINES = 25




def problems_html(checks: Sequence[FormCheck]) -> str:
    """Every problem, grouped under its file (the file's name not repeated in each line)."""
    parts = []
    for check in (c for c in checks if c.problems):
        unit = f" — {html.escape(check.unit_nama)}" if check.unit_nama else ""
        items = "".join(f"<li>{html.escape(p.removeprefix(check.name + ': '))}</li>"
                        for p in check.problems)
        parts.append(f"<p style='margin-bottom:0'><b>{html.escape(check.name)}</b>{unit} "
                     f"({len(check.problems)} masalah)</p><ul style='margin-top:2px'>"
                     f"{items}</ul>")
    return "".join(parts)


def _question_lines(lines: list[str]) -> list[str]:
    rest = len(lines) - MAX_QUESTION_LINES
    return lines if rest <= 0 else lines[:MAX_QUESTION_LINES] + [f"… dan {rest} baris lain"]


class ExportedDialog(QDialog):
    """The forms just made: one file per unit, where they are, and what to do next."""

    def __init__(self, parent: QWidget | None, folder: Path, forms: Sequence[ExportedForm]):
        super().__init__(parent)
        self.setWindowTitle("Formulir dibuat")
        self.resize(640, 420)
        files = QListWidget(wordWrap=True, alternatingRowColors=True)
        for form in forms:
            filled = f"; {form.prefilled} baris sudah terisi" if form.prefilled else ""
            files.addItem(f"{form.unit_nama}{filled}\n    {form.path.name}")
        notes = sorted({f.prefill_note for f in forms if f.prefill_note})
        buttons = QDialogButtonBox()
        buttons.addButton("Buka &folder", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(forms)} formulir disimpan di folder:<br><b>"
                                f"{html.escape(str(folder))}</b>", wordWrap=True))
        layout.addWidget(files, 1)
        for text in [*notes, "Kirim setiap berkas ke unitnya (surel, WhatsApp atau flashdisk). "
                     "Setelah diisi, impor kembali dengan tombol Impor formulir isian…"]:
            layout.addWidget(QLabel(text, wordWrap=True, styleSheet="color: #555;"))
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path, forms: Sequence[ExportedForm]) -> bool:
        """True when the user wants the folder opened."""
        return cls(parent, folder, forms).exec() == QDialog.DialogCode.Accepted


class FormsPage(QWidget):
    changed = Signal()

    def __init__(self, workspace, person_provider: Callable[[], PersonInfo | None]):
        super().__init__()
        self.workspace, self.person_provider = workspace, person_provider
        self.setAcceptDrops(True)
        self.statuses, self.runs, self.preview = [], [], None
        self.last_dir, self._job, self._plan, self._pdfs = "", None, None, {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.kind_box = QComboBox()
        for kind, form in FORM_TYPES.items():
            self.kind_box.addItem(f"{form.code} ({form.title})", kind)
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year)
        self.run_box = QComboBox(minimumContentsLength=30)
        self.kind_box.currentIndexChanged.connect(self.refresh)
        self.year_box.valueChanged.connect(lambda _year: self._fill_runs(self.run_id()))
        self.year_box.valueChanged.connect(self.refresh)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.summary = QLabel(wordWrap=True)
        self.message = QLabel(wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(maximum=0, textVisible=False, maximumWidth=160)
        self.busy.hide()
        self.drop_hint = QLabel("Seret berkas .xlsx yang diisi unit ke halaman ini untuk "
                                "mengimpornya.", styleSheet="color: #555;")
        self._build_problems()
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, slot in (("export", "&Kirim formulir ke unit…", self.send_forms),
                                ("import", "&Impor formulir isian…", self.choose_and_import),
                                ("merge", "&Gabungkan…", self.merge)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        choice = QHBoxLayout()
        for label, widget in (("&Jenis:", self.kind_box), ("&Tahun:", self.year_box),
                              ("&Proses:", self.run_box)):
            text = QLabel(label)
            text.setBuddy(widget)
            choice.addWidget(text)
            choice.addWidget(widget)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Formulir isian unit</h2>"))
        layout.addLayout(choice)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.drop_hint)
        layout.addWidget(self.problems, 2)
        status = QHBoxLayout()
        status.addWidget(self.message, 1)
        status.addWidget(self.busy)
        layout.addLayout(status)
        layout.addLayout(bar)
        self.reload_runs()
        self.refresh()

    def _build_problems(self) -> None:
        self.problems = QFrame(objectName="problems")
        self.problems.setStyleSheet(f"#problems {{ border: 1px solid {ERROR}; "
                                    "border-radius: 4px; background: #fdf3f2; }")
        self.problems_title = QLabel(wordWrap=True, styleSheet=f"color: {ERROR}; "
                                                                "font-weight: bold;")
        self.problems_list = QTextBrowser()
        close = QPushButton("Tutup daftar masalah")
        close.clicked.connect(self.problems.hide)
        top = QHBoxLayout()
        top.addWidget(self.problems_title, 1)
        top.addWidget(close)
        inner = QVBoxLayout(self.problems)
        inner.addLayout(top)
        inner.addWidget(self.problems_list)
        self.problems.hide()

    # the choice -----------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_box.currentData()

    def year(self) -> int:
        return self.year_box.value()

    def run_id(self) -> int | None:
        return self.run_box.currentData()

    def prepare(self, kind: str, year: int, run_id: int | None = None) -> None:
        """Preselect the form, year and run (as the run step that distributes them does)."""
        self.reload_runs(refill=False)
        for box in (self.kind_box, self.year_box):
            box.blockSignals(True)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.year_box.setValue(year)
        for box in (self.kind_box, self.year_box):
            box.blockSignals(False)
        self._fill_runs(run_id)
        self.problems.hide()
        self.refresh()

    def reload_runs(self, refill: bool = True) -> None:
        try:
            self.runs: list[RunSummary] = list_runs()
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.runs = []
            show_error(self, exc)
        if refill:
            self._fill_runs(self.run_id())

    def _fill_runs(self, keep: int | None) -> None:
        self.run_box.clear()
        self.run_box.addItem("(tanpa proses)", None)
        for run in (r for r in self.runs if r.year == self.year()):
            self.run_box.addItem(run.title, run.id)
        self.run_box.setCurrentIndex(max(0, self.run_box.findData(keep)))

    def bring_up_to_date(self) -> None:
        """Runs and units as stored now (called by the window's change notification)."""
        self.reload_runs()
        self.refresh()

    # the units ------------------------------------------------------------------------------
    def refresh(self) -> None:
        form = FORM_TYPES[self.kind()]
        try:
            self.statuses = plan_status(form.kind, self.year())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.statuses = []
            show_error(self, exc)
        self.table.setRowCount(len(self.statuses))
        for row, status in enumerate(self.statuses):
            values = ((status.unit_nama, f"Sudah mengirim (kiriman ke-{status.number})",
                       waktu(to_local(status.imported_at))
                       if status.imported_at else "-", str(status.rows), status.source_name)
                      if status.sent else (status.unit_nama, "Belum mengirim", "-", "-", "-"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setForeground(QBrush(QColor(SENT if status.sent else MISSING)))
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        sent = sum(s.sent for s in self.statuses)
        self.summary.setText(
            f"<b>{sent} dari {len(self.statuses)} unit</b> sudah mengirim formulir "
            f"{form.code} {self.year()}." if self.statuses else
            "Belum ada unit di profil kantor. Tambahkan unit (seksi, subbag) di Pengaturan > "
            "Profil kantor.")
        self.buttons["export"].setEnabled(bool(self.statuses))
        self.buttons["merge"].setEnabled(sent > 0 and self._job is None)

    def _say(self, text: str, colour: str = "#000") -> None:
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)

    # sending --------------------------------------------------------------------------------
    def send_forms(self) -> list[ExportedForm] | None:
        form = FORM_TYPES[self.kind()]
        folder = QFileDialog.getExistingDirectory(
            self, f"Pilih folder untuk formulir {form.code} {self.year()}", self.last_dir)
        if not folder:
            return None
        self.last_dir = folder
        try:
            with _busy_cursor():
                forms = export_forms(Path(folder), form.kind, self.year(), run_id=self.run_id())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        self._say(f"{len(forms)} formulir {form.code} {self.year()} dibuat di {folder}.", GOOD)
        if ExportedDialog.ask(self, Path(folder), forms):
            open_path(Path(folder))
        return forms

    # importing ------------------------------------------------------------------------------
    def choose_and_import(self) -> list[ImportResult] | None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Pilih formulir isian dari unit", self.last_dir,
            "Formulir Excel (*.xlsx);;Semua berkas (*)")
        if not paths:
            return None
        self.last_dir = str(Path(paths[0]).parent)
        return self.import_files([Path(p) for p in paths])

    def import_files(self, paths: Sequence[Path]) -> list[ImportResult] | None:
        """Check every file; list all problems (nothing imported), or ask before replacing a
        unit's earlier form, then import. The results, or None when nothing changed."""
        self.problems.hide()
        try:
            with _busy_cursor():
                checks = check_forms(paths, kind=self.kind(), year=self.year(),
                                     run_id=self.run_id())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        if any(c.problems for c in checks):
            self._show_problems(checks)
            return None
        pending = [c for c in checks if c.needs_confirmation]
        if pending and not confirm(
                self, "Ganti formulir yang sudah diimpor?",
                "Formulir unit berikut sudah pernah diimpor:\n\n"
                + "\n".join(_question_lines(confirmation_text(pending)))
                + "\n\nGanti bagian unit tersebut dengan isi berkas yang baru?", yes="&Ganti"):
            self._say("Impor dibatalkan; tidak ada yang berubah.")
            return None
        person = self.person_provider()
        try:
            results = import_forms(self.workspace.data_dir, checks,
                                   replace=bool(pending), run_id=self.run_id(),
                                   person_id=person.id if person else None)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        self._say("Diimpor: " + "; ".join(
            f"{r.unit_nama} ({r.status}, {r.rows} baris)" for r in results) + ".", GOOD)
        self.refresh()
        self.changed.emit()
        return results

    def _show_problems(self, checks: Sequence[FormCheck]) -> None:
        bad = [c for c in checks if c.problems]
        count = sum(len(c.problems) for c in bad)
        self.problems_title.setText(
            f"Tidak ada yang diimpor: {count} masalah di {len(bad)} dari {len(checks)} berkas. "
            "Perbaiki berkasnya (atau minta unit memperbaikinya), lalu impor lagi semuanya.")
        self.problems_list.setHtml(problems_html(bad))
        self.problems.show()
        self._say("")

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    @staticmethod
    def _dropped(event) -> list[Path]:
        return [Path(url.toLocalFile()) for url in event.mimeData().urls()
                if url.isLocalFile() and url.toLocalFile().lower().endswith(SHEET_SUFFIXES)]

    # merging --------------------------------------------------------------------------------
    def merge(self) -> Path | None:
        """Tell which units are missing, save the merged workbook, then preview the PDF (made
        on a worker thread). The workbook's path, or None when cancelled or refused."""
        try:
            plan = merged_plan(self.kind(), self.year())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        code = plan.form.code
        if plan.missing and not confirm(
                self, "Gabungkan formulir",
                f"Unit yang belum mengirim formulir {code} {plan.year}:\n\n"
                + "\n".join(f"- {name}" for name in plan.missing)
                + "\n\nGabungkan tanpa unit tersebut? Namanya dicatat di bawah tabel gabungan.",
                yes="&Gabungkan"):
            return None
        suggested = str(Path(self.last_dir or ".") / f"{code}-{plan.year}-gabungan.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self, f"Simpan {code} {plan.year} gabungan", suggested, "Buku kerja Excel (*.xlsx)")
        if not path:
            return None
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        self.last_dir = str(target.parent)
        try:
            with _busy_cursor():
                data = merged_workbook(plan)
                write_file(target, data)
                person = self.person_provider()
                keep_copy(self.workspace.data_dir, "rencana_gabungan",
                          f"{code} {plan.year} gabungan", plan.year, target.name, data,
                          self.run_id(), person.id if person else None)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return None
        self._say(f"{code} {plan.year} gabungan disimpan: {target}", GOOD)
        self._start_pdf(plan)
        return target

    def _start_pdf(self, plan: MergedPlan) -> None:
        self._plan, self._pdfs = plan, {}
        self._job = Job(self, lambda: self._render(plan, plan.paper))
        self._job.done.connect(self._pdf_ready)
        self.buttons["merge"].setEnabled(False)
        self.busy.show()
        self.message.setText(self.message.text() + " — menyiapkan PDF…")
        self._pool.start(self._job.run)

    def _render(self, plan: MergedPlan, paper: str) -> bytes:
        """On the worker: the PDF, then this thread's own database connection closed."""
        try:
            return merged_pdf(replace(plan, paper=paper), self.workspace.data_dir)
        finally:
            self.workspace.database.close()

    def _pdf_ready(self) -> None:
        job, self._job, plan = self._job, None, self._plan
        self.busy.hide()
        self.refresh()
        self.message.setText(self.message.text().removesuffix(" — menyiapkan PDF…"))
        if job.error is not None:
            show_error(self, job.error)
            return
        self._pdfs[plan.paper] = job.result
        self.preview = PrintPreviewDialog(self, f"{plan.form.code} {plan.year} gabungan",
                                          self._pdf_for, plan.paper,
                                          f"{plan.form.code}-{plan.year}-gabungan.pdf")
        self.preview.open()

    def _pdf_for(self, paper: str) -> bytes:
        """For the preview: a paper already made, else made on the worker while a busy dialog
        keeps the window painted."""
        if paper not in self._pdfs:
            plan = self._plan
            job = Job(self, lambda: self._render(plan, paper))
            wait = QProgressDialog("Menyiapkan PDF…", "", 0, 0, self.preview or self)
            wait.setCancelButton(None)
            wait.setWindowModality(Qt.WindowModality.ApplicationModal)
            wait.setMinimumDuration(0)
            loop = QEventLoop()
            job.done.connect(loop.quit)
            self._pool.start(job.run)
            wait.show()
            loop.exec()
            wait.close()
            job.deleteLater()
            if job.error is not None:
                raise job.error
            self._pdfs[paper] = job.result
        return self._pdfs[paper]


@contextmanager
def _busy_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
