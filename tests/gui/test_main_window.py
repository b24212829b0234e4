"""The main window: navigation, the SOP library, import, export, print preview."""

from __future__ import annotations

import pdfplumber
import tomli_w
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop_app.gui import questions
from desktop_app.gui.main_window import MainWindow
from desktop_app.sop import library
from desktop_app.sop.sopfile import read_sop_file


def make_window(qtbot, workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    return window


def test_main_window_lists_the_library(qtbot, workspace, screenshot):
    window = make_window(qtbot, workspace)
    assert window.windowTitle() == "Pandu SOP"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Beranda", "SOP", "Proses", "Dokumen", "Ekspedisi", "Arsip", "Pengaturan"]
    assert window.sop_model.rowCount() == 6
    names = [window.sop_model.index(r, 1).data() for r in range(window.sop_model.rowCount())]
    assert any("Renja" in name for name in names)
    screenshot(window, "beranda")
    window.show_area("SOP")
    screenshot(window, "main-window")
    window.library.search.setText("magetan")
    assert window.library.proxy.rowCount() == 1
    window.show_area("Pengaturan")
    screenshot(window, "settings")


def test_window_state_is_remembered(qtbot, workspace):
    window = make_window(qtbot, workspace)
    window.resize(window.width(), window.minimumSizeHint().height() + 7)
    expected = window.size()
    window.close()
    again = make_window(qtbot, workspace)
    assert again.size() == expected


def test_import_and_export_through_the_dialogs(qtbot, workspace, tmp_path, monkeypatch,
                                               valid_sop):
    window = make_window(qtbot, workspace)
    page = window.library
    source = tmp_path / "renja.pandu-sop.toml"
    source.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    page.buttons["import"].click()
    assert window.sop_model.rowCount() == 7
    new_id = page.selected_sop_id()
    assert library.get_sop(new_id).identitas.nomor == "800/12/2023"

    target = tmp_path / "keluar"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.buttons["export"].click()
    assert read_sop_file(tmp_path / "keluar.pandu-sop.toml") == library.get_sop(new_id)


def test_invalid_import_shows_the_problem_and_changes_nothing(qtbot, workspace, tmp_path,
                                                               monkeypatch, valid_sop):
    window = make_window(qtbot, workspace)
    valid_sop["langkah"][1]["pelaksana"] = "sekcam"
    bad = tmp_path / "bad.toml"
    bad.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.library.import_path(bad)
    assert shown and 'langkah 2: pelaksana "sekcam" tidak ada' in shown[0]
    assert window.sop_model.rowCount() == 6


def test_duplicate_and_delete_with_confirmation(qtbot, workspace, monkeypatch):
    window = make_window(qtbot, workspace)
    page = window.library
    page.view.selectRow(0)
    page.buttons["duplicate"].click()
    assert window.sop_model.rowCount() == 7
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: False)
    page.buttons["delete"].click()
    assert window.sop_model.rowCount() == 7
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: True)
    page.buttons["delete"].click()
    assert window.sop_model.rowCount() == 6


def test_new_from_template_opens_the_editor(qtbot, workspace, monkeypatch):
    window = make_window(qtbot, workspace)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (items[3], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("RKT Kecamatan Kami", True))
    window.library.buttons["new"].click()
    assert window.sop_model.rowCount() == 7
    editor = next(iter(window.editors.values()))
    qtbot.addWidget(editor)
    assert editor.sop.identitas.nama == "RKT Kecamatan Kami"
    assert len(editor.sop.langkah) == 13


def test_print_preview_saves_and_prints_the_real_pages(qtbot, workspace, tmp_path, monkeypatch,
                                                       screenshot):
    window = make_window(qtbot, workspace)
    window.library.view.selectRow(3)  # the kecamatan RKT
    window.library.buttons["print"].click()
    dialog = window.preview
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.paper.currentText() == "F4"
    f4_pages = len(dialog.pages)
    assert f4_pages >= 2 and dialog.count.text() == f"{f4_pages} halaman"
    screenshot(dialog, "print-preview")

    dialog.paper.setCurrentText("A4")
    assert dialog.data.startswith(b"%PDF")
    saved = tmp_path / "sop.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    dialog.save_button.click()
    assert saved.read_bytes() == dialog.data

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(100)
    dialog.print_to(printer)
    with pdfplumber.open(printed) as pdf:
        assert len(pdf.pages) == len(dialog.pages)
        orientations = [p.width > p.height for p in pdf.pages]
    assert orientations == [dialog.pages.is_landscape(i) for i in range(len(dialog.pages))]
    assert orientations[0] is False and orientations[-1] is True
    dialog.close()
