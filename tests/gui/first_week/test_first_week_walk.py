"""Issue 16's walk-through: a new office's first week, started through the real entry (the
function `pandu` calls), logging in only through the login dialog, moving only through the
navigation and the buttons a person clicks — never a page's refresh() or a private method.
At each window: it fits the 1366×768 screen with its buttons visible, and a screenshot is
saved under the test's tmp folder (screens/)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWizard,
)

from desktop_app import cli
from desktop_app.gui.main_window import MainWindow
from desktop_app.office.people import list_people
from desktop_app.runs.views import run_view
from desktop_app.sop import library

from .conftest import LAPTOP, assert_fits, click_nav

KOP = {"pemerintah": "PEMERINTAH KABUPATEN KARANGANYAR", "nama_kantor": "KECAMATAN NGARGOYOSO",
       "alamat": "Jl. Raya Ngargoyoso No. 1, Karanganyar", "telepon": "(0271) 123456",
       "kode_pos": "57793"}
CAMAT = ("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina (IV/a)",
         "198001181999121001")
USERS = (  # nama, jabatan, peran, PIN, NIP
    ("WAHYU AGUS PRAMONO, S.STP.", "Camat Ngargoyoso", "pejabat", "111111", CAMAT[3]),
    ("SRI LESTARI, S.Sos.", "Sekretaris Kecamatan", "pejabat", "222222", ""),
    ("BUDI SANTOSO", "Kasubag Perencanaan dan Keuangan", "pejabat", "333333", ""),
    ("SARI WULANDARI", "Staf Perencanaan", "staf", "4444", ""),
)


class Walk:
    def __init__(self, qtbot, tmp_path):
        self.qtbot, self.folder, self.count = qtbot, tmp_path / "screens", 0
        self.folder.mkdir()

    def look(self, widget, name: str) -> None:
        """Fits the laptop screen, buttons visible; a screenshot for the reviewer."""
        self.qtbot.waitExposed(widget)
        QApplication.processEvents()
        assert QApplication.primaryScreen().availableGeometry() == LAPTOP
        assert_fits(widget, LAPTOP)
        self.count += 1
        widget.grab().save(str(self.folder / f"{self.count:02d}-{name}.png"))


def fill_wizard(walk: Walk, wizard) -> None:
    qtbot = walk.qtbot
    walk.look(wizard, "wizard-kop")
    for key, text in KOP.items():
        qtbot.keyClicks(wizard.kop_page.edits[key], text)
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.officials_page
    for column, text in enumerate(CAMAT):
        page.table.item(0, column).setText(text)
    walk.look(wizard, "wizard-pejabat")
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.keyClicks(wizard.units_page.name_edit, "Seksi Pemerintahan")  # typed, not added
    wizard.button(QWizard.WizardButton.NextButton).click()  # Lanjut adds it
    assert wizard.currentPage() is wizard.paper_page
    qtbot.keyClicks(wizard.paper_page.kode_unit, "408.12")
    walk.look(wizard, "wizard-kertas")
    wizard.button(QWizard.WizardButton.FinishButton).click()


def first_admin(walk: Walk, dialog) -> None:
    walk.look(dialog, "admin-pertama")
    dialog.choice.setCurrentIndex(dialog.choice.count() - 1)  # "ketik nama"
    walk.qtbot.keyClicks(dialog.nama, "ADMIN KANTOR")
    walk.qtbot.keyClicks(dialog.jabatan, "Pengelola Data")
    walk.qtbot.keyClicks(dialog.pin, "999999")
    walk.qtbot.keyClicks(dialog.pin_again, "999999")
    dialog.create_button.click()


def add_user(walk: Walk, user):
    def answer(dialog) -> None:
        nama, jabatan, role, pin, nip = user
        walk.qtbot.keyClicks(dialog.nama, nama)
        walk.qtbot.keyClicks(dialog.jabatan, jabatan)
        walk.qtbot.keyClicks(dialog.nip, nip)
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        walk.qtbot.keyClicks(dialog.pin, pin)
        walk.qtbot.keyClicks(dialog.pin_again, pin)
        if walk.count < 6:
            walk.look(dialog, "tambah-pengguna")
        dialog.ok_button.click()
    return answer


def log_in(walk: Walk, label_start: str, pin: str, name: str = ""):
    def answer(dialog) -> None:
        dialog.people.setCurrentIndex(next(i for i in range(dialog.people.count())
                                           if dialog.people.itemText(i).startswith(label_start)))
        if name:
            walk.look(dialog, name)
        walk.qtbot.keyClicks(dialog.pin, pin)
        walk.qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # Enter logs in
    return answer


def switch(window: MainWindow) -> None:
    """Ctrl+L, as the status bar says."""
    next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+L").trigger()


def choose_item(text_part: str):
    def answer(dialog: QInputDialog) -> None:
        combo = dialog.findChild(QComboBox)
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if text_part in combo.itemText(i)))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def type_text(text: str):
    def answer(dialog: QInputDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        edit.insert(text)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def start_run(walk: Walk):
    def answer(dialog) -> None:
        walk.look(dialog, "mulai-proses")
        assert "diisi otomatis" in dialog.marks["camat"].text()
        assert dialog.lane_combos["camat"].currentText().startswith("WAHYU")
        assert dialog.lane_combos["sekcam"].currentText().startswith("SRI")
        combo = dialog.lane_combos["kasubag_umum"]
        if combo.currentData() is None:  # no Kasubag Umum in this office: Budi does it
            combo.setCurrentIndex(next(i for i in range(combo.count())
                                       if combo.itemText(i).startswith("BUDI")))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def return_with(note: str):
    def answer(dialog: QInputDialog) -> None:
        dialog.findChild(QPlainTextEdit).setPlainText(note)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def walk_a_run(walk: Walk, window: MainWindow, on_next_dialog) -> int:
    click_nav(window, "Proses")
    on_next_dialog(start_run(walk))
    window.runs.buttons["start"].click()
    run_id = next(iter(window.run_windows))
    pins = {nama: pin for nama, _j, _r, pin, _n in USERS}
    names = {p.id: p.nama for p in list_people()}
    returned, looked = False, False
    while run_view(run_id).status != "selesai":
        step = run_view(run_id).active_step
        nama = names[step.person_ids[0]]
        if window.person.nama != nama:
            on_next_dialog(log_in(walk, nama, pins[nama]))
            switch(window)
        click_nav(window, "Proses")
        window.runs.table.selectRow(0)
        window.runs.buttons["open"].click()
        run_window = window.run_windows[run_id]
        walk.qtbot.addWidget(run_window)
        panel = run_window.panel
        assert panel.step.number == step.number
        if not looked:
            walk.look(run_window, "proses-langkah")
            looked = True
        for box in panel.checklist.findChildren(QCheckBox):
            if not box.isChecked():
                box.click()
                panel = run_window.panel
        if step.simbol == "keputusan" and not returned:
            on_next_dialog(return_with("Tahun anggaran pada lampiran salah ketik"))
            panel.no_button.click()
            returned = True
            redo = run_window.panel
            assert redo.step.number == step.jika_tidak
            assert "Tahun anggaran pada lampiran salah ketik" in redo.returned.text()
            assert nama in redo.returned.text()
            walk.look(run_window, "proses-dikembalikan")
            continue
        button = panel.yes_button if step.simbol == "keputusan" else panel.done_button
        assert button.isEnabled(), panel.why.text()
        button.click()
    assert returned and run_view(run_id).returns == 1
    return run_id


def fill_pengantar(walk: Walk):
    def answer(dialog) -> None:
        qtbot = walk.qtbot
        qtbot.keyClicks(dialog.title, "Penyampaian RKT Kecamatan 2027")
        codes = dialog.fields["klasifikasi"]
        codes.setCurrentIndex(1)  # the first classification code of the register
        qtbot.keyClicks(dialog.fields["kepada"], "Kepala BAPERLITBANG")
        qtbot.keyClicks(dialog.fields["di"], "Karanganyar")
        items = dialog.fields["items"]
        if not items.value():
            items.add_row({"naskah": "", "banyaknya": "", "keterangan": ""})
        items.table.item(0, 0).setText("RKT Kecamatan Ngargoyoso Tahun 2027")
        walk.look(dialog, "surat-pengantar")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def pin_ok(walk: Walk, pin: str):
    def answer(dialog) -> None:
        walk.qtbot.keyClicks(dialog.pin, pin)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return answer


def sign_a_pengantar(walk: Walk, window: MainWindow, on_next_dialog) -> None:
    pins = {nama: pin for nama, _j, _r, pin, _n in USERS}
    staf = USERS[3][0]
    if window.person.nama != staf:
        on_next_dialog(log_in(walk, staf, pins[staf]))
        switch(window)
    click_nav(window, "Dokumen")
    on_next_dialog(fill_pengantar(walk))
    next(a for a in window.documents.kind_menu.actions()
         if a.data() == "surat_pengantar").trigger()
    doc_id = next(iter(window.document_windows))
    document = window.document_windows[doc_id]
    walk.qtbot.addWidget(document)
    walk.look(document, "naskah-menunggu-paraf")
    for nama in (USERS[2][0], USERS[1][0], USERS[0][0]):  # kasubag, sekcam, camat
        on_next_dialog(log_in(walk, nama, pins[nama]))
        switch(window)
        document = window.open_document(doc_id)
        assert document.approve_button.isEnabled(), document.turn_hint.text()
        on_next_dialog(pin_ok(walk, pins[nama]))
        document.approve_button.click()
    assert "disahkan" in document.header.text() and not document.approve_button.isEnabled()
    walk.look(document, "naskah-ditandatangani")


def accept_dialog(walk: Walk, name: str):
    def answer(dialog) -> None:
        walk.look(dialog, name)
        box = dialog.findChild(QDialogButtonBox)
        next(b for b in box.buttons()
             if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole).click()
    return answer


def send_it(walk: Walk, window: MainWindow, on_next_dialog) -> None:
    """Ekspedisi: the signed pengantar goes on the delivery list, marked as sent."""
    click_nav(window, "Ekspedisi")
    page = window.expedition
    on_next_dialog(accept_dialog(walk, "kirim-naskah"))
    page.buttons["add"].click()
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    page.buttons["sent"].click()
    walk.look(window, "ekspedisi")


def back_up(walk: Walk, window: MainWindow, on_next_dialog, folder) -> None:
    """Pengaturan: Cadangkan ke flashdisk…, a folder chosen in the file dialog."""
    click_nav(window, "Pengaturan")
    window.settings_tabs.setCurrentWidget(window.settings_page)

    def choose(dialog) -> None:
        walk.look(dialog, "pilih-folder-cadangan")
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(folder))  # typed into "Folder:", then Pilih
        box = dialog.findChild(QDialogButtonBox)
        next(b for b in box.buttons()
             if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole).click()

    on_next_dialog(choose)
    on_next_dialog(lambda d: walk.look(d, "cadangan-tersimpan") or d.accept())
    next(b for b in window.settings_page.findChildren(QPushButton)
         if b.text().startswith("Cadangkan")).click()
    assert any(folder.iterdir())


def test_first_week(qtbot, qapp, tmp_path, monkeypatch, on_next_dialog):
    monkeypatch.setenv("PANDU_HOME", str(tmp_path / "data"))
    walk = Walk(qtbot, tmp_path)
    flashdisk = tmp_path / "flashdisk"
    flashdisk.mkdir()
    warnings: list[str] = []  # a warning box in the walk is a failure, with its words
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warnings.append(text))
    on_next_dialog(lambda d: fill_wizard(walk, d))
    on_next_dialog(lambda d: first_admin(walk, d))
    walked: list[str] = []

    def the_week(app) -> int:
        window = next(w for w in app.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        qtbot.addWidget(window)  # deleted after the test: no stray main window for others
        assert window.person is not None and window.person.nama == "ADMIN KANTOR"
        walk.look(window, "beranda-kantor-baru")
        assert window.dashboard.first_steps.isVisible()

        # the admin adds four users
        window.dashboard.first_steps.linkActivated.emit("pengguna")  # the link's click
        people_page = window.people_page
        assert people_page.add_button.isVisible()
        for user in USERS:
            on_next_dialog(add_user(walk, user))
            people_page.add_button.click()
        assert len(list_people()) == 5
        walk.look(window, "pengguna")
        walked.append("users")

        # each logs in (Ctrl+L) and sees their own name and buttons
        for nama, _jabatan, role, pin, _nip in USERS:
            on_next_dialog(log_in(walk, nama, pin, "masuk" if role == "staf" else ""))
            switch(window)
            assert window.person.nama == nama
            assert nama in people_page.who.text()
            assert not people_page.add_button.isVisible()
        walked.append("log-ins")

        # the staff member makes the RKT SOP from the kecamatan template
        click_nav(window, "SOP")
        on_next_dialog(choose_item("Penyusunan Rencana Kinerja Tahunan — kantor sendiri"))
        on_next_dialog(type_text("Penyusunan RKT Kecamatan Ngargoyoso"))
        window.library.buttons["new"].click()
        editor = next(iter(window.editors.values()))
        qtbot.addWidget(editor)
        walk.look(editor, "editor-sop")
        sop_id = editor.sop_id
        editor.close()
        model = window.sop_model
        row = next(r for r in range(model.rowCount()) if model.sop_at(r).id == sop_id)
        assert model.index(row, 5).data() == "draf"
        walked.append("sop")

        # the camat approves it
        on_next_dialog(log_in(walk, USERS[0][0], USERS[0][3]))
        switch(window)
        window.library.select_sop(sop_id)
        window.library.buttons["edit"].click()
        editor = window.editors[sop_id]
        qtbot.addWidget(editor)
        on_next_dialog(lambda d: walk.look(d, "sahkan") or d.accept())
        on_next_dialog(lambda d: (qtbot.keyClicks(d.pin, USERS[0][3]),
                                  d.findChild(QDialogButtonBox).button(
                                      QDialogButtonBox.StandardButton.Ok).click()))
        editor.approve_action.trigger()
        assert library.is_approved(sop_id)
        editor.close()
        click_nav(window, "SOP")
        row = next(r for r in range(model.rowCount()) if model.sop_at(r).id == sop_id)
        assert model.index(row, 5).data() == "disahkan"
        walk.look(window, "sop-disahkan")
        walked.append("approved")

        # a run of it, with one return by the decision step
        walk_a_run(walk, window, on_next_dialog)
        walked.append("run")

        # a surat pengantar: paraf by the kasubag and the sekcam, signed by the camat
        sign_a_pengantar(walk, window, on_next_dialog)
        walked.append("pengantar")

        send_it(walk, window, on_next_dialog)
        walked.append("ekspedisi")
        back_up(walk, window, on_next_dialog, flashdisk)
        walked.append("backup")

        # Beranda: the three first things are done, the hint is gone
        click_nav(window, "Beranda")
        assert not window.dashboard.first_steps.isVisible()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", the_week)
    assert cli.main([]) == 0
    assert warnings == []
    assert walked == ["users", "log-ins", "sop", "approved", "run", "pengantar", "ekspedisi",
                      "backup"]
    assert len(list((tmp_path / "screens").glob("*.png"))) >= 8
