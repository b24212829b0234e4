"""The About dialog: version, the bundled fonts' licences, the data folder."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from desktop_app import __version__
from desktop_app.gui.about_dialog import AboutDialog, app_icon, bundled_fonts


def test_bundled_fonts_come_from_the_fonts_readme():
    fonts = {family: (licence, path) for family, licence, path in bundled_fonts()}
    assert any("Liberation Sans" in family for family in fonts)
    assert any("DejaVu" in family for family in fonts)
    for licence, path in fonts.values():
        assert licence and path is not None and path.is_file()
    assert any("SIL Open Font License" in licence for licence, _ in fonts.values())


def test_about_dialog_shows_version_fonts_and_data_folder(qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog = AboutDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == __version__
    assert dialog.data_label.text() == str(tmp_path)
    fonts = dialog.fonts_label.text()
    assert "Liberation Sans" in fonts and "SIL Open Font License" in fonts
    assert "LICENSE-LiberationSans.txt" in fonts  # a link to the licence text
    dialog.open_data_folder()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]
    assert not app_icon().isNull()


def test_open_for_reuses_the_open_dialog(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = AboutDialog.open_for(parent, tmp_path)
    assert AboutDialog.open_for(parent, tmp_path) is first
    first.close()
