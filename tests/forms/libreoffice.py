"""Running LibreOffice headless in tests, with a fresh profile each time."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_libreoffice = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                       "install libreoffice-calc-nogui (make system-deps) to run this test"),
]


def convert(sources: list[Path], target: str, out_dir: Path, profile: Path) -> list[Path]:
    """Open each file in LibreOffice and save it as `target` ("xlsx", "pdf") in `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", target, "--outdir", str(out_dir), *map(str, sources)],
        capture_output=True, text=True, timeout=240)
    outputs = [out_dir / f"{source.stem}.{target}" for source in sources]
    missing = [p.name for p in outputs if not p.is_file()]
    assert result.returncode == 0 and not missing, (result.stdout, result.stderr, missing)
    assert "Error" not in result.stderr, result.stderr
    return outputs
