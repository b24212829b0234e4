"""The review of an imported SOP document before it is saved: the draft in the editor's
layout with every uncertain field in yellow, a lane grid where a click assigns a step's
pelaksana (the steps whose lane or symbol could not be read come first), and the original
document beside it. The rules live in sop/importing/review.py; this window shows and forwards."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import prefs, questions
from desktop_app.gui.errors import show_error
from desktop_app.gui.sop_forms import SYMBOL_LABELS, IdentityForm, LanesPanel
from desktop_app.gui.sop_steps_panel import StepsPanel
from desktop_app.sop.importing.review import ImportReview
from desktop_app.sop.model import SYMBOLS

UNSURE = "#fff4ce"
UNSURE_STYLE = f"background: {UNSURE};"
GLYPHS = {"mulai": "( mulai )", "selesai": "( selesai )", "proses": "[ proses ]",
          "keputusan": "< keputusan >"}
MAX_PAGES_SHOWN = 12


class LaneGrid(QTableWidget):
    """One row per step (those needing a person first), one column per pelaksana: a click in
    a lane cell gives the step to that lane; the last column chooses the symbol."""

    lane_clicked = Signal(int, int)  # step number, lane index
    symbol_chosen = Signal(int, str)  # step number, simbol

    def __init__(self):
        super().__init__()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.steps: list[int] = []
        self.cellClicked.connect(self._clicked)

    def show_review(self, review: ImportReview) -> None:
        sop, self.steps = review.sop, review.order()
        lanes = [lane.nama for lane in sop.pelaksana]
        self.lane_count = len(lanes)
        self.clear()
        self.setColumnCount(len(lanes) + 3)
        self.setRowCount(len(self.steps))
        self.setHorizontalHeaderLabels(["No", "Kegiatan", *lanes, "Simbol"])
        for row, number in enumerate(self.steps):
            step = sop.langkah[number - 1]
            unsure_lane = review.is_uncertain("pelaksana", number)
            unsure_symbol = review.is_uncertain("simbol", number)
            self._put(row, 0, f"{number}{' ?' if unsure_lane or unsure_symbol else ''}",
                      unsure_lane or unsure_symbol)
            self._put(row, 1, step.kegiatan, review.is_uncertain("kegiatan", number))
            for index, lane in enumerate(sop.pelaksana):
                text = ""
                if step.pelaksana[:1] == [lane.kode]:
                    text = GLYPHS.get(step.simbol, step.simbol)
                elif lane.kode in step.pelaksana:
                    text = "ikut"
                item = self._put(row, 2 + index, text, unsure_lane)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"Klik: langkah {number} dikerjakan oleh {lane.nama}")
            self.setCellWidget(row, len(lanes) + 2, self._symbol_combo(number, step.simbol,
                                                                       unsure_symbol))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 40)
        self.setColumnWidth(1, 220)
        metrics = header.fontMetrics()
        for index, name in enumerate(lanes):
            self.setColumnWidth(2 + index, max(72, min(130, metrics.horizontalAdvance(name) + 16)))
            self.horizontalHeaderItem(2 + index).setToolTip(name)
        self.setColumnWidth(len(lanes) + 2, 190)
        self.resizeRowsToContents()

    def row_of(self, number: int) -> int:
        return self.steps.index(number)

    def _put(self, row: int, column: int, text: str, unsure: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if unsure:
            item.setBackground(QBrush(QColor(UNSURE)))
        self.setItem(row, column, item)
        return item

    def _symbol_combo(self, number: int, simbol: str, unsure: bool) -> QComboBox:
        combo = QComboBox()
        for key in SYMBOLS:
            combo.addItem(SYMBOL_LABELS[key], key)
        combo.setCurrentIndex(combo.findData(simbol))
        if unsure:
            combo.setStyleSheet(f"QComboBox {{ {UNSURE_STYLE} }}")
        combo.activated.connect(lambda _i, n=number, c=combo: self.symbol_chosen.emit(
            n, c.currentData()))
        return combo

    def _clicked(self, row: int, column: int) -> None:
        if 2 <= column < 2 + self.lane_count and row < len(self.steps):
            self.lane_clicked.emit(self.steps[row], column - 2)


class OriginalView(QWidget):
    """The document as it came: PDF pages as pictures, other files as the text read."""

    def __init__(self, review: ImportReview):
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>Dokumen asli:</b> {review.source.name}"))
        if review.draft.source_kind == "pdf":
            layout.addWidget(self._pages(review.source.read_bytes()), 1)
        else:
            text = QPlainTextEdit(review.draft.source_text)
            text.setReadOnly(True)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            text.setObjectName("original_text")
            layout.addWidget(text, 1)

    def _pages(self, data: bytes) -> QScrollArea:
        from desktop_app.gui.pdf_pages import PdfPages

        pages = PdfPages(data)
        box = QWidget()
        column = QVBoxLayout(box)
        try:
            for index in range(min(len(pages), MAX_PAGES_SHOWN)):
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(pages.image(index, 60)))
                label.setStyleSheet("border: 1px solid #999;")
                column.addWidget(label)
            if len(pages) > MAX_PAGES_SHOWN:
                column.addWidget(QLabel(f"… {len(pages) - MAX_PAGES_SHOWN} halaman lagi tidak "
                                        "ditampilkan."))
        finally:
            pages.close()
        self.page_count = column.count()
        scroll = QScrollArea()
        scroll.setWidget(box)
        return scroll


class ImportReviewDialog(QDialog):
    """Shows an ImportReview; `saved` carries the new draft SOP's id."""

    saved = Signal(int)

    def __init__(self, parent: QWidget | None, workspace, review: ImportReview,
                 person_id: int | None = None):
        super().__init__(parent)
        self.workspace, self.review, self.person_id = workspace, review, person_id
        self.sop_id: int | None = None
        self.setWindowTitle(f"Impor dokumen SOP — {review.source.name}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.grid = LaneGrid()
        self.grid.lane_clicked.connect(self._lane_clicked)
        self.grid.symbol_chosen.connect(self._symbol_chosen)
        self.identity, self.lanes, self.steps = IdentityForm(), LanesPanel(), StepsPanel()
        for panel in (self.identity, self.lanes, self.steps):
            panel.edited.connect(self.apply)
        self.lanes.failed.connect(lambda exc: show_error(self, exc))
        self.steps.list.currentRowChanged.connect(lambda _r: self._mark_step_fields())
        self.original = OriginalView(review)
        self._build()
        self.show_review()
        self._fit_screen()

    def _build(self) -> None:
        self.tabs = QTabWidget()
        grid_page = QWidget()
        grid_layout = QVBoxLayout(grid_page)
        self.grid_hint = QLabel()
        self.grid_hint.setWordWrap(True)
        grid_layout.addWidget(self.grid_hint)
        grid_layout.addWidget(self.grid, 1)
        self.tabs.addTab(grid_page, "Kisi &pelaksana")
        identity_scroll = QScrollArea(widgetResizable=True)
        identity_scroll.setWidget(self.identity)
        self.tabs.addTab(identity_scroll, "&Identitas")
        self.tabs.addTab(self.lanes, "Pelaksa&na")
        self.steps.list.setMinimumHeight(150)  # the form below scrolls on a small screen
        steps_scroll = QScrollArea(widgetResizable=True)
        steps_scroll.setWidget(self.steps)
        self.tabs.addTab(steps_scroll, "&Langkah")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.original)
        self.splitter.setSizes([820, 460])
        self.notes = QListWidget()
        self.notes.setMaximumHeight(96)
        self.notes.itemActivated.connect(self._go_to_note)
        self.notes.itemClicked.connect(self._go_to_note)
        self.notes_label = QLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Simpan sebagai draf",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        intro = QLabel("Periksa hasil bacaan dokumen sebelum disimpan. Isian berwarna kuning "
                       "belum pasti. Klik sel di kisi pelaksana untuk menetapkan pelaksana "
                       "langkah. Hasilnya disimpan sebagai draf SOP (belum disahkan).")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)

    def _fit_screen(self) -> None:
        prefs.fit_size(self, 1300, 700)

    # state -------------------------------------------------------------------------------
    def show_review(self) -> None:
        review, sop = self.review, self.review.sop
        for panel in (self.identity, self.lanes, self.steps):
            panel.load(sop)
        self.grid.show_review(review)
        needing = review.steps_needing_person()
        self.grid_hint.setText(
            f"{len(needing)} langkah belum terbaca pelaksana atau simbolnya (ditandai ?, "
            "di atas): klik sel pelaksana yang benar, pilih simbolnya di kolom terakhir."
            if needing else "Pelaksana dan simbol setiap langkah sudah terbaca; periksa "
            "sekilas, klik sel untuk mengganti.")
        notes = review.open_notes()
        self.notes.clear()
        for note in notes:
            item = QListWidgetItem(f"{note.place()}: {note.message}")
            item.setData(Qt.ItemDataRole.UserRole, (note.step, note.field))
            self.notes.addItem(item)
        self.notes_label.setText(f"Perlu diperiksa ({len(notes)}), klik untuk menuju ke "
                                 "isiannya:" if notes else
                                 "Tidak ada lagi isian yang belum pasti.")
        self.notes.setVisible(bool(notes))
        self._mark_identity()
        self._mark_step_fields()
        for row in range(self.steps.list.count()):
            unsure = any(n.step == row + 1 for n in notes)
            self.steps.list.item(row).setBackground(
                QBrush(QColor(UNSURE)) if unsure else QBrush())

    def _mark_identity(self) -> None:
        form, review = self.identity, self.review
        widgets = {**form.texts, **form.lists, **{k: w.edit for k, w in form.dates.items()}}
        for key, widget in widgets.items():
            widget.setStyleSheet(UNSURE_STYLE if review.is_uncertain(key) else "")
        for widget in form.signer.values():
            widget.setStyleSheet(UNSURE_STYLE if review.is_uncertain("disahkan_oleh") else "")

    def _mark_step_fields(self) -> None:
        panel, number = self.steps, self.steps.current() + 1
        widgets = {"kegiatan": panel.kegiatan, "pelaksana": panel.main_lane,
                   "simbol": panel.simbol, "kelengkapan": panel.kelengkapan,
                   "jika_tidak": panel.jika_tidak, **panel.fields}
        for key, widget in widgets.items():
            unsure = number > 0 and self.review.is_uncertain(key, number)
            widget.setStyleSheet(UNSURE_STYLE if unsure else "")

    def apply(self, new, _label: str = "") -> None:
        self.review.update(new)
        self.show_review()

    def _lane_clicked(self, number: int, lane_index: int) -> None:
        self.review.assign_lane(number, lane_index)
        self.show_review()
        self.grid.selectRow(self.grid.row_of(number))

    def _symbol_chosen(self, number: int, simbol: str) -> None:
        self.review.set_symbol(number, simbol)
        self.show_review()

    def _go_to_note(self, item: QListWidgetItem) -> None:
        step, field = item.data(Qt.ItemDataRole.UserRole)
        if step is None:
            self.tabs.setCurrentIndex(1)
        elif field in ("pelaksana", "simbol"):
            self.tabs.setCurrentIndex(0)
            self.grid.selectRow(self.grid.row_of(step))
        else:
            self.tabs.setCurrentIndex(3)
            self.steps.select(step - 1)

    # closing -----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.focusWidget():
            self.focusWidget().clearFocus()  # commit the field being typed
        needing = self.review.steps_needing_person()
        if needing and not questions.confirm(
                self, "Impor dokumen SOP",
                f"{len(needing)} langkah belum dipastikan pelaksana atau simbolnya (langkah "
                f"{', '.join(map(str, needing))}). Simpan sebagai draf tetap, lalu lengkapi "
                "nanti di penyunting SOP?", yes="&Simpan draf"):
            return False
        try:
            self.sop_id = self.review.save(self.workspace.data_dir, self.person_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing saved
            show_error(self, exc)
            return False
        self.saved.emit(self.sop_id)
        self.accept()
        return True

    def reject(self) -> None:
        """Escape, Batal or closing the window: with changes, ask first."""
        if self.sop_id is None and self.review.is_changed():
            answer = questions.save_changes(
                self, f"Hasil impor {self.review.source.name} belum disimpan. Simpan sebagai "
                "draf SOP sekarang?")
            if answer == "batal" or (answer == "simpan" and not self.save()):
                return
            if answer == "simpan":
                return  # save() has accepted
        super().reject()
