"""What every reader hands the builder: table rows of cells (text and drawn symbols), the loose
text around the tables, and the arrows that could be followed."""

from __future__ import annotations

from dataclasses import dataclass, field

# Symbols a reader can report in a cell
PROCESS, DECISION, TERMINATOR, CONNECTOR, MARK = (
    "proses", "keputusan", "terminator", "penghubung", "tanda")
MAIN = "utama"  # the lane where the arrows meet a symbol drawn across several lanes
MARKS = {"x", "√", "✓", "✔", "•", "v", "●", "o"}


@dataclass
class Cell:
    text: str = ""
    symbols: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Arrow:
    """An arrow between two table rows (indices into Grid.rows), with its label if any."""

    from_row: int
    to_row: int
    label: str = ""


@dataclass
class Grid:
    kind: str
    rows: list[list[Cell]] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    pages: int = 1
    # rows that carry a trusted layout (docx/xlsx/pdf): cells are in their columns
    positional: bool = True
    # set by readers that know lanes from symbols; plain text never does
    has_shapes: bool = False
    # a sheet printed by this app: lists are one item per line, never split at commas
    own_sheet: bool = False
    # the sheet ends each part of a word broken between characters with "-" (but the last)
    marks_broken_words: bool = False
    # our sheet's last row went on over the page: the next page's top words are its rest
    row_continues: bool = False
    vocabulary: dict[str, int] = field(default_factory=dict)  # word -> count in the document

    def add_row(self, texts: list[str]) -> list[Cell]:
        row = [Cell(t) for t in texts]
        self.rows.append(row)
        return row


def symbol_of_mark(text: str) -> str | None:
    """A mark typed in a lane cell (X, √, ✓, •) or a terminator word."""
    value = text.strip().lower().strip(".")
    if not value:
        return None
    if value in MARKS:
        return MARK
    if value in ("mulai", "selesai", "start", "end"):
        return TERMINATOR
    return None
