"""Programs and scripts are never attached, and one stored before that rule is never handed
to the computer's own program from Arsip."""

from __future__ import annotations

import pytest

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import is_executable, store_bytes, store_file
from desktop_app.gui import archive_page
from desktop_app.gui.archive_page import ArchivePage
from desktop_app.office.people import get_person
from tests.expedition.conftest import office, routed, sending  # noqa: F401 - fixtures


@pytest.mark.parametrize("name", ["setup.exe", "jalankan.BAT", "pintasan.lnk",
                                  "surat.pdf.exe", "makro.xlsm", "skrip.ps1", "x.vbs. "])
def test_programs_and_scripts_are_refused_as_attachments(tmp_path, name):
    source = tmp_path / name
    source.write_bytes(b"MZ\x90\x00 program")
    with pytest.raises(InvalidInput, match="program, skrip atau pintasan"):
        store_file(tmp_path / "data", source)
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("name", ["surat.pdf", "foto.JPG", "rencana.xlsx", "README", "exe"])
def test_documents_are_not_programs(name):
    assert not is_executable(name)


def test_an_old_stored_program_is_not_opened_from_arsip(sending, qtbot, monkeypatch):  # noqa: F811
    s = sending
    stored = store_bytes(s.data_dir, b"MZ\x90\x00 program", "exe")
    m.Attachment.update(stored_path=stored.relative_path, sha256=stored.sha256,
                        original_name="renja.exe").where(
        m.Attachment.id == s.renja_file).execute()
    staf = get_person(s.office.staf.id)
    page = ArchivePage(s.office.workspace, lambda: staf)
    qtbot.addWidget(page)
    opened, errors = [], []
    monkeypatch.setattr(archive_page, "open_path", opened.append)
    monkeypatch.setattr(archive_page, "show_error", lambda parent, exc: errors.append(exc))
    row = next(r for r, e in enumerate(page.model.rows) if e.source == "berkas")
    page.table.selectRow(row)
    assert page.open_button.isEnabled()
    page.open_button.click()
    assert opened == [] and "tidak dibuka" in str(errors[-1])
