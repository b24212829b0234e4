"""The schema: migrations produce today's models, and an older database upgrades without loss."""

from __future__ import annotations

import sqlite3

from playhouse.schema_diff import diff_models

from db.database import MIGRATIONS_DIR, applied_migrations, connect, migrate, pending_migrations
from db.models import ALL_MODELS
from desktop_app.sop import library
from desktop_app.sop.sopfile import sop_from_dict
from desktop_app.workspace import open_workspace
from tests.pg_server import SQLITE_ONLY

# Every migration file, in order; the first ones are named so that none goes missing.
ALL_MIGRATIONS = sorted(path.stem for path in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def test_migrations_are_numbered_in_sequence():
    assert ALL_MIGRATIONS[:3] == ["0001_initial", "0002_office_settings_and_archive",
                                  "0003_office_people_and_units"]
    numbers = [int(name[:4]) for name in ALL_MIGRATIONS]
    # 0013-0016 are taken by work merged alongside issue 15's 0017; no number twice, in order.
    assert numbers == sorted(set(numbers)) and numbers[:12] == list(range(1, 13))


def test_migrated_empty_database_matches_the_models(tmp_path):
    database = connect(tmp_path / "x.sqlite3")
    assert migrate(database) == ALL_MIGRATIONS
    diff = diff_models(database, ALL_MODELS)
    assert not (diff.create_tables or diff.add_columns or diff.drop_columns
                or diff.add_indexes or diff.drop_indexes), diff
    database.close()


@SQLITE_ONLY
def test_pragmas(workspace):
    pragma = workspace.database.execute_sql
    assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
    assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upgrade_from_first_schema_keeps_every_sop(tmp_path, valid_sop):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = connect(data_dir / "pandu.sqlite3")
    migrate(database, target="0001_initial")
    assert pending_migrations(database) == ALL_MIGRATIONS[1:]
    sop = sop_from_dict(valid_sop)
    # Write with the first schema's columns only, as the first version of the app did.
    sop_id = _insert_with_first_schema(database, sop)
    database.close()

    workspace = open_workspace(data_dir)  # runs the pending migrations
    try:
        assert applied_migrations(workspace.database) == ALL_MIGRATIONS
        assert library.get_sop(sop_id) == sop
        assert [s.id for s in library.list_sops()] == [sop_id]  # no templates added to old data
        copies = list((data_dir / "cadangan").glob("sebelum-migrasi-*.sqlite3"))
        assert len(copies) == 1
        with sqlite3.connect(copies[0]) as old:
            assert old.execute("SELECT COUNT(*) FROM sop").fetchone()[0] == 1
    finally:
        workspace.close()


def _insert_with_first_schema(database, sop) -> int:
    """Insert through raw SQL of the 0001 tables (today's models have more columns)."""
    sql = database.execute_sql
    with database.atomic():
        sop_id = sql("INSERT INTO sop (created_at) VALUES ('2024-01-01 00:00:00')").lastrowid
        ident = sop.identitas
        signer = ident.disahkan_oleh
        rev = sql(
            "INSERT INTO sop_revision (sop_id, number, created_at, nama, nomor, instansi, "
            "tanggal_pembuatan, disahkan_jabatan, disahkan_nama, disahkan_pangkat, disahkan_nip)"
            " VALUES (?, 1, '2024-01-01 00:00:00', ?, ?, ?, ?, ?, ?, ?, ?)",
            (sop_id, ident.nama, ident.nomor, ident.instansi, ident.tanggal_pembuatan.isoformat(),
             signer.jabatan, signer.nama, signer.pangkat, signer.nip)).lastrowid
        for field in ("dasar_hukum", "peringatan"):
            for pos, text in enumerate(getattr(ident, field)):
                sql("INSERT INTO identity_item (revision_id, field, position, text) "
                    "VALUES (?, ?, ?, ?)", (rev, field, pos, text))
        lanes = {lane.kode: sql("INSERT INTO lane (revision_id, position, kode, nama) "
                                "VALUES (?, ?, ?, ?)", (rev, pos, lane.kode, lane.nama)).lastrowid
                 for pos, lane in enumerate(sop.pelaksana)}
        steps = []
        for number, step in enumerate(sop.langkah, start=1):
            step_id = sql(
                "INSERT INTO step (revision_id, number, kegiatan, simbol, waktu, output, "
                "keterangan) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (rev, number, step.kegiatan, step.simbol, step.waktu, step.output,
                 step.keterangan)).lastrowid
            steps.append(step_id)
            for pos, kode in enumerate(step.pelaksana):
                sql("INSERT INTO step_lane (step_id, lane_id, position) VALUES (?, ?, ?)",
                    (step_id, lanes[kode], pos))
            for pos, text in enumerate(step.kelengkapan):
                sql("INSERT INTO kelengkapan_item (step_id, position, text) VALUES (?, ?, ?)",
                    (step_id, pos, text))
            if step.dokumen:
                sql("INSERT INTO document_link (step_id, kind) VALUES (?, ?)",
                    (step_id, step.dokumen))
        for number, step in enumerate(sop.langkah, start=1):
            if step.simbol == "keputusan":
                sql("INSERT INTO decision_target (step_id, if_yes_id, if_no_id) VALUES (?, ?, ?)",
                    (steps[number - 1], None, steps[step.jika_tidak - 1]))
    return sop_id


def test_templates_are_installed_once_even_after_an_interrupted_first_start(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = connect(data_dir / "pandu.sqlite3")
    migrate(database)  # the first start died here, before the templates
    database.close()
    workspace = open_workspace(data_dir)
    assert len(library.list_sops()) == 6
    for item in library.list_sops():
        library.delete_sop(item.id)
    workspace.close()
    workspace = open_workspace(data_dir)  # an emptied library is not filled again
    assert library.list_sops() == []
    workspace.close()
