"""A surat pengantar from draft to the camat's signature, and checking the signed file."""

from __future__ import annotations

import os
import stat
from datetime import date

import pdfplumber
import pytest

from desktop_app.cli import main
from desktop_app.common.errors import InvalidInput
from desktop_app.naskah import workflow
from desktop_app.naskah.verification import verify_bytes
from desktop_app.office import people, profile
from desktop_app.office.signoff import set_route
from tests.runs.conftest import office  # noqa: F401 - the fixture

CONTENT = {"tempat": "Karanganyar", "tanggal": "", "kepada": "Kepala BAPERLITBANG",
           "di": "Karanganyar", "klasifikasi": "000.7.2.4",
           "items": [{"naskah": "Rencana Kerja (Renja) Kecamatan Tahun 2027",
                      "banyaknya": "2 (dua) buku", "keterangan": "Dikirim dengan hormat"}]}


@pytest.fixture
def routed(office):  # noqa: F811
    profile.save_profile(profile.OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jln. Kemuning - Batu Jamus Km 3", officials=(profile.Official(
            "Camat Ngargoyoso", "Wahyu Camat", "Pembina (IV/a)", "198001181999121001"),),
        kode_unit="408.12"))
    set_route("surat_pengantar", [(office.kasubag.id, "paraf"),
                                      (office.sekcam.id, "paraf"),
                                      (office.camat.id, "tanda_tangan")])
    return office


def make(office, content=None):  # noqa: F811
    return workflow.create_document(office.workspace.data_dir,
                                    "surat_pengantar", "Penyampaian Renja 2027",
                                    content or CONTENT, office.staf.id)


def test_route_from_draft_to_signature(routed, tmp_path, capsys):
    o = routed
    _db, data = o.workspace.database, o.workspace.data_dir
    doc_id = make(o)
    assert [d.id for d in workflow.pending_for(o.kasubag.id)] == [doc_id]
    with pytest.raises(people.NotAllowed, match="giliran Budi Kasubag"):
        workflow.approve(data, doc_id, o.sekcam.id, "123456")
    with pytest.raises(people.WrongPin):
        workflow.approve(data, doc_id, o.kasubag.id, "9999")
    workflow.approve(data, doc_id, o.kasubag.id, "123456")
    workflow.approve(data, doc_id, o.sekcam.id, "123456")
    assert workflow.pending_for(o.camat.id)[0].waiting_action == "tanda_tangan"
    workflow.approve(data, doc_id, o.camat.id, "123456", today=date(2026, 11, 24))

    detail = workflow.document_detail(doc_id, data)
    assert detail.summary.status == "final"
    assert detail.summary.number == "000.7.2.4/001/408.12/2026"
    assert len(detail.verification_code) == 14
    assert not os.stat(detail.pdf_path).st_mode & stat.S_IWUSR  # stored read-only
    with pdfplumber.open(detail.pdf_path) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    for expected in ("SURAT PENGANTAR", "000.7.2.4/001/408.12/2026", "KECAMATAN NGARGOYOSO",
                     "Wahyu Camat", detail.verification_code, "24 November 2026"):
        assert expected in text
    for forbidden in ("BSrE", "TTE", "elektronik"):
        assert forbidden not in text

    signed = detail.pdf_path.read_bytes()
    assert verify_bytes(signed).genuine
    copy = tmp_path / "renja.pdf"
    copy.write_bytes(signed)
    assert main(["--data-dir", str(data), "verify", str(copy)]) == 0
    assert "ASLI" in capsys.readouterr().out and "Wahyu Camat" in text
    changed = bytearray(signed)
    changed[len(changed) // 2] ^= 0x01
    copy.write_bytes(bytes(changed))
    assert main(["--data-dir", str(data), "verify", str(copy)]) == 1
    assert capsys.readouterr().out.startswith("TIDAK ASLI")


def test_a_return_and_a_change_void_earlier_paraf(routed):
    o = routed
    _db, data = o.workspace.database, o.workspace.data_dir
    doc_id = make(o)
    workflow.approve(data, doc_id, o.kasubag.id, "123456")
    with pytest.raises(InvalidInput, match="Tulis catatan"):
        workflow.return_document(doc_id, o.sekcam.id, "123456", " ")
    workflow.return_document(doc_id, o.sekcam.id, "123456", "Banyaknya 3 buku")
    assert workflow.document_detail(doc_id, data).summary.status == "dikembalikan"
    changed = dict(CONTENT, items=[dict(CONTENT["items"][0], banyaknya="3 (tiga) buku")])
    workflow.update_document(data, doc_id, "Penyampaian Renja 2027", changed,
                             o.staf.id)
    detail = workflow.document_detail(doc_id, data)
    assert detail.summary.status == "menunggu" and detail.summary.versions == 2
    assert detail.summary.waiting_for == "Budi Kasubag"  # the route starts again


def test_unknown_file_is_rejected(workspace, tmp_path, capsys):
    other = tmp_path / "lain.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert main(["--data-dir", str(workspace.data_dir), "verify", str(other)]) == 1
    assert "TIDAK DIKENAL" in capsys.readouterr().out


def test_signing_twice_at_once_gives_one_number(routed):
    import threading

    from db import models as m

    o = routed
    db, data = o.workspace.database, o.workspace.data_dir
    doc_id = make(o)
    workflow.approve(data, doc_id, o.kasubag.id, "123456")
    workflow.approve(data, doc_id, o.sekcam.id, "123456")
    errors = []

    def sign():
        try:
            workflow.approve(data, doc_id, o.camat.id, "123456", today=date(2026, 11, 24))
        except Exception as exc:  # noqa: BLE001 - the slower click is refused
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=sign) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) == 1 and "tidak sedang menunggu" in str(errors[0])
    assert m.OutgoingLetter.select().count() == 1
    letter = m.OutgoingLetter.get()
    assert letter.document_id == doc_id  # the register links back to the document
    assert m.DocumentVersion.select().where(m.DocumentVersion.final == True).count() == 1  # noqa: E712


def test_a_numbered_letter_needs_a_classification_code_from_the_start(routed):
    o = routed
    for content, expected in ((dict(CONTENT, klasifikasi=""), "Pilih kode klasifikasi"),
                              (dict(CONTENT, klasifikasi="999.1"), "tidak ada atau tidak aktif")):
        with pytest.raises(InvalidInput, match=expected):
            make(o, content)
