"""Bahasa Indonesia everywhere: Qt's own strings (standard buttons, the text fields' context
menu, the file dialog, the wizard) come from resources/i18n/qt_id.qm; a dialog showing one of
Qt's English strings fails the test."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.gui.i18n import install_translations, qm_path

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "i18n" / "qt_id.ts"


def _clean(text: str) -> str:
    return text.split("\t")[0].replace("&", "").strip()


def english_strings() -> set[str]:
    """Qt's source texts that Indonesian says differently."""
    found = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if _clean(source) != _clean(translation) and len(_clean(source)) > 1:
            found.add(_clean(source))
    return found


def shown_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QAbstractButton | QLabel):
            texts.append(child.text())
        if isinstance(child, QAbstractButton | QLabel) and child.toolTip():
            texts.append(child.toolTip())
        texts += [a.text() for a in child.actions()]
    return [_clean(t) for t in texts if t]


def assert_indonesian(texts: list[str], where: str) -> None:
    english = english_strings()
    bad = sorted({t for t in texts if t in english})
    assert not bad, f"{where}: English Qt strings {bad}"


@pytest.fixture(autouse=True)
def translated(qapp):
    assert install_translations()


def test_the_text_fields_context_menu(qtbot):
    for field in (QLineEdit("teks"), QPlainTextEdit("teks")):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        texts = [_clean(a.text()) for a in menu.actions() if a.text()]
        assert "Salin" in texts and "Tempel" in texts and "Pilih semua" in texts
        assert_indonesian(texts, type(field).__name__)


def test_standard_buttons_of_input_and_message_boxes(qtbot):
    dialog = QInputDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.findChild(QDialogButtonBox)
    assert {_clean(b.text()) for b in box.buttons()} == {"Oke", "Batal"}
    assert_indonesian(shown_texts(dialog), "QInputDialog")
    message = QMessageBox(QMessageBox.Icon.Question, "Pandu SOP", "Lanjutkan?",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                          | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                          | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close)
    qtbot.addWidget(message)
    message.show()
    assert_indonesian(shown_texts(message), "QMessageBox")


@pytest.mark.parametrize("accept", [QFileDialog.AcceptMode.AcceptOpen,
                                    QFileDialog.AcceptMode.AcceptSave])
def test_the_file_dialog(qtbot, tmp_path, accept):
    dialog = QFileDialog(None, "Pilih berkas", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(accept)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = shown_texts(dialog)
    for view in dialog.findChildren(QWidget):
        model = getattr(view, "model", lambda: None)()
        if model is not None and hasattr(model, "headerData"):
            texts += [_clean(str(model.headerData(i, Qt.Orientation.Horizontal) or ""))
                      for i in range(model.columnCount())]
    assert_indonesian(texts, "QFileDialog")
    assert any(t in texts for t in ("Buka", "Simpan"))


def test_a_plain_wizard(qtbot):
    wizard = QWizard()
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    qtbot.addWidget(wizard)
    wizard.show()
    assert_indonesian(shown_texts(wizard), "QWizard")


def test_the_shipped_qm_is_compiled_from_the_ts_and_bundled(tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not in this environment")
    out = tmp_path / "qt_id.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == qm_path().read_bytes(), "run: pyside6-lrelease qt_id.ts"
    bundle = (ROOT / "installers" / "bundle.py").read_text(encoding="utf-8")
    assert re.search(r'"resources/i18n/\*\.qm"', bundle)


def test_no_window_of_the_app_shows_english_buttons(qtbot, workspace):
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        assert_indonesian(shown_texts(window), window.nav.item(row).text())
