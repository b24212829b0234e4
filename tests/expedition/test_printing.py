"""The Buku Ekspedisi and the tanda terima slips, read back from the PDF."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from desktop_app import cli
from desktop_app.cli import main
from desktop_app.common.errors import InvalidInput
from desktop_app.expedition import deliveries as dv
from desktop_app.expedition import printing

BAPPEDA = "Kepala BAPERLITBANG di Karanganyar"
COLUMNS = ("No", "Tanggal kirim", "Tanggal dan nomor surat", "Isi singkat", "Ditujukan kepada",
           "Nama dan tanda tangan penerima", "Nama", "Tanda tangan", "Keterangan")


def pdf_text(data: bytes) -> tuple[str, list]:
    """The text, plus every table cell with its lines joined by spaces (cells side by side
    interleave their lines in the plain text)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        tables = [page.extract_tables() for page in pdf.pages]
        cells = [" ".join((cell or "").split()) for page in tables for table in page
                 for row in table for cell in row]
        return ("\n".join(page.extract_text() for page in pdf.pages) + "\n" + "\n".join(cells),
                tables)


@pytest.fixture
def listed(sending):
    s = sending
    staf = s.office.staf.id
    bundle = dv.add_delivery(dv.NewDelivery(
        s.pengantar, BAPPEDA, date(2026, 1, 13), staf, lampiran_files=(s.renja_file,),
        keterangan="Mohon diterima"), staf)
    other = dv.add_delivery(dv.NewDelivery(
        s.surat, "Inspektur Kabupaten di Karanganyar", date(2026, 2, 2), staf), staf)
    dv.record_receipt(s.data_dir, other,
                      dv.Receipt("Rina Wulandari", date(2026, 2, 3)), staf, date(2026, 2, 3))
    return s, bundle, other


def test_the_book_for_a_date_range(listed):
    s, _bundle, _other = listed
    data = printing.book_for_range(date(2026, 1, 1), date(2026, 1, 31), data_dir=s.data_dir)
    text, tables = pdf_text(data)
    for expected in ("BUKU EKSPEDISI", "KECAMATAN NGARGOYOSO",
                     "Tanggal kirim 1 Januari 2026 s.d. 31 Januari 2026", *COLUMNS,
                     "13 Januari 2026", "000.7.2.4/001/408.12/2026", "Penyampaian Renja 2027",
                     "Rencana Kerja (Renja) Kecamatan Tahun 2027", "Lampiran:",
                     "Berkas: Renja Kecamatan 2027 (ditandatangani).pdf", BAPPEDA,
                     "Mohon diterima", "Diantar: Sari Staf",
                     "Halaman 1 dari 1"):
        assert expected in text, expected
    assert "Inspektur" not in text  # sent in February
    row = tables[0][0][3]  # below the two header rows and the column numbers
    assert row[0] == "1" and row[5] in ("", None) and row[6] in ("", None)  # empty boxes
    assert [c for c in tables[0][0][2] if c] == ["1", "2", "3", "4", "5", "6", "7"]


def test_a_batch_and_a_recorded_receipt(listed):
    s, bundle, other = listed
    text, _tables = pdf_text(printing.book_for_batch([other], paper="A4", data_dir=s.data_dir))
    assert "Tanggal kirim 2 Februari 2026 (1 pengiriman)" in text
    assert "Rina Wulandari" in text and "Diterima 3 Februari 2026" in text
    assert "Penyampaian Renja" not in text
    with pytest.raises(InvalidInput, match="Pilih sedikitnya satu"):
        printing.book_for_batch([])
    with pytest.raises(InvalidInput, match="sebelum tanggal awal"):
        printing.book_for_range(date(2026, 2, 1), date(2026, 1, 1))


def test_tanda_terima_slips(listed):
    s, bundle, other = listed
    data = printing.slips_pdf([bundle, other], data_dir=s.data_dir)
    text, _tables = pdf_text(data)
    assert text.count("TANDA TERIMA") == 2
    for expected in ("Nomor ekspedisi 1/2026", "Nomor ekspedisi 2/2026", "Telah diterima dari",
                     "Surat pengantar 000.7.2.4/001/408.12/2026: Penyampaian Renja 2027",
                     "Lampiran: Renja Kecamatan 2027 (ditandatangani).pdf", BAPPEDA, "Diantar oleh",
                     "Sari Staf", "Yang menerima", "Nama: Rina Wulandari",
                     "Diterima tanggal: 3 Februari 2026", "Diterima tanggal: ....."):
        assert expected in text, expected
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1  # two slips to a page


def test_pandu_ekspedisi_print(listed, tmp_path, capsys, monkeypatch):
    s, _bundle, _other = listed
    if "desktop_app.cli.ekspedisi" not in cli.COMMAND_MODULES:  # until cli.py lists it
        monkeypatch.setattr(cli, "COMMAND_MODULES",
                            (*cli.COMMAND_MODULES, "desktop_app.cli.ekspedisi"))
    out = tmp_path / "buku.pdf"
    args = ["--data-dir", str(s.data_dir), "ekspedisi", "print", "--from", "2026-01-01",
            "--to", "2026-12-31", "-o", str(out)]
    assert main(args) == 0
    text, _tables = pdf_text(out.read_bytes())
    assert "Penyampaian Renja 2027" in text and "Inspektur Kabupaten" in text
    assert "2 pengiriman" in capsys.readouterr().out
    slips = tmp_path / "slip.pdf"
    assert main(["--data-dir", str(s.data_dir), "ekspedisi", "tanda-terima", "--from",
                 "2026-01-01", "--to", "2026-01-31", "-o", str(slips)]) == 0
    assert pdf_text(slips.read_bytes())[0].count("TANDA TERIMA") == 1
    assert main(["--data-dir", str(s.data_dir), "ekspedisi", "print", "--from", "2026-13-01",
                 "--to", "2026-12-31", "-o", str(out)]) == 2
    assert "2026-13-01" in capsys.readouterr().err
    assert main(["--data-dir", str(s.data_dir), "ekspedisi", "list"]) == 0
    listing = capsys.readouterr().out
    assert "1/2026" in listing and "Diterima" in listing
