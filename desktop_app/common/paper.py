"""Paper sizes the office prints on (portrait width x height, in mm)."""

from __future__ import annotations

from desktop_app.common.errors import InvalidInput

PAPERS: dict[str, tuple[float, float]] = {"F4": (215.0, 330.0), "A4": (210.0, 297.0)}
PAPER_NAMES = tuple(PAPERS)  # the choices offered everywhere (settings, CLI, print preview)
DEFAULT_PAPER = "F4"
UNKNOWN_PAPER = 'Ukuran kertas "{name}" tidak dikenal; pilih F4 atau A4.'


def paper_size(name: str, landscape: bool = False) -> tuple[float, float]:
    try:
        width, height = PAPERS[name.upper()]
    except KeyError:
        raise InvalidInput(UNKNOWN_PAPER.format(name=name)) from None
    return (height, width) if landscape else (width, height)
