"""Forgeries made by whoever can write the data folder (editing the SQLite file directly) or
can edit a PDF: each is refused with a plain Indonesian reason."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop_app.common.errors import InvalidInput
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.naskah import workflow
from desktop_app.naskah.verification import verify_bytes
from desktop_app.signing import keys, pades, statement
from desktop_app.signing.checks import verify_qr
from tests.signing.conftest import PASS, sign_letter


def _sql(o, statement_text: str, params=()):
    with sqlite3.connect(o.workspace.data_dir / DATABASE_NAME) as con:
        return con.execute(statement_text, params).fetchall()


@pytest.fixture
def signed(keyed):
    doc_id = sign_letter(keyed)
    detail = workflow.document_detail(doc_id, keyed.workspace.data_dir)
    return keyed, doc_id, detail.pdf_path.read_bytes()


def test_genuine_file_verifies_inside_the_office(signed):
    _, _, data = signed
    result = verify_bytes(data)
    assert result.genuine and result.message.startswith("ASLI")


def test_inserted_final_row_does_not_make_a_file_genuine(signed):
    o, doc_id, _ = signed
    draft = workflow.document_detail(
        workflow.create_document(o.workspace.data_dir, "surat_pengantar",
                                 "Surat palsu", __import__("tests.naskah.test_workflow",
                                                           fromlist=["CONTENT"]).CONTENT,
                                 o.staf.id), o.workspace.data_dir)
    forged = draft.pdf_path.read_bytes()
    _sql(o, "UPDATE document_version SET final = 1, verification_code = 'ZZZZ-ZZZZ-ZZZZ' "
            "WHERE sha256 = ?", (draft.sha256,))
    result = verify_bytes(forged)
    assert not result.genuine
    assert result.message.startswith("TIDAK ASLI") and "tanda tangan elektronik" in result.message


def test_swapped_public_key_in_the_database_cannot_sign(signed):
    o, _, _ = signed
    thief = ed25519.Ed25519PrivateKey.generate()
    row = keys.active_key(o.camat.id)
    wrapped = keys._wrap(thief, "kata sandi pencuri", row.fingerprint)
    _sql(o, "UPDATE signing_key SET public_key = ?, wrapped_private = ? WHERE id = ?",
         (keys.raw_public(thief.public_key()).hex(), wrapped, row.id))
    _db, data = o.workspace.database, o.workspace.data_dir
    doc_id = workflow.create_document(data, "surat_pengantar", "Surat dengan kunci curian",
                                      __import__("tests.naskah.test_workflow",
                                                 fromlist=["CONTENT"]).CONTENT, o.staf.id)
    workflow.approve(data, doc_id, o.kasubag.id, "123456", passphrase=PASS["kasubag"])
    workflow.approve(data, doc_id, o.sekcam.id, "123456", passphrase=PASS["sekcam"])
    with pytest.raises(InvalidInput, match="tidak disahkan oleh kunci kantor"):
        workflow.approve(data, doc_id, o.camat.id, "123456", passphrase="kata sandi pencuri")


def test_statement_signed_with_a_key_the_office_never_certified(signed, tmp_path):
    o, _, data = signed
    text = data.split(b"/PanduPernyataan")[1]
    genuine = statement.parse(_catalog_statement(data))
    thief = ed25519.Ed25519PrivateKey.generate()
    fake = statement.make(genuine.office, genuine.kind, genuine.nomor, None, genuine.hal,
                          genuine.nama, genuine.nip, genuine.jabatan, genuine.code,
                          genuine.sha256.hex(), thief, keys.raw_public(thief.public_key()),
                          thief.sign(b"endorsement"))
    result = verify_qr(fake.text())
    assert not result.genuine and "tidak disahkan oleh kunci kantor" in result.message
    assert text  # the statement is in the catalog


def _catalog_statement(data: bytes) -> str:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return str(PdfFileReader(io.BytesIO(data)).root[pades.CATALOG_KEY])


def test_edited_approval_row_no_longer_verifies(signed):
    o, doc_id, data = signed
    _sql(o, "UPDATE approval SET note = 'sudah saya periksa' WHERE document_id = ? "
            "AND position = 1", (doc_id,))
    result = verify_bytes(data)
    assert not result.genuine
    assert "paraf urutan 2 telah diubah" in result.message


def test_approval_row_given_to_another_person_no_longer_verifies(signed):
    o, doc_id, data = signed
    _sql(o, "UPDATE approval SET person_id = ? WHERE document_id = ? AND position = 0",
         (o.admin.id, doc_id))
    result = verify_bytes(data)
    assert not result.genuine and "urutan 1" in result.message


def test_incremental_update_after_signing_is_refused(signed, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    _, _, data = signed
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    cover = generic.StreamObject(stream_data=b"q 1 1 1 rg 60 600 300 40 re f Q")
    writer.add_stream_to_page(0, writer.add_object(cover))
    out = io.BytesIO()
    writer.write(out)
    result = verify_bytes(out.getvalue())
    assert not result.genuine
    assert "setelah ditandatangani" in result.message
    anchor_file = tmp_path / "kunci.pem"
    keys.export_key_file(anchor_file)
    assert not verify_bytes(out.getvalue(), keys.load_key_file(anchor_file)).genuine


def test_redrawn_pdf_with_the_same_qr_is_refused(signed, tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _, _, data = signed
    qr = _catalog_statement(data)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 700, "SURAT PENGANTAR - isi lain, QR yang sama")
    page._code.append(pades.qr_operators(qr, 72, 72, 74).decode("ascii"))
    page.save()
    redrawn = buffer.getvalue()
    result = verify_bytes(redrawn)
    assert not result.genuine and "tidak memuat tanda tangan elektronik" in result.message
    anchor_file = tmp_path / "kunci.pem"
    keys.export_key_file(anchor_file)
    result = verify_bytes(redrawn, keys.load_key_file(anchor_file))
    assert not result.genuine and "digambar ulang" in result.message


def test_signed_file_whose_drawn_content_differs_from_the_statement(signed):
    """Someone re-signs a changed body with a stolen key file and the old statement: the
    body's SHA-256 no longer matches the one the camat signed."""
    o, _, data = signed
    stmt = statement.parse(_catalog_statement(data))
    body = pades.body_of(data).replace(b"ReportLab Generated PDF document",
                                       b"ReportLab Generated PDF documenX", 1)
    assert body != pades.body_of(data)
    row = keys.active_key(o.camat.id)
    private = keys.unlock(row, PASS["camat"])
    resealed = pades.seal(body, {}, stmt, private, row.certificate, keys.office_key().certificate)
    result = verify_bytes(resealed)
    assert not result.genuine and "SHA-256" in result.message
    assert json.loads(row.wrapped_private)["n"] == 2**15


def test_old_qr_and_bad_key_file_are_explained(signed, tmp_path):
    result = verify_qr("PANDU-SOP:ABCD-EFGH-JKLM")
    assert not result.genuine and "hanya berisi kode verifikasi ABCD-EFGH-JKLM" in result.message
    bad = tmp_path / "bukan-kunci.pem"
    bad.write_text("bukan kunci")
    with pytest.raises(InvalidInput, match="tidak dapat dibaca sebagai kunci publik kantor"):
        keys.load_key_file(bad)
