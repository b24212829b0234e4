"""The "Pengguna" page: admins manage people and PINs; everyone else changes only their PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.gui import people_page
from desktop_app.gui.people_page import (
    PeopleModel,
    PeoplePage,
    PersonDialog,
    PersonForm,
    PinChange,
    PinDialog,
)
from desktop_app.office.people import (
    LockedOut,
    WrongPin,
    add_person,
    get_person,
    list_people,
    update_person,
    verify_login,
)

CAMAT_NIP = "198001181999121001"


@pytest.fixture
def people(workspace) -> dict[str, int]:
    ids = {"wahyu": add_person("Wahyu Agus Pramono", "Camat", CAMAT_NIP, "admin", "246802"),
           "budi": add_person("Budi Santoso", "Staf Umum", "", "staf", "123456"),
           "sri": add_person("Sri Lestari", "Sekretaris Kecamatan", "", "pejabat", "135791"),
           "lama": add_person("Joko Pensiun", "Staf", "", "staf", "111111")}
    update_person(ids["lama"], nama="Joko Pensiun", jabatan="Staf", nip="", role="staf",
                  active=False)
    return ids


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(people_page, "show_error", lambda parent, exc: shown.append(str(exc)))
    return shown


def make_page(qtbot, workspace, person_id: int) -> PeoplePage:
    page = PeoplePage(workspace, lambda: get_person(person_id))
    qtbot.addWidget(page)
    page.resize(760, 420)
    page.show()
    qtbot.waitExposed(page)
    return page


def answer(monkeypatch, dialog_class, value) -> None:
    """Let the dialog's ask() return `value`, as if the user had filled it in."""
    monkeypatch.setattr(dialog_class, "ask", classmethod(lambda cls, *args, **kw: value))


def rows(page: PeoplePage) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_admin_sees_everyone_and_adds_a_person(qtbot, workspace, people, monkeypatch,
                                               screenshot):
    page = make_page(qtbot, workspace, people["wahyu"])
    assert rows(page) == [
        ("Budi Santoso", "Staf Umum", "-", "Staf", "Aktif"),
        ("Joko Pensiun", "Staf", "-", "Staf", "Tidak aktif"),
        ("Sri Lestari", "Sekretaris Kecamatan", "-", "Pejabat", "Aktif"),
        ("Wahyu Agus Pramono", "Camat", CAMAT_NIP, "Admin", "Aktif")]
    assert page.add_button.isVisible() and not page.edit_button.isEnabled()
    answer(monkeypatch, PersonDialog, PersonForm("Dewi Kartika", "Kasi Pemerintahan",
                                                 "19850302 201001 2 005", "pejabat",
                                                 pin="555555"))
    with qtbot.waitSignal(page.people_changed):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dewi = next(p for p in list_people() if p.nama == "Dewi Kartika")
    assert (dewi.nip, dewi.role) == ("198503022010012005", "pejabat")
    assert verify_login(dewi.id, "555555") == dewi
    assert page.selected() == dewi
    assert page.notice.text() == "Dewi Kartika ditambahkan."
    QApplication.processEvents()
    screenshot(page, "people-page")


def test_admin_changes_role_and_active(qtbot, workspace, people, monkeypatch):
    page = make_page(qtbot, workspace, people["wahyu"])
    page.select(people["budi"])
    answer(monkeypatch, PersonDialog, PersonForm("Budi Santoso", "Operator", "", "admin",
                                                 active=True))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert get_person(people["budi"]).role == "admin"
    answer(monkeypatch, PersonDialog, PersonForm("Sri Lestari", "Sekcam", "", "pejabat",
                                                 active=False))
    page.select(people["sri"])
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert not get_person(people["sri"]).active
    assert ("Sri Lestari", "Sekcam", "-", "Pejabat", "Tidak aktif") in rows(page)


def test_last_admin_cannot_step_down(qtbot, workspace, people, monkeypatch, errors):
    page = make_page(qtbot, workspace, people["wahyu"])
    page.select(people["wahyu"])
    answer(monkeypatch, PersonDialog, PersonForm("Wahyu Agus Pramono", "Camat", CAMAT_NIP,
                                                 "staf"))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert errors == ["Harus ada sedikitnya satu admin aktif. Jadikan orang lain admin "
                      "terlebih dahulu."]
    assert get_person(people["wahyu"]).role == "admin"


def test_admin_resets_a_forgotten_pin(qtbot, workspace, people, monkeypatch):
    for _ in range(5):
        with pytest.raises((WrongPin, LockedOut)):
            verify_login(people["budi"], "0000")
    page = make_page(qtbot, workspace, people["wahyu"])
    page.select(people["budi"])
    answer(monkeypatch, PinDialog, PinChange("", "8080"))
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert verify_login(people["budi"], "8080").nama == "Budi Santoso"
    assert "sudah diatur ulang" in page.notice.text()


def test_staf_sees_the_list_and_changes_only_their_own_pin(qtbot, workspace, people,
                                                           monkeypatch, errors):
    page = make_page(qtbot, workspace, people["budi"])
    assert [r[0] for r in rows(page)] == ["Budi Santoso", "Sri Lestari", "Wahyu Agus Pramono"]
    assert not any(b.isVisible() for b in (page.add_button, page.edit_button,
                                           page.reset_button))
    assert page.own_pin_button.isVisible() and page.own_pin_button.isEnabled()
    answer(monkeypatch, PinDialog, PinChange("9999", "432109"))
    qtbot.mouseClick(page.own_pin_button, Qt.MouseButton.LeftButton)
    assert errors == ["PIN lama salah. Sisa percobaan: 4."]
    answer(monkeypatch, PinDialog, PinChange("123456", "432109"))
    qtbot.mouseClick(page.own_pin_button, Qt.MouseButton.LeftButton)
    assert page.notice.text() == "PIN Anda sudah diganti."
    assert verify_login(people["budi"], "432109").id == people["budi"]
    with pytest.raises(WrongPin):
        verify_login(people["budi"], "123456")
    page.add()  # a non-admin reaching the action by other means changes nothing
    assert len(list_people(include_inactive=True)) == 4


def test_person_dialog_checks_before_closing(qtbot, workspace, people, screenshot):
    dialog = PersonDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.nama, "Rina")
    qtbot.keyClicks(dialog.nip, CAMAT_NIP)
    qtbot.keyClicks(dialog.pin, "123456")
    qtbot.keyClicks(dialog.pin_again, "1243")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.text() == ("NIP ini sudah dipakai oleh Wahyu Agus Pramono.\n"
                                     "PIN yang diketik ulang tidak sama.")
    screenshot(dialog, "person-dialog")
    dialog.nip.clear()
    dialog.pin_again.clear()
    qtbot.keyClicks(dialog.pin_again, "123456")
    dialog.role.setCurrentIndex(dialog.role.findData("pejabat"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value() == PersonForm("Rina", "", "", "pejabat", True, "123456")


def test_person_dialog_edits_without_pin(qtbot, workspace, people):
    dialog = PersonDialog(None, get_person(people["wahyu"]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.pin.isVisible() and dialog.active.isVisible()
    dialog.active.setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # own NIP is no duplicate
    assert dialog.result_value() == PersonForm("Wahyu Agus Pramono", "Camat", CAMAT_NIP,
                                               "admin", False, "")


def test_pin_dialog_for_own_pin(qtbot, workspace, people, screenshot):
    dialog = PinDialog(None, get_person(people["budi"]), own=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new, "567890")
    qtbot.keyClicks(dialog.again, "567890")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "PIN lama belum diisi."
    screenshot(dialog, "own-pin-dialog")
    qtbot.keyClicks(dialog.old, "123456")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value() == PinChange("123456", "567890")


def test_people_model(qtmodeltester, workspace, people):
    model = PeopleModel()
    model.set_people(list_people(include_inactive=True))
    qtmodeltester.check(model)
