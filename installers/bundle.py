"""What the frozen bundle holds, declared once: names, data files, Qt plug-ins, exclusions.

`pandu.spec` builds from these lists; the tests compare the Inno Setup script with them and,
with PANDU_TEST_DIST=1, the real build. Qt-free and PyInstaller-free, so anything may import it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "PanduSOP"  # the folder in dist/, the windowed program, the installer's name
GUI_EXE = "PanduSOP"
CLI_EXE = "pandu"
CONTENTS = "_internal"  # PyInstaller's folder beside the programs (sys._MEIPASS)
ENTRY_SCRIPT = ROOT / "installers" / "pandu_main.py"
ICON_STEM = "pandu-sop"
ICONS = ROOT / "resources" / "icons"
DESKTOP_FILE = ROOT / "installers" / "linux" / "pandu-sop.desktop"
SOP_SUFFIX = ".pandu-sop.toml"

# (glob relative to ROOT, folder inside CONTENTS). Migrations are files on purpose: peewee's
# Runner globs db/migrations/[0-9]*.py beside db/database.py, frozen or not.
DATA = (
    ("resources/sop/*.pandu-sop.toml", "resources/sop"),
    ("resources/fonts/*.ttf", "resources/fonts"),
    ("resources/fonts/LICENSE-*.txt", "resources/fonts"),
    ("resources/fonts/README.md", "resources/fonts"),
    ("resources/icons/pandu-sop.*", "resources/icons"),
    ("resources/i18n/*.qm", "resources/i18n"),  # Indonesian for Qt's own strings
    ("db/migrations/[0-9]*.py", "db/migrations"),
    ("pyproject.toml", "."),  # the one home of the version (desktop_app/_version.py)
)

# Data inside installed packages that no PyInstaller hook collects: (package, glob in it).
# holidays names the days through gettext; the app asks for Indonesia ("ID") in Indonesian.
PACKAGE_DATA = (
    ("holidays", "locale/*/LC_MESSAGES/ID.mo"),
    # pyphen reads its hyphenation patterns from files; only the Indonesian ones are used
    ("pyphen", "dictionaries/hyph_id_ID.dic"),
)

# Every module of these packages is bundled: the command line imports its plug-in modules by
# name (cli.COMMAND_MODULES), which static analysis cannot follow.
APP_PACKAGES = ("desktop_app", "db")
# The migrations are data files PyInstaller never reads; this is what they import beyond peewee.
HIDDEN_IMPORTS = ("playhouse.migrations",)

# Qt plug-in folders kept; everything else under PySide6/Qt/plugins is dropped.
QT_PLUGIN_DIRS = {
    "platforms",      # the window system; offscreen for `pandu selftest`
    "printsupport",   # the printer list and print dialog (CUPS on Linux)
    "imageformats",   # logos and specimen signatures in JPEG, GIF, ICO, ...
    "styles",         # Windows 11 / Vista look (Windows only; absent on Linux)
}
QT_PLUGINS_DROPPED = (
    # platforms: only the desktop ones and offscreen are used
    "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qwayland", "qdirect2d",
    # imageformats: PDF is rendered with pdfium (pypdfium2), not Qt's PDF module; SVG needs QtSvg
    "qpdf", "qsvg", "qicns", "qtga", "qwbmp", "qtiff",
)
# Libraries left out by name. Qt's software OpenGL (20 MB on Windows) is for OpenGL and Quick
# windows without a graphics driver; widgets paint without OpenGL.
LIBRARIES_DROPPED = ("opengl32sw.dll",)

# Python packages never imported by the app (test tools, alternative bindings, build tools).
EXCLUDES = (
    "tkinter", "_tkinter", "unittest", "pydoc_data", "test", "lib2to3", "IPython",
    "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis", "ruff",
    "pygments",
    "numpy", "matplotlib", "PyQt5", "PyQt6", "PySide2",
    "PIL.ImageQt", "PIL.AvifImagePlugin", "PIL._avif",  # AVIF alone is 5 MB of libavif
    "setuptools", "pkg_resources", "pip", "wheel", "PyInstaller",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDBus", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtXml", "PySide6.QtSvg",
    "PySide6.QtSvgWidgets", "PySide6.QtConcurrent", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
)
# babel's CLDR data is 30 MB for ~1,000 locales; the app formats dates in Indonesian only.
BABEL_LOCALES = ("root", "id", "id_ID", "en", "en_US", "en_001", "en_150")


def project_version() -> str:
    """`[project] version` of pyproject.toml: the installer's name and the exe's version."""
    sys.path.insert(0, str(ROOT))
    try:
        from desktop_app._version import project_version as read
    finally:
        sys.path.remove(str(ROOT))
    found = read(ROOT)
    if not found:
        raise SystemExit(f"no [project] version in {ROOT / 'pyproject.toml'}")
    return found


def exe_name(stem: str, system: str = sys.platform) -> str:
    return stem + ".exe" if system.startswith("win") else stem


def data_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """Every data file as (source, path inside the bundle folder), resolved from DATA."""
    found = []
    for pattern, folder in DATA:
        matches = sorted(root.glob(pattern))
        if not matches:
            raise FileNotFoundError(f"nothing matches {pattern} under {root}")
        for source in matches:
            inside = PurePosixPath(CONTENTS, folder, source.name)
            found.append((source, str(PurePosixPath(*[p for p in inside.parts if p != "."]))))
    return found


def expected_outputs(system: str = sys.platform, root: Path = ROOT) -> set[str]:
    """Files the build puts in dist/PanduSOP/, as POSIX paths: the programs and the data.

    Everything an installer script or the Linux tarball names must be in here.
    """
    outputs = {exe_name(GUI_EXE, system), exe_name(CLI_EXE, system)}
    outputs.update(inside for _source, inside in data_files(root))
    return outputs


def keep_qt_file(dest: str) -> bool:
    """False for Qt plug-ins outside QT_PLUGIN_DIRS and for Qt's translations (no Indonesian)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return False
    if parts[:3] != ("PySide6", "Qt", "plugins") and parts[:2] != ("PySide6", "plugins"):
        return True
    folder = parts[3] if parts[1] == "Qt" else parts[2]
    if folder not in QT_PLUGIN_DIRS:
        return False
    name = parts[-1].removeprefix("lib")
    return not any(name.startswith(dropped + ".") or name == dropped for dropped in
                   QT_PLUGINS_DROPPED)


def keep_babel_file(dest: str) -> bool:
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if parts[:2] != ("babel", "locale-data"):
        return True
    return parts[-1].removesuffix(".dat") in BABEL_LOCALES


def keep(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) is shipped."""
    name = PurePosixPath(dest.replace("\\", "/")).name.lower()
    return keep_qt_file(dest) and keep_babel_file(dest) and name not in LIBRARIES_DROPPED


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0): the numeric block Windows keeps beside the version string."""
    numbers = [int(re.match(r"\d{0,5}", part).group() or 0) for part in version.split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def windows_version_info(version: str, exe: str) -> str:
    """PyInstaller's version-resource file for one Windows program.

    The Inno Setup script reads ProductVersion back from PanduSOP.exe, so the installer's
    name carries the same version as pyproject.toml without a second copy of it.
    """
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "Pandu SOP",
        "FileDescription": "Pandu SOP" if exe == GUI_EXE else "Pandu SOP (baris perintah)",
        "FileVersion": version,
        "InternalName": exe,
        "LegalCopyright": "Lisensi MIT",
        "OriginalFilename": exe_name(exe, "win32"),
        "ProductName": "Pandu SOP",
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({key!r}, {value!r})"
                       for key, value in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,\n"
        "                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"{table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])]),\n"
        "  ],\n"
        ")\n"
    )
