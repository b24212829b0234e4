"""An SOP approved by the camat with their signing key: its printed sheet carries a QR of the
signed statement, which verifies with the office key file; an unsigned sheet has none."""

from __future__ import annotations

import subprocess
from datetime import date

import zxingcpp
from PIL import Image

from desktop_app.signing import keys
from desktop_app.signing.checks import verify_qr
from desktop_app.sop import library
from desktop_app.sop.model import Official
from desktop_app.sop.printing import print_sop
from tests.signing.conftest import PASS


def _qr_texts(pdf, tmp_path) -> list[str]:
    out = tmp_path / "lembar"
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out)], check=True)
    return [b.text for b in zxingcpp.read_barcodes(Image.open(f"{out}.png"))]


def test_signed_sop_sheet_carries_a_verifiable_qr(keyed, tmp_path):
    o = keyed
    camat = Official("Camat", "Wahyu Camat", "Pembina (IV/a)", "198001181999121001")
    signed = library.duplicate_sop(4, "Penyusunan RKT 2027")
    library.approve_as(signed, camat, date(2026, 11, 24), o.camat.id, "123456",
                       passphrase=PASS["camat"])
    unsigned = library.duplicate_sop(4, "Penyusunan RKT tanpa kunci")
    library.approve(unsigned, camat, date(2026, 11, 24))  # recorded, not signed

    sheet = tmp_path / "sop.pdf"
    print_sop(signed, sheet, paper="A4", data_dir=o.workspace.data_dir)
    texts = _qr_texts(sheet, tmp_path)
    assert len(texts) == 1 and texts[0].startswith("PANDU1|KECAMATAN NGARGOYOSO|sop|")
    key_file = tmp_path / "kunci.pem"
    keys.export_key_file(key_file)
    result = verify_qr(texts[0], keys.load_key_file(key_file))
    assert result.genuine and "SOP" in result.message and "Penyusunan RKT 2027" in result.message
    assert "24 November 2026" in result.message

    other = tmp_path / "sop-lain.pdf"
    print_sop(unsigned, other, paper="A4", data_dir=o.workspace.data_dir)
    assert _qr_texts(other, tmp_path) == []
