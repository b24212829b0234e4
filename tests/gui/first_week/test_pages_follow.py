"""Pages follow the office: built before anyone logs in, they show the person who logs in
and the data of the last change, without anyone calling refresh()."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui.main_window import MainWindow
from desktop_app.office.people import add_person

from .conftest import click_nav


def log_in(dialog, person_label: str, pin: str, qtbot) -> None:
    dialog.people.setCurrentIndex(dialog.people.findText(person_label))
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_people_page_follows_log_in_and_switch(qtbot, workspace, on_next_dialog):
    add_person("Wahyu", "Camat", "", "admin", "246800")
    add_person("Budi", "Staf Umum", "", "staf", "1234")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    click_nav(window, "Pengaturan")
    window.settings_tabs.setCurrentWidget(window.people_page)
    page = window.people_page
    assert "Belum ada yang masuk" in page.who.text()
    on_next_dialog(lambda d: log_in(d, "Wahyu — Camat", "246800", qtbot))
    window.switch_person()
    assert "Wahyu" in page.who.text() and page.add_button.isVisible()
    on_next_dialog(lambda d: log_in(d, "Budi — Staf Umum", "1234", qtbot))
    window.switch_person()
    assert "Budi" in page.who.text() and not page.add_button.isVisible()


def test_hidden_page_refreshes_when_shown_and_archive_has_refresh(qtbot, workspace,
                                                                  on_next_dialog):
    add_person("Wahyu", "Camat", "", "admin", "246800")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    on_next_dialog(lambda d: log_in(d, "Wahyu — Camat", "246800", qtbot))
    window.switch_person()
    click_nav(window, "Arsip")  # no AttributeError on the visit
    click_nav(window, "Pengaturan")
    window.settings_tabs.setCurrentWidget(window.people_page)
    assert window.people_page.model.rowCount() == 1
    click_nav(window, "Beranda")
    add_person("Sri", "Sekretaris Kecamatan", "", "pejabat", "135700")
    window.notify("people")
    click_nav(window, "Pengaturan")
    assert window.people_page.model.rowCount() == 2
