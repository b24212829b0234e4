"""First run: set-up can always be resumed; the Beranda of a new office shows the next three
things as links; the SOP list shows status and source."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui import questions
from desktop_app.gui.main_window import MainWindow
from desktop_app.office.people import has_admin

from .conftest import click_nav


def make_admin(qtbot, dialog) -> None:
    dialog.nama.setText("Wahyu Agus Pramono")
    dialog.jabatan.setText("Camat Ngargoyoso")
    qtbot.keyClicks(dialog.pin, "246800")
    qtbot.keyClicks(dialog.pin_again, "246800")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_cancelled_wizard_and_admin_go_back_to_the_start(qtbot, workspace, monkeypatch,
                                                         on_next_dialog):
    seen: list[str] = []
    asked = iter([False, False])  # "Kembali ke penyiapan", twice
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: next(asked))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    for _round in range(2):
        on_next_dialog(lambda d: seen.append(d.windowTitle()) or d.reject())  # wizard: Batal
        on_next_dialog(lambda d: seen.append(d.windowTitle()) or d.reject())  # admin: Batal
    # second round: the admin is made this time
    seen_all = seen
    on_next_dialog(lambda d: seen_all.append(d.windowTitle()) or d.reject())
    on_next_dialog(lambda d: seen_all.append(d.windowTitle()) or make_admin(qtbot, d))
    assert window.start_session()
    assert has_admin() and window.person is not None and window.person.role == "admin"
    assert seen[:2] == ["Profil kantor", "Admin pertama — Pandu SOP"]
    assert seen.count("Profil kantor") >= 2


def test_quitting_set_up_ends_the_session_and_it_resumes_next_time(qtbot, workspace,
                                                                   on_next_dialog):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    on_next_dialog(lambda d: d.reject())
    on_next_dialog(lambda d: d.reject())  # confirm is "Keluar" in GUI tests
    assert not window.start_session()
    again = MainWindow(workspace)
    qtbot.addWidget(again)
    on_next_dialog(lambda d: d.reject())
    on_next_dialog(lambda d: make_admin(qtbot, d))
    assert again.start_session() and has_admin()


def test_beranda_of_a_new_office_links_the_next_three_things(qtbot, workspace,
                                                             on_next_dialog):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    on_next_dialog(lambda d: d.reject())
    on_next_dialog(lambda d: make_admin(qtbot, d))
    assert window.start_session()
    steps = window.dashboard.first_steps
    assert steps.isVisible()
    for key in ("profil", "pengguna", "sop"):
        assert f'href="{key}"' in steps.text()
    steps.linkActivated.emit("pengguna")  # what a click on the link sends
    assert window.pages.currentWidget() is window.settings_tabs
    assert window.settings_tabs.currentWidget() is window.people_page
    assert window.people_page.add_button.isVisible()
    steps.linkActivated.emit("sop")
    assert window.pages.currentWidget() is window.library
    click_nav(window, "SOP")
    model = window.sop_model
    statuses = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert statuses == {"templat"}
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Status"
    assert model.index(0, 2).data().startswith("templat bawaan")
