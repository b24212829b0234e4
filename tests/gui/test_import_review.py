"""Importing an office's Word SOP as a person does: start Pandu SOP, log in, open the SOP
library, *Impor dokumen SOP…*, review the draft (the step whose lane could not be read comes
first), give that step its lane with a click in the grid, save, and find the draft in the
library and its source in the archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit

from desktop_app import app
from desktop_app.archive import search
from desktop_app.archive.index import refresh
from desktop_app.gui import questions
from desktop_app.gui.login_dialog import LoginDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.office import profile
from desktop_app.office.people import add_person
from desktop_app.sop import library
from desktop_app.workspace import open_workspace
from tests.sop_import.office_files import write_docx
from tests.sop_import.test_docx import template

OFFICE = profile.OfficeProfile(
    pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
    alamat="Jln. Kemuning - Batu Jamus Km 3 Ngargoyoso", kode_pos="57793",
    officials=(profile.Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.",
                                "Pembina (IV/a)", "198001181999121001"),),
    paper="F4", kode_unit="408.12")
BLANK = 3  # the step whose symbol was lost in the Word file


def an_office(data_dir: Path) -> int:
    """A data folder already set up, with one person who logs in."""
    workspace = open_workspace(data_dir)
    try:
        profile.save_profile(OFFICE)
        return add_person("Sri Lestari", "Sekretaris Kecamatan",
                          "197505122000032004", "admin", "135791")
    finally:
        workspace.close()


def log_in_when_asked(qtbot, person_id: int, pin: str) -> None:
    """Types into the log-in dialog once it is shown (it runs its own event loop)."""
    def fill() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, LoginDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, fill)
            return
        dialog.people.setCurrentIndex(dialog.people.findData(person_id))
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)


def click_nav(qtbot, window: MainWindow, name: str) -> None:
    item = window.nav.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(item).center())


def click_cell(qtbot, grid, row: int, column: int) -> None:
    grid.scrollTo(grid.model().index(row, column))
    rect = grid.visualRect(grid.model().index(row, column))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_word_sop_imported_through_the_review(qtbot, data_dir, tmp_path, monkeypatch,
                                              screenshot):
    person_id = an_office(data_dir)
    want = template("01")
    source = write_docx(want, tmp_path / "SOP RKT Inspektorat.docx", per_page=4,
                        blank_steps=(BLANK,))
    seen: dict = {}

    def walk(*_args) -> int:  # what the person does once the window is up
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                      and w.workspace.data_dir == data_dir)  # not another test's window
        qtbot.addWidget(window)  # deleted after the test: no stray main window for others
        qtbot.waitExposed(window)
        assert window.person is not None and window.person.id == person_id
        click_nav(qtbot, window, "SOP")
        page = window.library
        assert window.pages.currentWidget() is page
        before = page.model.rowCount()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
        qtbot.mouseClick(page.buttons["import_doc"], Qt.MouseButton.LeftButton)
        dialog = page.review_dialog
        qtbot.waitExposed(dialog)
        grid = dialog.grid
        dialog.resize(1366 - 40, 768 - 60)
        screenshot(dialog, "import-review-open")
        assert grid.steps[0] == BLANK  # the step needing a person is listed first
        assert grid.item(0, 0).text() == f"{BLANK} ?"
        assert "1 langkah belum terbaca" in dialog.grid_hint.text()
        assert [grid.steps[1:3]] == [[1, 2]]
        original = dialog.original.findChild(QPlainTextEdit, "original_text")
        assert "Kegiatan" in original.toPlainText()  # the Word file's text, side by side
        lanes = [lane.kode for lane in dialog.review.sop.pelaksana]
        lane = lanes.index(want.langkah[BLANK - 1].pelaksana[0])
        wrong = (lane + 1) % len(lanes)

        click_cell(qtbot, grid, 0, 2 + wrong)  # a slip of the hand, then the right lane
        assert dialog.review.sop.langkah[BLANK - 1].pelaksana == [lanes[wrong]]
        click_cell(qtbot, grid, 0, 2 + lane)
        assert dialog.review.sop.langkah[BLANK - 1].pelaksana == [lanes[lane]]
        assert grid.steps[0] == BLANK and grid.item(0, 0).text() == f"{BLANK} ?"  # simbol
        combo = grid.cellWidget(0, grid.columnCount() - 1)
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # proses -> keputusan …
        qtbot.keyClick(combo, Qt.Key.Key_Up)  # … and back: the person chose proses
        assert dialog.review.sop.langkah[BLANK - 1].simbol == want.langkah[BLANK - 1].simbol
        assert grid.item(0, 0).text() == str(BLANK)
        assert "Pelaksana dan simbol setiap langkah sudah terbaca" in dialog.grid_hint.text()

        dialog.resize(1366 - 40, 768 - 60)
        qtbot.wait(100)
        assert dialog.minimumSizeHint().width() <= 1366
        assert dialog.minimumSizeHint().height() <= 728
        for button in (dialog.save_button, dialog.cancel_button):
            assert button.isVisible()
            assert dialog.rect().contains(button.mapTo(dialog, QPoint(button.width(),
                                                                      button.height())))
        seen["shot"] = screenshot(dialog, "import-review")

        asked = []
        monkeypatch.setattr(questions, "save_changes",
                            lambda parent, text: asked.append(text) or "batal")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # changes: asked first, and kept open
        assert asked and "belum disimpan" in asked[0] and dialog.isVisible()
        assert page.model.rowCount() == before

        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        assert page.model.rowCount() == before + 1
        sop_id = page.selected_sop_id()
        seen["sop_id"] = sop_id
        saved = library.get_sop(sop_id)
        assert saved.identitas.nama == want.identitas.nama
        assert not library.is_approved(sop_id)
        assert saved.langkah[BLANK - 1].pelaksana[0] == want.langkah[BLANK - 1].pelaksana[0]
        screenshot(window, "import-review-saved")

        # the Arsip page lists what archive.search finds (the index brought up to date first)
        refresh()
        found = search.search(search.ArchiveQuery(text="Inspektorat"))
        entry = next(e for e in found.entries if e.source == "sumber_sop")
        assert entry.perihal == source.name and entry.sop_id == sop_id and entry.has_file
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", walk)
    log_in_when_asked(qtbot, person_id, "135791")
    assert app.run_gui(data_dir) == 0
    assert "sop_id" in seen



def drop(page, path: Path) -> bool:
    """A file dragged from the file manager and dropped on the library list; whether the
    page took it."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    where = page.view.geometry().center()
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(page, QDropEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                                            Qt.MouseButton.LeftButton,
                                            Qt.KeyboardModifier.NoModifier))
    return True


def test_our_own_pdf_dropped_on_the_library_shows_its_pages(qtbot, workspace, tmp_path,
                                                            screenshot):
    from desktop_app.sop.printing import print_sop

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_area("SOP")
    page = window.library
    sop_id = page.model.sop_at(0).id
    pdf = tmp_path / "SOP dari situs kecamatan.pdf"
    print_sop(sop_id, pdf, "F4")
    assert not drop(page, tmp_path / "foto.png")
    assert drop(page, pdf)
    dialog = page.review_dialog
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.resize(1366 - 40, 768 - 60)
    assert dialog.original.page_count >= 2  # the pages as pictures, beside the draft
    assert dialog.review.steps_needing_person() == []
    assert dialog.notes_label.text() == "Tidak ada lagi isian yang belum pasti."
    screenshot(dialog, "import-review-pdf")
    before = page.model.rowCount()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not dialog.isVisible() and page.model.rowCount() == before


def test_a_file_that_is_not_an_sop_says_why_and_opens_nothing(qtbot, workspace, tmp_path,
                                                              monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_area("SOP")
    notes = tmp_path / "catatan rapat.txt"
    notes.write_text("Rapat koordinasi hari Senin\nDihadiri 12 orang\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    before = window.library.model.rowCount()
    assert drop(window.library, notes)
    assert shown and "tidak berisi SOP yang dikenali" in shown[0] and "Kegiatan" in shown[0]
    assert window.library.review_dialog is None
    assert window.library.model.rowCount() == before


@pytest.mark.parametrize(("answer", "saved"), [("buang", False), ("simpan", True)])
def test_closing_the_review_with_changes_asks_first(qtbot, workspace, tmp_path, monkeypatch,
                                                    answer, saved):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_area("SOP")
    page = window.library
    source = write_docx(template("01"), tmp_path / "sop.docx", blank_steps=(BLANK,))
    assert drop(page, source)
    dialog = page.review_dialog
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_cell(qtbot, dialog.grid, 0, 3)
    monkeypatch.setattr(questions, "save_changes", lambda parent, text: answer)
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: True)  # simbol still a guess
    before = page.model.rowCount()
    dialog.close()
    assert not dialog.isVisible()
    assert page.model.rowCount() == before + saved
    assert (dialog.sop_id is not None) == saved
