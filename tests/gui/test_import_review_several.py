"""A Word file holding several SOPs dropped on the library: each gets its own review, one
after another, and each saved one becomes its own draft."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui.main_window import MainWindow
from desktop_app.sop import library
from tests.gui.test_import_review import drop
from tests.sop_import.office_files import write_docx_several
from tests.sop_import.test_docx import template


def test_each_sop_of_a_file_is_reviewed_and_saved_in_turn(qtbot, workspace, tmp_path):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_area("SOP")
    page = window.library
    before = page.model.rowCount()
    shown = []
    page.message.connect(shown.append)
    source = write_docx_several([template("04"), template("05")], tmp_path / "buku SOP.docx")
    assert drop(page, source)
    assert shown and "berisi 2 SOP" in shown[0]
    first = page.review_dialog
    qtbot.addWidget(first)
    qtbot.waitExposed(first)
    assert first.windowTitle().endswith("SOP 1 dari 2")
    assert first.review.sop.identitas.nama == "Penyusunan Rencana Kinerja Tahunan"
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.review_dialog is not first and page.review_dialog.isVisible())
    second = page.review_dialog
    qtbot.addWidget(second)
    assert second.windowTitle().endswith("SOP 2 dari 2")
    assert second.review.sop.identitas.nama == "Evaluasi Kinerja Tahunan"
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert not second.isVisible()
    assert page.model.rowCount() == before + 2
    names = [library.get_sop(page.model.sop_at(k).id).identitas.nama
             for k in range(page.model.rowCount())]
    assert {"Penyusunan Rencana Kinerja Tahunan", "Evaluasi Kinerja Tahunan"} <= set(names)
    qtbot.wait(50)
    assert page.review_dialog is second  # nothing more to review
