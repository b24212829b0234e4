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


# The layers (README "Layout"): a floor never imports what stands on it.
AREAS = ("sop", "flowchart", "runs", "naskah", "forms", "expedition", "archive", "office",
         "safety", "signing")
LAYER_RULES = {
    # package: (what it must not import, why)
    "common": (AREAS + ("render", "gui", "cli", "app", "workspace"), "the bottom floor"),
    "render": (AREAS + ("gui", "cli", "app", "workspace"), "shared renderers know no area"),
    "office": (("runs", "naskah", "gui", "cli", "app"), "the office is below its processes"),
    "signing": (("runs", "naskah", "sop", "safety", "gui", "cli", "app"),
                "keys and signatures know no document area; the areas call them"),
}


def _imports_by_package():
    import ast
    from pathlib import Path

    root = Path(desktop_app.__file__).parent
    found: dict[str, set[tuple[str, str]]] = {}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root)
        package = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "desktop_app" and len(parts) > 1 and parts[1] != package:
                    found.setdefault(package, set()).add((parts[1], str(rel)))
    return found


def test_lower_floors_never_import_higher_ones():
    offenders = [f"{where} imports {target} ({why})"
                 for package, (forbidden, why) in LAYER_RULES.items()
                 for target, where in sorted(_imports_by_package().get(package, ()))
                 if target in forbidden]
    assert offenders == []


def test_only_the_entry_points_import_the_gui():
    offenders = [f"{where} imports gui"
                 for package, imports in _imports_by_package().items()
                 if package not in ("gui", "app", "cli")
                 for target, where in sorted(imports) if target == "gui"]
    assert offenders == []


def test_areas_never_import_the_entry_points():
    offenders = [f"{where} imports {target}"
                 for package, imports in _imports_by_package().items()
                 if package in AREAS + ("common", "render")
                 for target, where in sorted(imports) if target in ("cli", "app")]
    assert offenders == []
