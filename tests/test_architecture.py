"""The Qt-free core stays Qt-free: importing it must not load PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop_app

CORE = [name for _finder, name, _pkg in pkgutil.walk_packages(desktop_app.__path__, "desktop_app.")
        if not name.startswith(("desktop_app.gui", "desktop_app.app", "desktop_app.__main__"))]


def test_core_does_not_import_qt():
    code = ("import sys\n"
            + "".join(f"import {name}\n" for name in CORE)
            + "import db.database, db.models\n"
            + "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            + "print(bad); sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_gui_imports_pyside6():
    from pathlib import Path

    root = Path(desktop_app.__file__).parent
    offenders = [str(p) for p in root.rglob("*.py")
                 if "PySide6" in p.read_text(encoding="utf-8")
                 and "gui" not in p.relative_to(root).parts and p.name != "app.py"]
    assert offenders == []


def test_widgets_never_query_the_database():
    """The window calls services; it never imports the models (no lazy queries on its thread)."""
    from pathlib import Path

    gui = Path(desktop_app.__file__).parent / "gui"
    offenders = [p.name for p in gui.glob("*.py")
                 if any(line.startswith(("from db", "import db"))
                        for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
