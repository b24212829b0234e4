"""`pandu sop import-doc`: exit 0 with a complete draft, 3 when a person must finish it, 2 when
the file holds no SOP (with what was expected); bad files change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.sop import library
from desktop_app.sop.sopfile import read_sop_file
from tests.sop_import.office_files import write_docx
from tests.sop_import.test_docx import template

SEEDS = Path(__file__).parent / "seeds"


def pandu(workspace, *args) -> int:
    return main(["--data-dir", str(workspace.data_dir), "sop", "import-doc", *map(str, args)])


def test_seed_text_to_draft_file_needs_a_person(workspace, tmp_path, capsys):
    out = tmp_path / "draf.pandu-sop.toml"
    before = len(library.list_sops())
    assert pandu(workspace, SEEDS / "000_7006fc043873cab1.txt", "-o", out) == 3
    err = capsys.readouterr().err
    assert "periksa langkah 1: pelaksana" in err
    assert "10 langkah perlu ditetapkan pelaksana atau simbolnya" in err
    draft = read_sop_file(out)
    assert draft.identitas.nama == "Penyusunan Rencana Kerja Tahunan (RKT)"
    assert len(library.list_sops()) == before  # -o writes the file only


def test_complete_word_file_is_saved_as_a_draft(workspace, tmp_path, capsys):
    path = write_docx(template("01"), tmp_path / "sop.docx")
    assert pandu(workspace, path) == 0
    sop_id = int(capsys.readouterr().out.strip())
    assert library.get_sop(sop_id).identitas.nama == "Penyusunan Rencana Kerja Tahunan (RKT)"
    assert not library.is_approved(sop_id)


def _scanned_pdf(path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("RGB", (200, 100), "white")
    canvas = Canvas(str(path))
    canvas.drawImage(ImageReader(image), 50, 500, 400, 200)
    canvas.save()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), encrypt="rahasia")
    canvas.drawString(100, 700, "No Kegiatan Pelaksana")
    canvas.save()


def _bad_file(kind: str, tmp_path: Path) -> tuple[Path, str]:
    if kind == "scan":
        path = tmp_path / "pindaian.pdf"
        _scanned_pdf(path)
        return path, "lapisan teks"
    if kind == "encrypted":
        path = tmp_path / "terkunci.pdf"
        _encrypted_pdf(path)
        return path, "kata sandi"
    if kind == "damaged":
        path = tmp_path / "rusak.pdf"
        path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EO")
        return path, "rusak|lapisan teks"
    if kind == "huge":
        path = tmp_path / "besar.txt"
        path.write_bytes(b"No\tKegiatan\n" * 600_000)
        return path, "terlalu besar"
    if kind == "old_word":
        path = tmp_path / "lama.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
        return path, "lama|kata sandi"
    path = tmp_path / "catatan.txt"
    path.write_text("Rapat koordinasi hari Senin\nDihadiri 12 orang\n", encoding="utf-8")
    return path, "tidak berisi SOP yang dikenali.*Kegiatan"


@pytest.mark.parametrize("kind", ["scan", "encrypted", "damaged", "huge", "old_word", "not_sop"])
def test_bad_files_say_why_and_save_nothing(workspace, tmp_path, capsys, kind):
    path, message = _bad_file(kind, tmp_path)
    before = len(library.list_sops())
    assert pandu(workspace, path) == 2
    assert __import__("re").search(message, capsys.readouterr().err)
    assert len(library.list_sops()) == before
    assert not (workspace.data_dir / "berkas").exists() or not any(
        (workspace.data_dir / "berkas").iterdir())
