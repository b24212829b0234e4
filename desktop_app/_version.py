"""The app's version, read from its one home: `[project] version` in pyproject.toml.

A checkout reads pyproject.toml beside the package; the frozen app reads the copy the
PyInstaller spec bundles at the same place (sys._MEIPASS); a regular pip install, which has no
pyproject.toml beside the package, falls back to the installed distribution's metadata.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

DISTRIBUTION = "pandu-sop"
UNKNOWN = "0.0.0"


def project_version(root: Path) -> str | None:
    """`[project] version` of root/pyproject.toml when it is this project's, else None."""
    try:
        with open(root / "pyproject.toml", "rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != DISTRIBUTION:
        return None
    found = project.get("version")
    return found if isinstance(found, str) else None


def find_version() -> str:
    root = Path(__file__).resolve().parent.parent  # the checkout, or sys._MEIPASS when frozen
    found = project_version(root)
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN
