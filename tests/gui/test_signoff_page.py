"""Pengaturan > Alur paraf: the proposed route is saved; a specimen signature is stored."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from desktop_app.gui.signoff_page import SignoffPage
from desktop_app.office.settings import get_setting
from desktop_app.office.signoff import get_route
from tests.runs.conftest import office  # noqa: F401 - the fixture


def test_route_and_specimen(qtbot, office, tmp_path, monkeypatch, screenshot):  # noqa: F811
    page = SignoffPage(office.workspace)
    qtbot.addWidget(page)
    page.show()
    page.kind.setCurrentIndex(page.kind.findData("surat_pengantar"))
    assert page.steps() == [(office.kasubag.id, "paraf"), (office.sekcam.id, "paraf"),
                            (office.camat.id, "tanda_tangan")]
    assert "Belum disimpan" in page.status.text()
    page.save()
    assert [s.person_id for s in get_route("surat_pengantar")] == [
        office.kasubag.id, office.sekcam.id, office.camat.id]
    page.signer.setCurrentIndex(page.signer.findData(office.camat.id))
    image = tmp_path / "ttd.png"
    picture = QImage(200, 80, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    picture.save(str(image))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(image), ""))
    page.pick("spesimen_ttd")
    assert get_setting("spesimen_orang") == str(office.camat.id)
    assert get_setting("spesimen_ttd").startswith("berkas/")
    screenshot(page, "signoff-page")
