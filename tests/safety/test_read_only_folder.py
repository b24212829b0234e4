"""Degraded but readable: a data folder that cannot be written still lists, prints, verifies
and checks, says plainly that saving is off, and refuses a save with a plain message."""

from __future__ import annotations

import pytest

from desktop_app import workspace as workspace_module
from desktop_app.workspace import open_workspace


def _office_on_a_read_only_disk(filled, monkeypatch):
    """As on a write-protected flash disk: the folder cannot be written (root ignores file
    permissions, so the probe is told so; test_a_real_read_only_folder uses chmod)."""
    from desktop_app.office.settings import set_settings

    data = filled.data_dir
    set_settings({"logo": ""})  # the fixture's logo is no image
    filled.workspace.close()
    monkeypatch.setattr(workspace_module, "_writable", lambda folder: False)
    return data


def test_read_only_folder_still_lists_prints_verifies_and_checks(filled, cli, tmp_path,
                                                                  monkeypatch):
    data = _office_on_a_read_only_disk(filled, monkeypatch)
    ws = open_workspace(data)
    assert ws.read_only and "penyimpanan dimatikan" in ws.read_only_note
    ws.close()
    status, out, err = cli("--data-dir", data, "sop", "list")
    assert status == 0 and "Penyusunan RKT" in out and "hanya dapat dibaca" in err
    status, out, err = cli("--data-dir", data, "sop", "print", "1", "-o", tmp_path / "s.pdf")
    assert status == 0, err
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    status, out, err = cli("--data-dir", data, "check")
    assert status == 0 and "Basis data: baik." in out and "hanya dapat dibaca" in out
    assert "pulihkan" not in out.lower()
    status, out, err = cli("--data-dir", data, "verify", filled.pdf)
    assert "Traceback" not in out + err and status in (0, 1, 2)


def test_a_save_on_a_read_only_folder_is_refused_plainly(filled, cli, tmp_path, monkeypatch,
                                                         valid_sop):
    import tomli_w

    data = _office_on_a_read_only_disk(filled, monkeypatch)
    source = tmp_path / "baru.pandu-sop.toml"
    source.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    status, _out, err = cli("--data-dir", data, "sop", "import", source)
    assert status == 1 and "Traceback" not in err
    assert "hanya dapat dibaca" in err or "tidak dapat ditulisi" in err


def test_a_real_read_only_folder(filled, cli):
    import os

    data = filled.data_dir
    filled.workspace.close()
    for suffix in ("-wal", "-shm"):
        assert not (data / f"pandu.sqlite3{suffix}").exists()
    os.chmod(data, 0o555)
    try:
        if os.access(data, os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        status, out, err = cli("--data-dir", data, "sop", "list")
        assert status == 0 and "hanya dapat dibaca" in err
    finally:
        os.chmod(data, 0o755)
