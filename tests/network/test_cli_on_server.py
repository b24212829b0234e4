"""`pandu --db postgresql://... COMMAND`: the commands reach the server's database, so two PCs
(two data folders) see the same office."""

from __future__ import annotations

import subprocess
import sys

import pytest
import tomli_w


def pandu(data_dir, url, *args):
    return subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir),
                           "--db", url, *map(str, args)], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def server_url(pg_server):
    return pg_server.url(pg_server.create_database())  # empty: the first command migrates it


def test_two_pcs_see_one_library_through_the_server(server_url, tmp_path, valid_sop):
    first, second = tmp_path / "pc-sekretariat", tmp_path / "pc-camat"
    listed = pandu(first, server_url, "sop", "list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.strip().splitlines()) == 6  # the templates, installed once

    source = tmp_path / "renja.pandu-sop.toml"
    source.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    imported = pandu(first, server_url, "sop", "import", source)
    assert imported.returncode == 0, imported.stderr
    new_id = int(imported.stdout.strip())

    other = pandu(second, server_url, "sop", "list")
    assert other.returncode == 0, other.stderr
    assert len(other.stdout.strip().splitlines()) == 7  # not installed a second time
    assert f"{new_id}\t800/12/2023\t" in other.stdout
    assert not (first / "pandu.sqlite3").exists() and not (second / "pandu.sqlite3").exists()

    checked = pandu(second, server_url, "check")
    assert checked.returncode == 0, checked.stdout
    assert "Basis data: baik." in checked.stdout


def test_backup_and_restore_say_what_to_use_instead(server_url, tmp_path):
    result = pandu(tmp_path / "pc", server_url, "backup")
    assert result.returncode == 1 and "pg_dump" in result.stderr
    assert "Traceback" not in result.stderr
    result = pandu(tmp_path / "pc", server_url, "restore", tmp_path / "x.zip")
    assert result.returncode == 1 and "pg_restore" in result.stderr


def test_bad_or_unreachable_server_is_said_in_indonesian(tmp_path, pg_server):
    result = pandu(tmp_path / "pc", "pandu.sqlite3", "sop", "list")
    assert result.returncode == 2 and "--db perlu alamat PostgreSQL" in result.stderr
    closed = f"postgresql://pandu@127.0.0.1:{pg_server.port + 1}/pandu"
    result = pandu(tmp_path / "pc", closed, "sop", "list")
    assert result.returncode == 1, result.stderr
    assert "tidak dapat dihubungi" in result.stderr and "Traceback" not in result.stderr
