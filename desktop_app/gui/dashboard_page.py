"""The Beranda area: the logged-in person's tasks, the runs under way, the runs finished this
year, and a chart of the standard against the actual time of each step of a run."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.common.clock import utc_now
from desktop_app.common.dates import waktu as _when
from desktop_app.common.numbers import angka
from desktop_app.office.first_steps import next_steps
from desktop_app.office.people import PersonInfo
from desktop_app.runs.dashboard import (
    Dashboard,
    StepTime,
    Task,
    dashboard,
    duration_text,
    office_day_minutes,
    step_times,
)
from desktop_app.runs.views import RunSummary

LATE = QColor("#b00020")
BAKU = QColor("#9e9e9e")
NYATA = QColor("#2f6fce")
LEBIH = QColor("#d32f2f")
GRID = QColor("#e4e4e4")
MUTED = QColor("#6b6b6b")
HEADERS = ("Judul", "Kemajuan", "Langkah kini", "Petugas", "Keterlambatan")
LOGIN_HINT = "Masuk dahulu (Ctrl+L) untuk melihat tugas Anda."
CHART_TITLE = "Waktu baku dan waktu nyata per langkah"
KEGIATAN_CHARS = 80
LIST_STYLE = "QListWidget::item { padding: 3px 4px; }"
COLUMN_WIDTHS = {0: 170, 3: 120, 4: 120}  # the widest a column starts (Langkah kini stretches)




def _short(text: str, limit: int = KEGIATAN_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _progress(done: int, total: int) -> QWidget:
    """A slim "5/13" progress bar centred in a table cell."""
    bar = QProgressBar()
    bar.setRange(0, max(total, 1))
    bar.setValue(done)
    bar.setFormat(f"{done}/{total}")
    bar.setFixedHeight(16)
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(4, 0, 4, 0)
    layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignVCenter)
    return cell


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setStyleSheet("font-size: 11pt; margin-top: 6px;")
    label.setToolTip(text)
    # a narrow column clips a heading rather than being held wide by it
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class StepTimeChart(QWidget):
    """Grouped horizontal bars per step: the standard (grey) over the actual time (blue, red
    when over the standard), with step numbers on the axis, a legend and labelled values."""

    ROW, BAR, BAR_GAP = 34, 11, 3
    LEFT, RIGHT, BOTTOM, LEGEND_LINE = 34, 96, 40, 22
    LEGEND = ((BAKU, "Waktu baku"), (NYATA, "Waktu nyata"), (LEBIH, "Melebihi baku"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps: list[StepTime] = []
        self.day_minutes = 450.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumWidth(280)

    def set_data(self, steps: list[StepTime], day_minutes: float) -> None:
        self.steps, self.day_minutes = list(steps), day_minutes
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        return int(self.top()) + max(len(self.steps), 3) * self.ROW + self.BOTTOM

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.setMinimumHeight(self._height())  # the legend may wrap on a narrow chart

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        return font

    def _legend_items(self) -> list[tuple[QColor, str, float, float]]:
        """(colour, text, x, y) of each legend entry, wrapped to the widget's width."""
        metrics = QFontMetrics(self.small_font())
        x, y, placed = 8.0, 6.0, []
        for colour, text in self.LEGEND:
            width = 17 + metrics.horizontalAdvance(text)
            if x > 8 and x + width > self.width() - 4:
                x, y = 8.0, y + self.LEGEND_LINE
            placed.append((colour, text, x, y))
            x += width + 14
        return placed

    def top(self) -> float:
        """Where the first step's row starts, below the legend."""
        return self._legend_items()[-1][3] + self.LEGEND_LINE + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(340, self._height())

    # --- scale ------------------------------------------------------------------------------

    def _unit(self, largest: float) -> tuple[float, str]:
        """Tick unit: hari kerja for long runs of work, jam for most, menit for short ones."""
        if largest >= self.day_minutes * 1.5:
            return self.day_minutes, "hari kerja"
        if largest >= 90:
            return 60.0, "jam"
        return 1.0, "menit"

    @staticmethod
    def _tick_step(span: float, most: int = 6) -> float:
        """A round tick distance (1, 2, 2.5, 5 × 10^k) giving at most `most` intervals."""
        raw = max(span / most, 1e-9)
        power = 10 ** math.floor(math.log10(raw))
        return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setFont(self.small_font())
        if not self.steps:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "Belum ada proses untuk digambarkan.")
            return
        largest = max(max(s.standard_minutes, s.actual_minutes) for s in self.steps) or 60
        unit, unit_name = self._unit(largest)
        tick = self._tick_step(largest / unit)
        top_value = math.ceil(largest / unit / tick - 1e-9) * tick * unit
        plot = QRectF(self.LEFT, self.top(), max(self.width() - self.LEFT - self.RIGHT, 60),
                      len(self.steps) * self.ROW)
        self._paint_legend(painter)
        self._paint_grid(painter, plot, unit, unit_name, tick, top_value)
        for index, step in enumerate(self.steps):
            self._paint_step(painter, plot, index, step, top_value)
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setPen(Qt.GlobalColor.black)
        for colour, text, x, y in self._legend_items():
            painter.fillRect(QRectF(x, y + 5, 12, 12), colour)
            painter.drawText(QRectF(x + 17, y - 1, 200, 24), Qt.AlignmentFlag.AlignVCenter,
                             text)

    def _paint_grid(self, painter: QPainter, plot: QRectF, unit: float, unit_name: str,
                    tick: float, top_value: float) -> None:
        value = 0.0
        while value <= top_value + 1e-6:
            x = plot.left() + plot.width() * value / top_value
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(x), int(plot.top()), int(x), int(plot.bottom()))
            painter.setPen(MUTED)
            label = angka(value / unit, 6)
            painter.drawText(QRectF(x - 30, plot.bottom() + 3, 60, 16),
                             Qt.AlignmentFlag.AlignHCenter, label)
            value += tick * unit
        painter.drawText(QRectF(plot.left(), plot.bottom() + 19, plot.width(), 16),
                         Qt.AlignmentFlag.AlignHCenter, f"({unit_name})")

    def _paint_step(self, painter: QPainter, plot: QRectF, index: int, step: StepTime,
                    top_value: float) -> None:
        y = plot.top() + index * self.ROW
        if index % 2:
            painter.fillRect(QRectF(plot.left() + 1, y, plot.width() + self.RIGHT - 8, self.ROW),
                             QColor(246, 247, 249))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(0, y, self.LEFT - 8, self.ROW),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(step.number))
        first = y + (self.ROW - 2 * self.BAR - self.BAR_GAP) / 2
        bars = ((step.standard_minutes, BAKU, first,
                 "" if step.standard_minutes else "tanpa waktu baku"),
                (step.actual_minutes, LEBIH if step.over else NYATA,
                 first + self.BAR + self.BAR_GAP, ""))
        for minutes, colour, top, empty in bars:
            width = plot.width() * minutes / top_value if minutes else 0.0
            if minutes:
                width = max(width, 2.0)
                painter.fillRect(QRectF(plot.left() + 1, top, width, self.BAR), colour)
            text = duration_text(minutes, self.day_minutes) if minutes else empty
            if text:
                painter.setPen(LEBIH if colour == LEBIH else MUTED)
                painter.drawText(QRectF(plot.left() + width + 5, top - 3, self.RIGHT + 200,
                                        self.BAR + 6), Qt.AlignmentFlag.AlignVCenter, text)

    # --- tooltips ---------------------------------------------------------------------------

    def step_at(self, y: float) -> StepTime | None:
        index = math.floor((y - self.top()) / self.ROW)
        return self.steps[index] if 0 <= index < len(self.steps) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            step = self.step_at(event.pos().y())
            if step is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(step), self)
            return True
        return super().event(event)

    def tooltip(self, step: StepTime) -> str:
        baku = (duration_text(step.standard_minutes, self.day_minutes)
                if step.standard_minutes else "tidak ditentukan")
        nyata = (duration_text(step.actual_minutes, self.day_minutes)
                 if step.actual_minutes else "belum ada")
        return f"Langkah {step.number}. {step.kegiatan}\nWaktu baku: {baku}\nWaktu nyata: {nyata}"


class DashboardPage(QWidget):
    """Beranda. `clock` gives the UTC time to measure lateness against (tests pin it)."""

    open_requested = Signal(int)
    first_step_requested = Signal(str)  # "profil", "pengguna" or "sop"

    def __init__(self, person_provider: Callable[[], PersonInfo | None],
                 clock: Callable[[], datetime] = utc_now):
        super().__init__()
        self.person_provider, self.clock = person_provider, clock
        self.data = Dashboard([], [], [])
        self.tasks = QListWidget()
        self.tasks.setWordWrap(True)
        self.tasks.setStyleSheet(LIST_STYLE)
        self.tasks.itemDoubleClicked.connect(self._open_item)
        self.first_steps = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.first_steps.setStyleSheet("background: #e8f0fe; padding: 10px;")
        self.first_steps.linkActivated.connect(self.first_step_requested)
        self.first_steps.hide()
        self.login_hint = QLabel(LOGIN_HINT)
        self.login_hint.setStyleSheet("color: #555; padding: 10px;")
        self.table = self._make_table()
        self.finished = QListWidget()
        self.finished.setWordWrap(True)
        self.finished.setStyleSheet(LIST_STYLE)
        self.finished.itemDoubleClicked.connect(self._open_item)
        self.run_choice = QComboBox()
        self.run_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.run_choice.setMinimumContentsLength(16)
        self.run_choice.currentIndexChanged.connect(self._show_chart)
        self.chart = StepTimeChart()
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart)
        self.chart_scroll.setMinimumWidth(300)
        self._lay_out()
        self.refresh()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(HEADERS))
        table.setHorizontalHeaderLabels(HEADERS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setMinimumSectionSize(60)
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        return table

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.first_steps)
        left.addWidget(_heading("Tugas saya sekarang"))
        left.addWidget(self.login_hint)
        left.addWidget(self.tasks, 2)
        left.addWidget(_heading("Proses berjalan"))
        left.addWidget(self.table, 3)
        left.addWidget(_heading("Selesai tahun ini"))
        left.addWidget(self.finished, 2)
        right = QVBoxLayout()
        right.addWidget(_heading(CHART_TITLE))
        choice = QHBoxLayout()
        choice.addWidget(QLabel("Proses:"))
        choice.addWidget(self.run_choice, 1)
        right.addLayout(choice)
        right.addWidget(self.chart_scroll, 1)
        self.splitter = QSplitter()
        for column in (left, right):
            holder = QWidget()
            holder.setLayout(column)
            column.setContentsMargins(0, 0, 6, 0)
            self.splitter.addWidget(holder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([575, 375])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Beranda</h2>"))
        layout.addWidget(self.splitter, 1)

    # --- filling ----------------------------------------------------------------------------

    def refresh(self) -> None:
        person = self.person_provider()
        self._fill_first_steps()
        self.data = dashboard(person, self.clock())
        self.login_hint.setVisible(person is None)
        self.tasks.setVisible(person is not None)
        self._fill_tasks(self.data.my_tasks)
        self._fill_table(self.data.active)
        self._fill_finished(self.data.finished_this_year)
        self._fill_choice()

    def _fill_first_steps(self) -> None:
        steps = next_steps()
        self.first_steps.setVisible(bool(steps))
        self.first_steps.setText("<b>Langkah berikutnya untuk kantor baru:</b><ol>" + "".join(
            f"<li>✓ <s>{escape(s.text)}</s></li>" if s.done else
            f'<li><a href="{s.key}">{escape(s.text)}</a></li>' for s in steps) + "</ol>")

    def _fill_tasks(self, tasks: list[Task]) -> None:
        self.tasks.clear()
        for task in tasks:
            facts = [f"Tenggat {_when(task.due_at)}" if task.due_at else "Tanpa tenggat"]
            facts += [text for text in (task.late_text, task.atas_nama) if text]
            item = QListWidgetItem(f"{task.run_title} — langkah {task.step_number}: "
                                   f"{_short(task.kegiatan)}\n    " + " · ".join(facts))
            item.setData(Qt.ItemDataRole.UserRole, task.run_id)
            item.setToolTip(f"Langkah {task.step_number}. {task.kegiatan}\n"
                            "Klik dua kali untuk membuka proses ini.")
            if task.is_late:
                item.setForeground(QBrush(LATE))
            self.tasks.addItem(item)
        if not tasks:
            self._placeholder(self.tasks, "Tidak ada langkah yang menunggu Anda saat ini.")

    def _fill_table(self, runs: list[RunSummary]) -> None:
        self.table.clearContents()
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            late = (run.current_late.removeprefix("terlambat ")
                    or (f"{run.late} langkah terlambat" if run.late else "-"))
            for column, value in ((0, run.title), (2, run.current or "-"),
                                  (3, run.current_person or "-"), (4, late)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 4 and value != "-":
                    item.setForeground(QBrush(LATE))
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, 1, _progress(run.done, run.total))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        for column, widest in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.table.setColumnWidth(1, 76)

    def _fill_finished(self, runs: list[RunSummary]) -> None:
        self.finished.clear()
        for run in runs:
            facts = [f"{run.done}/{run.total} langkah"]
            facts.append(f"{run.late} langkah terlambat" if run.late else "tepat waktu")
            if run.returns:
                facts.append(f"dikembalikan {run.returns} kali")
            item = QListWidgetItem(f"{run.title} — {run.sop_nama}\n    " + " · ".join(facts))
            item.setData(Qt.ItemDataRole.UserRole, run.id)
            self.finished.addItem(item)
        if not runs:
            self._placeholder(self.finished, "Belum ada proses yang selesai tahun ini.")

    @staticmethod
    def _placeholder(widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setForeground(QBrush(MUTED))
        widget.addItem(item)

    def _fill_choice(self) -> None:
        chosen = self.run_choice.currentData()
        self.run_choice.blockSignals(True)
        self.run_choice.clear()
        for run in self.data.active:
            self.run_choice.addItem(f"{run.title} (berjalan)", run.id)
        for run in self.data.finished_this_year:
            self.run_choice.addItem(f"{run.title} (selesai)", run.id)
        index = self.run_choice.findData(chosen) if chosen is not None else -1
        self.run_choice.setCurrentIndex(max(index, 0) if self.run_choice.count() else -1)
        self.run_choice.blockSignals(False)
        self._show_chart()

    def _show_chart(self, _index: int = 0) -> None:
        run_id = self.run_choice.currentData()
        steps = step_times(run_id, self.clock()) if run_id is not None else []
        self.chart.set_data(steps, office_day_minutes())

    # --- opening ----------------------------------------------------------------------------

    def _open_item(self, item: QListWidgetItem) -> None:
        run_id = item.data(Qt.ItemDataRole.UserRole)
        if run_id is not None:
            self.open_requested.emit(int(run_id))

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.data.active):
            self.open_requested.emit(self.data.active[row].id)
