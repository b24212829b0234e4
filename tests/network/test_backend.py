"""The PostgreSQL back end itself: opening from a URL, the same migrations, the archive's full
text search with prefixes, and the write lock of `transaction("IMMEDIATE")`."""

from __future__ import annotations

from datetime import date

import pytest

from db import models as m
from db.database import (
    applied_migrations,
    connect_url,
    describe_url,
    is_postgres,
    is_url,
    pending_migrations,
    transaction,
)
from desktop_app.archive.index import missing_triggers
from desktop_app.archive.search import ArchiveQuery, search, tsquery_expression
from desktop_app.office.letter_numbers import take_number
from desktop_app.office.settings import set_settings
from desktop_app.workspace import open_workspace
from tests.db.test_migrations import ALL_MIGRATIONS


def test_urls():
    assert is_url("postgresql://pandu@server:5432/kantor") and is_url("postgres://s/k")
    assert not is_url("pandu.sqlite3") and not is_url(None)
    assert describe_url("postgresql://pandu:rahasia@server:5433/kantor") == \
        "postgresql://pandu@server:5433/kantor"
    with pytest.raises(ValueError):
        connect_url("postgresql://pandu@server:5432/")


def test_tsquery_matches_every_word_as_a_prefix():
    assert tsquery_expression("Ren") == "('ren':*)"
    assert tsquery_expression("000.7.2.6/015 undangan") == \
        "('000' <-> '7' <-> '2' <-> '6' <-> '015':*) & ('undangan':*)"
    assert tsquery_expression("'); DROP") == "('drop':*)"  # never SQL, never a syntax error
    assert tsquery_expression("... //") == ""


@pytest.fixture
def office(pg_server, tmp_path):
    workspace = open_workspace(tmp_path / "pc", db_url=pg_server.url(pg_server.create_database()))
    with workspace.active():
        yield workspace
    workspace.close()


def test_an_empty_server_database_gets_every_migration_and_the_templates(office):
    assert is_postgres(office.database) and office.networked
    assert applied_migrations(office.database) == ALL_MIGRATIONS
    assert pending_migrations(office.database) == []
    assert m.Sop.select().count() == 6
    assert missing_triggers() == []
    assert not (office.data_dir / "pandu.sqlite3").exists()


def test_archive_search_on_the_server(office):
    set_settings({"kode_unit": "408.12"})
    for perihal in ("Undangan rapat koordinasi", "Laporan kegiatan posyandu"):
        take_number(classification="000.7.2.6", kind="lainnya",
                    perihal=perihal, tujuan="Para Kepala Desa", letter_date=date(2026, 3, 2),
                    person_id=None)

    def found(text):
        return sorted(e.perihal for e in search(ArchiveQuery(text)).entries)

    assert found("koord") == ["Undangan rapat koordinasi"]
    assert found("KEPALA des") == ["Laporan kegiatan posyandu", "Undangan rapat koordinasi"]
    assert found("000.7.2.6/002") == ["Laporan kegiatan posyandu"]
    assert found("000.7.2.6/00") == ["Laporan kegiatan posyandu", "Undangan rapat koordinasi"]
    assert found("rapat posyandu") == []
    assert found("'") == []


def test_immediate_transaction_holds_the_advisory_lock(office):
    def locks():
        return office.database.execute_sql(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
            "AND pid = pg_backend_pid()").fetchone()[0]

    with transaction("IMMEDIATE"):
        assert locks() == 1
        with transaction("IMMEDIATE"):  # nested: a savepoint, the same lock
            assert locks() >= 1
    assert locks() == 0  # released at the commit
    with office.database.atomic("IMMEDIATE"):
        assert locks() == 1
    assert locks() == 0
