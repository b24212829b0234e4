"""The seed SOPs (text taken from Word/PDF, and one OCR'd scan) import with the fields of the
templates made from them; their lanes are reported as needing a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.sop.importing.reader import read_document, read_documents
from desktop_app.sop.sopfile import read_sop_file
from tests.sop_import.similar import differences

SEEDS = Path(__file__).parent / "seeds"  # copies of ../shared/seeds
TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "sop"
PAIRS = [
    ("000_7006fc043873cab1.txt", "01-rkt-inspektorat-magetan"),
    ("001_d9b874a0829ad3c2.txt", "02-rkt-disdukcapil-balangan"),
    ("002_279c17dcab2c52f6.txt", "03-rkt-dpmptsp-balangan"),
    # a scanned paper through OCR: no cells, the columns run together on each line, and two
    # SOPs (RKT and EKT) under one identity block
    ("003_9b2ebff0e60484ce.txt", "04-rkt-kecamatan"),
    ("003_9b2ebff0e60484ce.txt", "05-ekt-kecamatan"),
    ("004_5194441a5b61ba1a.txt", "06-renja-kecamatan-ngargoyoso"),
]


def _draft_for(seed: str, template: str):
    drafts = read_documents(SEEDS / seed)
    same_seed = [t for s, t in PAIRS if s == seed]
    assert len(drafts) == len(same_seed)
    return drafts[same_seed.index(template)]


def _unsure(draft) -> set[str]:
    """The places the draft itself says it is unsure of, as `differences` names them."""
    return {note.field if note.step is None else f"langkah {note.step} {note.field}"
            for note in draft.uncertain()}


@pytest.mark.parametrize(("seed", "template"), PAIRS)
def test_seed_imports_like_its_template(seed, template):
    draft = _draft_for(seed, template)
    want = read_sop_file(TEMPLATES / f"{template}.pandu-sop.toml")
    unsure = _unsure(draft)
    # a difference is allowed only where the draft itself says it is unsure
    allowed = [d for d in differences(draft.sop, want) if d.split(":")[0] in unsure]
    assert [d for d in differences(draft.sop, want) if d.split(":")[0] not in unsure] == []
    # and a step's own field only where OCR left no word to read (seed 003: "gt_annta_h(")
    assert [d.split(":")[0] for d in allowed if d.startswith("langkah")] == (
        ["langkah 1 kegiatan"] if template.startswith("05") else [])
    # the text lost the drawn symbols: every step's lane needs a person, except where a word
    # was typed in a lane cell (seed 002: "MULAI" under Kasubag Program)
    read = [n for n in range(1, len(want.langkah) + 1) if n not in draft.steps_needing_person()]
    assert read == ([1] if seed.startswith("002") else [])
    for n in read:
        assert draft.sop.langkah[n - 1].pelaksana[0] == want.langkah[n - 1].pelaksana[0]
        assert draft.sop.langkah[n - 1].simbol == want.langkah[n - 1].simbol
    assert not draft.is_complete()


def test_a_scanned_form_reads_its_two_sops_lanes_and_shared_identity():
    rkt, ekt = read_documents(SEEDS / "003_9b2ebff0e60484ce.txt")
    assert [rkt.sop.identitas.nama, ekt.sop.identitas.nama] == [
        "Penyusunan Rencana Kinerja Tahunan", "Evaluasi Kinerja Tahunan"]
    # the lanes from the header words of every page, from staff up (Bupati/Sekda only on the
    # RKT's last page); the names are marked for checking
    assert [lane.nama for lane in rkt.sop.pelaksana][-2:] == ["Camat", "Bupati/Sekda"]
    assert "pelaksana" in _unsure(rkt)
    # waktu whose number and unit OCR put a line apart ("30" … "Menit") or misread ("S menit")
    assert [s.waktu for s in rkt.sop.langkah][11:] == ["30 menit", "1 jam"]
    assert ekt.sop.langkah[0].waktu == ekt.sop.langkah[1].waktu == "5 menit"
    assert ekt.sop.identitas.dasar_hukum == rkt.sop.identitas.dasar_hukum
    assert len(ekt.sop.identitas.dasar_hukum) == 3
    assert rkt.steps_needing_person() == list(range(1, 14))


def test_typo_labels_are_recognised():
    draft = read_document(SEEDS / "000_7006fc043873cab1.txt")  # "Tanggal Pngsahan", "Ketengan"
    assert draft.sop.identitas.tanggal_pengesahan.isoformat() == "2016-02-23"
    assert draft.sop.langkah[3].keterangan == "SOP Rapat"
    renja = read_document(SEEDS / "004_5194441a5b61ba1a.txt")  # "Tangal Revisi", "Steakholder"
    assert [lane.nama for lane in renja.sop.pelaksana][-1] == "Stakeholder"


def test_numbers_glued_to_the_item_before_still_split_the_list():
    """Text copied from a web page: "… Pemerintahan Daerah.2. Peraturan … Daerah3. …"."""
    draft = read_document(SEEDS / "002_279c17dcab2c52f6.txt")
    want = read_sop_file(TEMPLATES / "03-rkt-dpmptsp-balangan.pandu-sop.toml")
    got = draft.sop.identitas
    assert len(got.dasar_hukum) == len(want.identitas.dasar_hukum) == 7
    assert got.dasar_hukum[1] == want.identitas.dasar_hukum[1]
    assert got.kualifikasi_pelaksana == want.identitas.kualifikasi_pelaksana
