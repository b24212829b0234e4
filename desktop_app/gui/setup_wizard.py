"""The office set-up wizard: kop, officials, units, paper and unit code -> an OfficeProfile."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.common.errors import DomainError
from desktop_app.common.paper import PAPERS
from desktop_app.gui import questions
from desktop_app.office.profile import (
    OfficeProfile,
    Official,
    Unit,
    kop_problems,
    logo_file,
    nip_problem,
    normalized,
    numbering_problems,
    official_problems,
    store_logo,
    unit_problems,
)

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #5f6368;"
BAD_CELL = QColor("#fde7ea")
LOGO_PREVIEW = 72  # px
KOP_FIELDS = (  # attribute, label (with mnemonic), example
    ("pemerintah", "&Pemerintah", "PEMERINTAH KABUPATEN KARANGANYAR"),
    ("nama_kantor", "Nama &kantor", "KECAMATAN NGARGOYOSO"),
    ("alamat", "&Alamat", "Jl. Raya Ngargoyoso No. 1, Karanganyar"),
    ("telepon", "&Telepon", "(0271) 123456"),
    ("email", "&Email", "kecamatan@contoh.go.id"),
    ("laman", "&Laman", "kecamatan.contoh.go.id"),
    ("kode_pos", "Kode p&os", "57793"),
)
OFFICIAL_COLUMNS = ("Jabatan", "Nama", "Pangkat/Golongan", "NIP")


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _button(text: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button


def _row(*parts: QWidget | int) -> QHBoxLayout:
    """Widgets side by side; an int is a stretch."""
    layout = QHBoxLayout()
    for part in parts:
        if isinstance(part, int):
            layout.addStretch(part)
        else:
            layout.addWidget(part)
    return layout


def _tab_chain(*widgets: QWidget) -> None:
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def _commit_open_editor(view: QAbstractItemView) -> None:
    if view.state() == QAbstractItemView.State.EditingState:
        editor = view.indexWidget(view.currentIndex())
        if editor is not None:
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class _RulePage(QWizardPage):
    """A page checked by the profile rules: problems show in red and keep the user here.

    While typing, only what was filled in is checked; after a first Next, missing fields too.
    """

    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self._checked = False
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

    def problems(self, filled_only: bool) -> list[str]:
        raise NotImplementedError

    def refresh(self) -> None:
        self._show(self.problems(filled_only=not self._checked))

    def refresh_if_shown(self) -> None:
        if self.error_label.isVisible():
            self.refresh()

    def finish_editing(self) -> None:
        """Take over text still in an open cell editor (Next pressed by its shortcut)."""

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.finish_editing()
        self._checked = True
        problems = self.problems(filled_only=False)
        self._show(problems)
        return not problems

    def _show(self, problems: list[str]) -> None:
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))


class KopPage(_RulePage):
    def __init__(self, initial: OfficeProfile, data_dir: Path | None):
        super().__init__("Kop surat", "Identitas kantor seperti tercetak di bagian atas "
                         "setiap naskah dinas dan SOP.")
        self.data_dir = data_dir
        self.logo = initial.logo
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label, example in KOP_FIELDS:
            edit = QLineEdit(getattr(initial, name))
            edit.setObjectName(name)
            edit.setPlaceholderText(f"mis. {example}")
            edit.editingFinished.connect(self.refresh)
            edit.textChanged.connect(self.refresh_if_shown)
            self.edits[name] = edit
            form.addRow(label, edit)
        form.addRow("Logo", self._logo_row())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        _tab_chain(*self.edits.values(), self.pick_button, self.clear_button)
        self._show_logo()

    def _logo_row(self) -> QWidget:
        self.preview = QLabel()
        self.preview.setFixedSize(LOGO_PREVIEW, LOGO_PREVIEW)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pick_button = _button("Pilih lo&go…", self._pick_logo)
        self.clear_button = _button("&Hapus logo", self.clear_logo)
        self.logo_message = _hint("PNG atau JPG, paling besar 5 MB.")
        if self.data_dir is None:
            self.pick_button.setEnabled(False)
            self.logo_message.setText("Logo dapat dipilih setelah folder data dibuka.")
        beside = QVBoxLayout()
        beside.addLayout(_row(self.pick_button, self.clear_button, 1))
        beside.addWidget(self.logo_message)
        beside.addStretch(1)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(beside, 1)
        return row

    def _pick_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Pilih logo", "", "Gambar PNG atau JPG (*.png *.jpg *.jpeg)")
        if path:
            self.set_logo_from_file(Path(path))

    def set_logo_from_file(self, path: Path) -> None:
        """Store the picked image in the data folder and show it; a bad file shows why."""
        assert self.data_dir is not None
        try:
            self.logo = store_logo(self.data_dir, path)
        except DomainError as exc:
            self.logo_message.setText(str(exc))
            self.logo_message.setStyleSheet(ERROR_STYLE)
            return
        self.logo_message.setText(path.name)
        self.logo_message.setStyleSheet(HINT_STYLE)
        self._show_logo()
        self.refresh_if_shown()

    def clear_logo(self) -> None:
        self.logo = ""
        self._show_logo()

    def _show_logo(self) -> None:
        path = logo_file(self.data_dir, self.logo) if self.data_dir and self.logo else None
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText("(tanpa\nlogo)")
        else:
            size = LOGO_PREVIEW - 8
            self.preview.setPixmap(pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        self.clear_button.setEnabled(bool(self.logo))

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()} | {"logo": self.logo}

    def problems(self, filled_only: bool) -> list[str]:
        return kop_problems(OfficeProfile(**self.values()), filled_only)


class OfficialsPage(_RulePage):
    def __init__(self, initial: OfficeProfile):
        super().__init__("Pejabat", "Pejabat yang menandatangani atau memaraf naskah: "
                         "sedikitnya kepala kantor (Camat). NIP 18 angka, boleh dengan spasi.")
        self.table = QTableWidget(0, len(OFFICIAL_COLUMNS))
        self.table.setHorizontalHeaderLabels(OFFICIAL_COLUMNS)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 190), (2, 170), (3, 180)):
            self.table.setColumnWidth(column, width)
        for official in initial.officials or (Official(jabatan="Camat"),):
            self.add_official(official)
        self.table.itemChanged.connect(self._item_changed)
        label = QLabel("&Daftar pejabat")
        label.setBuddy(self.table)
        self.add_button = _button("&Tambah pejabat", self._add_clicked)
        self.remove_button = _button("&Hapus pejabat", self.remove_current)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(_row(self.add_button, self.remove_button, 1))
        layout.addWidget(self.error_label)
        _tab_chain(self.table, self.add_button, self.remove_button)

    def add_official(self, official: Official) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        texts = (official.jabatan, official.nama, official.pangkat_golongan, official.nip)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, official.id)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._mark_nip(row)
        return row

    def _add_clicked(self) -> None:
        row = self.add_official(Official())
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.refresh()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 3:
            self._mark_nip(item.row())
        self.refresh()

    def finish_editing(self) -> None:
        _commit_open_editor(self.table)

    def _mark_nip(self, row: int) -> None:
        item = self.table.item(row, 3)
        bad = bool(item.text().strip()) and nip_problem(item.text()) is not None
        self.table.blockSignals(True)
        item.setBackground(QBrush(BAD_CELL) if bad else QBrush())
        self.table.blockSignals(False)

    def officials(self) -> tuple[Official, ...]:
        item = self.table.item
        return tuple(Official(*(item(row, column).text() for column in range(4)),
                              id=item(row, 0).data(Qt.ItemDataRole.UserRole))
                     for row in range(self.table.rowCount()))

    def problems(self, filled_only: bool) -> list[str]:
        return official_problems(self.officials(), filled_only)


class UnitsPage(_RulePage):
    def __init__(self, initial: OfficeProfile):
        super().__init__("Unit kerja", "Seksi dan subbagian kantor. Klik dua kali pada nama "
                         "untuk mengubahnya. Boleh dilewati dan dilengkapi nanti.")
        self.list = QListWidget()
        for unit in initial.units:
            self._append(unit)
        self.list.itemChanged.connect(self.refresh)
        label = QLabel("&Daftar unit")
        label.setBuddy(self.list)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("mis. Seksi Pemerintahan")
        self.name_edit.installEventFilter(self)  # Enter adds the unit instead of "Lanjut"
        name_label = QLabel("&Nama unit baru")
        name_label.setBuddy(self.name_edit)
        self.add_button = _button("&Tambah unit", self.add_typed_unit)
        self.remove_button = _button("&Hapus unit", self.remove_current)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addLayout(_row(name_label, self.name_edit, self.add_button, self.remove_button))
        layout.addWidget(self.error_label)
        _tab_chain(self.list, self.name_edit, self.add_button, self.remove_button)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if (watched is self.name_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_typed_unit()
            return True
        return super().eventFilter(watched, event)

    def _append(self, unit: Unit) -> None:
        item = QListWidgetItem(unit.nama)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(Qt.ItemDataRole.UserRole, unit.id)
        self.list.addItem(item)

    def add_typed_unit(self) -> None:
        """Add the typed name, unless the rules object to it (then say why, keep the text)."""
        name = self.name_edit.text()
        if not name.strip():
            return
        before = unit_problems(self.units(), filled_only=True)
        after = unit_problems((*self.units(), Unit(name)), filled_only=True)
        new = [problem for problem in after if problem not in before]
        if new:
            self._show(new)
            return
        self.list.blockSignals(True)
        self._append(Unit(name.strip()))
        self.list.blockSignals(False)
        self.name_edit.clear()
        self.refresh()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.refresh()

    def finish_editing(self) -> None:
        _commit_open_editor(self.list)
        self.add_typed_unit()  # a name typed but not added is added on Lanjut / Selesai

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        if not super().validatePage():
            return False
        if self.name_edit.text().strip():  # typed, but the rules refused it: say why, stay
            self._show(unit_problems((*self.units(), Unit(self.name_edit.text())),
                                     filled_only=True)
                       or ["Unit yang diketik belum ditambahkan: klik Tambah unit atau "
                           "kosongkan namanya."])
            return False
        return True

    def units(self) -> tuple[Unit, ...]:
        return tuple(Unit(item.text(), item.data(Qt.ItemDataRole.UserRole))
                     for item in map(self.list.item, range(self.list.count())))

    def problems(self, filled_only: bool) -> list[str]:
        return unit_problems(self.units(), filled_only)


class PaperPage(_RulePage):
    def __init__(self, initial: OfficeProfile):
        super().__init__("Kertas dan nomor surat", "Ukuran kertas bawaan untuk mencetak, dan "
                         "kode unit kantor dalam nomor surat.")
        self.paper_group = QButtonGroup(self)
        papers = QVBoxLayout()
        for name, (width, height) in PAPERS.items():
            button = QRadioButton(f"&{name} ({width:g} × {height:g} mm)")
            button.setObjectName(name)
            button.setChecked(name == initial.paper.upper())
            self.paper_group.addButton(button)
            papers.addWidget(button)
        self.kode_unit = QLineEdit(initial.kode_unit)
        self.kode_unit.setPlaceholderText("mis. 408.12")
        self.kode_unit.editingFinished.connect(self.refresh)
        self.kode_unit.textChanged.connect(self.refresh_if_shown)
        form = QFormLayout()
        form.addRow("Kertas bawaan", papers)
        form.addRow("&Kode unit", self.kode_unit)
        form.addRow("", _hint("Nomor surat: kode klasifikasi / nomor urut / kode unit / tahun, "
                              "mis. 000.7.2.6/015/408.12/2026. Kode unit ditetapkan "
                              "kabupaten; boleh dikosongkan dan diisi nanti."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        _tab_chain(*self.paper_group.buttons(), self.kode_unit)

    def paper(self) -> str:
        checked = self.paper_group.checkedButton()
        return checked.objectName() if checked else ""

    def problems(self, filled_only: bool) -> list[str]:
        profile = OfficeProfile(paper=self.paper(), kode_unit=self.kode_unit.text())
        return numbering_problems(profile, filled_only)


class SetupWizard(QWizard):
    """Built from an OfficeProfile; `profile()` is what the user entered, ready to save."""

    def __init__(self, initial: OfficeProfile, data_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._initial = initial
        self.setWindowTitle("Profil kantor")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.BackButton, "< Kem&bali"),
                             (QWizard.WizardButton.NextButton, "Lan&jut >"),
                             (QWizard.WizardButton.FinishButton, "&Selesai"),
                             (QWizard.WizardButton.CancelButton, "Batal")):
            self.setButtonText(button, text)
        self.kop_page = KopPage(initial, data_dir)
        self.officials_page = OfficialsPage(initial)
        self.units_page = UnitsPage(initial)
        self.paper_page = PaperPage(initial)
        for page in (self.kop_page, self.officials_page, self.units_page, self.paper_page):
            self.addPage(page)
        self.resize(860, 580)
        self._start = self.profile()  # what "nothing typed" looks like

    def reject(self) -> None:
        """Batal or Escape asks before what was typed is dropped."""
        if self.profile() != self._start and not questions.confirm(
                self, "Profil kantor", "Isian profil kantor belum disimpan. Tutup dan buang "
                "isian ini?", yes="&Buang isian", no="&Lanjutkan mengisi"):
            return
        super().reject()

    def done(self, result: int) -> None:  # Selesai: a unit typed on the last look is kept
        if result == QDialog.DialogCode.Accepted:
            self.units_page.finish_editing()
        super().done(result)

    def profile(self) -> OfficeProfile:
        return normalized(replace(
            self._initial, **self.kop_page.values(), officials=self.officials_page.officials(),
            units=self.units_page.units(), paper=self.paper_page.paper(),
            kode_unit=self.paper_page.kode_unit.text()))

    @classmethod
    def ask(cls, parent: QWidget | None, initial: OfficeProfile,
            data_dir: Path | None = None) -> OfficeProfile | None:
        """Run the wizard; the entered profile (not yet saved), or None if cancelled.

        Without `data_dir` the logo cannot be picked (it is stored in the data folder).
        """
        wizard = cls(initial, data_dir, parent)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return wizard.profile()
