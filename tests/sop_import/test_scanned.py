"""Scanned SOP forms as OCR text (sop/importing/scanned.py), beyond seed 003: forms made from
every template with other column widths read back with their steps, waktu and nearly every
kegiatan, kelengkapan and output; lanes always left to a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.sop.importing.reader import read_documents
from desktop_app.sop.importing.scanned import looks_scanned
from desktop_app.sop.sopfile import read_sop_file
from tests.sop_import.scanned_forms import scanned_text
from tests.sop_import.similar import similar

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "sop"
SEEDS = Path(__file__).parent / "seeds"


def _read(tmp_path: Path, text: str):
    path = tmp_path / "pindaian.txt"
    path.write_text(text, encoding="utf-8")
    drafts = read_documents(path)
    assert len(drafts) == 1
    return drafts[0]


@pytest.mark.parametrize("widths", [(14, 18, 12), (17, 24, 15)])
def test_forms_made_from_every_template_read_back(tmp_path, widths):
    fields = same = 0
    for path in sorted(TEMPLATES.glob("*.pandu-sop.toml")):
        want = read_sop_file(path)
        draft = _read(tmp_path, scanned_text(want, widths))
        assert draft.sop.identitas.nama == want.identitas.nama
        assert draft.sop.identitas.dasar_hukum == want.identitas.dasar_hukum
        assert [s.waktu for s in draft.sop.langkah] == [s.waktu for s in want.langkah]
        assert draft.steps_needing_person() == list(range(1, len(want.langkah) + 1))
        for got, step in zip(draft.sop.langkah, want.langkah, strict=True):
            for a, b in ((got.kegiatan, step.kegiatan), (got.output, step.output),
                         (" | ".join(got.kelengkapan), " | ".join(step.kelengkapan))):
                fields += 1
                same += similar(a, b, 0.8)
    assert same >= 0.8 * fields, f"{same} of {fields}"


def test_only_text_without_cells_is_taken_for_a_scan():
    assert looks_scanned((SEEDS / "003_9b2ebff0e60484ce.txt").read_text(encoding="utf-8"))
    for seed in ("000_7006fc043873cab1.txt", "001_d9b874a0829ad3c2.txt",
                 "002_279c17dcab2c52f6.txt", "004_5194441a5b61ba1a.txt"):
        assert not looks_scanned((SEEDS / seed).read_text(encoding="utf-8")), seed


def test_waktu_a_line_apart_misread_marks_and_broken_words(tmp_path):
    text = "\n".join([
        "Standar Operasional Prosedur (SOP) Uji Pindaian", "",
        "Pelaksana Mutu Baku", "No Aktifitas Staf Camat Persyaratan/ Waktu Output",
        "Kelengkapan", "",
        "1. | Menerima Q Surat masuk | S menit | Agenda",
        "surat dan", "mencatat- v", "nya", "",
        "2. | Memeriksa [ Agenda | 30 Surat",
        "surat | Menit | diperiksa", "",
        "3. | Mengarsip- l Surat | 1 hari | Arsip",
        "kan surat", "",
    ]) + "\n"
    draft = _read(tmp_path, text)
    steps = draft.sop.langkah
    assert [s.waktu for s in steps] == ["5 menit", "30 menit", "1 hari"]
    assert steps[0].kegiatan == "Menerima surat dan mencatatnya"
    assert steps[2].kegiatan == "Mengarsipkan surat"
    assert steps[1].output == "Surat diperiksa"
    assert [lane.nama for lane in draft.sop.pelaksana] == ["Staf", "Camat"]
