"""The office set-up wizard: filled page by page it returns the profile; rules block the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from desktop_app.gui.setup_wizard import SetupWizard
from desktop_app.office.kop import office_kop
from desktop_app.office.profile import (
    OfficeProfile,
    Official,
    Unit,
    load_profile,
    save_profile,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
KOP = {
    "pemerintah": "PEMERINTAH KABUPATEN KARANGANYAR",
    "nama_kantor": "KECAMATAN NGARGOYOSO",
    "alamat": "Jl. Raya Ngargoyoso No. 1, Karanganyar",
    "telepon": "(0271) 123456",
    "email": "kec.ngargoyoso@karanganyarkab.go.id",
    "laman": "ngargoyoso.karanganyarkab.go.id",
    "kode_pos": "57793",
}
CAMAT = ("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina (IV/a)",
         "19800118 199912 1 001")
SEKCAM = ("Sekretaris Kecamatan", "SRI LESTARI, S.Sos.", "Penata Tk. I (III/d)",
          "197505122000032004")


def shot(wizard: SetupWizard, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    wizard.grab().save(str(SCREENSHOTS / f"setup_wizard_{name}.png"))


def make_logo(path: Path) -> Path:
    image = QImage(160, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1b5e20"))
    painter.drawEllipse(10, 10, 140, 180)
    painter.setBrush(QColor("#fbc02d"))
    painter.drawEllipse(50, 60, 60, 80)
    painter.end()
    image.save(str(path), "PNG")
    return path


def press(wizard: QWizard, which: QWizard.WizardButton) -> None:
    wizard.button(which).click()
    QApplication.processEvents()


@pytest.fixture
def wizard(qtbot, workspace):
    wizard = SetupWizard(OfficeProfile(), workspace.data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def fill_kop(qtbot, wizard: SetupWizard) -> None:
    for name, text in KOP.items():
        qtbot.keyClicks(wizard.kop_page.edits[name], text)


def set_official(wizard: SetupWizard, row: int, values: tuple[str, ...]) -> None:
    for column, text in enumerate(values):
        wizard.officials_page.table.item(row, column).setText(text)


def test_filling_every_page_returns_the_profile(qtbot, wizard, workspace, tmp_path):
    fill_kop(qtbot, wizard)
    wizard.kop_page.set_logo_from_file(make_logo(tmp_path / "logo.png"))
    shot(wizard, "1_kop")
    press(wizard, QWizard.WizardButton.NextButton)

    page = wizard.officials_page
    assert wizard.currentPage() is page
    assert page.table.item(0, 0).text() == "Camat"  # the first row is offered
    set_official(wizard, 0, CAMAT)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    set_official(wizard, 1, SEKCAM)
    shot(wizard, "2_pejabat")
    press(wizard, QWizard.WizardButton.NextButton)

    page = wizard.units_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.name_edit, "Sekretariat")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)  # adds; does not leave the page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.name_edit, "Seksi Pemerintahan")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.name_edit.text() == ""
    shot(wizard, "3_unit")
    press(wizard, QWizard.WizardButton.NextButton)

    page = wizard.paper_page
    assert wizard.currentPage() is page
    assert page.paper() == "F4"  # the default
    page.findChild(type(page.paper_group.buttons()[0]), "A4").click()
    qtbot.keyClicks(page.kode_unit, "408.12")
    shot(wizard, "4_kertas")
    press(wizard, QWizard.WizardButton.FinishButton)

    assert wizard.result() == QDialog.DialogCode.Accepted
    profile = wizard.profile()
    assert profile.nama_kantor == "KECAMATAN NGARGOYOSO" and profile.kode_pos == "57793"
    assert profile.officials == (Official(*CAMAT[:3], "198001181999121001"), Official(*SEKCAM))
    assert profile.units == (Unit("Sekretariat"), Unit("Seksi Pemerintahan"))
    assert (profile.paper, profile.kode_unit) == ("A4", "408.12")
    assert profile.logo.startswith("berkas/")

    save_profile(profile)
    assert load_profile().nama_kantor == "KECAMATAN NGARGOYOSO"
    assert office_kop(data_dir=workspace.data_dir).logo.is_file()


def test_a_bad_nip_blocks_the_page_with_its_message(qtbot, wizard):
    fill_kop(qtbot, wizard)
    press(wizard, QWizard.WizardButton.NextButton)
    page = wizard.officials_page
    set_official(wizard, 0, (*CAMAT[:3], "19800118 199912 1 00"))
    # Checked as soon as the cell is left, before Next.
    assert page.error_label.isVisible()
    assert page.error_label.text() == "pejabat 1: NIP harus 18 angka (sekarang 17)"
    press(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert "pejabat 1: NIP harus 18 angka (sekarang 17)" in page.error_label.text()
    shot(wizard, "2_pejabat_nip_salah")
    page.table.item(0, 3).setText(CAMAT[3])
    assert not page.error_label.isVisible()
    press(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.units_page


def test_text_in_an_open_cell_editor_counts(qtbot, wizard):
    fill_kop(qtbot, wizard)
    press(wizard, QWizard.WizardButton.NextButton)
    page = wizard.officials_page
    set_official(wizard, 0, CAMAT)
    page.table.setCurrentCell(0, 3)
    page.table.editItem(page.table.item(0, 3))
    editor = page.table.indexWidget(page.table.currentIndex())
    editor.selectAll()
    qtbot.keyClicks(editor, "19800118 199912 1 00")
    press(wizard, QWizard.WizardButton.NextButton)  # clicked by its shortcut: editor still open
    assert wizard.currentPage() is page
    assert page.error_label.text() == "pejabat 1: NIP harus 18 angka (sekarang 17)"


def test_missing_kop_fields_block_the_first_page(qtbot, wizard):
    qtbot.keyClicks(wizard.kop_page.edits["pemerintah"], "PEMERINTAH KABUPATEN KARANGANYAR")
    qtbot.keyClicks(wizard.kop_page.edits["kode_pos"], "577")
    press(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.kop_page
    assert wizard.kop_page.error_label.text().splitlines() == [
        "nama kantor: belum diisi (mis. KECAMATAN NGARGOYOSO)", "alamat: belum diisi",
        'kode pos: harus 5 angka (sekarang "577")']
    shot(wizard, "1_kop_belum_lengkap")


def test_removing_every_official_blocks_the_page(qtbot, wizard):
    fill_kop(qtbot, wizard)
    press(wizard, QWizard.WizardButton.NextButton)
    page = wizard.officials_page
    page.table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    press(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert "sedikitnya satu pejabat" in page.error_label.text()


def test_a_duplicate_unit_is_not_added(qtbot, wizard):
    page = wizard.units_page
    for name in ("Sekretariat", "sekretariat"):
        page.name_edit.setText(name)
        page.add_typed_unit()
    assert page.units() == (Unit("Sekretariat"),)
    assert page.error_label.text() == 'unit 2: "sekretariat" sudah ada (unit 1)'
    assert page.name_edit.text() == "sekretariat"  # kept, to correct it


def test_a_file_that_is_not_an_image_is_refused(qtbot, wizard, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_text("bukan gambar")
    wizard.kop_page.set_logo_from_file(fake)
    assert wizard.kop_page.logo == ""
    assert "bukan gambar PNG atau JPG" in wizard.kop_page.logo_message.text()


def test_an_existing_profile_is_shown_and_keeps_its_ids(qtbot, workspace):
    initial = OfficeProfile(**KOP, officials=(Official(*CAMAT[:3], CAMAT[3], id=7),),
                            units=(Unit("Sekretariat", id=3),), paper="A4", kode_unit="408.12")
    wizard = SetupWizard(initial, workspace.data_dir)
    qtbot.addWidget(wizard)
    assert wizard.kop_page.edits["alamat"].text() == KOP["alamat"]
    assert wizard.paper_page.paper() == "A4"
    profile = wizard.profile()
    assert profile.officials[0].id == 7 and profile.units[0].id == 3
    assert profile.kode_unit == "408.12"


def test_tab_follows_the_form(qtbot, wizard):
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    wizard.kop_page.edits["pemerintah"].setFocus()
    order = []
    for _ in range(len(KOP) + 1):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == [*wizard.kop_page.edits.values(), wizard.kop_page.pick_button]


def test_ask_returns_none_when_cancelled_and_the_profile_when_finished(monkeypatch, qtbot):
    initial = OfficeProfile(**KOP, officials=(Official(*CAMAT),))
    monkeypatch.setattr(SetupWizard, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SetupWizard.ask(None, initial) is None
    monkeypatch.setattr(SetupWizard, "exec", lambda self: QDialog.DialogCode.Accepted)
    profile = SetupWizard.ask(None, initial)
    assert profile.nama_kantor == KOP["nama_kantor"]
    assert profile.officials[0].nip == "198001181999121001"
