"""Nothing typed is lost: one test per case of issue 16 — type, then close, undo, press
Escape or Lanjut, and find the text kept or the question asked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop_app.gui import questions
from desktop_app.gui.document_form import DocumentFormDialog
from desktop_app.gui.setup_wizard import SetupWizard
from desktop_app.gui.sop_editor import SopEditor
from desktop_app.office.profile import OfficeProfile, Unit
from desktop_app.sop import library
from tests.naskah.test_workflow import routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture


def asked(monkeypatch, name: str, answer):
    calls: list[str] = []
    monkeypatch.setattr(questions, name, lambda parent, text, *a, **k: calls.append(text)
                        or answer)
    return calls


def editor_for(qtbot, workspace) -> SopEditor:
    sop_id = library.duplicate_sop(4, "RKT Kami")
    editor = SopEditor(workspace, sop_id, [], None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)  # no Enter, no leaving the field


def test_text_typed_in_an_sop_field_is_saved_on_close(qtbot, workspace, monkeypatch):
    editor = editor_for(qtbot, workspace)
    calls = asked(monkeypatch, "save_changes", "simpan")
    type_into(qtbot, editor.identity.texts["nomor"], "800/7/2026")
    editor.close()
    assert calls and not editor.isVisible()
    assert library.get_sop(editor.sop_id).identitas.nomor == "800/7/2026"


def test_text_typed_in_a_list_field_is_saved_with_ctrl_s(qtbot, workspace):
    editor = editor_for(qtbot, workspace)
    edit = editor.identity.lists[next(iter(editor.identity.lists))]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Undang-Undang baru")
    editor.save_action.trigger()
    key = next(iter(editor.identity.lists))
    assert getattr(library.get_sop(editor.sop_id).identitas, key) == ["Undang-Undang baru"]


def test_undo_while_typing_takes_back_only_the_typing(qtbot, workspace):
    editor = editor_for(qtbot, workspace)
    nama, nomor = editor.identity.texts["nama"], editor.identity.texts["nomor"]
    type_into(qtbot, nama, "RKT Baru")
    qtbot.keyClick(nama, Qt.Key.Key_Return)
    before = editor.sop.identitas.nomor
    type_into(qtbot, nomor, "123")
    editor.undo_action.trigger()
    assert editor.sop.identitas.nama == "RKT Baru"  # the earlier change stays
    assert editor.sop.identitas.nomor == before and nomor.text() == before
    editor.undo_action.trigger()
    assert editor.sop.identitas.nama == "RKT Kami"


def test_escape_in_the_letter_form_asks_and_batal_keeps_the_letter(qtbot, routed,  # noqa: F811
                                                                  monkeypatch):
    dialog = DocumentFormDialog(None, "surat_pengantar", "", None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    calls = asked(monkeypatch, "save_changes", "batal")
    type_into(qtbot, dialog.title, "Penyampaian Renja 2027")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert calls and dialog.isVisible()
    assert dialog.title.text() == "Penyampaian Renja 2027"
    calls = asked(monkeypatch, "save_changes", "buang")
    dialog.close()
    assert calls and not dialog.isVisible()


def test_escape_in_an_untouched_letter_form_just_closes(qtbot, routed, monkeypatch):  # noqa: F811
    dialog = DocumentFormDialog(None, "surat_pengantar", "", None)
    qtbot.addWidget(dialog)
    dialog.show()
    calls = asked(monkeypatch, "save_changes", "batal")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not calls and not dialog.isVisible()


def test_escape_in_the_wizard_asks(qtbot, workspace, monkeypatch):
    wizard = SetupWizard(OfficeProfile(), workspace.data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.keyClicks(wizard.kop_page.edits["nama_kantor"], "KECAMATAN NGARGOYOSO")
    calls = asked(monkeypatch, "confirm", False)  # "Lanjutkan mengisi"
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert calls and wizard.isVisible()
    assert wizard.kop_page.edits["nama_kantor"].text() == "KECAMATAN NGARGOYOSO"


def test_a_unit_typed_but_not_added_is_added_on_lanjut(qtbot, workspace):
    wizard = SetupWizard(OfficeProfile(), workspace.data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setStartId(2)
    wizard.restart()  # straight to the units page
    assert wizard.currentPage() is wizard.units_page
    qtbot.keyClicks(wizard.units_page.name_edit, "Seksi Pemerintahan")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.units_page.units() == (Unit("Seksi Pemerintahan"),)
    assert wizard.currentPage() is wizard.paper_page
