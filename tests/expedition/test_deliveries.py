"""The expedition list: what may be sent, book numbers, the states belum dikirim -> dikirim ->
diterima, receipts with a scan, and deliveries waiting too long for a receipt."""

from __future__ import annotations

from datetime import date

import pytest

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import stored_path
from desktop_app.expedition import deliveries as dv
from desktop_app.expedition import views
from desktop_app.naskah import workflow
from tests.expedition.conftest import CONTENT

BAPPEDA = "Kepala BAPERLITBANG di Karanganyar"


def add(s, doc_id=None, tujuan=BAPPEDA, on=date(2026, 1, 13), **extra) -> int:
    new = dv.NewDelivery(doc_id or s.pengantar, tujuan, on, s.office.staf.id, **extra)
    return dv.add_delivery(new, s.office.staf.id)


def test_a_bundle_goes_on_the_list_with_its_lampiran(sending):
    s = sending
    delivery_id = add(s, lampiran_documents=(s.surat,), lampiran_files=(s.renja_file,),
                      keterangan="Asli dan salinan")
    d = views.get_delivery(delivery_id)
    assert (d.status, d.book_number, d.kurir) == ("belum_dikirim", "1/2026", "Sari Staf")
    assert d.main.nomor == "000.7.2.4/001/408.12/2026"
    assert d.letter == "12 Januari 2026\n000.7.2.4/001/408.12/2026"
    assert [x.source for x in d.lampiran] == ["naskah", "berkas"]
    assert "Rencana Kerja (Renja) Kecamatan Tahun 2027 (2 (dua) buku)" in d.isi_singkat
    assert "Berkas: Renja Kecamatan 2027 (ditandatangani).pdf" in d.isi_singkat
    assert views.default_tujuan(CONTENT) == BAPPEDA
    # the next one gets the next number of the year's book; a new year starts again at 1
    assert views.get_delivery(add(s, s.surat, "Inspektur")).sequence == 2
    assert views.get_delivery(add(s, s.surat, "Camat", date(2027, 1, 4))).book_number == "1/2027"
    assert views.expedition_states("naskah", [s.pengantar, s.surat]) == {
        s.pengantar: "belum_dikirim", s.surat: "belum_dikirim"}
    assert views.deliveries_for("berkas", s.renja_file)[0].id == delivery_id
    step = m.Attachment.get_by_id(s.renja_file).run_step_id
    assert views.document_for_step(step) == s.pengantar  # what the sending step proposes
    assert m.Delivery.get_by_id(delivery_id).run_step_id is None


def test_only_signed_documents_are_sent(sending):
    s = sending
    draft = workflow.create_document(s.data_dir, "surat_pengantar", "Konsep",
                                     CONTENT, s.office.staf.id)
    with pytest.raises(InvalidInput, match="belum disahkan"):
        add(s, draft)
    with pytest.raises(InvalidInput, match='Lampiran "Konsep" belum disahkan'):
        add(s, lampiran_documents=(draft,))
    with pytest.raises(InvalidInput) as error:
        dv.add_delivery(dv.NewDelivery(s.pengantar, " ", None, None),
                        s.office.staf.id)
    assert error.value.problems == [
        'Isi tujuan (ditujukan kepada), misalnya "Kepala Bappeda di Karanganyar".',
        "Isi tanggal kirim.", "Pilih petugas yang mengantar (kurir)."]
    assert [d.id for d in views.sendable_documents()] == [s.surat, s.pengantar]
    add(s)
    with pytest.raises(InvalidInput, match="sudah ada di daftar ekspedisi"):
        add(s, tujuan=BAPPEDA.upper())
    assert m.Delivery.select().count() == 1


def test_from_sending_to_receipt_with_a_scan(sending, tmp_path):
    s = sending
    first, second = add(s), add(s, s.surat, "Inspektur Kabupaten")
    assert dv.mark_sent([first], s.office.staf.id) == 1
    assert dv.mark_sent([first, second], s.office.staf.id) == 1  # only the new one
    assert views.get_delivery(first).status == "dikirim"
    with pytest.raises(InvalidInput, match="tetap tercatat"):
        dv.remove_delivery(first, s.office.staf.id)

    scan = tmp_path / "halaman buku.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 scan")
    bad = dv.Receipt("Rina", date(2026, 1, 10))
    with pytest.raises(InvalidInput, match="sebelum tanggal kirim"):
        dv.record_receipt(s.data_dir, first, bad, s.office.staf.id,
                          today=date(2026, 1, 20))
    with pytest.raises(InvalidInput, match="bukan pindaian"):
        dv.record_receipt(s.data_dir, first,
                          dv.Receipt("Rina", date(2026, 1, 14), tmp_path / "x.exe"),
                          s.office.staf.id, today=date(2026, 1, 20))
    dv.record_receipt(s.data_dir, first,
                      dv.Receipt(" Rina  Wulandari ", date(2026, 1, 14), scan),
                      s.office.staf.id, today=date(2026, 1, 20))
    d = views.get_delivery(first)
    assert (d.status, d.nama_penerima, d.tanggal_terima) == ("diterima", "Rina Wulandari",
                                                            date(2026, 1, 14))
    assert d.receipt_name == "halaman buku.jpg"
    assert stored_path(s.data_dir, d.receipt_path).read_bytes() == scan.read_bytes()
    # a correction keeps the scan
    dv.record_receipt(s.data_dir, first, dv.Receipt("Rina W.", date(2026, 1, 15)),
                      s.office.staf.id, today=date(2026, 1, 20))
    assert views.get_delivery(first).receipt_path == d.receipt_path
    actions = [e.action for e in m.AuditEntry.select().where(
        m.AuditEntry.action.startswith("ekspedisi"))]
    assert actions == ["ekspedisi_tambah", "ekspedisi_tambah", "ekspedisi_kirim",
                       "ekspedisi_kirim", "ekspedisi_terima", "ekspedisi_ubah_terima"]
    # a received delivery and one not yet sent: the document states follow
    assert views.expedition_states("naskah", [s.pengantar, s.surat]) == {
        s.pengantar: "diterima", s.surat: "dikirim"}
    dv.remove_delivery(add(s, s.surat, "Bupati"), s.office.staf.id)
    assert [d.id for d in views.list_deliveries()] == [first, second]


def test_deliveries_waiting_for_a_receipt_count_working_days(sending):
    s = sending
    # Friday 16 January 2026; the next working days: 19, 20, 21 January
    waiting = add(s, on=date(2026, 1, 16))
    add(s, s.surat, "Inspektur", on=date(2026, 1, 16))
    dv.mark_sent([waiting], s.office.staf.id)
    received = m.Delivery.get_by_id(waiting + 1)
    dv.record_receipt(s.data_dir, received.id, dv.Receipt("X", date(2026, 1, 16)),
                      s.office.staf.id, today=date(2026, 1, 16))
    assert views.awaiting_receipt(3, today=date(2026, 1, 21)) == []  # 19, 20 have passed
    found = views.awaiting_receipt(3, today=date(2026, 1, 22))
    assert [(w.delivery.id, w.working_days) for w in found] == [(waiting, 3)]
    assert views.awaiting_receipt(5, today=date(2026, 1, 22)) == []
