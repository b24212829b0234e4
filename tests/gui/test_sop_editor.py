"""The SOP editor driven through its widgets: edits, undo/redo, problems, approve, revise."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop_app.gui import questions
from desktop_app.gui.approve_dialog import Approval, ApproveDialog
from desktop_app.gui.document_window import PinPrompt
from desktop_app.gui.sop_editor import SopEditor
from desktop_app.office.people import add_person, get_person
from desktop_app.sop import library
from desktop_app.sop.model import Official

CAMAT = Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                 "198001181999121001")


@pytest.fixture(autouse=True)
def discard_on_teardown(monkeypatch):
    """Closing an editor with unsaved changes asks; at teardown the answer is "Buang"."""
    monkeypatch.setattr(questions, "save_changes", lambda *a, **k: "buang")


def open_editor(qtbot, workspace, template: int = 4) -> SopEditor:
    from desktop_app.office.profile import OfficeProfile, save_profile
    from desktop_app.office.profile import Official as ProfileOfficial

    save_profile(OfficeProfile(  # the camat approves as themself
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jln. Kemuning", officials=(ProfileOfficial(CAMAT.jabatan, CAMAT.nama,
                                                           CAMAT.pangkat, CAMAT.nip),)))
    sop_id = library.duplicate_sop(template, "RKT Kecamatan Kami")
    camat = add_person(CAMAT.nama, CAMAT.jabatan, CAMAT.nip, "pejabat",
                       "123456")
    editor = SopEditor(workspace, sop_id, [CAMAT], None, lambda: get_person(camat))
    qtbot.addWidget(editor)
    editor.show()
    return editor


def commit_line(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.editingFinished.emit()


def test_edit_two_steps_and_a_lane_undo_one_and_save(qtbot, workspace, screenshot):
    editor = open_editor(qtbot, workspace)
    steps = editor.steps
    editor.tabs.setCurrentWidget(steps)
    steps.select(1)
    commit_line(qtbot, steps.fields["waktu"], "20 menit")
    assert editor.sop.langkah[1].waktu == "20 menit"
    steps.select(2)
    commit_line(qtbot, steps.fields["output"], "Konsep nota teknis")
    assert editor.sop.langkah[2].output == "Konsep nota teknis"
    editor.tabs.setCurrentWidget(editor.lanes)
    item = editor.lanes.list.item(0)
    item.setText("Staf Perencanaan")  # rename in place, as a double-click edit would
    assert editor.sop.pelaksana[0].nama == "Staf Perencanaan"
    assert editor.windowTitle().startswith("RKT Kecamatan Kami *")

    editor.undo_action.trigger()  # the lane rename
    assert editor.sop.pelaksana[0].nama == "Staf"
    editor.redo_action.trigger()
    assert editor.sop.pelaksana[0].nama == "Staf Perencanaan"
    editor.undo_action.trigger()
    assert editor.sop.langkah[2].output == "Konsep nota teknis"
    qtbot.waitUntil(lambda: editor.preview.flowchart() is not None)
    screenshot(editor, "sop-editor")
    editor.tabs.setCurrentWidget(steps)
    steps.select(4)
    screenshot(editor, "sop-editor-steps")
    editor.tabs.setCurrentIndex(0)
    screenshot(editor, "sop-editor-identity")

    assert editor.save()
    stored = library.get_sop(editor.sop_id)
    assert stored.langkah[1].waktu == "20 menit" and stored.pelaksana[0].nama == "Staf"
    assert not editor.windowTitle().endswith("*")


def test_problems_are_shown_where_they_are_and_block_saving(qtbot, workspace, monkeypatch):
    editor = open_editor(qtbot, workspace)
    steps = editor.steps
    steps.select(3)
    commit_line(qtbot, steps.fields["waktu"], "sebentar")
    assert 'waktu "sebentar" tidak dapat dibaca' in steps.problems.text()
    assert editor.problems.item(0).text().startswith("langkah 4: waktu")
    assert steps.list.item(3).foreground().color() == Qt.GlobalColor.red
    qtbot.waitUntil(lambda: editor.preview.message() is not None)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert editor.save() is False
    assert shown and "langkah 4" in shown[0]
    assert library.get_sop(editor.sop_id).langkah[3].waktu != "sebentar"


def click_button(widget, text: str) -> None:
    next(b for b in widget.findChildren(QPushButton) if b.text() == text).click()


def test_steps_insert_move_delete_keep_decisions(qtbot, workspace):
    editor = open_editor(qtbot, workspace)
    steps = editor.steps
    before = editor.sop.langkah[4].jika_tidak  # step 5 returns to step 4
    steps.select(0)
    click_button(steps, "&Sisipkan")  # a new first step
    assert len(editor.sop.langkah) == 14
    assert editor.sop.langkah[5].jika_tidak == before + 1
    steps.select(0)
    click_button(steps, "&Hapus")
    assert editor.sop.langkah[4].jika_tidak == before
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert len(editor.sop.langkah) == 13


def test_approve_then_edit_makes_a_new_revision(qtbot, workspace, monkeypatch):
    editor = open_editor(qtbot, workspace)
    monkeypatch.setattr(ApproveDialog, "ask", classmethod(
        lambda cls, parent, officials, initial: Approval(officials[0], date(2026, 11, 20))))
    monkeypatch.setattr(PinPrompt, "ask", classmethod(lambda cls, *a, **k: "123456"))
    editor.approve_action.trigger()
    assert library.is_approved(editor.sop_id)
    assert editor.sop.identitas.tanggal_pengesahan == date(2026, 11, 20)
    assert editor.banner.isVisibleTo(editor)

    editor.steps.select(0)
    commit_line(qtbot, editor.steps.fields["waktu"], "10 menit")
    assert editor.save()
    assert [r.number for r in library.list_revisions(editor.sop_id)] == [1, 2]
    assert editor.revision.count() == 2
    editor.revision.setCurrentIndex(1)  # revision 1, approved
    editor.revision.activated.emit(1)  # chosen as a person does
    assert editor.sop.langkah[0].waktu == "5 menit" and not editor.tabs.isEnabled()
    editor.revision.setCurrentIndex(0)
    editor.revision.activated.emit(0)
    assert editor.sop.langkah[0].waktu == "10 menit" and editor.tabs.isEnabled()


def test_closing_with_unsaved_changes_asks(qtbot, workspace, monkeypatch):
    editor = open_editor(qtbot, workspace)
    commit_line(qtbot, editor.identity.texts["nomor"], "000.8.3.3/001/2026")
    monkeypatch.setattr(questions, "save_changes", lambda *a, **k: "batal")
    editor.close()
    assert editor.isVisible()
    monkeypatch.setattr(questions, "save_changes", lambda *a, **k: "simpan")
    editor.close()
    assert not editor.isVisible()
    assert library.get_sop(editor.sop_id).identitas.nomor == "000.8.3.3/001/2026"
