"""The kop (letterhead) as data: what every office document prints at its top."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Kop:
    """Who the office is, as printed at the top of its documents."""

    pemerintah: str = ""  # "PEMERINTAH KABUPATEN KARANGANYAR"
    instansi: str = ""  # "KECAMATAN NGARGOYOSO"
    alamat: str = ""
    kontak: str = ""  # telepon, email, laman, kode pos on one line
    logo: Path | None = None  # absolute, inside the data folder
