"""The time standard of a step ("5 menit", "1,5 jam", "3 hari"): parsing and writing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.common.numbers import angka

UNITS = ("menit", "jam", "hari", "minggu", "bulan")
# The longest time standard of one step, per unit (about a year; a due date must fit the
# office calendar a run is planned on).
MAX_AMOUNT = {"menit": 10_000, "jam": 2_000, "hari": 366, "minggu": 52, "bulan": 12}
_PATTERN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z]+)\s*$")


@dataclass(frozen=True)
class Waktu:
    amount: float
    unit: str

    def __str__(self) -> str:
        return f"{angka(self.amount, 6)} {self.unit}"


def parse_waktu(text: str) -> Waktu:
    """Parse "<number> <menit|jam|hari|minggu|bulan>"; ValueError has an Indonesian message."""
    match = _PATTERN.match(text or "")
    if not match:
        raise ValueError(
            f'waktu "{text}" tidak dapat dibaca; tulis angka lalu satuan, misalnya "5 menit" '
            f"atau \"2 hari\" (satuan: {', '.join(UNITS)})"
        )
    unit = match.group(2).lower()
    if unit not in UNITS:
        raise ValueError(
            f'waktu "{text}": satuan "{match.group(2)}" tidak dikenal; '
            f"gunakan salah satu dari {', '.join(UNITS)}"
        )
    amount = float(match.group(1).replace(",", "."))
    if amount <= 0:
        raise ValueError(f'waktu "{text}" harus lebih dari nol')
    if amount > MAX_AMOUNT[unit]:
        raise ValueError(f'waktu "{text}" terlalu lama; paling lama {MAX_AMOUNT[unit]:,} {unit} '
                         "untuk satu langkah".replace(",", "."))
    return Waktu(amount, unit)
