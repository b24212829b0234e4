"""Wrapping text into a column width with a given measure (so layout and painters agree)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

# measure(text, size_pt, bold) -> width in mm
Measure = Callable[[str, float, bool], float]
# ends every part of a word broken between characters but the last, so that the word can be
# read back whole (sop/importing/pdf.py); the sheet says so in its PDF keywords
BROKEN_WORD_MARK = "-"
BROKEN_WORD_KEYWORD = "kata-terputus-bertanda"


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> list[str]:
    """Greedy word wrap; a word longer than the width is broken between characters, each
    part but the last ending in BROKEN_WORD_MARK."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if measure(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for piece in _break_word(word, width, size, measure, bold):
                if line:
                    lines.append(line)
                line = piece
        lines.append(line)
    return lines


@cache
def _hyphenator():
    """Indonesian hyphenation (pyphen's id_ID patterns); None where pyphen is missing."""
    try:
        import pyphen
    except ImportError:  # pragma: no cover - a dependency; breaking between characters remains
        return None
    return pyphen.Pyphen(lang="id_ID", left=2, right=3)  # never a rest of one or two letters


def syllable_breaks(word: str) -> list[int]:
    """Where an Indonesian word may be hyphenated ("pemberdayaan" -> pem-ber-da-ya-an)."""
    hyphenator = _hyphenator()
    return list(hyphenator.positions(word)) if hyphenator is not None else []


def _break_word(word: str, width: float, size: float, measure: Measure, bold: bool) -> list[str]:
    """A word too long for the width in parts that fit, each but the last ending in the mark:
    at its syllables where they allow, else between characters."""
    pieces: list[str] = []
    start = 0
    breaks = syllable_breaks(word)
    while start < len(word):
        rest = word[start:]
        if measure(rest, size, bold) <= width:
            pieces.append(rest)
            break
        fitting = [b for b in breaks if b > start and measure(
            word[start:b] + BROKEN_WORD_MARK, size, bold) <= width]
        if not fitting:  # no syllable fits: between characters from here
            return pieces + _break_chars(rest, width, size, measure, bold)
        pieces.append(word[start:fitting[-1]] + BROKEN_WORD_MARK)
        start = fitting[-1]
    return pieces


def _break_chars(word: str, width: float, size: float, measure: Measure,
                 bold: bool) -> list[str]:
    pieces, current = [], ""
    for index, ch in enumerate(word):
        rest = word[index + 1:]
        needed = current + ch + (BROKEN_WORD_MARK if rest else "")
        if current and measure(needed, size, bold) > width:
            pieces.append(current + BROKEN_WORD_MARK)
            current = ""
        current += ch
    return [*pieces, current]


def wrap_items(items: list[str], width: float, size: float, measure: Measure,
               bullet: str = "- ") -> list[tuple[float, str]]:
    """A list as lines with hanging indents: [(indent_mm, text)]. One item has no bullet."""
    if len(items) == 1:
        return [(0.0, line) for line in wrap(items[0], width, size, measure)]
    indent = measure(bullet, size, False)
    lines: list[tuple[float, str]] = []
    for item in items:
        wrapped = wrap(item, width - indent, size, measure)
        lines.append((0.0, bullet + wrapped[0]))
        lines += [(indent, rest) for rest in wrapped[1:]]
    return lines
