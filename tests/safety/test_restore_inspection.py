"""Restore inspects what it installs: crafted backups (built here, each passing every archive
check) whose database lies, breaks the app's rules or belongs to another office are refused
with the data unchanged; stored files are never written over other content or through a
link; two restores in one second keep both safety copies."""

from __future__ import annotations

import os
import sqlite3
import zipfile

import pytest

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.office.settings import set_settings
from desktop_app.safety import backup, restore
from desktop_app.safety.archive import verify_archive
from desktop_app.safety.inspection import inspect_backup
from tests.safety.test_restore import _entry, _fingerprint, _rewrite, craft


@pytest.fixture
def saved(filled, tmp_path):
    return backup.create_backup(filled.data_dir, tmp_path / "asli.zip").path


def _refused(cli, filled, path, *words):
    """Refused from the command line and from the window's path, nothing changed."""
    before = _fingerprint(filled.data_dir)
    status, out, err = cli("--data-dir", filled.data_dir, "restore", path)
    assert status == 2, (out, err)
    for word in words:
        assert word in out + err, (out, err)
    with pytest.raises(InvalidInput):
        restore.restore(filled.data_dir, path, filled.workspace.database, other_office=True)
    assert _fingerprint(filled.data_dir) == before
    assert not list((filled.data_dir / "cadangan").glob("sebelum-pemulihan-*"))
    return inspect_backup(path, filled.data_dir)


def test_a_dropped_unique_index_is_refused(filled, saved, tmp_path, cli):
    bad = craft(saved, tmp_path / "indeks.zip", "DROP INDEX outgoing_letter_year_sequence")
    summary = _refused(cli, filled, bad, "outgoing_letter_year_sequence", "tidak ada")
    assert summary.refused and not summary.newer
    assert any("tidak dapat dipulihkan" in line for line in summary.lines())


def test_a_missing_table_is_refused(filled, saved, tmp_path, cli):
    bad = craft(saved, tmp_path / "tabel.zip", "DROP TABLE archive_dirty")
    _refused(cli, filled, bad, "tabel archive_dirty tidak ada")


def test_an_extra_trigger_is_refused(filled, saved, tmp_path, cli):
    bad = craft(saved, tmp_path / "pemicu.zip",
                "CREATE TRIGGER diam AFTER INSERT ON outgoing_letter BEGIN "
                "DELETE FROM audit_entry; END")
    _refused(cli, filled, bad, "pemicu (trigger) diam", "tidak dibuat oleh Pandu SOP")


def test_an_empty_sqlite_file_that_is_not_pandu_is_refused(filled, saved, tmp_path, cli):
    def empty(manifest, members):
        scratch = tmp_path / "kosong.sqlite3"
        sqlite3.connect(scratch).close()
        members["pandu.sqlite3"] = scratch.read_bytes()
        manifest["members"]["pandu.sqlite3"] = _entry(members["pandu.sqlite3"])

    bad = _rewrite(saved, tmp_path / "kosong.zip", empty)
    _refused(cli, filled, bad, "bukan basis data Pandu SOP")


def test_a_future_migration_row_is_refused(filled, saved, tmp_path, cli):
    bad = craft(saved, tmp_path / "masa-depan.zip",
                "INSERT INTO schema_migration (name, applied) VALUES ('9999_x', '2030-01-01')")
    summary = _refused(cli, filled, bad, "lebih baru")
    assert summary.newer


def test_broken_references_and_audit_chain_are_refused(filled, saved, tmp_path, cli):
    orphan = craft(saved, tmp_path / "rujukan.zip",
                   "PRAGMA foreign_keys=OFF; UPDATE run SET created_by_id = 999")
    _refused(cli, filled, orphan, "merujuk ke data yang tidak ada", "run")
    audit = craft(saved, tmp_path / "audit.zip",
                  "UPDATE audit_entry SET detail = 'diubah' WHERE id = 1")
    _refused(cli, filled, audit, "jejak audit", "telah diubah")


def test_the_preview_reads_the_database_not_the_manifest(filled, saved, tmp_path):
    def lie(manifest, _members):
        manifest["office"] = "KANTOR PALSU"
        manifest["counts"] = {"sop": 999, "proses": 999, "naskah": 999, "berkas": 999}

    lying = _rewrite(saved, tmp_path / "bohong.zip", lie)
    summary = inspect_backup(lying, filled.data_dir)
    assert summary.office == "KECAMATAN NGARGOYOSO"
    assert summary.counts == {"sop": m.Sop.select().where(m.Sop.archived_at.is_null()).count(),
                              "proses": 1, "naskah": 1, "berkas": 3}
    assert "KANTOR PALSU" not in "\n".join(summary.lines())
    assert not summary.refused


def test_another_offices_backup_needs_confirmation(filled, saved, tmp_path, cli):
    other = craft(saved, tmp_path / "lain.zip",
                  "UPDATE office_setting SET value = 'KECAMATAN JENAWI' "
                  "WHERE key = 'nama_kantor'")
    before = _fingerprint(filled.data_dir)
    summary = inspect_backup(other, filled.data_dir)
    assert summary.other_office and not summary.refused
    assert summary.current_office == "KECAMATAN NGARGOYOSO"
    assert any("milik kantor lain" in line for line in summary.lines())
    status, _out, err = cli("--data-dir", filled.data_dir, "restore", other)
    assert status == 2 and "KECAMATAN JENAWI" in err and "--kantor-lain" in err
    with pytest.raises(InvalidInput, match="milik"):
        restore.restore(filled.data_dir, other, filled.workspace.database)
    assert _fingerprint(filled.data_dir) == before
    filled.workspace.close()
    status, out, err = cli("--data-dir", filled.data_dir, "restore", "--kantor-lain", other)
    assert status == 0, err
    assert inspect_backup(saved, filled.data_dir).current_office == "KECAMATAN JENAWI"


def test_a_member_named_like_a_stored_file_with_other_bytes_is_refused(filled, saved,
                                                                        tmp_path, cli):
    signed = filled.pdf
    signed.chmod(0o444)
    name = f"berkas/{signed.name}"
    other = b"%PDF-1.4\n% surat palsu\n"

    def forge(manifest, members):
        members[name] = other
        manifest["members"][name] = _entry(other)

    bad = _rewrite(saved, tmp_path / "palsu.zip", forge)
    verify_archive(bad)  # every hash in the manifest is right: only the name lies
    original = signed.read_bytes()
    _refused(cli, filled, bad, "tidak sesuai dengan namanya")
    assert signed.read_bytes() == original


def test_a_damaged_stored_file_is_reported_not_overwritten(filled, saved, tmp_path):
    filled.attachment.write_bytes(b"rusak")
    result = restore.restore(filled.data_dir, saved, filled.workspace.database)
    assert filled.attachment.read_bytes() == b"rusak"
    assert any(filled.attachment.name in w and "tidak ditimpa" in w for w in result.warnings)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_restore_never_writes_through_a_planted_link(filled, saved, tmp_path, cli):
    outside = tmp_path / "luar.pdf"
    outside.write_bytes(b"di luar folder data")
    filled.pdf.unlink()
    filled.pdf.symlink_to(outside)
    status, _out, err = cli("--data-dir", filled.data_dir, "restore", saved)
    assert status == 1 and "tautan" in err
    assert outside.read_bytes() == b"di luar folder data" and filled.pdf.is_symlink()
    # a link for the whole folder
    filled.pdf.unlink()
    files = filled.data_dir / "berkas"
    files.rename(tmp_path / "berkas-asli")
    files.symlink_to(tmp_path / "berkas-asli")
    status, _out, err = cli("--data-dir", filled.data_dir, "restore", saved)
    assert status == 1 and "tautan" in err
    assert not (tmp_path / "berkas-asli" / filled.pdf.name).exists()


def test_two_restores_in_one_second_keep_both_safety_copies(filled, saved, tmp_path):
    from datetime import datetime

    db, data = filled.workspace.database, filled.data_dir
    second = datetime(2026, 11, 24, 2, 0, 0)
    m.Unit.create(position=9, nama="Seksi Asli")
    first = restore.restore(data, saved, db, now=second)
    again = restore.restore(data, saved, db, now=second)
    assert first.safety_backup != again.safety_backup
    with zipfile.ZipFile(first.safety_backup) as zf:
        (tmp_path / "asli.sqlite3").write_bytes(zf.read("pandu.sqlite3"))
    with sqlite3.connect(tmp_path / "asli.sqlite3") as con:
        assert con.execute("SELECT COUNT(*) FROM unit WHERE nama = 'Seksi Asli'").fetchone() \
            == (1,)
    verify_archive(first.safety_backup)
    verify_archive(again.safety_backup)


def test_restore_refuses_to_start_when_the_safety_copy_fails(filled, saved, monkeypatch):
    from desktop_app.common.errors import InvalidInput as Bad

    before = _fingerprint(filled.data_dir)

    def unreadable(path):
        raise Bad("rusak")

    monkeypatch.setattr(backup, "verify_archive", unreadable)
    with pytest.raises(Exception, match="Cadangan pengaman"):
        restore.restore(filled.data_dir, saved, filled.workspace.database)
    assert _fingerprint(filled.data_dir) == before


def test_office_name_change_is_not_another_office(filled, saved):
    set_settings({"nama_kantor": "  kecamatan   ngargoyoso "})
    assert not inspect_backup(saved, filled.data_dir).other_office
