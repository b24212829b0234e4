"""A full disk or a read-only data folder: a clear Indonesian message, and nothing saved
before is lost (SQLite rolls the failed change back)."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest
import tomli_w
from peewee import OperationalError

from db import models as m
from desktop_app.safety import archive
from desktop_app.safety.integrity import check_data
from desktop_app.safety.storage import StorageError, ensure_writable, storage_error
from desktop_app.sop import library
from desktop_app.sop.sopfile import sop_from_dict
from tests.factories import generated_sop


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "Disk penuh"), (errno.EROFS, "tidak dapat ditulisi"),
    (errno.EACCES, "tidak dapat ditulisi"), (errno.ENOENT, "flashdisk dicabut")])
def test_os_errors_in_plain_words(code, words, tmp_path):
    message = str(storage_error(OSError(code, os.strerror(code)), tmp_path))
    assert words in message and str(tmp_path) in message


def test_other_errors_are_not_storage_errors():
    assert storage_error(ValueError("x")) is None
    assert storage_error(sqlite3.IntegrityError("UNIQUE constraint failed")) is None


def test_a_full_disk_while_saving_loses_nothing(workspace, tmp_path, valid_sop):
    db = workspace.database
    source = tmp_path / "sop.pandu-sop.toml"
    source.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    before = library.import_sop(source)
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up now
    big = generated_sop(steps=100, lanes=8, seed=3)
    try:
        with pytest.raises(OperationalError) as caught:
            for _ in range(20):
                library.add_sop(big)
        message = str(storage_error(caught.value, workspace.data_dir))
    finally:
        db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert message.startswith("Disk penuh") and "tetap aman" in message
    assert library.get_sop(before) == sop_from_dict(valid_sop)
    revisions = m.SopRevision.select().count()
    steps = m.Step.select().count()
    assert steps == sum(len(library.get_sop(s.id).langkah) for s in library.list_sops())
    assert revisions == m.Sop.select().count()  # no SOP half saved
    assert check_data(workspace.data_dir).ok


def test_a_read_only_database_gives_a_clear_message(workspace):
    db = workspace.database
    db.execute_sql("PRAGMA query_only = 1")  # as SQLite does for a read-only file
    try:
        with pytest.raises(OperationalError) as caught:
            m.Unit.create(position=1, nama="Seksi Baru")
    finally:
        db.execute_sql("PRAGMA query_only = 0")
    message = str(storage_error(caught.value, workspace.data_dir))
    assert "tidak dapat ditulisi" in message and str(workspace.data_dir) in message
    assert not m.Unit.select().where(m.Unit.nama == "Seksi Baru").exists()


def test_ensure_writable_names_the_problem(tmp_path, monkeypatch):
    ensure_writable(tmp_path / "baru")  # created, probed, left clean
    assert list((tmp_path / "baru").iterdir()) == []
    real_open = os.open

    def full(path, flags, *args):
        if ".tulis-uji-" in str(path):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", full)
    with pytest.raises(StorageError, match="Disk penuh"):
        ensure_writable(tmp_path)


def test_a_read_only_folder_for_real(read_only_folder, cli, workspace):
    with pytest.raises(StorageError, match="tidak dapat ditulisi"):
        ensure_writable(read_only_folder)
    status, _out, err = cli("--data-dir", workspace.data_dir, "backup", "-o",
                            read_only_folder / "b.zip")
    assert status == 1 and "tidak dapat ditulisi" in err
    assert list(read_only_folder.iterdir()) == []


def test_pandu_backup_to_a_read_only_place(cli, workspace, tmp_path, monkeypatch):
    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(archive.zipfile, "ZipFile", refuse)
    status, _out, err = cli("--data-dir", workspace.data_dir, "backup", "-o",
                            tmp_path / "b.zip")
    assert status == 1
    assert "tidak dapat ditulisi" in err and "Traceback" not in err
    assert not list(tmp_path.glob("*b.zip*"))
