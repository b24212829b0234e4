"""Commands measured as the office runs them: from compiled bytecode.

An installed or frozen app starts from .pyc files; a checkout run with PYTHONDONTWRITEBYTECODE
(as some CI machines and sandboxes set) would compile every module again in every process and
measure the compiler instead. `process_env` compiles the project once and gives the
environment for the measured processes.
"""

from __future__ import annotations

import compileall
import os
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@cache
def process_env() -> dict[str, str]:
    for package in ("desktop_app", "db", "benchmarks"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
