"""The naskah dinas PDFs read back with pdfplumber: fields, paper, signature, verification."""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
import pytest
from PIL import Image, ImageDraw

from desktop_app.common.errors import InvalidInput
from desktop_app.naskah.content import (
    LembarDisposisi,
    NotaDinas,
    PageSetup,
    PengantarItem,
    Signatory,
    SuratDinas,
    SuratPengantar,
    Verification,
)
from desktop_app.naskah.pdf import (
    render_disposisi,
    render_nota_dinas,
    render_surat_dinas,
    render_surat_pengantar,
)
from desktop_app.render.letterhead import Kop

PT_PER_MM = 72 / 25.4
KOP = Kop("PEMERINTAH KABUPATEN KARANGANYAR", "KECAMATAN NGARGOYOSO",
          "Jalan Raya Ngargoyoso Nomor 1", "Telp. (0271) 123456")
SETUP = PageSetup()
VERIFICATION = Verification("7KQ4-M2XP", "pandu:7KQ4-M2XP:ab12cd34",
                            "Keaslian naskah ini dapat diperiksa di aplikasi Pandu SOP kantor "
                            "(menu Periksa keaslian).")
CAMAT = Signatory("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                  "19800118 199912 1 001")
BODY = ("Dalam rangka penyusunan Rencana Kerja Kecamatan Ngargoyoso Tahun 2027, bersama ini kami "
        "mengundang Saudara untuk hadir dalam rapat koordinasi di Aula Kantor Kecamatan.",
        "Demikian untuk menjadi perhatian dan atas kerja samanya diucapkan terima kasih.")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(data: bytes) -> tuple[list[str], list[tuple[float, float]], list]:
    """Each page's text, size in mm, and the pages themselves (kept open for the test)."""
    pdf = pdfplumber.open(io.BytesIO(data))
    pages = pdf.pages
    return ([p.extract_text() for p in pages],
            [(round(p.width / PT_PER_MM), round(p.height / PT_PER_MM)) for p in pages], pages)


def assert_contains(text: str, *expected: str) -> None:
    for item in expected:
        assert squash(item) in squash(text), item


def assert_words(page, *phrases: str) -> None:
    """Every word of each phrase is on the page (table cells wrap and interleave)."""
    words = {w["text"] for w in page.extract_words()}
    for phrase in phrases:
        assert set(phrase.split()) <= words, phrase


def assert_honest(texts: list[str]) -> None:
    """Never claims an electronic signature: no TTE/BSrE words anywhere."""
    joined = "\n".join(texts)
    assert "TTE" not in joined
    for word in ("bsre", "tanda tangan elektronik", "elektronik"):
        assert word not in joined.lower()


@pytest.fixture(scope="module")
def images(tmp_path_factory) -> tuple:
    """A specimen signature and a cap, transparent PNGs."""
    folder = tmp_path_factory.mktemp("specimen")
    signature, stamp = folder / "ttd.png", folder / "cap.png"
    image = Image.new("RGBA", (400, 160), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(20, 120), (80, 30), (120, 130), (220, 40), (380, 90)],
                               fill=(20, 30, 120, 255), width=6)
    image.save(signature)
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse([10, 10, 290, 290], outline=(90, 40, 160, 220), width=8)
    image.save(stamp)
    return signature, stamp


def surat_dinas(**changes) -> SuratDinas:
    values = dict(tempat="Ngargoyoso", tanggal=date(2026, 1, 5),
                  nomor="000.7.2.6/015/408.12/2026", sifat="Penting", lampiran="1 (satu) berkas",
                  hal="Undangan Rapat Koordinasi", kepada="Kepala Desa se-Kecamatan Ngargoyoso",
                  di="Tempat", paragraphs=BODY, signatory=CAMAT,
                  tembusan=("Bupati Karanganyar;", "Arsip."))
    return SuratDinas(**{**values, **changes})


def disposisi(**changes) -> LembarDisposisi:
    values = dict(surat_dari="Dinas Pendidikan Kabupaten Karanganyar", nomor_surat="400.3/127/2026",
                  tanggal_surat=date(2026, 1, 2), diterima_tanggal=date(2026, 1, 5),
                  nomor_agenda="015", sifat="segera", hal="Undangan sosialisasi kurikulum",
                  diteruskan_kepada=(("Sekretaris Kecamatan", True), ("Kasi Pemerintahan", False)),
                  catatan="Mohon dikoordinasikan.", paraf_jabatan="Camat Ngargoyoso",
                  paraf_nama="WAHYU AGUS PRAMONO")
    return LembarDisposisi(**{**values, **changes})


def test_surat_dinas_prints_every_field_on_f4():
    texts, sizes, pages = read(render_surat_dinas(surat_dinas(), KOP, SETUP, VERIFICATION))
    assert sizes == [(215, 330)]
    assert_contains(texts[0], "PEMERINTAH KABUPATEN KARANGANYAR", "KECAMATAN NGARGOYOSO",
                    "Ngargoyoso, 5 Januari 2026", "Nomor : 000.7.2.6/015/408.12/2026",
                    "Sifat : Penting", "Lampiran : 1 (satu) berkas",
                    "Hal : Undangan Rapat Koordinasi",
                    "Yth. Kepala Desa se-Kecamatan Ngargoyoso\ndi\nTempat", *BODY,
                    "Camat Ngargoyoso,", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                    "NIP. 19800118 199912 1 001", "Tembusan:", "1. Bupati Karanganyar;",
                    "2. Arsip.", "Kode verifikasi: 7KQ4-M2XP", "Periksa keaslian")
    assert_honest(texts)
    name = [c for c in pages[0].chars if c["text"] == "W" and c["x0"] > pages[0].width / 2]
    assert name and "Bold" in name[0]["fontname"]
    left = min(word["x0"] for word in pages[0].extract_words())
    assert left == pytest.approx(SETUP.margin_left * PT_PER_MM, abs=1.5)


def test_body_in_the_embedded_font_at_the_set_size():
    for size in (12, 11):
        page = read(render_surat_dinas(surat_dinas(), KOP, PageSetup(font_size=size)))[2][0]
        word = next(w for w in page.extract_words(extra_attrs=["fontname", "size"])
                    if w["text"] == "Saudara")
        assert word["fontname"].endswith("+LiberationSans") and word["size"] == pytest.approx(size)


def test_date_right_and_signature_right_of_centre():
    _texts, _sizes, pages = read(render_surat_dinas(surat_dinas(), KOP, SETUP))
    page = pages[0]
    words = {w["text"]: w for w in page.extract_words()}
    right_edge = page.width - SETUP.margin_right * PT_PER_MM
    assert words["2026"]["x1"] == pytest.approx(right_edge, abs=1.5)
    assert words["PRAMONO,"]["x0"] > page.width / 2
    assert words["Tembusan:"]["x0"] < page.width / 4


def test_without_nomor_or_verification():
    texts, _sizes, _pages = read(render_surat_dinas(surat_dinas(nomor="", tanggal=None), KOP,
                                                    SETUP))
    assert_contains(texts[0], "Nomor : ....................", "Ngargoyoso, ....................")
    assert "Kode verifikasi" not in texts[0]


def test_specimen_signature_and_cap_are_images(images):
    signature, stamp = images
    bare = read(render_surat_dinas(surat_dinas(), KOP, SETUP))[2]
    assert bare[0].images == []
    signed = CAMAT.__class__(**{**CAMAT.__dict__, "signature_image": signature})
    pages = read(render_surat_dinas(surat_dinas(signatory=signed), KOP, SETUP))[2]
    assert len(pages[0].images) == 1
    image = pages[0].images[0]
    name = next(w for w in pages[0].extract_words() if w["text"] == "PRAMONO,")
    assert image["bottom"] <= name["top"] + 5 and image["x0"] > pages[0].width / 2
    capped = CAMAT.__class__(**{**signed.__dict__, "stamp_image": stamp})
    assert len(read(render_surat_dinas(surat_dinas(signatory=capped), KOP, SETUP))[2][0].images) \
        == 2


def test_long_body_flows_to_a_second_page_with_the_signature():
    long = tuple(f"Paragraf {n}. " + BODY[0] * 3 for n in range(1, 10))
    texts, sizes, _pages = read(render_surat_dinas(surat_dinas(paragraphs=long), KOP, SETUP,
                                                   VERIFICATION))
    assert sizes == [(215, 330)] * 2
    assert "Paragraf 9." in texts[1] and "WAHYU AGUS PRAMONO" in texts[1]
    assert "- 2 -" in texts[1] and "- 1 -" not in texts[0]
    assert "Kode verifikasi" in texts[1] and "Kode verifikasi" not in texts[0]


def test_surat_pengantar():
    doc = SuratPengantar("Ngargoyoso", date(2026, 1, 5), "", "Kepala Bappeda", "Karanganyar",
                         (PengantarItem("Renja Kecamatan Tahun 2027", "2 (dua) eksemplar",
                                        "Untuk dipergunakan"),
                          PengantarItem("RKT Tahun 2027", "1 (satu) berkas")), CAMAT)
    texts, sizes, pages = read(render_surat_pengantar(doc, KOP, SETUP, VERIFICATION))
    assert sizes == [(215, 330)]
    assert_contains(texts[0], "SURAT PENGANTAR", "Nomor: ....................",
                    "Ngargoyoso, 5 Januari 2026", "Yth. Kepala Bappeda\ndi\nKaranganyar",
                    "Diterima tanggal ....................", "Penerima,",
                    "Nama : ....................", "NIP : ....................",
                    "WAHYU AGUS PRAMONO, S.STP.", "NIP. 19800118 199912 1 001",
                    "Kode verifikasi: 7KQ4-M2XP")
    assert_words(pages[0], "No.", "Naskah Dinas/Barang yang Dikirim", "Banyaknya",
                 "Keterangan", "Renja Kecamatan Tahun 2027", "2 (dua) eksemplar",
                 "Untuk dipergunakan", "RKT Tahun 2027", "1 (satu) berkas")
    words = {w["text"]: w for w in pages[0].extract_words()}
    assert words["Penerima,"]["x0"] < pages[0].width / 3 < words["PRAMONO,"]["x0"]
    assert_honest(texts)


def test_nota_dinas_has_no_cap(images):
    signature, stamp = images
    signer = Signatory("Sekretaris Kecamatan", "SRI HANDAYANI", "Penata Tingkat I",
                       "19750312 200003 2 004", signature, stamp)
    doc = NotaDinas("Camat Ngargoyoso", "Sekretaris Kecamatan", ("Kasubag Umum",),
                    date(2026, 1, 6), "000.8.3.3/004/408.12/2026", "Biasa", "", "Pengesahan SOP",
                    BODY, signer)
    texts, sizes, pages = read(render_nota_dinas(doc, KOP, SETUP, VERIFICATION))
    assert sizes == [(215, 330)]
    assert_contains(texts[0], "NOTA DINAS", "Kepada : Yth. Camat Ngargoyoso",
                    "Dari : Sekretaris Kecamatan", "Tembusan : Kasubag Umum",
                    "Tanggal : 6 Januari 2026", "Nomor : 000.8.3.3/004/408.12/2026",
                    "Sifat : Biasa", "Lampiran : -", "Hal : Pengesahan SOP", *BODY,
                    "SRI HANDAYANI", "NIP. 19750312 200003 2 004", "Kode verifikasi: 7KQ4-M2XP")
    assert_honest(texts)
    assert len(pages[0].images) == 1  # the signature; a nota dinas carries no cap
    hal = next(w for w in pages[0].extract_words() if w["text"] == "Hal")
    assert any(line["top"] > hal["bottom"] and line["width"] > pages[0].width / 2
               for line in pages[0].lines + pages[0].rects)


def test_disposisi_half_folio_with_drawn_check_boxes():
    texts, sizes, pages = read(render_disposisi(disposisi(), KOP, SETUP, VERIFICATION))
    assert sizes == [(215, 165)]
    assert_contains(texts[0], "LEMBAR DISPOSISI", "Surat dari", "Dinas Pendidikan",
                    "Nomor surat", "400.3/127/2026", "Tanggal surat", "2 Januari 2026",
                    "Diterima tanggal", "5 Januari 2026", "Nomor agenda", "015", "Sifat",
                    "Sangat segera", "Rahasia", "Biasa", "Hal", "Undangan sosialisasi kurikulum",
                    "Diteruskan kepada:", "Sekretaris Kecamatan", "Kasi Pemerintahan",
                    "Dengan hormat harap:", "Tanggapan dan saran", "Proses lebih lanjut",
                    "Koordinasi/konfirmasikan", "Untuk diketahui", "Arsip", "Catatan:",
                    "Mohon dikoordinasikan.", "Paraf", "WAHYU AGUS PRAMONO",
                    "Kode verifikasi: 7KQ4-M2XP")
    assert_honest(texts)
    assert "☐" not in texts[0] and "☑" not in texts[0]
    page = pages[0]
    boxes = [r for r in page.rects if 6 < r["width"] < 10 and abs(r["width"] - r["height"]) < .1]
    assert len(boxes) == 4 + 2 + 5  # sifat, diteruskan, harapan
    ticks = [c for c in page.curves if len(c["pts"]) == 3]
    assert len(ticks) == 2  # "segera" and "Sekretaris Kecamatan"
    words = page.extract_words()
    for label in ("Segera", "Sekretaris"):
        word = next(w for w in words if w["text"] == label)
        assert any(abs(t["top"] - word["top"]) < 5 and 0 < word["x0"] - t["x1"] < 12
                   for t in ticks), label


def test_disposisi_on_a4_is_a5_and_checks_sifat():
    assert read(render_disposisi(disposisi(), KOP, PageSetup(paper="A4")))[1] == [(210, 148)]
    with pytest.raises(InvalidInput):
        disposisi(sifat="kilat")


def test_disposisi_without_names_leaves_lines_to_fill():
    doc = disposisi(diteruskan_kepada=(), nomor_agenda="", diterima_tanggal=None, paraf_nama="")
    texts, sizes, pages = read(render_disposisi(doc, Kop(), SETUP))
    assert sizes == [(215, 165)] and texts[0].count("....................") >= 5
    assert "Kode verifikasi" not in texts[0]


def test_nota_dinas_is_from_its_signer():
    """ "Dari" is the signer's jabatan, whatever was typed (issue 17)."""
    signer = Signatory("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                       "198001181999121001")
    doc = NotaDinas("Sekretaris Daerah", "Sekretaris Kecamatan", (), date(2026, 1, 6),
                    "000.8.3.3/004/408.12/2026", "Biasa", "", "Pengesahan SOP", BODY, signer)
    texts, _sizes, _pages = read(render_nota_dinas(doc, KOP, SETUP, VERIFICATION))
    assert_contains(texts[0], "Dari : Camat Ngargoyoso", "NIP. 19800118 199912 1 001")
    assert "Sekretaris Kecamatan" not in "".join(texts)
