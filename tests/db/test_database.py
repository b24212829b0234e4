"""One way to reach the database: the office's workspace, and others only inside a block."""

from __future__ import annotations

from db.database import bound, transaction
from db.models import OfficeSetting
from desktop_app.office.settings import get_setting, set_settings
from desktop_app.workspace import open_workspace
from tests.pg_server import ON_POSTGRES


def test_a_second_workspace_never_re_points_the_first(workspace, tmp_path, request):
    set_settings({"nama_kantor": "KECAMATAN SATU"})
    other_url = None
    if ON_POSTGRES:  # another office: another database on the server
        server = request.getfixturevalue("pg_server")
        other_url = server.url(server.migrated_database())
    other = open_workspace(tmp_path / "lain", db_url=other_url)
    try:
        assert bound() is workspace.database
        assert get_setting("nama_kantor") == "KECAMATAN SATU"
        with other.active():
            set_settings({"nama_kantor": "KECAMATAN DUA"})
            assert get_setting("nama_kantor") == "KECAMATAN DUA"
        assert get_setting("nama_kantor") == "KECAMATAN SATU"  # back on the first
    finally:
        other.close()
    assert bound() is workspace.database  # closing the second leaves the first bound
    assert get_setting("nama_kantor") == "KECAMATAN SATU"


def test_closing_the_office_unbinds_it_and_the_next_one_binds(tmp_path):
    first = open_workspace(tmp_path / "a")
    first.close()
    assert bound() is None
    second = open_workspace(tmp_path / "b")
    try:
        assert bound() is second.database
    finally:
        second.close()


def test_a_failed_transaction_writes_nothing(workspace):
    before = OfficeSetting.select().count()
    try:
        with transaction("IMMEDIATE"):
            OfficeSetting.create(key="percobaan", value="1")
            raise RuntimeError("batal")
    except RuntimeError:
        pass
    assert OfficeSetting.select().count() == before
