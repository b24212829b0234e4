"""Log-in ("Siapa Anda?") and the first-admin dialog, driven as a user would, without exec()."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from desktop_app.gui.first_admin_dialog import TYPED, FirstAdminDialog
from desktop_app.gui.login_dialog import LoginDialog
from desktop_app.office.people import add_person, get_person, has_admin, list_people
from desktop_app.office.profile import Official

CAMAT = Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina (IV/a)",
                 "198001181999121001")
SEKCAM = Official("Sekretaris Kecamatan", "SRI LESTARI, S.Sos.", "Penata Tk. I (III/d)",
                  "197505122000032004")


@pytest.fixture
def people(workspace) -> dict[str, int]:
    return {"wahyu": add_person("Wahyu Agus Pramono", "Camat", CAMAT.nip, "admin", "246802"),
            "budi": add_person("Budi Santoso", "Staf Umum", "", "staf", "123456"),
            "sri": add_person("Sri Lestari", "Sekretaris Kecamatan", SEKCAM.nip,
                              "pejabat", "135791")}


def open_dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def log_in(qtbot, dialog: LoginDialog, person_id: int, pin: str) -> None:
    dialog.people.setCurrentIndex(dialog.people.findData(person_id))
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def test_right_pin_logs_in(qtbot, workspace, people):
    dialog = open_dialog(qtbot, LoginDialog(None))
    assert [dialog.people.itemText(i) for i in range(dialog.people.count())] == [
        "Budi Santoso — Staf Umum", "Sri Lestari — Sekretaris Kecamatan",
        "Wahyu Agus Pramono — Camat"]
    assert dialog.pin.echoMode() == QLineEdit.EchoMode.Password
    log_in(qtbot, dialog, people["budi"], "123456")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.person == get_person(people["budi"])


def test_wrong_pin_shows_why_in_red_and_clears_the_field(qtbot, workspace, people, screenshot):
    dialog = open_dialog(qtbot, LoginDialog(None, people["sri"]))
    assert dialog.people.currentData() == people["sri"]  # the last person is preselected
    log_in(qtbot, dialog, people["sri"], "9999")
    assert dialog.isVisible() and dialog.person is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "PIN salah. Sisa percobaan: 4."
    assert "#b00020" in dialog.message.styleSheet()
    assert dialog.pin.text() == ""
    qtbot.keyClicks(dialog.pin, "13")
    QApplication.processEvents()
    screenshot(dialog, "login")
    qtbot.keyClicks(dialog.pin, "5791")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.person.id == people["sri"]


def test_pin_field_takes_digits_only_and_masuk_needs_four(qtbot, workspace, people):
    dialog = open_dialog(qtbot, LoginDialog(None))
    qtbot.keyClicks(dialog.pin, "12ab")
    assert dialog.pin.text() == "12"
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Ketik PIN Anda (4" in dialog.message.text()
    qtbot.keyClicks(dialog.pin, "3456789")
    assert dialog.pin.text() == "12345678"
    assert dialog.login_button.isEnabled()


def test_five_wrong_pins_lock_the_person(qtbot, workspace, people):
    dialog = open_dialog(qtbot, LoginDialog(None))
    for _ in range(5):
        log_in(qtbot, dialog, people["budi"], "0000")
    assert dialog.message.text().startswith("Terlalu banyak PIN salah. Coba lagi pukul ")
    log_in(qtbot, dialog, people["budi"], "123456")
    assert dialog.message.text().startswith("Terlalu banyak PIN salah.")
    assert dialog.isVisible()


def test_choosing_another_person_clears_pin_and_message(qtbot, workspace, people):
    dialog = open_dialog(qtbot, LoginDialog(None))
    log_in(qtbot, dialog, people["budi"], "0000")
    qtbot.keyClicks(dialog.pin, "12")
    dialog.people.setCurrentIndex(dialog.people.findData(people["wahyu"]))
    assert dialog.pin.text() == "" and not dialog.message.isVisible()


def test_keluar_returns_nobody(qtbot, workspace, people):
    dialog = open_dialog(qtbot, LoginDialog(None))
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.person is None


def test_first_admin_from_the_profile(qtbot, workspace, screenshot):
    dialog = open_dialog(qtbot, FirstAdminDialog(None, [CAMAT, SEKCAM]))
    assert dialog.nama.text() == CAMAT.nama and dialog.nip.text() == CAMAT.nip
    qtbot.keyClicks(dialog.pin, "246802")
    qtbot.keyClicks(dialog.pin_again, "2486")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "PIN yang diketik ulang tidak sama."
    assert dialog.pin.text() == "" and not has_admin()
    qtbot.keyClicks(dialog.pin, "246802")
    qtbot.keyClicks(dialog.pin_again, "246802")
    QApplication.processEvents()
    screenshot(dialog, "first-admin")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.admin.nama == CAMAT.nama and dialog.admin.is_admin
    assert list_people() == [dialog.admin]


def test_first_admin_with_a_typed_name(qtbot, workspace):
    dialog = open_dialog(qtbot, FirstAdminDialog(None, [CAMAT]))
    dialog.choice.setCurrentIndex(dialog.choice.findText(TYPED))
    assert dialog.nama.text() == "" and dialog.nip.text() == ""
    qtbot.keyClicks(dialog.pin, "123456")
    qtbot.keyClicks(dialog.pin_again, "123456")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Nama belum diisi."
    qtbot.keyClicks(dialog.nama, "Operator Kecamatan")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.admin is not None and dialog.admin.nama == "Operator Kecamatan"


def test_keyboard_alone_logs_in_and_enter_never_quits(qtbot, workspace, people):
    dialog = open_dialog(qtbot, LoginDialog(None))
    dialog.people.setCurrentIndex(dialog.people.findData(people["sri"]))
    dialog.activateWindow()
    dialog.pin.setFocus()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Tab)  # Tab from an empty PIN: not onto Keluar
    assert dialog.focusWidget() is not dialog.quit_button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Ketik PIN" in dialog.message.text()
    qtbot.keyClick(dialog.quit_button, Qt.Key.Key_Return)  # Enter even on Keluar logs in
    assert dialog.isVisible()
    dialog.pin.setFocus()
    qtbot.keyClicks(dialog.pin, "135791")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.login_button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
