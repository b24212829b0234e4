"""Revoking a person's key (left the office, passphrase forgotten): documents signed before
stay valid, later ones with that key fail; the key list shows both dates; a new key follows."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from reportlab.pdfgen import canvas

from desktop_app.common.errors import InvalidInput
from desktop_app.naskah import workflow
from desktop_app.naskah.verification import verify_bytes
from desktop_app.signing import keys, pades, statement
from desktop_app.signing.checks import verify_qr
from tests.signing.conftest import PASS, sign_letter


def test_revoked_key_keeps_earlier_letters_and_fails_later_ones(keyed, tmp_path):
    o = keyed
    doc_id = sign_letter(o, today=date(2026, 11, 24))
    earlier = workflow.document_detail(doc_id, o.workspace.data_dir).pdf_path.read_bytes()
    row = keys.active_key(o.camat.id)
    private = keys.unlock(row, PASS["camat"])  # the camat who left still knows the passphrase

    keys.revoke(o.camat.id, "pindah tugas", o.admin.id, at=datetime(2026, 12, 1, 8, 0))
    assert keys.active_key(o.camat.id) is None
    listed = [k for k in keys.list_keys() if k.person == "Wahyu Camat"]
    assert listed[0].revoked_at == datetime(2026, 12, 1, 8, 0)
    assert listed[0].reason == "pindah tugas"

    key_file = tmp_path / "kunci.pem"
    keys.export_key_file(key_file)
    anchor = keys.load_key_file(key_file)
    assert row.fingerprint in anchor.revoked
    assert verify_bytes(earlier).genuine
    assert verify_bytes(earlier, anchor).genuine

    # A letter made later with the revoked key, outside the app, fails.
    page = io.BytesIO()
    sheet = canvas.Canvas(page)
    sheet.drawString(72, 700, "Surat sesudah pencabutan")
    sheet.save()
    body = page.getvalue()
    late = statement.make("KECAMATAN NGARGOYOSO", "surat_dinas", "000/099/408.12/2026",
                          date(2026, 12, 5), "Surat sesudah pencabutan", "Wahyu Camat",
                          "198001181999121001", "Camat", "ABCD-EFGH-JKLM",
                          pades.body_sha256(body), private, bytes.fromhex(row.public_key),
                          keys.unb64(row.endorsement))
    result = verify_qr(late.text(), anchor)
    assert not result.genuine and "dicabut pada 1 Desember 2026" in result.message
    sealed = pades.seal(body, {"page": 0, "x": 72, "y": 72, "size": 74}, late, private,
                        row.certificate, keys.office_key().certificate)
    result = verify_bytes(sealed, anchor)
    assert not result.genuine and "TIDAK BERLAKU" in result.message

    # In the app the revoked key cannot sign at all; a new key can.
    _db, data = o.workspace.database, o.workspace.data_dir
    new_doc = workflow.create_document(data, "surat_pengantar", "Sesudah pencabutan",
                                       __import__("tests.naskah.test_workflow",
                                                  fromlist=["CONTENT"]).CONTENT, o.staf.id)
    workflow.approve(data, new_doc, o.kasubag.id, "123456", passphrase=PASS["kasubag"])
    workflow.approve(data, new_doc, o.sekcam.id, "123456", passphrase=PASS["sekcam"])
    with pytest.raises(InvalidInput, match="sudah dicabut"):
        workflow.approve(data, new_doc, o.camat.id, "123456", passphrase=PASS["camat"])
    keys.create_person_key(o.camat.id, "kunci baru sang camat")
    workflow.approve(data, new_doc, o.camat.id, "123456", passphrase="kunci baru sang camat")
    assert verify_bytes(workflow.document_detail(new_doc, data).pdf_path.read_bytes()).genuine
    assert len([k for k in keys.list_keys() if k.person == "Wahyu Camat"]) == 2


def test_forged_revocation_line_in_a_key_file_is_ignored(keyed, tmp_path):
    key_file = tmp_path / "kunci.pem"
    keys.export_key_file(key_file)
    row = keys.active_key(keyed.camat.id)
    text = key_file.read_text()
    key_file.write_text(text + f"-----BEGIN {keys.KEY_FILE_REVOCATIONS}-----\n"
                        f"{row.fingerprint} 2020-01-01T00:00:00 {'A' * 86}\n"
                        f"-----END {keys.KEY_FILE_REVOCATIONS}-----\n")
    assert keys.load_key_file(key_file).revoked == {}
