"""One kop (this office's), pages counted over the whole document, continuation headers,
spaced NIPs and contact lines that never orphan a label (issue 17, item 4)."""

from __future__ import annotations

import io
import re
import subprocess

import pdfplumber

from desktop_app.common.nip import spaced_nip
from desktop_app.render.letterhead import Kop
from desktop_app.render.pdf.table_report import Signature, TableReport, render_table_report
from desktop_app.sop import library
from desktop_app.sop.printing import print_sop
from tests.pdf_checks import check_pdf, upright

MAGETAN = "Inspektorat Kabupaten Magetan"


def page_texts(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def template_id(nama_part: str) -> int:
    return next(s.id for s in library.list_sops() if nama_part in s.nama and s.is_template)


def test_spaced_nip():
    assert spaced_nip("198001181999121001") == "19800118 199912 1 001"
    assert spaced_nip("19800118 199912 1 001") == "19800118 199912 1 001"
    assert spaced_nip(" 12345 ") == "12345"  # not a NIP: as typed


def test_sop_of_another_office_keeps_our_kop_and_names_its_source(office, tmp_path):
    sop_id = next(s.id for s in library.list_sops() if s.instansi == MAGETAN)
    path = tmp_path / "sheet.pdf"
    print_sop(sop_id, path, "A4", approved=True)  # the approver block with its NIP
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        kop = " ".join(page.crop((0, 0, page.width / 2, page.height / 3)).extract_text().split())
        grid = " ".join(upright(page).crop((page.width / 2, 0, page.width, page.height / 2))
                        .extract_text().split())
    assert "PEMERINTAH KABUPATEN KARANGANYAR KECAMATAN NGARGOYOSO" in kop
    assert "Jl. Raya Ngargoyoso" in kop
    assert "MAGETAN" not in kop  # never over our address
    assert "Sumber SOP Inspektorat Kabupaten Magetan" in grid
    assert "NIP. 19600510 198503 2 006" in grid
    assert "Nomor SOP ......" in grid and "Nomor SOP -" not in grid  # room to write it in


def test_every_page_counts_the_whole_sheet_and_continuations_say_whose(office, tmp_path):
    for item in library.list_sops():
        for paper in ("A4", "F4"):
            path = tmp_path / f"{item.id}-{paper}.pdf"
            print_sop(item.id, path, paper)
            texts = page_texts(path)
            total = len(texts)
            for number, text in enumerate(texts, start=1):
                assert re.search(rf"[Hh]alaman {number} dari {total}\b", text), (item.nama, number)
            portrait = [t for t in texts if "Diagram alir" not in t]
            for text in portrait[1:]:  # the identity grid went on over a page
                assert "(lanjutan)" in text.splitlines()[0]
                assert item.nama.split()[0] in text.splitlines()[0]
            assert check_pdf(path) == [], (item.nama, paper)


def test_contact_line_never_ends_on_a_label(office, tmp_path):
    path = tmp_path / "sheet.pdf"
    print_sop(template_id("Renja"), path, "A4")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        lines = page.crop((0, 0, page.width / 2, page.height / 3)).extract_text().splitlines()
    lines = [line.strip() for line in lines]
    for label in ("Telp.", "Email:", "Laman:", "Kode Pos"):
        assert not any(line.endswith(label) for line in lines), label
    assert any("Laman: https://ngargoyoso.karanganyarkab.go.id" in line for line in lines)


def test_table_reports_number_their_pages(tmp_path):
    report = TableReport("JEJAK AUDIT", "Uji", ["No", "Isi"],
                         [[str(n), f"baris {n}"] for n in range(1, 120)], [1, 6],
                         signature=Signature("Ngargoyoso, 1 Januari 2027", "Camat",
                                             "WAHYU", "198001181999121001"))
    data = render_table_report(report, Kop("Pemerintah", "Kecamatan"), "A4")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in text
    assert "NIP. 19800118 199912 1 001" in texts[-1]
    assert check_pdf(data, tmp_path) == []


def test_the_sheet_looks_right(office, tmp_path):
    """Rendered to PNG (what a person sees): a page per sheet page, none blank."""
    path = tmp_path / "sheet.pdf"
    print_sop(template_id("Renja"), path, "F4")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(page_texts(path))
    assert all(p.stat().st_size > 2000 for p in pngs)
