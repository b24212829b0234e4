"""The app's version, read from its one home: `[project] version` in pyproject.toml.

A checkout reads pyproject.toml beside the package; the frozen app reads the copy the
PyInstaller spec bundles at the same place (sys._MEIPASS); a regular pip install, which has no
pyproject.toml beside the package, falls back to the installed distribution's metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

DISTRIBUTION = "pandu-sop"
UNKNOWN = "0.0.0"


def project_version(root: Path) -> str | None:
    """`[project] version` of root/pyproject.toml when it is this project's, else None."""
    try:
        text = (root / "pyproject.toml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    # Two plain `key = "value"` lines of the [project] table: read without a TOML parser, so
    # that every command starts without importing one (the test compares with tomllib).
    table = re.search(r"^\[project\][ \t]*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    if table is None:
        return None
    fields = dict(re.findall(r'^(name|version)[ \t]*=[ \t]*"([^"\n]*)"', table.group(1), re.M))
    if fields.get("name") != DISTRIBUTION:
        return None
    return fields.get("version")


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
