"""Paper sizes the office prints on (portrait width x height, in mm)."""

from __future__ import annotations

from desktop_app.common.errors import InvalidInput

PAPERS: dict[str, tuple[float, float]] = {"F4": (215.0, 330.0), "A4": (210.0, 297.0)}


def paper_size(name: str, landscape: bool = False) -> tuple[float, float]:
    try:
        width, height = PAPERS[name.upper()]
    except KeyError:
        raise InvalidInput(f'Ukuran kertas "{name}" tidak dikenal; pilih F4 atau A4.') from None
    return (height, width) if landscape else (width, height)
