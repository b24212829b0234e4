"""The Arsip area: search as you type, filters, and one document's file, versions, paraf and
expedition history; the office's own note."""

from __future__ import annotations

from datetime import date

from desktop_app.expedition import deliveries as dv
from desktop_app.gui import archive_page
from desktop_app.gui.archive_page import ArchivePage
from desktop_app.office.letter_numbers import take_number
from desktop_app.office.people import get_person
from tests.expedition.conftest import office, routed, sending  # noqa: F401 - fixtures


def test_search_filters_and_detail(sending, qtbot, monkeypatch, screenshot,  # noqa: F811
                                   qtmodeltester):
    s = sending
    staf = get_person(s.office.staf.id)
    take_number(classification="000.8.3.3", kind="lainnya",
                perihal="Undangan rapat evaluasi SOP", tujuan="Para Kasi",
                letter_date=date(2025, 12, 1), person_id=staf.id)
    delivery = dv.add_delivery(dv.NewDelivery(
        s.pengantar, "Kepala BAPERLITBANG di Karanganyar", date(2026, 1, 13), staf.id,
        lampiran_files=(s.renja_file,)), staf.id)
    scan = s.data_dir.parent / "tanda terima.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n scan")
    dv.record_receipt(s.data_dir, delivery,
                      dv.Receipt("Rina Wulandari", date(2026, 1, 14), scan), staf.id)

    page = ArchivePage(s.office.workspace, lambda: staf)
    qtbot.addWidget(page)
    page.resize(1300, 620)
    assert page.model.rowCount() == 4 and page.count.text() == "4 dokumen"
    qtmodeltester.check(page.model)
    qtbot.keyClicks(page.search_edit, "renj")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    assert {e.kind_label for e in page.model.rows} == {"Surat pengantar", "Berkas lampiran"}

    page.table.selectRow(next(r for r, e in enumerate(page.model.rows)
                              if e.source == "naskah"))
    assert "Penyampaian Renja 2027" in page.title.text()
    assert "000.7.2.4/001/408.12/2026" in page.facts.text()
    assert page.versions.rowCount() == 2 and page.approvals.rowCount() == 3
    assert page.approvals.index(2, 2).data() == "tanda tangan"
    assert page.deliveries.index(0, 3).data() == "Diterima"
    assert page.deliveries.index(0, 5).data() == "tanda terima.png"
    opened = []
    monkeypatch.setattr(archive_page, "open_path", opened.append)
    page.open_button.click()
    assert opened[-1].read_bytes().startswith(b"%PDF")
    page.tabs.setCurrentIndex(2)
    page.tab_views[2].doubleClicked.emit(page.deliveries.index(0, 0))  # a double click
    assert opened[-1].read_bytes() == scan.read_bytes()
    page.tabs.setCurrentIndex(1)
    screenshot(page, "arsip-cari-renja")

    monkeypatch.setattr(archive_page, "ask_note", lambda parent, initial: "Asli di lemari B-3")
    page.note_button.click()
    assert "Asli di lemari B-3" in page.facts.text()
    page.search_edit.setText("lemari")
    page.run_search()
    assert [e.perihal for e in page.model.rows] == ["Penyampaian Renja 2027"]
    assert page.selected() is not None  # the chosen document stays chosen

    page.search_edit.clear()
    year = page.filters["year"]
    year.setCurrentIndex(year.findData(2025))
    assert [e.perihal for e in page.model.rows] == ["Undangan rapat evaluasi SOP"]
    assert page.selected() is None and not page.open_button.isEnabled()
    year.setCurrentIndex(0)
    status = page.filters["status"]
    status.setCurrentIndex(status.findData("belum_dikirim"))
    assert [e.perihal for e in page.model.rows] == ["Laporan pelaksanaan musrenbang"]
    run = page.filters["run_id"]
    assert run.itemText(1) == "Penyusunan Renja 2027"
    page.search_edit.setText("zzz")
    page.run_search()
    assert page.count.text() == "Tidak ada dokumen yang cocok."


def test_an_empty_archive(workspace, qtbot):
    page = ArchivePage(workspace, lambda: None)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and "Arsip masih kosong" in page.count.text()
    page.search_edit.setText('"(*')
    page.run_search()
    assert page.count.text() == "Tidak ada dokumen yang cocok."
