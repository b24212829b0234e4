"""A staff member logs in through the log-in dialog and finds Pengaturan read-only: profile,
people, calendar, sign-off routes, specimen and letter numbers greyed out or hidden, as the
core's policy says (office.permissions); an admin finds them open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.main_window import MainWindow
from tests.gui.test_import_review import log_in_when_asked
from tests.permissions.conftest import PIN, dump, office  # noqa: F401 - the fixture


def _open_settings(qtbot, window) -> None:
    item = next(window.nav.item(i) for i in range(window.nav.count())
                if window.nav.item(i).text() == "Pengaturan")
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(item).center())
    assert window.pages.currentWidget() is window.settings_tabs


def _tab(qtbot, window, title: str):
    tabs = window.settings_tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(index).center())
    return tabs.currentWidget()


def _start(qtbot, office, person_id):  # noqa: F811
    window = MainWindow(office.workspace)
    qtbot.addWidget(window)
    window.show()
    log_in_when_asked(qtbot, person_id, PIN)  # through the real log-in dialog
    assert window.start_session()
    assert window.person.id == person_id
    _open_settings(qtbot, window)
    return window


def test_staff_find_the_privileged_pages_read_only(qtbot, office, screenshot):  # noqa: F811
    window = _start(qtbot, office, office.staf)
    before = dump(office.db)

    profile_page = _tab(qtbot, window, "Profil kantor")
    assert not profile_page.edit_button.isEnabled()
    assert "Hanya dapat dilihat" in profile_page.read_only_note.text()
    assert not window.restore_button.isEnabled()
    qtbot.mouseClick(profile_page.edit_button, Qt.MouseButton.LeftButton)  # nothing opens

    people_page = _tab(qtbot, window, "Pengguna")
    for button in (people_page.add_button, people_page.edit_button, people_page.reset_button):
        assert not button.isVisibleTo(people_page)
    assert people_page.own_pin_button.isEnabled()  # one's own PIN, yes

    calendar = _tab(qtbot, window, "Hari kerja dan libur")
    assert not calendar.save_hours_button.isEnabled() and not calendar.add_button.isEnabled()
    assert not calendar.start_edit.isEnabled()

    signoff = _tab(qtbot, window, "Alur paraf")
    assert all(not b.isEnabled() for b in signoff.route_buttons)
    assert all(not signoff.table.cellWidget(r, c).isEnabled()
               for r in range(signoff.table.rowCount()) for c in (0, 1))
    assert not signoff.signer.isEnabled() and not signoff.pick_signature.isEnabled()
    assert "Hanya dapat dilihat" in signoff.read_only_note.text()
    QApplication.processEvents()
    screenshot(window, "staff-signoff-read-only")

    numbers = _tab(qtbot, window, "Nomor surat")
    assert not numbers.save_format_button.isEnabled() and not numbers.format.isEnabled()
    assert not numbers.cancel_button.isEnabled()
    assert all(not b.isEnabled() for b in numbers.code_buttons)
    assert "hanya admin" in numbers.cancel_button.toolTip().lower()
    qtbot.mouseClick(numbers.save_format_button, Qt.MouseButton.LeftButton)
    assert dump(office.db) == before


def test_an_admin_finds_them_open(qtbot, office):  # noqa: F811
    window = _start(qtbot, office, office.admin)
    assert _tab(qtbot, window, "Profil kantor").edit_button.isEnabled()
    assert window.restore_button.isEnabled()
    assert _tab(qtbot, window, "Pengguna").add_button.isVisibleTo(window.people_page)
    signoff = _tab(qtbot, window, "Alur paraf")
    assert all(b.isEnabled() for b in signoff.route_buttons) and signoff.signer.isEnabled()
    assert signoff.read_only_note.text() == ""
    numbers = _tab(qtbot, window, "Nomor surat")
    assert numbers.save_format_button.isEnabled() and numbers.cancel_button.isEnabled()
