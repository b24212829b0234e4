"""A lost database is reported, not replaced: a data folder with the office's files but no
(or an empty) pandu.sqlite3 stops with the newest backup to restore; `pandu check` calls it
damage; restoring that backup brings the office back."""

from __future__ import annotations

import pytest

from desktop_app.safety import backup
from desktop_app.safety.lost_database import LostDatabase
from desktop_app.workspace import open_workspace


def _lose(filled, empty: bool):
    data = filled.data_dir
    filled.workspace.close()
    for suffix in ("", "-wal", "-shm"):
        (data / f"pandu.sqlite3{suffix}").unlink(missing_ok=True)
    if empty:
        (data / "pandu.sqlite3").write_bytes(b"")
    return data


@pytest.mark.parametrize("empty", [False, True], ids=["hilang", "kosong"])
def test_a_lost_database_is_reported_with_the_newest_backup(filled, cli, empty):
    older = backup.auto_backup(filled.data_dir).path
    newest = backup.copy_to_folder(filled.data_dir, filled.data_dir / "cadangan").path
    older.touch()
    import os

    os.utime(older, (1, 1))  # the copy is the newest
    data = _lose(filled, empty)
    with pytest.raises(LostDatabase) as raised:
        open_workspace(data)
    assert raised.value.newest_backup == newest
    assert str(newest) in str(raised.value) and "pandu restore" in str(raised.value)
    assert ("kosong (0 bita)" in str(raised.value)) == empty
    assert (data / "pandu.sqlite3").exists() == empty  # nothing was created

    status, out, err = cli("--data-dir", data, "check")
    assert status == 1 and str(newest) in out
    status, _out, err = cli("--data-dir", data, "sop", "list")
    assert status == 1 and "pandu restore" in err
    assert (data / "pandu.sqlite3").exists() == empty

    status, out, err = cli("--data-dir", data, "restore", newest)
    assert status == 0, err
    status, out, _err = cli("--data-dir", data, "check")
    assert status == 0, out


def test_only_stored_files_left_is_reported_too(filled):
    data = _lose(filled, False)
    import shutil

    shutil.rmtree(data / "cadangan", ignore_errors=True)
    with pytest.raises(LostDatabase, match="flashdisk"):
        open_workspace(data)


def test_a_new_folder_is_still_a_new_office(tmp_path):
    open_workspace(tmp_path / "baru").close()
    assert (tmp_path / "baru" / "pandu.sqlite3").stat().st_size > 0


def test_a_data_folder_path_too_long_says_what_is_wrong(tmp_path, cli):
    deep = tmp_path.joinpath(*["folder-data-kecamatan-ngargoyoso"] * 14)
    assert len(str(deep)) > 400
    status, _out, err = cli("--data-dir", deep, "sop", "list")
    assert status == 1 and "terlalu panjang" in err and "karakter" in err
    assert not deep.exists()
