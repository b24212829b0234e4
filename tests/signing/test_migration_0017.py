"""Migration 0017 upgrades a database of the schema before it: people and their approvals
stay, and a person of the old database can then get a signing key."""

from __future__ import annotations

from db.database import applied_migrations, connect, migrate, pending_migrations
from desktop_app.signing import keys
from desktop_app.workspace import open_workspace


def test_upgrade_to_signing_keys_keeps_people(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = connect(data_dir / "pandu.sqlite3")
    migrate(database, target="0012_sop_import_sources")
    assert "0017_signing_keys" in pending_migrations(database)
    person_id = database.execute_sql(
        "INSERT INTO person (nama, jabatan, nip, role, pin_hash, failed_attempts, active, "
        "created_at) VALUES ('Wahyu Camat', 'Camat', '198001181999121001', 'pejabat', 'x', 0, "
        "1, '2025-01-01 00:00:00')").lastrowid
    database.close()

    workspace = open_workspace(data_dir)
    try:
        assert "0017_signing_keys" in applied_migrations(workspace.database)
        tables = set(workspace.database.get_tables())
        assert {"signing_key", "key_revocation", "approval_signature"} <= tables
        row = keys.create_person_key(person_id, "kata sandi camat")
        assert keys.active_key(person_id).id == row.id
        assert keys.office_key().kind == "kantor"
    finally:
        workspace.close()
