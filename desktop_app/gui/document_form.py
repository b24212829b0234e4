"""The form of a naskah dinas: its "Perihal" and the fields of its kind, checked inline;
`DocumentFormDialog.ask` returns (title, content) for workflow.create_/update_document."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui import questions
from desktop_app.gui.questions import INDONESIAN
from desktop_app.naskah.content import DEFAULT_HARAPAN, SIFAT_DISPOSISI
from desktop_app.naskah.workflow import NUMBERED
from desktop_app.office.letter_numbers import list_codes
from desktop_app.office.people import list_people
from desktop_app.office.signoff import ACTIONS, KINDS, route_or_default

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555;"
SIFAT_SURAT = ("Biasa", "Segera", "Sangat Segera", "Rahasia")
FIELDS = {
    "surat_dinas": ("klasifikasi", "tempat", "tanggal", "sifat", "lampiran", "hal", "kepada",
                    "di", "paragraphs", "tembusan"),
    "surat_pengantar": ("klasifikasi", "tempat", "tanggal", "kepada", "di", "items"),
    # no "Dari": a nota dinas is from its signer's jabatan (naskah/pdf.py)
    "nota_dinas": ("klasifikasi", "kepada", "tembusan", "tanggal", "sifat", "lampiran", "hal",
                   "paragraphs"),
    "disposisi": ("surat_dari", "nomor_surat", "tanggal_surat", "diterima_tanggal",
                  "nomor_agenda", "sifat", "hal", "diteruskan_kepada", "harapan", "catatan"),
}
LABELS = {
    "klasifikasi": "&Kode klasifikasi", "tempat": "&Tempat", "tanggal": "Ta&nggal surat",
    "sifat": "&Sifat", "lampiran": "&Lampiran", "hal": "&Hal", "kepada": "Ke&pada (Yth.)",
    "di": "&di", "paragraphs": "&Isi surat", "tembusan": "T&embusan", "dari": "&Dari",
    "items": "&Naskah/barang yang dikirim", "surat_dari": "Surat &dari",
    "nomor_surat": "&Nomor surat", "tanggal_surat": "Tanggal s&urat",
    "diterima_tanggal": "Di&terima tanggal", "nomor_agenda": "Nomor &agenda",
    "diteruskan_kepada": "Diteruskan &kepada", "harapan": "Dengan hormat ha&rap",
    "catatan": "&Catatan",
}
HINTS = {"paragraphs": "Pisahkan paragraf dengan satu baris kosong.",
         "tembusan": "Satu penerima tembusan per baris."}


class LineField(QLineEdit):
    def value(self) -> str:
        return " ".join(self.text().split())


class TextField(QPlainTextEdit):
    """Free text (catatan), kept as typed apart from the outer blank space."""

    def __init__(self, text: str, lines: int = 3):
        super().__init__(text)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * (lines + 1) + 10)

    def value(self) -> str:
        return self.toPlainText().strip()


class ParagraphsField(TextField):
    """Paragraphs separated by a blank line; line breaks inside one become spaces."""

    def __init__(self, paragraphs: list[str]):
        super().__init__("\n\n".join(paragraphs), lines=7)

    def value(self) -> list[str]:
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", self.toPlainText())
                if p.strip()]


class LinesField(TextField):
    """One item per line."""

    def __init__(self, items: list[str]):
        super().__init__("\n".join(items), lines=3)

    def value(self) -> list[str]:
        return [" ".join(line.split()) for line in self.toPlainText().splitlines()
                if line.strip()]


class ChoiceField(QComboBox):
    def __init__(self, choices: tuple[str, ...], value: str, editable: bool):
        super().__init__()
        self.setEditable(editable)
        self.addItems(choices)
        if value and self.findText(value) < 0:
            self.addItem(value)
        self.setCurrentText(value)

    def value(self) -> str:
        return " ".join(self.currentText().split())


class CodeField(QComboBox):
    """The classification codes of the letter register (list_codes)."""

    def __init__(self, value: str):
        super().__init__()
        self.addItem("(pilih kode klasifikasi)", "")
        for code in list_codes():
            self.addItem(code.label, code.code)
        if value and self.findData(value) < 0:
            self.addItem(f"{value} (tidak aktif)", value)
        self.setCurrentIndex(max(self.findData(value), 0))

    def value(self) -> str:
        return self.currentData() or ""


class DateField(QWidget):
    """A date, or none when "kosong" is ticked (a letter is then dated when it is signed)."""

    def __init__(self, value: str, empty_text: str):
        super().__init__()
        self.edit = QDateEdit(calendarPopup=True)
        self.edit.setLocale(INDONESIAN)
        self.edit.setDisplayFormat("d MMMM yyyy")
        given = QDate.fromString(value, Qt.DateFormat.ISODate) if value else QDate()
        self.edit.setDate(given if given.isValid() else QDate.currentDate())
        self.empty = QCheckBox(empty_text)
        self.empty.toggled.connect(lambda on: self.edit.setEnabled(not on))
        self.empty.setChecked(not given.isValid())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def value(self) -> str:
        return "" if self.empty.isChecked() else self.edit.date().toString(Qt.DateFormat.ISODate)


def _buttons(*specs) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for text, slot in specs:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


class ItemsField(QWidget):
    """The surat pengantar's table: naskah/barang · banyaknya · keterangan, rows added freely."""

    COLUMNS = (("naskah", "Naskah dinas/barang"), ("banyaknya", "Banyaknya"),
               ("keterangan", "Keterangan"))

    def __init__(self, items: list[dict]):
        super().__init__()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([label for _k, label in self.COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 120)
        self.table.setColumnWidth(2, 180)
        self.table.setMinimumHeight(150)
        for item in items or [{}]:
            self.add_row(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(_buttons(("Tambah &baris", lambda: self.add_row({})),
                                  ("Hapus ba&ris", self.remove_row)))

    def add_row(self, item: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, (key, _label) in enumerate(self.COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem(str(item.get(key, ""))))
        self.table.setCurrentCell(row, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def value(self) -> list[dict]:
        rows = []
        for row in range(self.table.rowCount()):
            values = {key: " ".join((self.table.item(row, c) or QTableWidgetItem()).text()
                                    .split()) for c, (key, _l) in enumerate(self.COLUMNS)}
            if any(values.values()):
                rows.append(values)
        return rows


class ChecklistField(QWidget):
    """Ticked or not, per line; the user adds lines (names, requests) and removes them."""

    def __init__(self, entries: list, placeholder: str):
        super().__init__()
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        for text, ticked in entries:
            self.add(text, bool(ticked))
        self.new = QLineEdit(placeholderText=placeholder)
        self.new.returnPressed.connect(self._add_typed)
        row = _buttons(("Tam&bah", self._add_typed), ("Hapus", self._remove))
        row.insertWidget(0, self.new, 1)
        row.takeAt(row.count() - 1)  # no stretch: the line edit takes the room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def add(self, text: str, ticked: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                      | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _add_typed(self) -> None:
        text = " ".join(self.new.text().split())
        if text:
            self.add(text, True)
            self.new.clear()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def value(self) -> list[list]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [[" ".join(i.text().split()), i.checkState() == Qt.CheckState.Checked]
                for i in items if i.text().strip()]


def _people_to_forward() -> list[list]:
    seen, entries = set(), []
    for person in list_people():
        name = person.jabatan or person.nama
        if name and name not in seen:
            seen.add(name)
            entries.append([name, False])
    return entries


def make_field(kind: str, key: str, content: dict):
    value = content.get(key)
    if key == "klasifikasi":
        return CodeField(value or "")
    if key in ("tanggal", "tanggal_surat", "diterima_tanggal"):
        return DateField(value or "", "kosong (diisi tanggal tanda tangan)"
                         if key == "tanggal" else "kosong")
    if key == "sifat":
        if kind == "disposisi":
            return ChoiceField(SIFAT_DISPOSISI, value or "biasa", editable=False)
        return ChoiceField(SIFAT_SURAT, value or "Biasa", editable=True)
    if key == "paragraphs":
        return ParagraphsField(list(value or ()))
    if key == "tembusan":
        return LinesField(list(value or ()))
    if key == "items":
        return ItemsField(list(value or ()))
    if key == "diteruskan_kepada":
        return ChecklistField(list(value) if value is not None else _people_to_forward(),
                              "Nama atau jabatan lain…")
    if key == "harapan":
        return ChecklistField(list(value) if value is not None else list(DEFAULT_HARAPAN),
                              "Harapan lain…")
    if key == "catatan":
        return TextField(value or "")
    return LineField(value if value is not None else ("-" if key == "lampiran" else ""))


def route_text(kind: str) -> tuple[str, bool]:
    """The route this kind follows, and whether it can end in a signature."""
    route = route_or_default(kind)
    if not route or route[-1].action != "tanda_tangan":
        return ("Alur paraf dan tanda tangan belum lengkap: atur di Pengaturan > Alur paraf.",
                False)
    return "Alur: " + " → ".join(f"{s.person} ({ACTIONS[s.action]})" for s in route), True


class DocumentFormDialog(QDialog):
    def __init__(self, parent, kind: str, initial_title: str, initial_content: dict | None):
        super().__init__(parent)
        self.kind, self.initial = kind, dict(initial_content or {})
        self.setWindowTitle(f"{KINDS[kind]}: {initial_title}" if initial_title else KINDS[kind])
        self.resize(760, 680 if kind != "surat_pengantar" else 560)
        self.title = QLineEdit(initial_title)
        self.title.setPlaceholderText("Pokok isi naskah, mis. Penyampaian Renja 2027")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Perihal *", self.title)
        self.fields = {key: make_field(kind, key, self.initial) for key in FIELDS[kind]}
        for key, field in self.fields.items():
            form.addRow(LABELS[key], field)
            if key in HINTS:
                form.addRow("", QLabel(HINTS[key], styleSheet=HINT_STYLE))
        self._hal_follows = "hal" in self.fields and (
            self.fields["hal"].value() in ("", " ".join(initial_title.split())))
        if "hal" in self.fields:
            self._follow_title(initial_title)
            self.fields["hal"].textEdited.connect(self._stop_following)
            self.title.textEdited.connect(self._follow_title)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addStretch(1)  # spare height below the form, not between its rows
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        text, complete = route_text(kind)
        self.route = QLabel(text, wordWrap=True,
                            styleSheet=HINT_STYLE if complete else ERROR_STYLE)
        self.problems = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Simpan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.route)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._start = (self.title_text(), self.content())

    def is_dirty(self) -> bool:
        return (self.title_text(), self.content()) != self._start

    def reject(self) -> None:
        """Batal, Escape or closing with something typed asks first; nothing is dropped."""
        if self.is_dirty():
            answer = questions.save_changes(
                self, "Isian naskah ini belum disimpan. Simpan sekarang?")
            if answer == "simpan":
                self._accept()
                return
            if answer == "batal":
                return
        super().reject()

    def _follow_title(self, text: str) -> None:
        """"Hal" repeats the Perihal until the user writes a different one."""
        if self._hal_follows:
            self.fields["hal"].setText(text)

    def _stop_following(self) -> None:
        self._hal_follows = False

    def title_text(self) -> str:
        return " ".join(self.title.text().split())

    def content(self) -> dict:
        return dict(self.initial, **{key: f.value() for key, f in self.fields.items()})

    def problem_list(self) -> list[str]:
        content, problems = self.content(), []
        if not self.title_text():
            problems.append("Perihal wajib diisi.")
        if self.kind in NUMBERED and not content.get("klasifikasi"):
            problems.append("Pilih kode klasifikasi (untuk nomor surat).")
        if self.kind != "disposisi" and not content.get("kepada"):
            problems.append("Kepada wajib diisi.")
        if "paragraphs" in content and not content["paragraphs"]:
            problems.append("Isi surat belum ditulis.")
        if self.kind == "surat_pengantar":
            items = content.get("items", [])
            if not items:
                problems.append("Isi paling sedikit satu naskah atau barang yang dikirim.")
            problems += [f"Baris {n}: naskah/barang belum diisi."
                         for n, item in enumerate(items, 1) if not item["naskah"]]
        if self.kind == "disposisi" and not content.get("surat_dari"):
            problems.append("Surat dari wajib diisi.")
        return problems

    def _accept(self) -> None:
        problems = self.problem_list()
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        if not problems:
            self.accept()

    @classmethod
    def ask(cls, parent, kind: str, title: str = "", content: dict | None = None
            ) -> tuple[str, dict] | None:
        dialog = cls(parent, kind, title, content)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.title_text(), dialog.content()
