"""A file holding several SOPs gives a draft per SOP (`read_documents`), and `pandu sop
import-doc` writes or saves each of them."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import main
from desktop_app.sop import library
from desktop_app.sop.importing.reader import read_document, read_documents
from desktop_app.sop.sopfile import read_sop_file
from tests.sop_import.office_files import write_docx_several
from tests.sop_import.similar import differences
from tests.sop_import.test_docx import lanes_and_symbols, template

SEEDS = Path(__file__).parent / "seeds"


def _two_seeds(tmp_path: Path) -> Path:
    """Two SOP texts pasted into one file, as when an office keeps a book of SOPs."""
    path = tmp_path / "kumpulan.txt"
    path.write_text((SEEDS / "000_7006fc043873cab1.txt").read_text(encoding="utf-8") + "\n\n"
                    + (SEEDS / "002_279c17dcab2c52f6.txt").read_text(encoding="utf-8"),
                    encoding="utf-8")
    return path


def test_two_pasted_seed_texts_give_two_drafts_like_their_templates(tmp_path):
    drafts = read_documents(_two_seeds(tmp_path))
    assert len(drafts) == 2
    for draft, name in zip(drafts, ("01", "03"), strict=True):
        unsure = {note.field for note in draft.uncertain() if note.step is None}
        assert [d for d in differences(draft.sop, template(name))
                if d.split(":")[0] not in unsure] == []
    assert read_document(_two_seeds(tmp_path)).sop.identitas.nama == drafts[0].sop.identitas.nama


def test_a_word_file_with_three_sops_gives_each_with_its_lanes_and_symbols(tmp_path):
    wanted = [template("04"), template("01"), template("06")]
    drafts = read_documents(write_docx_several(wanted, tmp_path / "buku-sop.docx", per_page=6))
    assert len(drafts) == 3
    for draft, want in zip(drafts, wanted, strict=True):
        assert differences(draft.sop, want) == []
        assert lanes_and_symbols(draft.sop) == lanes_and_symbols(want)
        assert draft.is_complete(), draft.uncertain()


def _pandu(workspace, *args) -> int:
    return main(["--data-dir", str(workspace.data_dir), "sop", "import-doc", *map(str, args)])


def test_cli_writes_numbered_drafts_next_to_the_name_given(workspace, tmp_path, capsys):
    before = len(library.list_sops())
    assert _pandu(workspace, _two_seeds(tmp_path), "-o", tmp_path / "draf.pandu-sop.toml") == 3
    out, err = capsys.readouterr()
    first, second = tmp_path / "draf-1.pandu-sop.toml", tmp_path / "draf-2.pandu-sop.toml"
    assert out.splitlines() == [f"{first}\tPenyusunan Rencana Kerja Tahunan (RKT)",
                                f"{second}\tPelaksanaan Penyusunan Rencana Kinerja Tahunan (RKT)"]
    assert not (tmp_path / "draf.pandu-sop.toml").exists()
    assert read_sop_file(second).identitas.nama.startswith("Pelaksanaan Penyusunan")
    assert "SOP 1: periksa langkah 1: pelaksana" in err
    assert "SOP 2: 9 langkah perlu ditetapkan" in err
    assert len(library.list_sops()) == before


def test_cli_writes_into_a_folder_given_with_a_slash(workspace, tmp_path, capsys):
    path = write_docx_several([template("04"), template("05")], tmp_path / "sop.docx")
    assert _pandu(workspace, path, "-o", f"{tmp_path / 'draf'}/") == 0
    names = sorted(p.name for p in (tmp_path / "draf").iterdir())
    assert names == ["sop-1.pandu-sop.toml", "sop-2.pandu-sop.toml"]
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert read_sop_file(tmp_path / "draf" / "sop-2.pandu-sop.toml").identitas.nama == \
        "Evaluasi Kinerja Tahunan"


def test_cli_without_output_saves_every_sop_as_a_draft(workspace, tmp_path, capsys):
    path = write_docx_several([template("04"), template("05")], tmp_path / "sop.docx")
    assert _pandu(workspace, path) == 0
    ids = [int(line.split("\t")[0]) for line in capsys.readouterr().out.splitlines()]
    assert [library.get_sop(i).identitas.nama for i in ids] == [
        "Penyusunan Rencana Kinerja Tahunan", "Evaluasi Kinerja Tahunan"]
    assert not any(library.is_approved(i) for i in ids)


def test_one_sop_keeps_the_old_output(workspace, tmp_path, capsys):
    out = tmp_path / "satu.pandu-sop.toml"
    assert _pandu(workspace, SEEDS / "000_7006fc043873cab1.txt", "-o", out) == 3
    assert out.exists() and capsys.readouterr().out == ""


def test_cli_saves_both_sops_of_the_scanned_seed_for_a_person_to_finish(workspace, capsys):
    before = len(library.list_sops())
    assert _pandu(workspace, SEEDS / "003_9b2ebff0e60484ce.txt") == 3
    out, err = capsys.readouterr()
    names = [line.split("\t")[1] for line in out.splitlines()]
    assert names == ["Penyusunan Rencana Kinerja Tahunan", "Evaluasi Kinerja Tahunan"]
    assert len(library.list_sops()) == before + 2
    assert "SOP 2: 13 langkah perlu ditetapkan pelaksana atau simbolnya" in err


def test_a_workbook_with_a_sheet_per_sop_gives_each_with_its_lanes_and_symbols(tmp_path):
    from tests.sop_import.office_xlsx import write_xlsx_several

    wanted = [template("06"), template("04")]
    drafts = read_documents(write_xlsx_several(wanted, tmp_path / "sop-kecamatan.xlsx"))
    assert len(drafts) == 2
    for draft, want in zip(drafts, wanted, strict=True):
        assert differences(draft.sop, want) == []
        assert lanes_and_symbols(draft.sop) == lanes_and_symbols(want)
        assert draft.is_complete(), draft.uncertain()


def test_a_second_table_without_its_own_identity_shares_the_first_ones(tmp_path):
    text = (SEEDS / "000_7006fc043873cab1.txt").read_text(encoding="utf-8")
    table = text[text.index("SOP PENYUSUNAN RANCANA"):]
    path = tmp_path / "dua-tabel.txt"
    path.write_text(text + "\n\n" + table.replace("SOP PENYUSUNAN RANCANA KERJA TAHUNAN (RKT)",
                                                  "SOP : Evaluasi RKT", 1), encoding="utf-8")
    first, second = read_documents(path)
    assert second.sop.identitas.nama == "Evaluasi RKT"
    assert second.sop.identitas.dasar_hukum == first.sop.identitas.dasar_hukum != []
    assert second.field_certainty("dasar_hukum") != "pasti"  # marked for checking
    assert len(second.sop.langkah) == len(first.sop.langkah) == 10
