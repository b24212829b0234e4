"""Drafts look like drafts: a naskah not signed yet carries KONSEP, no specimen, no cap, no
number and no verification code; an SOP not approved carries "DRAF — belum disahkan" and an
empty Disahkan oleh block. Each is rendered to PNG (pdftoppm) and read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pdfplumber
import pytest
from PySide6.QtGui import QColor, QImage

from desktop_app.naskah import workflow
from desktop_app.naskah.verification import CODE_PATTERN, verify_bytes
from desktop_app.office import letter_numbers, profile, signoff
from desktop_app.sop import library
from desktop_app.sop.model import Official
from desktop_app.sop.printing import print_sop
from desktop_app.sop.sopfile import write_sop_file
from tests.permissions.conftest import CAMAT, PIN
from tests.permissions.test_table import CONTENT

needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="pdftoppm (poppler-utils) is not installed")


def _image(path, colour: str):
    picture = QImage(240, 100, QImage.Format.Format_RGB32)
    picture.fill(QColor(colour))
    picture.save(str(path))
    return path


def _png(pdf_path, tmp_path, name: str) -> list:
    """The pages as PNG files (what a person would see), via pdftoppm."""
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf_path), str(tmp_path / name)],
                   check=True, capture_output=True, timeout=120)
    pngs = sorted(tmp_path.glob(f"{name}*.png"))
    assert pngs and all(p.stat().st_size > 1000 for p in pngs)
    return pngs


def _marks(pdf_path) -> list[str]:
    """The turned text of each page (the diagonal mark), in the order it was drawn."""
    with pdfplumber.open(pdf_path) as pdf:
        return ["".join(c["text"] for c in page.chars if abs(c["matrix"][1]) > 0.01)
                for page in pdf.pages]


def _text(pdf_path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                         capture_output=True, text=True, timeout=60).stdout
    return re.sub(r"\s+", " ", out)


@pytest.fixture
def specimen(office, tmp_path):
    """The camat's specimen signature and cap, on file."""
    signature = profile.store_logo(office.data_dir, _image(tmp_path / "ttd.png", "navy"))
    cap = profile.store_logo(office.data_dir, _image(tmp_path / "cap.png", "purple"))
    signoff.set_specimen(office.camat,
                         files={"spesimen_ttd": signature, "cap_dinas": cap},
                         actor=office.admin)
    signoff.set_route("surat_dinas", [(office.sekcam, "paraf"),
                                                 (office.camat, "tanda_tangan")],
                      actor=office.admin)
    return office


@needs_pdftoppm
def test_a_draft_letter_says_konsep_and_carries_no_specimen_cap_number_or_code(
        specimen, tmp_path):
    o = specimen
    doc_id = workflow.create_document(o.data_dir, "surat_dinas", "Renja 2027", CONTENT,
                                      o.staf)
    draft = workflow.document_detail(doc_id, o.data_dir).pdf_path  # "Simpan PDF…" saves this
    _png(draft, tmp_path, "konsep")
    text = _text(draft)
    assert _marks(draft) == ["KONSEP"]
    assert "000.7.2.4/" not in text and not CODE_PATTERN.search(text)
    with pdfplumber.open(draft) as pdf:
        assert all(page.images == [] for page in pdf.pages), "no specimen, no cap"
    assert not verify_bytes(draft.read_bytes()).genuine

    workflow.approve(o.data_dir, doc_id, o.sekcam, PIN, actor=o.sekcam)
    workflow.approve(o.data_dir, doc_id, o.camat, PIN, today=date(2026, 11, 24),
                     actor=o.camat)
    final = workflow.document_detail(doc_id, o.data_dir)
    _png(final.pdf_path, tmp_path, "final")
    text = _text(final.pdf_path)
    assert _marks(final.pdf_path) == [""]
    assert final.summary.number in text and final.verification_code in text
    with pdfplumber.open(final.pdf_path) as pdf:
        assert len(pdf.pages[0].images) == 2, "the camat's own signature and cap"


def test_the_specimen_prints_only_on_what_its_owner_signed(specimen):
    o = specimen
    signoff.set_route("surat_dinas", [(o.sekcam, "tanda_tangan")], actor=o.admin)
    doc_id = workflow.create_document(o.data_dir, "surat_dinas", "Renja 2027", CONTENT,
                                      o.staf)
    workflow.approve(o.data_dir, doc_id, o.sekcam, PIN, today=date(2026, 11, 24),
                     actor=o.sekcam)
    with pdfplumber.open(workflow.document_detail(doc_id, o.data_dir).pdf_path) as pdf:
        assert pdf.pages[0].images == [], "the sekcam signs wet: the camat's specimen stays"


def test_choosing_another_owner_forgets_the_specimen(specimen):
    o = specimen
    signoff.set_specimen(o.sekcam, actor=o.admin)
    from desktop_app.office.settings import get_setting

    assert (get_setting("spesimen_ttd"), get_setting("cap_dinas")) == ("", "")


@needs_pdftoppm
def test_an_unapproved_sop_sheet_says_draf_and_has_an_empty_disahkan_block(office, tmp_path):
    sheet = tmp_path / "draf.pdf"
    print_sop(office.sop_id, sheet, "F4")
    _png(sheet, tmp_path, "sop-draf")
    text = _text(sheet)
    marks = _marks(sheet)
    assert len(marks) >= 2 and set(marks) == {"DRAF — belum disahkan"}, "on every page"
    assert CAMAT.nama not in text and "Tanggal Pengesahan -" in text
    with pdfplumber.open(sheet) as pdf:
        assert all(page.images == [] for page in pdf.pages)
        identity = pdf.pages[0].extract_text()
    assert "(....................................)" in identity

    library.approve_as(office.sop_id, Official(nip=CAMAT.nip), date(2026, 11, 24),
                       office.camat, PIN)
    approved = tmp_path / "disahkan.pdf"
    print_sop(office.sop_id, approved, "F4")
    text = _text(approved)
    assert set(_marks(approved)) == {""}
    assert CAMAT.nama in text and "24 November 2026" in text


def test_an_imported_approval_is_the_source_offices_history_not_ours(office, tmp_path,
                                                                    valid_sop):
    from desktop_app.sop.sopfile import sop_from_dict

    source = tmp_path / "dari-kantor-lain.pandu-sop.toml"
    sop = sop_from_dict(valid_sop)
    sop.identitas.tanggal_pengesahan = date(2023, 12, 28)
    write_sop_file(sop, source)
    sop_id = library.import_sop(source)
    assert not library.is_approved(sop_id)
    sheet = tmp_path / "impor.pdf"
    print_sop(sop_id, sheet, "A4")
    text = _text(sheet)
    assert "WAHYU AGUS PRAMONO" not in text and "Tanggal Pengesahan -" in text
    assert "(....................................)" in text
    assert set(_marks(sheet)) == {"DRAF — belum disahkan"}


def test_new_from_a_template_is_ours_and_blank(office):
    sop = library.get_sop(office.sop_id)  # made with "Baru dari templat" in the fixture
    ident = sop.identitas
    assert ident.instansi == "KECAMATAN NGARGOYOSO"
    assert ident.nomor == ""
    assert (ident.tanggal_pembuatan, ident.tanggal_revisi, ident.tanggal_pengesahan) == (
        None, None, None)
    assert ident.disahkan_oleh is None or ident.disahkan_oleh.is_empty()


def test_cancelled_number_is_reported_by_verify(specimen, tmp_path, capsys):
    from desktop_app.cli import main

    o = specimen
    doc_id = workflow.create_document(o.data_dir, "surat_dinas", "Renja 2027", CONTENT,
                                      o.staf)
    workflow.approve(o.data_dir, doc_id, o.sekcam, PIN, actor=o.sekcam)
    workflow.approve(o.data_dir, doc_id, o.camat, PIN, actor=o.camat)
    detail = workflow.document_detail(doc_id, o.data_dir)
    letter = next(e for e in letter_numbers.register(date.today().year)
                  if e.number == detail.summary.number)
    letter_numbers.cancel_number(letter.id, "salah alamat tujuan", o.admin)
    result = verify_bytes(detail.pdf_path.read_bytes())
    assert result.genuine
    assert result.message.startswith("ASLI, tetapi nomornya telah dibatalkan pada ")
    assert "salah alamat tujuan" in result.message
    copy = tmp_path / "surat.pdf"
    copy.write_bytes(detail.pdf_path.read_bytes())
    assert main(["--data-dir", str(o.data_dir), "verify", str(copy)]) == 0
    assert "ASLI, tetapi nomornya telah dibatalkan pada" in capsys.readouterr().out
