"""One version, from pyproject.toml: the app, `pandu --version`, the Windows programs'
version stamp (which the Inno Setup script reads back) and the installer's file name."""

from __future__ import annotations

import ast
import re
import tomllib

from desktop_app import __version__
from desktop_app._version import find_version, project_version
from desktop_app.cli import main
from installers import build, bundle
from tests.installers.iss_file import ISS, read_iss, setup_value
from tests.installers.spec_dry_run import dry_run

PYPROJECT = tomllib.loads((bundle.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def test_app_version_is_pyprojects():
    assert __version__ == VERSION == find_version() == bundle.project_version()


def test_pandu_version_prints_it(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"Pandu SOP {VERSION}"


def test_windows_programs_are_stamped_with_it(tmp_path, monkeypatch):
    run = dry_run("win32", tmp_path, monkeypatch)
    for exe in run.exes:
        text = (tmp_path / f"version-{exe['name']}.txt").read_text(encoding="utf-8")
        assert exe["version"] == str(tmp_path / f"version-{exe['name']}.txt")
        assert f"StringStruct('ProductVersion', '{VERSION}')" in text
        ast.parse(text)  # PyInstaller evaluates it as a Python expression


def test_setup_script_takes_it_from_the_program_or_the_command_line():
    text = ISS.read_text(encoding="utf-8")
    assert VERSION not in text  # no second copy to forget
    assert re.search(r'#define AppVersion GetStringFileInfo\(AddBackslash\(BundleDir\) \+ '
                     r'AppExeName, "ProductVersion"\)', text)
    defines, sections = read_iss()
    assert defines["AppExeName"] == bundle.exe_name(bundle.GUI_EXE, "win32")
    name = setup_value(sections, "OutputBaseFilename").replace("{#AppVersion}", VERSION)
    assert name == f"PanduSOP-Setup-{VERSION}"
    assert setup_value(sections, "AppVersion") == "{#AppVersion}"


def test_build_passes_it_to_the_setup_compiler(tmp_path, monkeypatch):
    calls = []

    def fake_run(command, **options):
        calls.append(command)
        (tmp_path / f"PanduSOP-Setup-{VERSION}.exe").write_bytes(b"MZ")

    fake_iscc = tmp_path / "ISCC.exe"
    fake_iscc.write_bytes(b"")
    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build.subprocess, "run", fake_run)
    setup = build.make_setup(VERSION, fake_iscc)
    assert setup.name == f"PanduSOP-Setup-{VERSION}.exe"
    assert calls == [[str(fake_iscc), f"/DAppVersion={VERSION}", str(build.ISS)]]


def test_version_numbers_for_windows():
    assert bundle.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert bundle.version_numbers("1.2.3.4.5") == (1, 2, 3, 4)
    assert bundle.version_numbers("2.0.0rc1") == (2, 0, 0, 0)


def test_version_is_read_only_from_this_projects_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\nversion = "9.9"\n')
    assert project_version(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "pandu-sop"\nversion = "9.9"\n')
    assert project_version(tmp_path) == "9.9"
    assert project_version(tmp_path / "missing") is None



def test_version_comes_from_the_project_table_only(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\n\n[project]\nname = "pandu-sop"\n'
        'description = "x"\nversion = "1.2.3"\n\n[tool.other]\nversion = "9.9"\n')
    assert project_version(tmp_path) == "1.2.3"
    (tmp_path / "pyproject.toml").write_text('[tool.x]\nname = "pandu-sop"\nversion = "9"\n')
    assert project_version(tmp_path) is None
