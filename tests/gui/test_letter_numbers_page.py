"""Pengaturan > Nomor surat: format preview, codes, the register with a cancelled number."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QInputDialog, QPushButton

from desktop_app.gui.letter_numbers_page import LetterNumbersPage
from desktop_app.office import letter_numbers as ln
from desktop_app.office.people import get_person
from desktop_app.office.settings import set_settings
from tests.runs.conftest import office  # noqa: F401 - the fixture


def test_register_and_format(qtbot, office, monkeypatch, screenshot):  # noqa: F811
    set_settings({"kode_unit": "408.12"})
    for perihal in ("Penyampaian RKT 2027", "Undangan rapat Renja"):
        ln.take_number(classification="000.7.2.6", kind="surat_dinas", perihal=perihal,
                       tujuan="Bupati", letter_date=date(2026, 11, 24),
                       person_id=office.staf.id)
    page = LetterNumbersPage(office.workspace, lambda: get_person(office.admin.id))
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(2026)
    assert page.register.rowCount() == 2
    assert page.register.item(0, 1).text() == "000.7.2.6/001/408.12/2026"
    assert page.format.text() == "{klasifikasi}/{nomor 3 angka}/{kode_unit}/{tahun}"
    assert ":03d" not in page.format.text()  # staff read words, not Python's format spec
    page.format.setText("{klasifikasi}/{bulan}")
    assert "format nomor" in page.preview.text()
    page.format.setText("{klasifikasi}/{nomor 3 angka}/{kode_unit}/{tahun}")
    assert page.preview.text() == "000.7.2.6/015/408.12/" + str(date.today().year)
    page.register.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Salah tujuan", True))
    page.cancel_selected()
    assert page.register.item(1, 5).text().startswith("Batal")
    page.code_edit.setText("000.9.9")
    page.code_text.setText("uji")
    page.add_code()
    assert any(c.code == "000.9.9" for c in ln.list_codes())
    page.layout_fields["margin_kiri"].setValue(25)
    page.layout_fields["ukuran_huruf"].setValue(11)
    next(b for b in page.findChildren(QPushButton) if "tata" in b.text()).click()
    from desktop_app.naskah.compose import page_setup

    assert (page_setup().margin_left, page_setup().font_size) == (25, 11)
    screenshot(page, "letter-numbers")
    page.print_register()
    qtbot.addWidget(page.print_dialog)
    assert page.print_dialog.data.startswith(b"%PDF")
    page.print_dialog.close()
