"""Where things are: the bundled resources (checkout or frozen app) and the office's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

DATABASE_NAME = "pandu.sqlite3"
ENV_HOME = "PANDU_HOME"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def templates_dir() -> Path:
    return resources_dir() / "sop"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def default_data_dir() -> Path:
    """PANDU_HOME if set, else the platform's user data folder."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir("PanduSOP", appauthor=False))
