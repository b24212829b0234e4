"""Restore: a preview that touches nothing; the current data backed up first; database and
files replaced; an old backup upgraded; a bad or hostile archive refused with nothing changed."""

from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
import zipfile

import pytest
from peewee import SqliteDatabase

from db import models as m
from db.database import PRAGMAS, applied_migrations, migrate
from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import store_bytes
from desktop_app.safety import archive, backup, restore
from desktop_app.safety.inspection import inspect_backup
from desktop_app.safety.instance_lock import acquire
from desktop_app.safety.integrity import check_data
from desktop_app.safety.storage import StorageError
from desktop_app.sop import library
from desktop_app.sop.sopfile import sop_from_dict
from desktop_app.workspace import open_workspace
from tests.db.test_migrations import ALL_MIGRATIONS, _insert_with_first_schema


def _fingerprint(data_dir) -> str:
    with sqlite3.connect(data_dir / "pandu.sqlite3") as con:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()


def test_round_trip_with_files(filled, tmp_path):
    data, db = filled.data_dir, filled.workspace.database
    saved = backup.create_backup(data, tmp_path / "senin.zip")
    sops_then = [s.nama for s in library.list_sops()]
    attachment = filled.attachment.read_bytes()

    # Tuesday: more work, and someone deletes a file by hand
    library.duplicate_sop(filled.office.sop_id, "SOP Selasa")
    m.Unit.create(position=5, nama="Seksi Selasa")
    filled.attachment.unlink()
    tuesday = _fingerprint(data)

    result = restore.restore(data, tmp_path / "senin.zip", db)

    assert [s.nama for s in library.list_sops()] == sops_then
    assert not m.Unit.select().where(m.Unit.nama == "Seksi Selasa").exists()
    assert filled.attachment.read_bytes() == attachment
    assert result.upgraded == [] and result.damaged_copy is None
    assert result.preview.counts == saved.manifest.counts
    assert check_data(data).ok
    # the data as it was just before is in the safety backup
    assert result.safety_backup.parent == data / "cadangan"
    with zipfile.ZipFile(result.safety_backup) as zf:
        (tmp_path / "selasa.sqlite3").write_bytes(zf.read("pandu.sqlite3"))
    with sqlite3.connect(tmp_path / "selasa.sqlite3") as con:
        assert con.execute("SELECT COUNT(*) FROM unit WHERE nama = 'Seksi Selasa'"
                           ).fetchone()[0] == 1
        assert hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest() == tuesday
    # the window's connection keeps working on the restored data, in WAL mode
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    m.Unit.create(position=6, nama="Seksi Rabu")


def test_preview_reads_the_backup_and_touches_nothing(filled, tmp_path):
    backup.create_backup(filled.data_dir, tmp_path / "b.zip")
    before = _fingerprint(filled.data_dir)
    listing = sorted(p.relative_to(filled.data_dir) for p in filled.data_dir.rglob("*"))
    summary = inspect_backup(tmp_path / "b.zip", filled.data_dir)
    assert summary.counts["proses"] == 1 and summary.counts["berkas"] == 3
    assert summary.office == "KECAMATAN NGARGOYOSO"
    assert not summary.older and not summary.newer
    text = "\n".join(summary.lines())
    assert "1 proses, 1 naskah, 3 berkas" in text and "Dibuat:" in text and "pukul" in text
    assert _fingerprint(filled.data_dir) == before
    assert sorted(p.relative_to(filled.data_dir) for p in filled.data_dir.rglob("*")) == listing


def _first_version_backup(tmp_path, valid_sop):
    """A data folder of the app's first schema, with an SOP and a stored file, backed up."""
    old = tmp_path / "lama"
    old.mkdir()
    database = SqliteDatabase(str(old / "pandu.sqlite3"), pragmas=PRAGMAS)  # models unbound
    migrate(database, target="0001_initial")
    sop = sop_from_dict(valid_sop)
    sop_id = _insert_with_first_schema(database, sop)
    database.close()
    stored = store_bytes(old, b"%PDF-1.4 surat lama", "pdf")
    info = backup.create_backup(old, tmp_path / "cadangan-lama.zip")
    assert info.manifest.schema == ("0001_initial",)
    return info.path, sop, sop_id, stored


def test_restoring_a_backup_of_the_first_schema_upgrades_it(workspace, tmp_path, valid_sop):
    path, sop, sop_id, stored = _first_version_backup(tmp_path, valid_sop)
    summary = inspect_backup(path, workspace.data_dir)
    assert summary.older and not summary.newer
    assert any("diperbarui otomatis" in line for line in summary.lines())

    result = restore.restore(workspace.data_dir, path, workspace.database)

    assert result.upgraded == ALL_MIGRATIONS[1:]
    assert applied_migrations(workspace.database) == ALL_MIGRATIONS
    assert library.get_sop(sop_id) == sop
    assert [s.id for s in library.list_sops()] == [sop_id]
    assert (workspace.data_dir / stored.relative_path).read_bytes() == b"%PDF-1.4 surat lama"
    assert list((workspace.data_dir / "cadangan").glob("sebelum-migrasi-*.sqlite3"))
    assert check_data(workspace.data_dir).ok


def test_pandu_restore_of_a_first_schema_backup(cli, data_dir, tmp_path, valid_sop):
    path, sop, sop_id, _stored = _first_version_backup(tmp_path, valid_sop)
    assert cli("--data-dir", data_dir, "sop", "list")[0] == 0  # the office has data already
    status, out, err = cli("--data-dir", data_dir, "restore", path)
    assert status == 0, err
    assert "Data dipulihkan" in out and "sebelum pemulihan disimpan" in out
    assert "diperbarui" in out
    status, out, _ = cli("--data-dir", data_dir, "sop", "list")
    assert out.split("\t")[0] == str(sop_id) and sop.identitas.nama in out
    status, out, err = cli("--data-dir", data_dir, "check")
    assert status == 0, out


def _rewrite(path, target, change):
    """Copy a backup, letting `change(manifest, members)` alter it."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
        manifest = json.loads(zf.read("manifest.json"))
    change(manifest, members)
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    return target


def _entry(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def craft(path, target, sql: str = "", change=None):
    """Copy a backup with its database altered by `sql` (foreign keys off) and the manifest
    kept consistent (hash, size, schema), then `change(manifest, members)` if given: a backup
    only a hostile or damaged tool would make, but that passes every archive check."""
    def alter(manifest, members):
        scratch = target.with_suffix(".sqlite3")
        scratch.write_bytes(members["pandu.sqlite3"])
        con = sqlite3.connect(scratch)
        con.executescript(sql)
        con.commit()
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        if "schema_migration" in tables:
            manifest["schema"] = sorted(r[0] for r in con.execute(
                "SELECT name FROM schema_migration"))
        con.close()
        members["pandu.sqlite3"] = scratch.read_bytes()
        scratch.unlink()
        manifest["members"]["pandu.sqlite3"] = _entry(members["pandu.sqlite3"])
        if change:
            change(manifest, members)
    return _rewrite(path, target, alter)


def test_newer_backup_is_refused(filled, tmp_path, cli):
    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    future = craft(saved, tmp_path / "masa-depan.zip",
                   "INSERT INTO schema_migration (name, applied) "
                   "VALUES ('9999_masa_depan', '2030-01-01')")
    summary = inspect_backup(future, filled.data_dir)
    assert summary.newer and summary.refused
    with pytest.raises(InvalidInput, match="lebih baru"):
        restore.restore(filled.data_dir, future, filled.workspace.database)
    status, _out, err = cli("--data-dir", filled.data_dir, "restore", future)
    assert status == 2 and "lebih baru" in err


def _hostile(manifest, members):
    members["berkas/../../jahat.txt"] = b"keluar dari folder data"
    manifest["members"]["berkas/../../jahat.txt"] = _entry(b"keluar dari folder data")


def _tampered(manifest, members):
    members["pandu.sqlite3"] = members["pandu.sqlite3"][:-1] + b"\x01"


def _absolute(manifest, members):
    members["/tmp/jahat.txt"] = b"x"
    manifest["members"]["/tmp/jahat.txt"] = _entry(b"x")


def _unlisted(manifest, members):
    members["berkas/" + "0" * 64 + ".pdf"] = b"tidak ada di daftar isi"


@pytest.mark.parametrize("change, message", [
    (_hostile, "tidak diizinkan"), (_tampered, "SHA-256 tidak cocok"),
    (_absolute, "tidak diizinkan"), (_unlisted, "tidak sesuai daftar isi")])
def test_a_bad_or_hostile_archive_changes_nothing(filled, tmp_path, cli, change, message):
    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    bad = _rewrite(saved, tmp_path / "buruk.zip", change)
    before = _fingerprint(filled.data_dir)
    files = sorted(p.name for p in (filled.data_dir / "berkas").iterdir())
    status, _out, err = cli("--data-dir", filled.data_dir, "restore", bad)
    assert status == 2 and message in err
    assert _fingerprint(filled.data_dir) == before
    assert sorted(p.name for p in (filled.data_dir / "berkas").iterdir()) == files
    assert not (tmp_path / "jahat.txt").exists() and not (filled.data_dir / "jahat.txt").exists()
    assert not list((filled.data_dir / "cadangan").glob("sebelum-pemulihan-*"))


@pytest.mark.parametrize("content", [b"", b"bukan zip", b"PK\x03\x04terpotong"])
def test_not_a_backup(cli, workspace, tmp_path, content):
    path = tmp_path / "x.zip"
    path.write_bytes(content)
    status, _out, err = cli("--data-dir", workspace.data_dir, "restore", path)
    assert status == 2 and "bukan berkas cadangan Pandu SOP" in err
    status, _out, err = cli("--data-dir", workspace.data_dir, "restore", tmp_path / "tiada.zip")
    assert status == 2 and "tidak ada" in err


def test_restore_waits_for_the_window_to_be_closed(cli, filled, tmp_path):
    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    with acquire(filled.data_dir):  # the window has the data open
        status, _out, err = cli("--data-dir", filled.data_dir, "restore", saved)
    assert status == 1 and "sedang dipakai" in err
    status, _out, err = cli("--data-dir", filled.data_dir, "restore", saved)
    assert status == 0, err


def test_a_full_disk_during_restore_leaves_the_data_as_it_was(filled, tmp_path, monkeypatch):
    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    m.Unit.create(position=5, nama="Seksi Sesudah Cadangan")
    for path in (filled.data_dir / "berkas").iterdir():
        path.chmod(0o644)
        path.unlink()
    before = _fingerprint(filled.data_dir)
    real = archive.extract_member
    calls = []

    def full(zf, name, expected, target, path):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(zf, name, expected, target, path)

    monkeypatch.setattr(restore, "extract_member", full)
    with pytest.raises(StorageError, match="Disk penuh"):
        restore.restore(filled.data_dir, saved, filled.workspace.database)
    assert _fingerprint(filled.data_dir) == before
    assert m.Unit.select().where(m.Unit.nama == "Seksi Sesudah Cadangan").exists()
    assert not list(filled.data_dir.glob(".pemulihan-*"))


def test_a_damaged_database_can_still_be_restored(filled, tmp_path):
    import desktop_app.cli.restore as restore_cli

    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    data = filled.data_dir
    filled.workspace.close()
    (data / "pandu.sqlite3").write_bytes(b"bukan basis data " * 500)
    (data / "pandu.sqlite3-wal").unlink(missing_ok=True)
    (data / "pandu.sqlite3-shm").unlink(missing_ok=True)

    class Args:
        file = saved
        other_office = False

    assert restore_cli.run_on_folder(Args, data) == 0
    damaged = next((data / "cadangan").glob("rusak-*"))
    assert (damaged / "pandu.sqlite3").read_bytes().startswith(b"bukan basis data")
    workspace = open_workspace(data)
    try:
        assert check_data(data).ok
        assert m.Run.select().count() == 1
    finally:
        workspace.close()


def test_restore_refuses_a_backup_whose_database_is_damaged(workspace, tmp_path):
    saved = backup.create_backup(workspace.data_dir, tmp_path / "b.zip").path

    def damage(manifest, members):
        db = bytearray(members["pandu.sqlite3"])
        db[4096 * 2:4096 * 3] = b"\xff" * 4096  # a whole page of rubbish
        members["pandu.sqlite3"] = bytes(db)
        manifest["members"]["pandu.sqlite3"] = _entry(bytes(db))

    bad = _rewrite(saved, tmp_path / "rusak.zip", damage)
    with pytest.raises(InvalidInput, match="rusak"):
        restore.restore(workspace.data_dir, bad, workspace.database)


def test_restore_without_the_window_database(data_dir, tmp_path, valid_sop):
    """The command line's own path (`run_on_folder`): no workspace, its own connection."""
    import contextlib
    import io

    import desktop_app.cli.restore as restore_cli

    path, sop, sop_id, stored = _first_version_backup(tmp_path, valid_sop)
    open_workspace(data_dir).close()

    class Args:
        file = path
        other_office = False

    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert restore_cli.run_on_folder(Args, data_dir) == 0
    assert "Data dipulihkan" in out.getvalue()
    workspace = open_workspace(data_dir)
    try:
        assert applied_migrations(workspace.database) == ALL_MIGRATIONS
        assert library.get_sop(sop_id) == sop
        assert (data_dir / stored.relative_path).exists()
        assert check_data(data_dir).ok
    finally:
        workspace.close()
