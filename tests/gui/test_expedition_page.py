"""The Ekspedisi area as a new user meets it: the signed Renja with its surat pengantar put on
the expedition list, the buku ekspedisi printed with it, marked sent, the receipt recorded with
a scan; then typing part of the perihal in the Arsip finds it at once."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
from PySide6.QtCore import QDate, Qt

from db import models as m
from desktop_app.expedition import views
from desktop_app.gui import expedition_page
from desktop_app.gui.archive_page import ArchivePage
from desktop_app.gui.expedition_page import ExpeditionPage, ReceiptDialog, SendDialog
from desktop_app.office.people import get_person, list_people
from tests.expedition.conftest import office, routed, sending  # noqa: F401 - fixtures

BAPPEDA = "Kepala BAPERLITBANG di Karanganyar"


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def show_2026(page: ExpeditionPage) -> None:
    page.date_from.setDate(QDate(2026, 1, 1))
    page.date_to.setDate(QDate(2026, 12, 31))


def test_from_sending_to_receipt(sending, qtbot, monkeypatch, tmp_path, screenshot,  # noqa: F811
                                 qtmodeltester):
    s = sending
    staf = get_person(s.office.staf.id)
    page = ExpeditionPage(s.office.workspace, lambda: staf)
    qtbot.addWidget(page)
    page.resize(1200, 560)
    show_2026(page)
    assert page.model.rowCount() == 0 and "Belum ada pengiriman" in page.message.text()

    # the dialog: the pengantar's addressee is proposed, the Renja of its run offered as lampiran
    initial = views.sendable_documents()
    dialog = SendDialog(page, initial, views.sendable_files(), list_people(),
                        expedition_page.dv.NewDelivery(s.pengantar, "", date(2026, 1, 13),
                                                       staf.id))
    qtbot.addWidget(dialog)
    assert dialog.document.currentData() == s.pengantar
    assert dialog.tujuan.text() == BAPPEDA
    offered = [dialog.lampiran.item(i).text() for i in range(dialog.lampiran.count())]
    assert any("Renja Kecamatan 2027" in text for text in offered)
    assert any("Laporan pelaksanaan musrenbang" in text for text in offered)
    renja = next(i for i in range(dialog.lampiran.count())
                 if "Renja Kecamatan" in dialog.lampiran.item(i).text())
    dialog.lampiran.item(renja).setCheckState(Qt.CheckState.Checked)
    dialog.keterangan.setText("Asli 2 buku")
    dialog.resize(640, 420)
    screenshot(dialog, "ekspedisi-kirim-naskah")
    chosen = dialog.value()
    assert chosen.lampiran_files == (s.renja_file,) and chosen.lampiran_documents == ()
    monkeypatch.setattr(SendDialog, "ask", classmethod(lambda cls, *args: chosen))

    with qtbot.waitSignal(page.changed):
        delivery_id = page.add_delivery(s.pengantar)
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[:3] == ["1/2026", "13 Januari 2026", "000.7.2.4/001/408.12/2026"]
    assert row[3] == "Penyampaian Renja 2027 (+1 lampiran)" and row[6] == "Belum dikirim"
    assert page.selected()[0].id == delivery_id and page.buttons["sent"].isEnabled()
    assert not page.buttons["scan"].isEnabled()

    page.buttons["book"].click()  # a batch: the selected delivery
    page.preview.resize(1000, 700)
    screenshot(page.preview, "ekspedisi-pratinjau-buku")
    text = pdf_text(page.preview.data)
    assert "BUKU EKSPEDISI" in text and "Penyampaian Renja 2027" in text
    assert "Nama dan tanda tangan penerima" in text
    page.preview.close()
    page.buttons["slips"].click()
    page.preview.resize(700, 900)
    screenshot(page.preview, "ekspedisi-pratinjau-tanda-terima")
    assert "TANDA TERIMA" in pdf_text(page.preview.data)
    page.preview.close()

    page.buttons["sent"].click()
    assert page.model.index(0, 6).data() == "Dikirim"
    assert not page.buttons["remove"].isEnabled()

    scan = tmp_path / "buku ekspedisi ditandatangani.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 foto halaman buku")
    receipt_dialog = ReceiptDialog(page, page.selected()[0])
    qtbot.addWidget(receipt_dialog)
    receipt_dialog.nama.setText("Rina Wulandari")
    receipt_dialog.on.setDate(QDate(2026, 1, 14))
    receipt_dialog.scan.setText(str(scan))
    receipt = receipt_dialog.value()
    monkeypatch.setattr(ReceiptDialog, "ask", classmethod(lambda cls, parent, d: receipt))
    page.buttons["receipt"].click()
    assert page.model.index(0, 6).data() == "Diterima"
    assert page.model.index(0, 7).data() == "Rina Wulandari, 14 Januari 2026"
    opened = []
    monkeypatch.setattr(expedition_page, "open_path", opened.append)
    page.buttons["scan"].click()
    assert opened[0].read_bytes() == scan.read_bytes()
    page.table.clearSelection()
    screenshot(page, "ekspedisi-daftar")

    # the archive finds it as the user types part of the perihal
    archive = ArchivePage(s.office.workspace, lambda: staf)
    qtbot.addWidget(archive)
    qtbot.keyClicks(archive.search_edit, "penyampaian ren")
    qtbot.waitUntil(lambda: archive.model.rowCount() == 1, timeout=2000)
    entry = archive.model.rows[0]
    assert (entry.perihal, entry.expedition_label) == ("Penyampaian Renja 2027", "Diterima")


def test_waiting_for_a_receipt_is_shown(sending, qtbot, monkeypatch, screenshot):  # noqa: F811
    s = sending
    staf = get_person(s.office.staf.id)
    for doc_id, tujuan in ((s.pengantar, BAPPEDA), (s.surat, "Inspektur Kabupaten")):
        expedition_page.dv.add_delivery(expedition_page.dv.NewDelivery(
            doc_id, tujuan, date(2026, 1, 13), staf.id), staf.id)
    page = ExpeditionPage(s.office.workspace, lambda: staf)
    qtbot.addWidget(page)
    show_2026(page)
    assert page.model.rowCount() == 2
    assert "2 pengiriman belum ada tanda terimanya setelah 3 hari kerja" in page.waiting.text()
    page.resize(1200, 400)
    screenshot(page, "ekspedisi-menunggu-tanda-terima")
    page.status.setCurrentIndex(page.status.findData("menunggu"))
    assert page.model.rowCount() == 2
    page.status.setCurrentIndex(page.status.findData("diterima"))
    assert page.model.rowCount() == 0
    page.status.setCurrentIndex(0)
    page.table.selectRow(1)
    monkeypatch.setattr(expedition_page, "confirm", lambda *args: True)
    page.buttons["remove"].click()
    assert [d.main.title for d in page.model.rows] == ["Penyampaian Renja 2027"]


def test_logged_out_nothing_is_sent(sending, qtbot, monkeypatch):  # noqa: F811
    page = ExpeditionPage(sending.office.workspace, lambda: None)
    qtbot.addWidget(page)
    shown = []
    monkeypatch.setattr(expedition_page, "show_error", lambda parent, exc: shown.append(str(exc)))
    assert page.add_delivery() is None
    assert "Masuk dahulu" in shown[0]


def test_the_sending_step_of_a_run_proposes_its_pengantar(sending, qtbot, monkeypatch):  # noqa: F811
    s = sending
    staf = get_person(s.office.staf.id)
    run_step = m.Attachment.get_by_id(s.renja_file).run_step_id
    asked = []
    monkeypatch.setattr(SendDialog, "ask", classmethod(
        lambda cls, parent, docs, files, people, initial: asked.append(initial)))
    page = ExpeditionPage(s.office.workspace, lambda: staf)
    qtbot.addWidget(page)
    assert page.add_delivery(run_step_id=run_step) is None  # cancelled
    assert (asked[0].document_id, asked[0].run_step_id) == (s.pengantar, run_step)
