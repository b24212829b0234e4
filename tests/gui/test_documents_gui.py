"""A surat pengantar made on the Dokumen page, given paraf and signed in its window, then
checked as genuine; the form's fields and checks; a return with a note and a change."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop_app.gui.document_form import DocumentFormDialog
from desktop_app.gui.document_window import DocumentWindow, PinPrompt
from desktop_app.gui.documents_page import DocumentsPage, VerifyDialog
from desktop_app.naskah import workflow
from desktop_app.naskah.verification import verify_bytes
from desktop_app.office.people import get_person
from tests.naskah.test_workflow import CONTENT, routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture

TITLE = "Penyampaian Renja 2027"


class Login:
    """Who is logged in; the windows ask it each time (person_provider)."""

    def __init__(self, actor=None):
        self.person = get_person(actor.id) if actor else None

    def __call__(self):
        return self.person

    def switch(self, actor) -> None:
        self.person = get_person(actor.id)


def settle(qtbot, widget) -> None:
    """Shown, with its layout settled (scroll bars decided) before a screenshot."""
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(150)


def form_returns(monkeypatch, title, content):
    monkeypatch.setattr(DocumentFormDialog, "ask", classmethod(
        lambda cls, parent, kind, t="", c=None: (title, content)))


def pin_is(monkeypatch, pin):
    monkeypatch.setattr(PinPrompt, "ask", classmethod(lambda cls, parent, text, ok="OK": pin))


def make_on_page(qtbot, page, monkeypatch, title=TITLE, content=CONTENT) -> int:
    form_returns(monkeypatch, title, content)
    pengantar = next(a for a in page.kind_menu.actions() if a.data() == "surat_pengantar")
    with qtbot.waitSignal(page.open_requested) as opened:
        pengantar.trigger()
    return opened.args[0]


def test_pengantar_from_the_page_to_the_signature(routed, qtbot, monkeypatch,  # noqa: F811
                                                  screenshot, qtmodeltester):
    setup = routed
    login = Login(setup.staf)
    page = DocumentsPage(setup.workspace, login)
    qtbot.addWidget(page)
    doc_id = make_on_page(qtbot, page, monkeypatch)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == "Budi Kasubag (paraf)"
    qtmodeltester.check(page.model)

    window = DocumentWindow(setup.workspace, doc_id, login)
    qtbot.addWidget(window)
    assert window.page_layout.count() == 1  # the draft's page is shown
    assert not window.approve_button.isEnabled()  # the author does not give paraf
    assert "giliran Budi Kasubag" in window.turn_hint.text()
    pin_is(monkeypatch, "123456")
    for actor in (setup.kasubag, setup.sekcam):
        login.switch(actor)
        window.refresh()
        assert window.approve_button.text() == "&Paraf…" and window.approve_button.isEnabled()
        with qtbot.waitSignal(window.changed):
            window.approve_button.click()
        assert window.message.text() == "Paraf Anda sudah tercatat."
    assert "sudah paraf" in window.route.item(1).text()

    login.switch(setup.camat)
    window.refresh()
    assert window.approve_button.text() == "&Tanda tangani…"
    assert "giliran sekarang" in window.route.item(2).text()
    pin_is(monkeypatch, "9999")
    window.approve_button.click()
    assert window.message.text().startswith("PIN salah. Sisa percobaan: 4")
    assert not window.message.isHidden()
    before = workflow.document_detail(doc_id, setup.workspace.data_dir)
    assert before.summary.status == "menunggu" and before.summary.versions == 1
    assert before.summary.waiting_for_id == setup.camat.id and not before.summary.number

    pin_is(monkeypatch, "123456")
    with qtbot.waitSignal(window.changed):
        window.approve_button.click()
    detail = workflow.document_detail(doc_id, setup.workspace.data_dir)
    assert detail.summary.status == "final"
    assert detail.summary.number == f"000.7.2.4/001/408.12/{date.today().year}"
    header = window.header.text()
    assert detail.summary.number in header and detail.verification_code in header
    assert "disahkan" in header
    assert "sudah ttd" in window.route.item(2).text()
    assert window.history.rowCount() == 3
    assert not any(b.isEnabled() for b in (window.approve_button, window.return_button,
                                           window.edit_button))
    window.resize(1240, 860)
    settle(qtbot, window)
    screenshot(window, "document-window")

    result = verify_bytes(detail.pdf_path.read_bytes())
    dialog = VerifyDialog(page, detail.pdf_path.name, result)
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "✔ ASLI"
    assert "1b7f3b" in dialog.headline.styleSheet()
    assert detail.verification_code in dialog.message.text()
    screenshot(dialog, "document-verify")

    page.refresh()
    assert page.model.index(0, 2).data() == detail.summary.number
    assert page.model.index(0, 3).data() == "disahkan"


def test_saved_copy_is_genuine_a_changed_one_not(routed, qtbot, monkeypatch,  # noqa: F811
                                                 tmp_path):
    setup = routed
    _db, data = setup.workspace.database, setup.workspace.data_dir
    doc_id = workflow.create_document(data, "surat_pengantar", TITLE, CONTENT,
                                      setup.staf.id)
    for actor in (setup.kasubag, setup.sekcam, setup.camat):
        workflow.approve(data, doc_id, actor.id, "123456")
    window = DocumentWindow(setup.workspace, doc_id, Login(setup.staf))
    qtbot.addWidget(window)
    copy = window.save_copy(tmp_path / "pengantar")
    assert copy == tmp_path / "pengantar.pdf"
    page = DocumentsPage(setup.workspace, Login(setup.staf))
    qtbot.addWidget(page)
    seen = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(copy), ""))
    monkeypatch.setattr(VerifyDialog, "ask", classmethod(
        lambda cls, parent, path: seen.append(path) or verify_bytes(path.read_bytes())))
    assert page.check_file().genuine and seen == [copy]
    changed = bytearray(copy.read_bytes())
    changed[len(changed) // 2] ^= 0x01
    dialog = VerifyDialog(page, "ubah.pdf", verify_bytes(bytes(changed)))
    qtbot.addWidget(dialog)
    assert dialog.headline.text().startswith("✘ TIDAK")
    assert "b00020" in dialog.headline.styleSheet()


def test_a_return_with_a_note_and_a_change(routed, qtbot, monkeypatch):  # noqa: F811
    setup = routed
    _db, data = setup.workspace.database, setup.workspace.data_dir
    doc_id = workflow.create_document(data, "surat_pengantar", TITLE, CONTENT,
                                      setup.staf.id)
    workflow.approve(data, doc_id, setup.kasubag.id, "123456")
    login = Login(setup.sekcam)
    window = DocumentWindow(setup.workspace, doc_id, login)
    qtbot.addWidget(window)
    assert not window.edit_button.isEnabled()  # not the author, not an admin
    monkeypatch.setattr(PinPrompt, "ask_with_note", classmethod(
        lambda cls, parent, text: ("Banyaknya 3 buku", "123456")))
    with qtbot.waitSignal(window.changed):
        window.return_button.click()
    assert window.history.item(1, 2).text() == "dikembalikan"
    assert window.history.item(1, 4).text() == "Banyaknya 3 buku"
    assert "dikembalikan" in window.route.item(1).text()
    assert not window.approve_button.isEnabled()

    login.switch(setup.admin)
    window.refresh()
    assert window.edit_button.isEnabled()
    changed = dict(CONTENT, items=[dict(CONTENT["items"][0], banyaknya="3 (tiga) buku")])
    form_returns(monkeypatch, TITLE, changed)
    with qtbot.waitSignal(window.changed):
        window.edit_button.click()
    detail = workflow.document_detail(doc_id, data)
    assert detail.summary.versions == 2 and detail.summary.status == "menunggu"
    assert detail.content["items"][0]["banyaknya"] == "3 (tiga) buku"
    assert "giliran sekarang" in window.route.item(0).text()  # the route starts again
    assert "menunggu" in window.route.item(1).text()


def click_simpan(dialog) -> None:
    """What a person clicks to save the form."""
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_form_checks_and_returns_the_content(routed, qtbot, screenshot):  # noqa: F811
    dialog = DocumentFormDialog(None, "surat_pengantar", "", None)
    qtbot.addWidget(dialog)
    click_simpan(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    problems = dialog.problems.text()
    for expected in ("Perihal wajib diisi.", "Pilih kode klasifikasi", "Kepada wajib diisi.",
                     "paling sedikit satu naskah"):
        assert expected in problems
    assert "Budi Kasubag (paraf) → Citra Sekcam (paraf)" in dialog.route.text()
    dialog.title.setText(TITLE)
    fields = dialog.fields
    fields["klasifikasi"].setCurrentIndex(fields["klasifikasi"].findData("000.7.2.4"))
    fields["tempat"].setText("Karanganyar")
    fields["kepada"].setText("Kepala BAPERLITBANG")
    fields["di"].setText("Karanganyar")
    table = fields["items"].table
    table.item(0, 0).setText("Rencana Kerja (Renja) Kecamatan Tahun 2027")
    table.item(0, 1).setText("2 (dua) buku")
    fields["items"].add_row({"naskah": "Daftar hadir", "banyaknya": "1 lembar"})
    assert fields["tanggal"].empty.isChecked() and fields["tanggal"].value() == ""
    click_simpan(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.problems.isHidden()
    content = dialog.content()
    assert content["klasifikasi"] == "000.7.2.4" and content["tanggal"] == ""
    assert [i["naskah"] for i in content["items"]] == [
        "Rencana Kerja (Renja) Kecamatan Tahun 2027", "Daftar hadir"]

    letter = DocumentFormDialog(None, "surat_dinas", TITLE, {
        "tanggal": "2026-11-24", "paragraphs": ["Satu."], "tembusan": ["Camat"]})
    qtbot.addWidget(letter)
    assert letter.fields["tanggal"].value() == "2026-11-24"
    assert letter.fields["hal"].text() == TITLE  # "Hal" repeats the Perihal
    qtbot.keyClicks(letter.title, " (revisi)")
    assert letter.fields["hal"].text() == TITLE + " (revisi)"
    letter.fields["paragraphs"].setPlainText("Dengan hormat,\nkami sampaikan\n\n\nTerima kasih.")
    letter.fields["tembusan"].setPlainText("Bupati Karanganyar\n\nSekda")
    assert letter.fields["paragraphs"].value() == ["Dengan hormat, kami sampaikan",
                                                   "Terima kasih."]
    assert letter.fields["tembusan"].value() == ["Bupati Karanganyar", "Sekda"]
    letter.fields["kepada"].setText("Kepala BAPERLITBANG")
    letter.fields["klasifikasi"].setCurrentIndex(1)
    settle(qtbot, letter)
    screenshot(letter, "document-form")


def test_disposisi_checklists(routed, qtbot, screenshot):  # noqa: F811
    dialog = DocumentFormDialog(None, "disposisi", "Undangan rapat Musrenbang", None)
    qtbot.addWidget(dialog)
    forward = dialog.fields["diteruskan_kepada"]
    assert "Budi Kasubag" in [name for name, _on in forward.value()]  # the office's people
    forward.new.setText("Kasi Pemerintahan")
    forward.new.returnPressed.emit()
    forward.list.item(0).setCheckState(Qt.CheckState.Checked)
    harapan = dialog.fields["harapan"]
    assert [text for text, _on in harapan.value()][:2] == ["Tanggapan dan saran",
                                                          "Proses lebih lanjut"]
    dialog.fields["surat_dari"].setText("Dinas PMD")
    dialog.fields["sifat"].setCurrentText("segera")
    click_simpan(dialog)
    content = dialog.content()
    assert content["diteruskan_kepada"][0][1] is True
    assert ["Kasi Pemerintahan", True] in content["diteruskan_kepada"]
    assert content["sifat"] == "segera" and content["tanggal_surat"] == ""
    settle(qtbot, dialog)
    screenshot(dialog, "document-form-disposisi")


def test_the_page_lists_and_filters(routed, qtbot, monkeypatch, screenshot):  # noqa: F811
    setup = routed
    _db, data = setup.workspace.database, setup.workspace.data_dir
    first = workflow.create_document(data, "surat_pengantar", TITLE, CONTENT,
                                     setup.staf.id)
    workflow.create_document(data, "surat_pengantar", "Penyampaian RKT 2027", CONTENT,
                             setup.staf.id)
    for actor in (setup.kasubag, setup.sekcam, setup.camat):
        workflow.approve(data, first, actor.id, "123456")
    workflow.create_document(data, "surat_pengantar", "Penyampaian laporan SAKIP",
                             CONTENT, setup.staf.id)
    login = Login(setup.kasubag)
    page = DocumentsPage(setup.workspace, login)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3
    assert page.mine_only.text() == "Hanya yang &menunggu saya (2)"
    assert page.model.index(0, 3).data() == "Menunggu paraf Anda"
    page.mine_only.setChecked(True)
    assert page.model.rowCount() == 2
    page.mine_only.setChecked(False)
    page.table.selectRow(2)
    with qtbot.waitSignal(page.open_requested) as opened:
        page.buttons["open"].click()
    assert opened.args == [first]
    page.resize(1000, 420)
    settle(qtbot, page)
    screenshot(page, "documents-page")

    nobody = DocumentsPage(setup.workspace, Login())
    qtbot.addWidget(nobody)
    shown = []
    monkeypatch.setattr("desktop_app.gui.documents_page.show_error",
                        lambda parent, exc: shown.append(str(exc)))
    assert nobody.create("nota_dinas") is None and "Masuk dahulu" in shown[0]


def test_the_author_may_change_a_returned_document(routed, qtbot, monkeypatch):  # noqa: F811
    if "author_id" not in workflow.DocumentSummary.__dataclass_fields__:
        pytest.skip("workflow.DocumentSummary does not tell the author yet (author_id)")
    setup = routed
    _db, data = setup.workspace.database, setup.workspace.data_dir
    doc_id = workflow.create_document(data, "surat_pengantar", TITLE, CONTENT,
                                      setup.staf.id)
    workflow.return_document(doc_id, setup.kasubag.id, "123456", "Lampiran kurang")
    window = DocumentWindow(setup.workspace, doc_id, Login(setup.staf))
    qtbot.addWidget(window)
    assert window.edit_button.isEnabled()
    form_returns(monkeypatch, TITLE + " (perbaikan)", CONTENT)
    with qtbot.waitSignal(window.changed):
        window.edit_button.click()
    assert workflow.document_detail(doc_id, data).summary.title == TITLE + " (perbaikan)"
