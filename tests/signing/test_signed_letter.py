"""A letter signed by the camat's own key: the QR statement decoded from the printed page
and the file itself verify on a PC with no office data, with only the office's key file."""

from __future__ import annotations

import subprocess

import pytest
import zxingcpp
from PIL import Image

from desktop_app.common.errors import InvalidInput
from desktop_app.naskah import workflow
from desktop_app.naskah.verification import verify_bytes
from desktop_app.signing import keys
from tests.signing.conftest import PASS, sign_letter


def _qr_of(pdf_path, tmp_path) -> str:
    """Render the last page as a printer would see it and decode its QR code."""
    out = tmp_path / "halaman"
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf_path), str(out)],
                   check=True)
    found = zxingcpp.read_barcodes(Image.open(f"{out}.png"))
    assert found, "no QR code found on the rendered page"
    return found[0].text


def test_key_is_wrapped_by_the_persons_own_passphrase(keyed):
    row = keys.active_key(keyed.camat.id)
    assert PASS["camat"].encode() not in row.wrapped_private.encode()
    assert '"kdf": "scrypt"' in row.wrapped_private
    with pytest.raises(InvalidInput, match="Kata sandi tanda tangan salah"):
        keys.unlock(row, "bukan kata sandinya")
    keys.change_passphrase(keyed.camat.id, PASS["camat"], "kata sandi baru camat")
    with pytest.raises(InvalidInput, match="salah"):
        keys.unlock(keys.active_key(keyed.camat.id), PASS["camat"])
    assert keys.unlock(keys.active_key(keyed.camat.id), "kata sandi baru camat")
    with pytest.raises(InvalidInput, match="paling sedikit"):
        keys.create_person_key(keyed.staf.id, "pendek")


def test_signing_needs_the_passphrase(keyed):
    o = keyed
    _db, data = o.workspace.database, o.workspace.data_dir
    doc_id = workflow.create_document(data, "surat_pengantar", "Penyampaian Renja 2027",
                                      {**__import__("tests.naskah.test_workflow",
                                                    fromlist=["CONTENT"]).CONTENT},
                                      o.staf.id)
    with pytest.raises(InvalidInput, match="kata sandi tanda tangan"):
        workflow.approve(data, doc_id, o.kasubag.id, "123456")
    with pytest.raises(InvalidInput, match="salah"):
        workflow.approve(data, doc_id, o.kasubag.id, "123456", passphrase=PASS["camat"])
    assert workflow.document_detail(doc_id, data).approvals == ()


def test_camat_letter_verifies_in_a_fresh_data_folder(keyed, tmp_path):
    o = keyed
    doc_id = sign_letter(o)
    detail = workflow.document_detail(doc_id, o.workspace.data_dir)
    signed = tmp_path / "pengantar.pdf"
    signed.write_bytes(detail.pdf_path.read_bytes())
    assert verify_bytes(signed.read_bytes()).genuine  # inside the office
    key_file = tmp_path / "kunci-kantor.pem"
    fingerprint = keys.export_key_file(key_file)
    assert len(fingerprint.split()) == 8

    qr_text = _qr_of(signed, tmp_path)
    assert qr_text.startswith("PANDU1|KECAMATAN NGARGOYOSO|surat_pengantar|"
                              "000.7.2.4/001/408.12/2026|2026-11-24|")
    assert "Wahyu Camat|198001181999121001" in qr_text

    # Another PC: no office data, no office key folder; only the key file.
    other = _OtherPc(tmp_path)
    status, out = other.pandu("verify", str(signed), "--kunci", str(key_file))
    assert status == 0, out
    assert out.startswith("ASLI") and "Wahyu Camat" in out and "bukan TTE BSrE" in out
    status, out = other.pandu("verify", "--qr", qr_text, "--kunci", str(key_file))
    assert status == 0, out
    assert out.startswith("ASLI") and "000.7.2.4/001/408.12/2026" in out
    # the QR alone, without the office key, proves nothing on that PC
    status, out = other.pandu("verify", "--qr", qr_text)
    assert status == 1 and "belum mempunyai kunci" in out
    forged = qr_text.replace("Penyampaian Renja 2027", "Penyampaian Renja 2028")
    status, out = other.pandu("verify", "--qr", forged, "--kunci", str(key_file))
    assert status == 1 and "diubah" in out
    status, out = other.pandu("verify", "--kunci", str(key_file))
    assert status == 2 and "Sebutkan satu berkas PDF" in out


class _OtherPc:
    """`pandu` run as its own process on a PC with a fresh data folder and no office key."""

    def __init__(self, tmp_path):
        import os
        import sys
        from pathlib import Path

        root = Path(__file__).resolve().parents[2]
        self.env = {**os.environ, "PANDU_KEY_DIR": str(tmp_path / "pc-lain-kunci"),
                    "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
        self.data = tmp_path / "pc-lain"
        self.python = sys.executable

    def pandu(self, *args) -> tuple[int, str]:
        done = subprocess.run([self.python, "-m", "desktop_app", "--data-dir", str(self.data),
                               *args], env=self.env, capture_output=True, text=True,
                              timeout=120)
        return done.returncode, done.stdout + done.stderr


def test_pdf_reader_library_reports_the_signature_intact(keyed, tmp_path):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    doc_id = sign_letter(keyed)
    path = workflow.document_detail(doc_id, keyed.workspace.data_dir).pdf_path
    key_file = tmp_path / "kunci.pem"
    keys.export_key_file(key_file)
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509

    _, _, der = asn1_pem.unarmor(key_file.read_bytes().split(b"-----END CERTIFICATE-----")[0]
                                 + b"-----END CERTIFICATE-----\n")
    with open(path, "rb") as handle:
        signature = PdfFileReader(handle).embedded_signatures[0]
        status = validate_pdf_signature(signature, ValidationContext(
            trust_roots=[asn1_x509.Certificate.load(der)], allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == "Wahyu Camat"
    assert "tidak tersertifikasi" in signature.sig_object["/Reason"]


def test_key_commands(keyed, tmp_path, capsys):
    from desktop_app.cli import main

    data = str(keyed.workspace.data_dir)
    out = tmp_path / "kunci-kantor.pem"
    assert main(["--data-dir", data, "kunci", "ekspor", "-o", str(out)]) == 0
    fingerprint = keys.fingerprint_text(keys.office_key().fingerprint)
    assert fingerprint in capsys.readouterr().out and keys.load_key_file(out)
    assert main(["--data-dir", data, "kunci", "daftar"]) == 0
    listed = capsys.readouterr().out
    assert f"Kunci kantor: {fingerprint}" in listed
    assert "Wahyu Camat" in listed and "aktif" in listed
    assert main(["--data-dir", data, "kunci", "ekspor", "-o", str(tmp_path / "x" / "k.pem")]) == 2
