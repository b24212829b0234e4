"""The monitoring form in the window: filled from runs, edited, previewed as a PDF."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import pdfplumber
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from desktop_app.gui import monitoring_dialog
from desktop_app.gui.monitoring_dialog import (
    CATATAN,
    NOTHING_FOUND,
    PENILAIAN,
    PROSEDUR,
    TINDAKAN,
    MonitoringDialog,
    MonitoringModel,
    current_semester,
    place_from_alamat,
)
from desktop_app.gui.print_preview import PrintPreviewDialog
from desktop_app.office.profile import OfficeProfile, Official, save_profile
from desktop_app.runs.monitoring import BAIK, TIDAK_BAIK, MonitoringRow
from desktop_app.sop import library
from tests.gui.conftest import SCREENSHOTS
from tests.runs.conftest import office  # noqa: F401 - the fixture
from tests.runs.test_monitoring import walk


@pytest.fixture
def profiled(office):  # noqa: F811
    save_profile(OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jl. Raya Ngargoyoso No. 1, Ngargoyoso", telepon="0271 123456",
        officials=(Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                            "198001181999121001"),
                   Official("Sekretaris Kecamatan", "CITRA DEWI", "Penata", "198001012005032003"))))
    return office


def open_dialog(qtbot, workspace, start=date(2026, 7, 1), end=date(2026, 12, 31)):
    dialog = MonitoringDialog(None, workspace)
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(start))
    dialog.end.setDate(QDate(end))
    dialog.show()
    return dialog


def judgement(dialog, row: int) -> QComboBox:
    return dialog.table.indexWidget(dialog.model.index(row, PENILAIAN))


def type_into_cell(qtbot, dialog, row: int, column: int, lines: list[str]) -> None:
    index = dialog.model.index(row, column)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index)
    assert isinstance(editor, QPlainTextEdit)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # finishes the cell


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def test_fill_edit_and_print(qtbot, profiled, screenshot):
    _run, now = walk(profiled, late_first_step=True, returns=1)
    other = library.duplicate_sop(profiled.sop_id, "Penyusunan Renja")
    library.approve(other, library.get_sop(profiled.sop_id).identitas.disahkan_oleh,
                    date(2026, 1, 6))
    walk(type(profiled)(**{**profiled.__dict__, "sop_id": other}), start=now,
         title="Penyusunan Renja 2027")
    dialog = open_dialog(qtbot, profiled.workspace)
    dialog.fill_button.click()
    assert dialog.model.rowCount() == 2
    assert [judgement(dialog, r).currentText() for r in (0, 1)] == [TIDAK_BAIK, BAIK]
    assert "langkah 5 ke langkah 4" in dialog.model.index(0, CATATAN).data()
    assert "2 SOP diisi dari proses" in dialog.status.text()
    assert (dialog.jabatan.text(), dialog.nama.text(), dialog.nip.text()) == (
        "Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "198001181999121001")
    assert dialog.place.text() == "Ngargoyoso"

    type_into_cell(qtbot, dialog, 0, TINDAKAN, ["Pelatihan ulang staf", "tentang waktu baku"])
    judgement(dialog, 1).setCurrentText(TIDAK_BAIK)
    rows = dialog.rows()
    assert rows[0].tindakan == "Pelatihan ulang staf\ntentang waktu baku"
    assert rows[1].penilaian == TIDAK_BAIK and dialog.dirty
    dialog.official.setCurrentIndex(2)
    assert dialog.jabatan.text() == "Sekretaris Kecamatan"
    dialog.official.setCurrentIndex(1)

    dialog.print_button.click()
    preview = dialog.preview
    assert isinstance(preview, PrintPreviewDialog) and not dialog.dirty
    qtbot.addWidget(preview)
    text = pdf_text(preview.data)
    flat = " ".join(text.split())
    assert "FORMULIR MONITORING PELAKSANAAN SOP" in text
    assert "Periode 1 Juli 2026 sampai 31 Desember 2026" in text
    for expected in ("Penyusunan RKT", "Penyusunan Renja", "Pelatihan ulang staf",
                     "tentang waktu baku", "WAHYU AGUS PRAMONO, S.STP.",
                     "NIP. 19800118 199912 1 001", "Ngargoyoso, "):
        assert expected in flat, expected
    assert flat.count(TIDAK_BAIK) == 2
    preview.close()

    dialog.resize(1150, 720)
    screenshot(dialog, "monitoring-dialog")
    pdf = SCREENSHOTS / "monitoring-form.pdf"
    pdf.write_bytes(dialog.make_pdf("F4"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(SCREENSHOTS / "monitoring-form")], check=True)


def test_an_empty_period_says_so(qtbot, office):  # noqa: F811
    walk(office)
    dialog = open_dialog(qtbot, office.workspace, date(2025, 1, 1), date(2025, 6, 30))
    dialog.fill_button.click()
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == NOTHING_FOUND
    dialog.end.setDate(QDate(2024, 12, 31))
    dialog.fill_button.click()
    assert "tidak boleh sebelum" in dialog.status.text()


def test_rows_can_be_added_and_removed(qtbot, office, monkeypatch):  # noqa: F811
    walk(office)
    dialog = open_dialog(qtbot, office.workspace)
    dialog.fill()
    dialog.table.setCurrentIndex(dialog.model.index(0, PROSEDUR))
    dialog.add_row()  # below the current row, its first cell open for typing
    assert dialog.model.rowCount() == 2
    assert judgement(dialog, 1).currentText() == "(belum dinilai)"
    assert len(dialog.rows()) == 1  # an empty row is left out
    dialog._finish_editing()
    type_into_cell(qtbot, dialog, 1, PROSEDUR, ["Pelayanan KTP"])
    assert [r.prosedur for r in dialog.rows()] == ["Penyusunan RKT", "Pelayanan KTP"]
    assert dialog.rows()[1].penilaian == ""
    dialog.table.setCurrentIndex(dialog.model.index(0, PROSEDUR))
    dialog.remove_row()
    assert [r.prosedur for r in dialog.rows()] == ["Pelayanan KTP"]
    assert dialog.model.headerData(0, Qt.Orientation.Vertical) == "1"

    asked = []
    monkeypatch.setattr(monitoring_dialog, "confirm", lambda *a, **k: asked.append(a) or False)
    dialog.fill_button.click()  # the edits are kept unless the user agrees
    assert len(asked) == 1 and [r.prosedur for r in dialog.rows()] == ["Pelayanan KTP"]
    dialog.reject()
    assert len(asked) == 2 and dialog.isVisible()


def test_a_typed_penilai_and_a_wrong_nip(qtbot, profiled):
    dialog = open_dialog(qtbot, profiled.workspace)
    assert dialog.status.text() == NOTHING_FOUND  # no runs at all
    qtbot.keyClicks(dialog.jabatan, " (Plt.)")
    assert dialog.official.currentIndex() == 0  # no longer the chosen official
    dialog.nip.setText("1980 0118")
    assert dialog.open_preview() is None
    assert "NIP harus 18 angka" in dialog.status.text()
    dialog.nip.setText("19800118 199912 1 001")
    preview = dialog.open_preview()
    qtbot.addWidget(preview)
    flat = " ".join(pdf_text(preview.data).split())
    assert "Camat Ngargoyoso (Plt.)" in flat and "NIP. 19800118 199912 1 001" in flat
    preview.close()


def test_open_for_shows_one_window_not_modal(qtbot, office):  # noqa: F811
    parent = QWidget()
    qtbot.addWidget(parent)
    first = MonitoringDialog.open_for(parent, office.workspace)
    assert first.isVisible() and not first.isModal()
    assert MonitoringDialog.open_for(parent, office.workspace) is first


def test_model(qtmodeltester):
    model = MonitoringModel([MonitoringRow("A", BAIK, "fakta\nlagi", "x"),
                             MonitoringRow("B", TIDAK_BAIK, "", "")])
    qtmodeltester.check(model)
    model.insert_row(1)
    model.remove_row(2)
    qtmodeltester.check(model)


def test_semester_and_place():
    assert current_semester(date(2026, 3, 15)) == (date(2026, 1, 1), date(2026, 6, 30))
    assert current_semester(date(2026, 6, 30)) == (date(2026, 1, 1), date(2026, 6, 30))
    assert current_semester(date(2026, 7, 1)) == (date(2026, 7, 1), date(2026, 12, 31))
    assert place_from_alamat("Jl. Raya Ngargoyoso No. 1, Ngargoyoso") == "Ngargoyoso"
    assert place_from_alamat("Jl. Lawu 5, Kab. Karanganyar 57793") == "Karanganyar"
    assert place_from_alamat("Jl. Merdeka, Kota Surakarta.") == "Surakarta"
    assert place_from_alamat("Jl. Raya Ngargoyoso No. 1") == ""
    assert place_from_alamat("") == ""
