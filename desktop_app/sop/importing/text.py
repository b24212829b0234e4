"""Plain-text SOPs as Word or a PDF gives them: tab-separated rows, or one cell per line."""

from __future__ import annotations

from desktop_app.sop.importing.grid import Grid


def read_text(text: str) -> Grid:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.split("\n")
    grid = Grid("txt", positional=True, has_shapes=False)
    if _cell_per_line(lines):
        _cells_per_line(lines, grid)
    else:
        for line in lines:
            if line.strip():
                grid.add_row([cell.strip() for cell in line.split("\t")])
    return grid


def _cell_per_line(lines: list[str]) -> bool:
    """Word's "one cell per paragraph" text: most lines start with a tab and hold no other."""
    tabbed = [line for line in lines if line.startswith("\t")]
    single = [line for line in tabbed if "\t" not in line[1:]]
    return len(tabbed) >= 20 and len(single) >= 0.9 * len(tabbed)


def _cells_per_line(lines: list[str], grid: Grid) -> None:
    """A line starting with a tab opens a cell; other lines continue it; a blank line before
    a new cell ends the row; text after two blank lines stands on its own."""
    rows: list[list[str]] = []
    row: list[str] | None = None
    blanks, loose = 0, False
    for line in lines:
        if not line.strip() and not line.startswith("\t"):
            blanks += 1
            continue
        if line.startswith("\t"):
            if row is None or blanks or loose:
                row, loose = [], False
                rows.append(row)
            row.append(line[1:].strip())
        elif row and blanks < 2 and not (loose and blanks):
            row[-1] = (row[-1] + "\n" + line.strip()).strip()
        else:
            row, loose = [line.strip()], True
            rows.append(row)
        blanks = 0
    for texts in rows:
        grid.add_row(texts)
