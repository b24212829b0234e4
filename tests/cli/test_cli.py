"""The `pandu` command line, driven as a subprocess and in-process, per cli.md."""

from __future__ import annotations

import subprocess
import sys

import pytest
import tomli_w

from desktop_app.cli import main
from desktop_app.sop.sopfile import read_sop_file


def pandu(data_dir, *args):
    return subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir),
                           *map(str, args)], capture_output=True, text=True, timeout=60)


def test_new_data_folder_lists_the_six_templates(data_dir):
    result = pandu(data_dir, "sop", "list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 6
    names = " ".join(lines)
    assert "Evaluasi Kinerja Tahunan" in names and "Renja" in names
    for line in lines:
        sop_id, _nomor, _nama, steps = line.split("\t")
        assert int(sop_id) > 0 and int(steps) > 0


def test_import_then_export_gives_it_back(data_dir, tmp_path, valid_sop):
    source = tmp_path / "renja.pandu-sop.toml"
    source.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    result = pandu(data_dir, "sop", "import", source)
    assert result.returncode == 0, result.stderr
    new_id = int(result.stdout.strip())
    out = tmp_path / "out.pandu-sop.toml"
    assert pandu(data_dir, "sop", "export", new_id, "-o", out).returncode == 0
    # An equivalent file: the same SOP once read (defaults such as simbol may be spelt out).
    assert read_sop_file(out) == read_sop_file(source)
    assert f"{new_id}\t800/12/2023\t" in pandu(data_dir, "sop", "list").stdout


def test_invalid_file_is_refused_by_the_subprocess(data_dir, tmp_path, valid_sop):
    before = pandu(data_dir, "sop", "list").stdout
    valid_sop["langkah"][3]["pelaksana"] = "sekcam"
    bad = tmp_path / "bad.toml"
    bad.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    result = pandu(data_dir, "sop", "import", bad)
    assert result.returncode == 2
    assert 'langkah 4: pelaksana "sekcam" tidak ada di daftar pelaksana' in result.stderr
    assert "Traceback" not in result.stderr
    assert pandu(data_dir, "sop", "list").stdout == before


INVALID = {
    "unknown key": lambda d: d["langkah"][0].update(durasi="1 jam"),
    "missing nama": lambda d: d["identitas"].pop("nama"),
    "undeclared lane": lambda d: d["langkah"][1].update(pelaksana="sekcam"),
    "jika outside": lambda d: d["langkah"][2].update(jika_tidak=40),
    "waktu": lambda d: d["langkah"][1].update(waktu="sebentar"),
    "jika on process": lambda d: d["langkah"][1].update(jika_tidak=1),
    "dokumen": lambda d: d["langkah"][1].update(dokumen="memo"),
}


@pytest.mark.parametrize("mutate", INVALID.values(), ids=INVALID.keys())
def test_each_invalid_file_changes_nothing(workspace, tmp_path, capsys, valid_sop, mutate):
    from desktop_app.sop.library import list_sops

    before = list_sops()
    mutate(valid_sop)
    bad = tmp_path / "bad.toml"
    bad.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    assert main(["--data-dir", str(workspace.data_dir), "sop", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pandu: ") and ("langkah" in err or "identitas" in err)
    assert list_sops() == before


@pytest.mark.parametrize("content", [b"", b"bukan = [toml", b"\x00\x01\x02\xff" * 50])
def test_empty_non_toml_and_binary_files(workspace, tmp_path, capsys, content):
    from desktop_app.sop.library import list_sops

    before = list_sops()
    bad = tmp_path / "x.toml"
    bad.write_bytes(content)
    assert main(["--data-dir", str(workspace.data_dir), "sop", "import", str(bad)]) == 2
    assert "pandu: x.toml" in capsys.readouterr().err
    assert list_sops() == before


def test_missing_file_and_unknown_id(workspace, tmp_path, capsys):
    base = ["--data-dir", str(workspace.data_dir), "sop"]
    assert main([*base, "import", str(tmp_path / "tidak-ada.toml")]) == 2
    assert "tidak dapat dibuka" in capsys.readouterr().err
    assert main([*base, "export", "999", "-o", str(tmp_path / "x.toml")]) == 2
    assert "SOP dengan id 999 tidak ada" in capsys.readouterr().err


def test_bad_usage_exits_2_in_indonesian(capsys, data_dir):
    assert main(["--data-dir", str(data_dir), "sop", "hapus-semua"]) == 2
    assert "Perintah tidak dapat dipahami" in capsys.readouterr().err


def test_version(capsys):
    assert main(["--version"]) == 0
    assert "Pandu SOP" in capsys.readouterr().out


def test_pandu_home_is_the_default_data_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    env_run = subprocess.run([sys.executable, "-m", "desktop_app", "sop", "list"],
                             capture_output=True, text=True, timeout=60,
                             env={**__import__("os").environ, "PANDU_HOME": str(home)})
    assert env_run.returncode == 0, env_run.stderr
    assert (home / "pandu.sqlite3").exists()
