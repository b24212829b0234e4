"""The archive: every naskah, attached file and letter number in one place, kept in sync with
its sources by triggers, filtered and found with FTS5 prefix search as the user types."""

from __future__ import annotations

from datetime import date

import pytest

from db import models as m
from db.database import is_postgres
from desktop_app.archive import index
from desktop_app.archive.search import (
    ArchiveQuery,
    detail,
    filter_options,
    match_expression,
    search,
    set_note,
)
from desktop_app.common.errors import InvalidInput
from desktop_app.expedition import deliveries as dv
from desktop_app.naskah import workflow
from desktop_app.office.letter_numbers import cancel_number, take_number
from tests.expedition.conftest import CONTENT, office, routed, sending  # noqa: F401 - fixtures


def found(s, text="", **filters) -> list[tuple[str, int]]:
    result = search(ArchiveQuery(text, **filters))
    assert result.total == len(result.entries)
    return sorted((e.source, e.source_id) for e in result.entries)


@pytest.fixture
def archived(sending):  # noqa: F811
    s = sending
    letter = take_number(classification="000.8.3.3", kind="lainnya",
                         perihal="Undangan rapat evaluasi SOP", tujuan="Para Kasi",
                         letter_date=date(2025, 12, 1), person_id=s.office.staf.id)
    s.letter = letter.id
    return s


def test_every_document_once(archived):
    s = archived
    assert found(s) == [("berkas", s.renja_file), ("naskah", s.pengantar),
                        ("naskah", s.surat), ("surat", s.letter)]  # no row per taken number
    entries = {e.source_id: e for e in search(ArchiveQuery()).entries
               if e.source == "naskah"}
    pengantar = entries[s.pengantar]
    assert (pengantar.nomor, pengantar.status_label, pengantar.expedition_label,
            pengantar.run_title) == ("000.7.2.4/001/408.12/2026", "Disahkan", "Belum dikirim",
                                     "Penyusunan Renja 2027")
    assert pengantar.item_date == date(2026, 1, 12) and pengantar.has_file


def test_search_as_you_type(archived):
    s = archived
    renja = [("berkas", s.renja_file), ("naskah", s.pengantar)]
    assert found(s, "renja") == renja  # perihal, file name
    assert found(s, "Penyamp") == [("naskah", s.pengantar)]  # a prefix, any case
    assert found(s, "baperlit") == [("naskah", s.pengantar)]  # tujuan
    assert found(s, "000.7.2.4/001") == [("naskah", s.pengantar)]  # nomor, in parts
    assert found(s, "408.12/2026 musren") == [("naskah", s.surat)]
    assert found(s, "dua buku") == [("naskah", s.pengantar)]  # the pengantar's list (notes)
    assert found(s, "inspektur") == [("naskah", s.surat)]
    assert found(s, "rapat evaluasi") == [("surat", s.letter)]
    assert found(s, "renja xyz") == []
    for odd in ('"', "*", "AND (", "^-", "NEAR(renja"):
        search(ArchiveQuery(odd))  # never an FTS syntax error
    assert match_expression('  Renja  "2027" 000.7/01 ') == '"Renja"* AND "2027"* AND "000 7 01"*'


def test_filters(archived):
    s = archived
    assert found(s, year=2025) == [("surat", s.letter)]
    assert found(s, kind="surat_dinas") == [("naskah", s.surat)]
    assert found(s, run_id=s.run_id) == [("berkas", s.renja_file), ("naskah", s.pengantar)]
    assert found(s, sop_id=s.office.sop_id, text="renja") == [("berkas", s.renja_file),
                                                               ("naskah", s.pengantar)]
    assert found(s, status="final") == [("naskah", s.pengantar), ("naskah", s.surat)]
    assert found(s, status="aktif") == [("surat", s.letter)]
    options = filter_options()
    assert options.years == (2026, 2025)
    assert [k for k, _label in options.kinds] == ["surat_dinas", "surat_pengantar", "lainnya",
                                                  "berkas"]
    assert options.runs == ((s.run_id, "Penyusunan Renja 2027"),)
    assert options.sops == ((s.office.sop_id, "Penyusunan RKT"),)
    result = search(ArchiveQuery(limit=2))
    assert result.total == 4 and len(result.entries) == 2  # newest first
    assert result.entries[0].item_date >= result.entries[1].item_date


def test_changes_reach_the_archive(archived, tmp_path):
    s = archived
    staf = s.office.staf.id
    draft = workflow.create_document(s.data_dir, "surat_pengantar",
                                     "Penyampaian RKT 2027", CONTENT, staf)
    assert found(s, "rkt") == [("naskah", draft)]
    assert found(s, status="menunggu") == [("naskah", draft)]
    workflow.update_document(s.data_dir, draft, "Penyampaian Renstra", CONTENT, staf)
    assert found(s, "rkt") == [] and found(s, "renstra") == [("naskah", draft)]
    cancel_number(s.letter, "Salah ketik perihal", s.office.admin.id)
    assert found(s, "salah ketik", status="batal") == [("surat", s.letter)]

    delivery = dv.add_delivery(dv.NewDelivery(
        s.pengantar, "Sekretaris Daerah di Karanganyar", date(2026, 1, 13), staf,
        lampiran_files=(s.renja_file,)), staf)
    assert found(s, "sekretaris daerah") == [("berkas", s.renja_file), ("naskah", s.pengantar)]
    tujuan = {e.source: e.tujuan for e in search(ArchiveQuery("sekretaris")).entries}
    assert tujuan == {"berkas": "Sekretaris Daerah di Karanganyar",
                      "naskah": "Kepala BAPERLITBANG di Karanganyar\n"
                                "Sekretaris Daerah di Karanganyar"}
    dv.record_receipt(s.data_dir, delivery, dv.Receipt("Joko Penerima",
                                                                   date(2026, 1, 14)), staf)
    assert found(s, "joko", status="diterima") == [("berkas", s.renja_file),
                                                   ("naskah", s.pengantar)]
    assert found(s, status="belum_dikirim") == [("naskah", s.surat)]


def test_notes_details_and_repair(archived):
    s = archived
    item = search(ArchiveQuery("penyampaian")).entries[0]
    set_note(item.id, "Asli di lemari arsip B-3", s.office.staf.id)
    assert found(s, "lemari b") == [("naskah", s.pengantar)]
    with pytest.raises(InvalidInput):
        set_note(item.id, "x" * 1001, s.office.staf.id)

    info = detail(item.id, s.data_dir)
    assert info.file is not None and info.file.read_bytes().startswith(b"%PDF")
    assert [(v.number, v.final) for v in info.versions] == [(1, False), (2, True)]
    assert [a.person for a in info.approvals] == ["Budi Kasubag", "Citra Sekcam", "Wahyu Camat"]
    assert ("Nomor", "000.7.2.4/001/408.12/2026") in info.facts and info.deliveries == ()

    assert index.missing_triggers() == []
    s.database.execute_sql("DELETE FROM archive_item WHERE source = 'berkas'")
    assert found(s, "renja") == [("naskah", s.pengantar)]
    index.rebuild()
    assert found(s, "renja") == [("berkas", s.renja_file), ("naskah", s.pengantar)]
    assert found(s, "lemari") == [("naskah", s.pengantar)]  # the note survives a rebuild
    if not is_postgres(s.database):  # FTS5's own check; PostgreSQL's index has no twin
        s.database.execute_sql("INSERT INTO archive_fts(archive_fts, rank) "
                               "VALUES ('integrity-check', 1)")
    assert m.ArchiveItem.select().count() == 4


def test_the_type_name_finds_documents_of_that_type(archived):
    s = archived
    assert ("naskah", s.pengantar) in found(s, "pengantar")  # "Penyampaian Renja 2027"
    assert found(s, "surat pengantar renja") == [("naskah", s.pengantar)]
    assert ("naskah", s.pengantar) not in found(s, "undangan")


def test_unit_workbooks_are_archived(archived, tmp_path):
    from desktop_app.common.file_store import store_bytes
    from desktop_app.forms.store import add_submission

    s = archived
    unit = m.Unit.create(nama="Seksi Pemerintahan", position=1)
    stored = store_bytes(s.office.workspace.data_dir, b"PK fake workbook", "xlsx")
    with s.database.atomic():
        sub = add_submission("rkt", 2027, unit.id, unit.nama, (), stored,
                             "RKT Seksi Pemerintahan.xlsx")
    hits = found(s, "rkt pemerintahan")
    assert hits == [("rencana_unit", sub)]
    entry = search(ArchiveQuery("rkt pemerintahan")).entries[0]
    assert entry.kind_label == "Formulir rencana unit" and entry.has_file
    info = detail(entry.id, s.office.workspace.data_dir)
    assert info.file is not None and info.file.read_bytes() == b"PK fake workbook"
