"""Files saved out of the app (a merged plan, a run's audit trail) are kept and found in the
Arsip; migration 0014 brings the table to an older data folder."""

from __future__ import annotations

from db.database import applied_migrations, connect, migrate
from desktop_app.archive.exports import keep_copy
from desktop_app.archive.index import missing_triggers
from desktop_app.archive.search import ArchiveQuery, detail, search
from desktop_app.workspace import open_workspace


def test_a_kept_copy_is_found_by_type_and_title(workspace):
    _db, data = workspace.database, workspace.data_dir
    merged = keep_copy(data, "rencana_gabungan", "RKT 2027 gabungan", 2027,
                       "RKT-2027-gabungan.xlsx", b"PK merged")
    audit = keep_copy(data, "jejak_audit", "Jejak audit Penyusunan RKT 2027", 2027,
                      "Jejak audit.pdf", b"%PDF audit")
    found = {e.source_id: e for e in search(ArchiveQuery("gabungan")).entries
             if e.source == "keluaran"}
    assert list(found) == [merged] and found[merged].kind_label == "Rencana gabungan"
    entries = search(ArchiveQuery("jejak audit")).entries
    assert [e.source_id for e in entries if e.source == "keluaran"] == [audit]
    info = detail(entries[0].id, data)
    assert info.file.read_bytes() == b"%PDF audit"
    assert missing_triggers() == []


def test_an_older_data_folder_gets_the_table(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = connect(data_dir / "pandu.sqlite3")
    migrate(database, target="0012_sop_import_sources")
    assert "exported_file" not in database.get_tables()
    database.close()
    workspace = open_workspace(data_dir)
    try:
        assert "0014_exported_files" in applied_migrations(workspace.database)
        keep_copy(data_dir, "jejak_audit", "Jejak audit", 2027,
                  "a.xlsx", b"PK")
        assert [e.source for e in search(ArchiveQuery("audit")).entries] \
            == ["keluaran"]
    finally:
        workspace.close()
