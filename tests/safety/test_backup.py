"""Backups: one zip with an online copy of the database, the office's files and a manifest of
hashes; automatic ones rotated; copies to a flash disk checked by reading them back."""

from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
import zipfile
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.safety import archive, backup, rotation
from desktop_app.safety.storage import StorageError


def test_a_backup_holds_the_database_the_files_and_a_manifest_of_hashes(filled, tmp_path):
    target = tmp_path / "cadangan.zip"
    info = backup.create_backup(filled.data_dir, target)

    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        for name, entry in manifest["members"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == entry["sha256"]
        db_copy = tmp_path / "copy.sqlite3"
        db_copy.write_bytes(zf.read("pandu.sqlite3"))
    stored = {f"berkas/{p.name}" for p in (filled.data_dir / "berkas").iterdir()}
    assert names == {"manifest.json", "pandu.sqlite3"} | stored
    assert {filled.attachment.name, filled.logo.name, filled.pdf.name} <= {
        n.split("/")[1] for n in stored}
    assert manifest["format"] == "pandu-cadangan/1"
    assert manifest["counts"] == {"sop": m.Sop.select().count(), "proses": 1, "naskah": 1,
                                  "berkas": 3}
    assert manifest["office"] == "KECAMATAN NGARGOYOSO"
    assert manifest["schema"][-1] == info.manifest.schema[-1]
    with sqlite3.connect(db_copy) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # self-contained
        assert copy.execute("SELECT COUNT(*) FROM attachment").fetchone()[0] == 1
    assert "1 proses" in info.summary() and "3 berkas" in info.summary()
    assert archive.verify_archive(target).counts["berkas"] == 3


def test_the_copy_is_consistent_while_another_program_is_writing(filled, tmp_path):
    """Online backup: a transaction not yet committed elsewhere is simply not in it."""
    writer = sqlite3.connect(filled.data_dir / "pandu.sqlite3", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO unit (position, nama) VALUES (9, 'Seksi Belum Tersimpan')")
    try:
        backup.create_backup(filled.data_dir, tmp_path / "b.zip")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        (tmp_path / "c.sqlite3").write_bytes(zf.read("pandu.sqlite3"))
    with sqlite3.connect(tmp_path / "c.sqlite3") as copy:
        assert copy.execute("SELECT COUNT(*) FROM unit WHERE nama LIKE 'Seksi Belum%'"
                            ).fetchone()[0] == 0


def test_leftovers_and_foreign_files_are_not_backed_up(workspace, tmp_path):
    folder = workspace.data_dir / "berkas"
    folder.mkdir()
    (folder / ("a" * 64 + ".pdf.tmp")).write_bytes(b"half written")
    (folder / "catatan pribadi.txt").write_text("bukan berkas kantor")
    info = backup.create_backup(workspace.data_dir, tmp_path / "b.zip")
    assert info.manifest.files == []


def test_automatic_backups_once_a_day_and_on_close(workspace):
    data = workspace.data_dir
    morning = datetime(2026, 3, 2, 1, 0)  # 08.00 WIB
    assert backup.backup_due(data, morning)
    first = backup.auto_backup(data, morning)
    assert first.path.parent == data / "cadangan"
    assert first.path.name == "otomatis-20260302-080000.zip"
    assert not backup.backup_due(data, morning + timedelta(hours=8))
    assert backup.backup_due(data, morning + timedelta(days=1))
    backup.auto_backup(data, morning + timedelta(hours=8))  # closing the window
    backup.auto_backup(data, morning + timedelta(days=1))
    names = sorted(p.name for p in (data / "cadangan").glob("otomatis-*.zip"))
    # the same day keeps its newest backup only
    assert names == ["otomatis-20260302-160000.zip", "otomatis-20260303-080000.zip"]
    assert backup.last_backup(data) == datetime(2026, 3, 3, 8, 0)


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    start = datetime(2025, 1, 1, 9, 0)
    for day in range(500):
        for hour in (0, 7):
            stamp = start + timedelta(days=day, hours=hour)
            (tmp_path / rotation.auto_name(stamp)).write_bytes(b"")
    (tmp_path / "sebelum-pemulihan-20250101-090000.zip").write_bytes(b"")
    rotation.rotate(tmp_path)
    kept = sorted(s for s, _ in rotation.automatic_backups(tmp_path))
    newest = start + timedelta(days=499, hours=7)
    assert kept[-1] == newest
    assert [s.date() for s in kept[-7:]] == [newest.date() - timedelta(days=d)
                                             for d in range(6, -1, -1)]
    months = {(s.year, s.month) for s in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert (tmp_path / "sebelum-pemulihan-20250101-090000.zip").exists()  # never rotated


@settings(max_examples=60, deadline=None)
@given(st.lists(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
                min_size=1, max_size=60))
def test_rotation_policy_properties(stamps):
    kept = rotation.keep(stamps)
    assert max(stamps) in kept
    assert kept <= set(stamps)
    assert len(kept) <= 7 + 4 + 12
    days = {s.date() for s in stamps}
    assert len({s.date() for s in kept}) >= min(7, len(days))
    for day in {s.date() for s in kept}:  # a kept day is represented by its newest backup
        assert max(s for s in stamps if s.date() == day) in kept


def test_copy_to_a_flash_disk_is_read_back(filled, tmp_path):
    flash = tmp_path / "FLASHDISK"
    flash.mkdir()
    info = backup.copy_to_folder(filled.data_dir, flash, datetime(2026, 3, 2, 8, 30))
    assert info.path == flash / "Pandu-SOP-cadangan-2026-03-02-153000.zip"
    assert archive.verify_archive(info.path).counts["proses"] == 1
    assert [p.name for p in flash.iterdir()] == [info.path.name]  # no temporary file left
    with pytest.raises(InvalidInput, match="Pasang flashdisk"):
        backup.copy_to_folder(filled.data_dir, tmp_path / "dicabut")


def test_a_full_disk_leaves_no_half_backup_and_keeps_the_old_ones(filled, tmp_path,
                                                                  monkeypatch):
    good = backup.auto_backup(filled.data_dir)
    before = good.path.read_bytes()
    real_write = zipfile.ZipFile.write

    def full(self, filename, arcname=None, *args, **kwargs):
        if str(arcname).startswith("berkas/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, filename, arcname, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    target = filled.data_dir / "cadangan" / "baru.zip"
    with pytest.raises(StorageError, match="Disk penuh") as caught:
        backup.create_backup(filled.data_dir, target)
    assert "tetap aman" in str(caught.value)
    assert not target.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == [good.path.name]
    assert good.path.read_bytes() == before


def test_pandu_backup(cli, filled, tmp_path):
    target = tmp_path / "kantor.zip"
    status, out, err = cli("--data-dir", filled.data_dir, "backup", "-o", target)
    assert status == 0, err
    assert "Cadangan disimpan" in out and "1 naskah" in out
    assert archive.verify_archive(target).counts["naskah"] == 1

    status, out, _ = cli("--data-dir", filled.data_dir, "backup", "-o", tmp_path)
    assert status == 0 and "Pandu-SOP-cadangan-" in out

    status, out, _ = cli("--data-dir", filled.data_dir, "backup")
    assert status == 0 and "otomatis-" in out
    assert list((filled.data_dir / "cadangan").glob("otomatis-*.zip"))

    status, _, err = cli("--data-dir", filled.data_dir, "backup", "-o",
                         tmp_path / "tidak-ada" / "x.zip")
    assert status == 2 and "tidak ada" in err


def test_backup_warns_about_missing_or_damaged_stored_files(filled, tmp_path, cli):
    """A damaged file would make the backup unrestorable, a missing one is silently absent:
    both are named, and the backup holds only sound files."""
    from desktop_app.safety.archive import verify_archive
    from desktop_app.safety.inspection import inspect_backup

    filled.attachment.unlink()
    filled.pdf.chmod(0o644)
    filled.pdf.write_bytes(b"%PDF-1.4\n% diubah\n")
    status, out, err = cli("--data-dir", filled.data_dir, "backup", "-o", tmp_path)
    assert status == 0, err
    assert "hilang: lampiran \"notulen rapat.pdf\"" in out and filled.attachment.name in out
    assert f"rusak: berkas/{filled.pdf.name} telah berubah" in out
    made = next(tmp_path.glob("Pandu-SOP-cadangan-*.zip"))
    manifest = verify_archive(made)
    assert manifest.files == [f"berkas/{filled.logo.name}"]
    assert not inspect_backup(made, filled.data_dir).refused
