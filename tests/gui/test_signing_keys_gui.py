"""Issue 15 in the window: the camat logs in, makes a signing key in Pengaturan › Kunci tanda
tangan, signs a letter typing the signing passphrase; the office key is exported with its
fingerprint; *Periksa dengan berkas kunci* says ASLI; the admin revokes the key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from desktop_app.gui.document_window import PinPrompt
from desktop_app.gui.documents_page import VerifyDialog
from desktop_app.gui.login_dialog import LoginDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.signing_keys import PassphraseDialog
from desktop_app.naskah import workflow
from desktop_app.signing import keys
from tests.naskah.test_workflow import CONTENT, routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture

_POLLING: list[bool] = []


@pytest.fixture(autouse=True)
def _stop_polling():
    """No poll of this test outlives it (a late one would act on the next test's dialogs)."""
    _POLLING[:] = [True]
    yield
    _POLLING[:] = []


def _when_modal(qtbot, kind, act) -> list:
    """Run `act(dialog)` on the next modal dialog of `kind`, as a person would use it."""
    seen = []

    def poll():
        if not _POLLING:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _log_in(qtbot, window, actor, pin="123456") -> None:
    def fill(dialog):
        dialog.people.setCurrentIndex(dialog.people.findData(actor.id))
        qtbot.keyClicks(dialog.pin, pin)
        dialog.login_button.click()

    _when_modal(qtbot, LoginDialog, fill)
    window.switch_person()
    assert window.person.id == actor.id


def _type_passphrase(qtbot, text, again=True):
    def fill(dialog):
        qtbot.keyClicks(dialog.passphrase, text)
        if again and dialog.again is not None:
            qtbot.keyClicks(dialog.again, text)
        qtbot.keyClick(dialog.passphrase, "\r")

    return _when_modal(qtbot, PassphraseDialog, fill)


def _open_keys_page(window):
    window.nav.setCurrentRow([window.nav.item(i).text() for i in range(window.nav.count())]
                             .index("Pengaturan"))
    tabs = window.settings_tabs
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())]
                         .index("Kunci tanda tangan"))
    return window.signing_keys_page


def test_camat_makes_a_key_signs_and_the_letter_verifies(routed, qtbot, monkeypatch,  # noqa: F811
                                                         tmp_path, screenshot):
    monkeypatch.setenv("PANDU_KEY_DIR", str(tmp_path / "kunci-pc"))
    o = routed
    window = MainWindow(o.workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _log_in(qtbot, window, o.camat)
    page = _open_keys_page(window)
    assert "belum dibuat" in page.office.text() and not page.export_button.isEnabled()
    _type_passphrase(qtbot, "camat rahasia 3")
    page.create_button.click()
    assert page.message.text().startswith("Kunci tanda tangan Anda sudah dibuat")
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "Wahyu Camat"
    assert not page.create_button.isEnabled() and page.change_button.isEnabled()
    fingerprint = keys.fingerprint_text(keys.office_key().fingerprint)
    assert fingerprint in page.office.text()
    screenshot(window, "signing-keys-page")

    key_file = tmp_path / "kunci-kantor.pem"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(key_file), ""))
    page.export_button.click()
    assert key_file.exists() and fingerprint in page.message.text()

    doc_id = workflow.create_document(o.workspace.data_dir,
                                      "surat_pengantar", "Penyampaian Renja 2027", CONTENT,
                                      o.staf.id)
    monkeypatch.setattr(PinPrompt, "ask", classmethod(lambda cls, *a, **k: "123456"))
    for actor in (o.kasubag, o.sekcam):  # no keys yet: their paraf is recorded as before
        _log_in(qtbot, window, actor)
        doc_window = window.open_document(doc_id)
        qtbot.addWidget(doc_window)
        doc_window.approve_button.click()
        assert doc_window.message.text() == "Paraf Anda sudah tercatat."
    _log_in(qtbot, window, o.camat)
    doc_window = window.open_document(doc_id)
    qtbot.addWidget(doc_window)
    asked = _type_passphrase(qtbot, "salah sekali", again=False)
    doc_window.approve_button.click()
    assert asked and "Kata sandi tanda tangan salah" in doc_window.message.text()
    assert workflow.document_detail(doc_id, o.workspace.data_dir).summary.status == "menunggu"
    _type_passphrase(qtbot, "camat rahasia 3", again=False)
    doc_window.approve_button.click()
    assert doc_window.message.text() == "Naskah sudah ditandatangani dan disahkan."
    signed = workflow.document_detail(doc_id, o.workspace.data_dir).pdf_path

    window.nav.setCurrentRow([window.nav.item(i).text() for i in range(window.nav.count())]
                             .index("Dokumen"))
    answers = iter([(str(signed), ""), (str(key_file), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: next(answers))

    def look(dialog):
        screenshot(dialog, "signing-verify-with-key")
        dialog.reject()

    shown = _when_modal(qtbot, VerifyDialog, look)
    result = window.documents.buttons["verify_key"].click() or shown[0].result_value
    assert result.genuine and "Wahyu Camat" in shown[0].message.text()
    assert shown[0].headline.text() == "✔ ASLI"

    _log_in(qtbot, window, o.admin)
    page = _open_keys_page(window)
    page.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("pindah tugas", True))
    monkeypatch.setattr("desktop_app.gui.signing_keys.confirm", lambda *a, **k: True)
    page.revoke_button.click()
    assert "sudah dicabut" in page.message.text()
    assert page.table.item(0, 3).text() != "-" and page.table.item(0, 4).text() == "pindah tugas"
