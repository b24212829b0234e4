"""Word SOPs with the symbols drawn as shapes: every lane and symbol comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.importing.reader import read_document
from desktop_app.sop.sopfile import read_sop_file
from tests.sop_import.office_files import write_docx
from tests.sop_import.similar import differences

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "sop"


def template(name: str):
    return read_sop_file(next(TEMPLATES.glob(f"{name}*.pandu-sop.toml")))


def lanes_and_symbols(sop):
    """Per step: its lanes (by name), the main one when alone, symbol and decision targets."""
    names = {lane.kode: lane.nama for lane in sop.pelaksana}
    return [(sorted(names[k] for k in s.pelaksana),
             names[s.pelaksana[0]] if len(s.pelaksana) == 1 else None, s.simbol, s.jika_tidak,
             sop.next_on_yes(n)) for n, s in enumerate(sop.langkah, start=1)]


# steps per page: the table is split over pages, each decision on the page of its target
@pytest.mark.parametrize(("name", "per_page"), [("01", 4), ("04", 7), ("05", 6), ("06", 3)])
def test_docx_with_drawn_symbols_imports_every_lane_and_symbol(tmp_path, name, per_page):
    want = template(name)
    path = write_docx(want, tmp_path / "sop.docx", per_page=per_page, vml_steps=(2,),
                      shifted_steps=(3,))
    draft = read_document(path)
    assert lanes_and_symbols(draft.sop) == lanes_and_symbols(want)
    assert draft.is_complete(), draft.uncertain()
    assert differences(draft.sop, want) == []
    assert draft.pages >= 3


def test_typed_marks_give_the_lane_and_leave_the_symbol_to_a_person(tmp_path):
    want = template("01")
    draft = read_document(write_docx(want, tmp_path / "sop.docx", mark_steps=(2, 3)))
    assert draft.sop.langkah[1].pelaksana == want.langkah[1].pelaksana
    assert draft.steps_needing_person() == [2, 3]
    assert {n.field for n in draft.uncertain() if n.step == 2} == {"simbol"}


def test_a_word_file_without_an_sop_says_what_was_expected(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Undangan rapat koordinasi")
    document.save(tmp_path / "surat.docx")
    with pytest.raises(InvalidInput, match="tidak berisi SOP yang dikenali.*Kegiatan"):
        read_document(tmp_path / "surat.docx")


def test_a_damaged_word_file_is_refused(tmp_path):
    good = write_docx(template("01"), tmp_path / "sop.docx")
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(good.read_bytes()[:3000])
    with pytest.raises(InvalidInput, match="rusak"):
        read_document(broken)


def test_a_word_file_that_unpacks_to_too_much_is_refused(tmp_path):
    import zipfile

    good = write_docx(template("01"), tmp_path / "sop.docx")
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w",
                                                          zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, source.read(item))
        out.writestr("word/media/isian.bin", b"\0" * (101 * 2**20))
    assert bomb.stat().st_size < 5 * 2**20
    with pytest.raises(InvalidInput, match="terlalu besar setelah dibuka"):
        read_document(bomb)
