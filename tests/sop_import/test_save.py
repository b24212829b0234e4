"""Saving a reviewed draft: a new unapproved SOP, its original file in the archive."""

from __future__ import annotations

import pytest

from desktop_app.archive import search
from desktop_app.archive.index import refresh
from desktop_app.common.errors import InvalidInput
from desktop_app.sop import library
from desktop_app.sop.importing.reader import read_document
from tests.sop_import.office_files import write_docx
from tests.sop_import.test_docx import template


def test_saved_draft_is_unapproved_and_its_source_is_archived(workspace, tmp_path):
    path = write_docx(template("01"), tmp_path / "SOP RKT Inspektorat.docx")
    draft = read_document(path)
    before = len(library.list_sops())
    sop_id = library.save_imported(draft.sop, path, workspace.data_dir)
    assert len(library.list_sops()) == before + 1
    assert not library.is_approved(sop_id)
    assert library.get_sop(sop_id) == draft.sop
    refresh()
    found = search.search(search.ArchiveQuery(text="Inspektorat"))
    entry = next(e for e in found.entries if e.source == "sumber_sop")
    assert entry.perihal == "SOP RKT Inspektorat.docx"
    assert entry.sop_id == sop_id and entry.has_file and entry.kind_label == "Dokumen asal SOP"
    stored = search.detail(entry.id, workspace.data_dir)
    assert stored is not None


def test_an_invalid_draft_saves_nothing(workspace, tmp_path):
    path = write_docx(template("01"), tmp_path / "sop.docx")
    draft = read_document(path)
    draft.sop.langkah[0].pelaksana = ["tidak_ada"]
    before = len(library.list_sops())
    with pytest.raises(InvalidInput, match="tidak_ada"):
        library.save_imported(draft.sop, path, workspace.data_dir)
    assert len(library.list_sops()) == before
    assert not list((workspace.data_dir / "berkas").glob("*.docx"))
