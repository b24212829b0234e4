"""The PyInstaller spec, the Inno Setup script and the Linux tarball agree on what is built.

The fast tests run the spec with stand-ins for PyInstaller (no build); the `dist` test runs
the real build (PANDU_TEST_DIST=1, about a minute).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from installers import bundle
from tests.installers.iss_file import ISS, app_paths, entries, read_iss, setup_value
from tests.installers.spec_dry_run import dry_run


@pytest.fixture(params=["win32", "linux"])
def spec_run(request, tmp_path, monkeypatch):
    return dry_run(request.param, tmp_path, monkeypatch)


def test_spec_builds_the_two_programs_into_one_folder(spec_run):
    exes = {exe["name"]: exe for exe in spec_run.exes}
    assert set(exes) == {bundle.GUI_EXE, bundle.CLI_EXE}
    assert exes[bundle.GUI_EXE]["console"] is False and exes[bundle.CLI_EXE]["console"] is True
    assert all(exe["exclude_binaries"] for exe in exes.values())  # one folder, not one file
    assert spec_run.collect["name"] == bundle.APP_NAME
    assert Path(exes[bundle.GUI_EXE]["icon"]).is_file()


def test_spec_outputs_are_what_the_installers_expect(spec_run):
    assert spec_run.outputs(project_only=True) == bundle.expected_outputs(spec_run.system)


def test_spec_ships_migrations_as_files_where_the_runner_looks(spec_run):
    from db.database import MIGRATIONS_DIR

    shipped = {Path(name).name for name in spec_run.outputs()
               if name.startswith(f"{bundle.CONTENTS}/db/migrations/")}
    on_disk = {p.name for p in MIGRATIONS_DIR.glob("[0-9]*.py")}
    assert shipped == on_disk and on_disk
    # frozen, db/database.pyc sits in _internal/db/, so with_name("migrations") finds them
    assert MIGRATIONS_DIR.relative_to(bundle.ROOT).as_posix() == "db/migrations"


def test_spec_ships_templates_fonts_with_licences_icons_and_version(spec_run):
    outputs = spec_run.outputs()
    inside = f"{bundle.CONTENTS}/resources"
    assert sum(name.startswith(f"{inside}/sop/") for name in outputs) >= 6
    fonts = {Path(n).name for n in outputs if n.startswith(f"{inside}/fonts/")}
    assert {"LICENSE-DejaVu.txt", "LICENSE-LiberationSans.txt", "README.md"} <= fonts
    assert any(name.endswith(".ttf") for name in fonts)
    assert {f"{inside}/icons/pandu-sop.{ext}" for ext in ("png", "ico", "svg")} <= outputs
    assert f"{bundle.CONTENTS}/pyproject.toml" in outputs
    assert any(dest.startswith("holidays/locale/") for dest, _s, _k in spec_run.datas)


def test_spec_collects_every_app_module_and_excludes_test_tools(spec_run):
    hidden = spec_run.analysis["hiddenimports"]
    assert {"desktop_app", "db", "playhouse.migrations"} <= set(hidden)
    excludes = set(spec_run.analysis["excludes"])
    assert {"pytest", "hypothesis", "tkinter", "PySide6.QtNetwork", "PySide6.QtQml"} <= excludes
    imported_by_app = {"PySide6.QtWidgets", "PySide6.QtPrintSupport", "openpyxl", "reportlab",
                       "pypdfium2", "holidays", "babel", "peewee", "PIL"}
    assert not imported_by_app & excludes


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/imageformats/qjpeg.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/qopensslbackend.dll", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("babel/locale-data/id.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/fr.dat", False),
    ("babel/global.dat", True),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6\\Qt6Widgets.dll", True),
])
def test_only_the_qt_plugins_and_locales_in_use_are_kept(dest, kept):
    assert bundle.keep(dest) is kept


# --- the Inno Setup script -------------------------------------------------------------------

def problems_in_iss(text: str | None = None) -> list[str]:
    """What the script names that the build does not produce (empty when they agree)."""
    defines, sections = read_iss(text)
    produced = bundle.expected_outputs("win32")
    problems = [f"{{app}}\\{path} is not built" for path in sorted(app_paths(sections))
                if path not in produced and not any(p.startswith(path + "/") for p in produced)]
    bundle_dir = re.search(r'#define\s+BundleDir\s+AddBackslash\(SourcePath\)\s*\+\s*"([^"]+)"',
                           text if text is not None else ISS.read_text(encoding="utf-8"))
    if bundle_dir is None:
        return [*problems, "no BundleDir define"]
    folder = (ISS.parent / Path(*PureWindowsPath(bundle_dir.group(1)).parts)).resolve()
    if folder != bundle.ROOT / "dist" / bundle.APP_NAME:
        problems.append(f"BundleDir is {folder}, the build writes dist/{bundle.APP_NAME}")
    for entry in entries(sections.get("Files", [])):
        source = entry.get("Source", "")
        rest = source.removeprefix("{#BundleDir}\\")
        if rest == source:
            problems.append(f"[Files] {source} is not from the bundle")
        elif rest != "*" and rest.replace("\\", "/") not in produced:
            problems.append(f"[Files] {source} is not built")
    for key in ("SetupIconFile", "OutputDir"):
        target = ISS.parent / Path(*PureWindowsPath(setup_value(sections, key)).parts)
        if not target.exists() and key != "OutputDir":
            problems.append(f"{key} {target} does not exist")
    return problems


def test_every_file_the_setup_script_names_is_built():
    assert problems_in_iss() == []
    _defines, sections = read_iss()
    named = app_paths(sections)
    assert {bundle.exe_name(bundle.GUI_EXE, "win32"),
            f"{bundle.CONTENTS}/resources/icons/pandu-sop.ico"} <= named


def test_the_check_notices_a_file_the_build_does_not_make():
    text = ISS.read_text(encoding="utf-8").replace(
        '"{app}\\{#AppExeName}"; Description', '"{app}\\PanduSOPx.exe"; Description')
    assert problems_in_iss(text) == ["{app}\\PanduSOPx.exe is not built"]
    text = ISS.read_text(encoding="utf-8").replace('"{#BundleDir}\\*"', '"{#BundleDir}\\foo.dll"')
    assert problems_in_iss(text) == ["[Files] {#BundleDir}\\foo.dll is not built"]


def test_setup_script_is_indonesian_with_shortcuts_association_and_keeps_data():
    defines, sections = read_iss()
    languages = entries(sections["Languages"])
    assert [lang["Name"] for lang in languages] == ["id"]
    assert "Indonesian.isl" in ISS.read_text(encoding="utf-8")
    icons = entries(sections["Icons"])
    assert {icon["Name"].split("\\")[0] for icon in icons} == {"{autoprograms}", "{autodesktop}"}
    tasks = {task["Name"]: task for task in entries(sections["Tasks"])}
    assert "unchecked" in tasks["associate"].get("Flags", "")
    registry = entries(sections["Registry"])
    assert registry and all(entry.get("Tasks") == "associate" for entry in registry)
    assert any(bundle.SOP_SUFFIX in line for line in sections["CustomMessages"])
    # nothing removes the data folder (platformdirs: %LOCALAPPDATA%\PanduSOP)
    assert "UninstallDelete" not in sections
    deleted = " ".join(sections.get("InstallDelete", []))
    assert "{app}\\" in deleted and "localappdata" not in deleted.lower()
    assert setup_value(sections, "OutputBaseFilename") == f"{bundle.APP_NAME}-Setup-{{#AppVersion}}"


def test_linux_desktop_file_is_valid():
    text = bundle.DESKTOP_FILE.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    values = dict(line.split("=", 1) for line in text.splitlines()[1:] if "=" in line)
    assert values["Type"] == "Application" and values["Terminal"] == "false"
    assert values["Exec"].split()[0] == bundle.GUI_EXE and values["Icon"] == bundle.ICON_STEM
    assert values["Categories"].endswith(";")
    assert (bundle.ICONS / f"{bundle.ICON_STEM}.png").is_file()


# --- the real build --------------------------------------------------------------------------

@pytest.mark.dist
@pytest.mark.timeout(900)
@pytest.mark.skipif(os.environ.get("PANDU_TEST_DIST") != "1",
                    reason="builds the frozen bundle; set PANDU_TEST_DIST=1")
def test_real_build_makes_what_the_installers_name_and_passes_selftest():
    result = subprocess.run([sys.executable, str(bundle.ROOT / "installers" / "build.py")],
                            cwd=bundle.ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    app_dir = bundle.ROOT / "dist" / bundle.APP_NAME
    missing = [name for name in bundle.expected_outputs() if not (app_dir / name).exists()]
    assert missing == []
    assert "GAGAL" not in result.stdout and "Semua pemeriksaan berhasil." in result.stdout
    version = bundle.project_version()
    if not sys.platform.startswith("win"):
        assert list((bundle.ROOT / "dist").glob(f"{bundle.APP_NAME}-{version}-linux-*.tar.gz"))
