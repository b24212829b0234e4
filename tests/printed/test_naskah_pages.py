"""Letters: the verification block on the page of the signature whatever the body's length,
on A4 and F4; every font embedded, no word broken without a hyphen (issue 17, item 6)."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from desktop_app.naskah.content import NotaDinas, PageSetup
from desktop_app.naskah.pdf import render_nota_dinas, render_surat_dinas
from tests.naskah.test_naskah_pdf import BODY, CAMAT, KOP, VERIFICATION, surat_dinas
from tests.pdf_checks import check_pdf

SENTENCE = ("Sehubungan dengan pelaksanaan kegiatan tersebut, kami mohon kehadiran Saudara "
            "tepat waktu dengan membawa data pendukung yang diperlukan. ")


def pages_of(data: bytes, *needles: str) -> list[int]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [" ".join((page.extract_text() or "").split()) for page in pdf.pages]
    return [next(n for n, text in enumerate(texts) if needle in text) for needle in needles]


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_verification_never_leaves_the_signature(paper, tmp_path):
    setup = PageSetup(paper=paper)
    for count in range(2, 16):
        body = tuple(f"Paragraf {n}. " + SENTENCE * (1 + n % 3) for n in range(count))
        for data in (render_surat_dinas(surat_dinas(paragraphs=body), KOP, setup,
                                        VERIFICATION),
                     render_nota_dinas(NotaDinas("Sekretaris Daerah", "", (), None, "", "Biasa",
                                                 "", "Uji", body, CAMAT),
                                       KOP, setup, VERIFICATION)):
            signature, code = pages_of(data, CAMAT.nama, "Kode verifikasi")
            assert signature == code, (paper, count)
    assert check_pdf(data, tmp_path) == []


def test_letters_embed_every_font(tmp_path):
    for setup in (PageSetup(paper="A4"), PageSetup()):
        assert check_pdf(render_surat_dinas(surat_dinas(paragraphs=BODY), KOP, setup,
                                            VERIFICATION), tmp_path) == []
