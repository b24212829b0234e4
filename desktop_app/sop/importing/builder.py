"""From the cells of an SOP document to a draft SOP: identity, lanes, steps, symbols."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.importing import fields as f
from desktop_app.sop.importing.draft import GUESS, MISSING, Draft
from desktop_app.sop.importing.grid import (
    CONNECTOR,
    DECISION,
    MAIN,
    MARK,
    TERMINATOR,
    Cell,
    Grid,
    symbol_of_mark,
)
from desktop_app.sop.importing.identity import read_identity
from desktop_app.sop.importing.labels import (
    COLUMN_LABELS,
    IDENTITY_LABELS,
    match_exact,
    match_prefix,
)
from desktop_app.sop.model import IDENTITY_LISTS, Lane, Sop, Step

_STEP_NO = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*\|?\s*$")
_ROLES = ("kelengkapan", "waktu", "output", "keterangan")
EXPECTED = ("Yang dicari: tabel langkah dengan kolom No, Kegiatan (uraian prosedur), satu kolom "
            "per pelaksana, Kelengkapan, Waktu, Output dan Keterangan.")


@dataclass
class Layout:
    no: int
    kegiatan: int
    lanes: list[tuple[int, str]]
    roles: dict[str, int]
    width: int


@dataclass
class RawStep:
    number: int
    cells: list[Cell]
    rows: list[int] = field(default_factory=list)


def build_draft(grid: Grid) -> Draft:
    """The first SOP of the document."""
    return build_drafts(grid)[0]


def build_drafts(grid: Grid) -> list[Draft]:
    """Every SOP of the document, in order. A step table whose numbering starts again at 1
    begins the next SOP; the rows between the two tables (its title, its identity block) are
    the next SOP's. One without an identity block of its own shares the first one's."""
    drafts: list[Draft] = []
    start, layout = 0, None
    while start < len(grid.rows):
        header = _find_header(grid.rows, start)
        if header is not None:
            layout, body_start = _layout(grid.rows, header)
        elif drafts and layout is not None:  # numbering restarted without a new header
            header = body_start = start
        else:
            raise InvalidInput("Berkas ini tidak berisi SOP yang dikenali. " + EXPECTED)
        steps, trailing, restart = _steps(grid.rows, body_start, layout)
        if restart is not None:  # read this SOP again up to where the next one's rows begin
            end = _next_sop_start(grid.rows, min(steps[-1].rows) + 1, restart)
            steps, trailing, _again = _steps(grid.rows, body_start, layout, end)
        if not steps:
            if drafts:
                break
            raise InvalidInput("Tabel langkah SOP ditemukan, tetapi tidak ada langkah "
                               "bernomor di dalamnya. " + EXPECTED)
        if restart is not None:
            trailing = []  # what follows the last step opens the next SOP
        identity_rows = grid.rows[start:header] + trailing
        draft = _draft(grid, steps, layout, identity_rows)
        if drafts and not _has_identity_block(identity_rows):
            _inherit_identity(draft, drafts[0])
        drafts.append(draft)
        if restart is None:
            break
        start = end
    return drafts


_TITLE = re.compile(r"^\W*(STANDAR OPERASIONAL PROSEDUR|SOP\b|PEMERINTAH\b)", re.IGNORECASE)


def _next_sop_start(rows: list[list[Cell]], low: int, restart: int) -> int:
    """Where the next SOP's own rows (title, identity block, table header) begin, between the
    last step of one table and the step 1 of the next."""
    for index in range(low, restart):
        texts = [c.text for c in rows[index] if c.text.strip()]
        if any(match_prefix(t, IDENTITY_LABELS) or _TITLE.match(t) for t in texts) or \
                _is_header_again(rows[index]):
            return index
    return restart


def _draft(grid: Grid, steps: list[RawStep], layout: Layout, identity_rows) -> Draft:
    lanes = _lanes(layout)
    draft = Draft(Sop(None, lanes, []), grid.kind, pages=grid.pages)  # type: ignore[arg-type]
    draft.sop.identitas = read_identity(identity_rows, draft)
    for raw in steps:
        draft.sop.langkah.append(_step(raw, layout, lanes, draft, grid))
    _symbols_and_targets(draft, steps, grid)
    return draft


_SHARED = ("instansi", "tanggal_pembuatan", "tanggal_revisi", "tanggal_pengesahan",
           "disahkan_oleh", *(key for key, _label in IDENTITY_LISTS))


def _has_identity_block(rows: list[list[Cell]]) -> bool:
    return any(match_prefix(c.text, IDENTITY_LABELS) for row in rows for c in row
               if c.text.strip())


def _inherit_identity(draft: Draft, first: Draft) -> None:
    """A later SOP of the same file without its own identity block shares the first one's."""
    mine, theirs = draft.sop.identitas, first.sop.identitas
    for key in _SHARED:
        if not getattr(mine, key) and getattr(theirs, key):
            value = getattr(theirs, key)
            setattr(mine, key, list(value) if isinstance(value, list) else value)
            draft.note(key, GUESS, "tidak ada di bagian SOP ini; diambil dari SOP pertama di "
                       "berkas yang sama")


def _find_header(rows: list[list[Cell]], start: int = 0) -> int | None:
    for index in range(start, len(rows)):
        keys = {match_exact(c.text, COLUMN_LABELS) for c in rows[index] if c.text.strip()}
        if "no" in keys and "kegiatan" in keys:
            return index
    return None


def _layout(rows: list[list[Cell]], header: int) -> tuple[Layout, int]:
    row1 = [c.text for c in rows[header]]
    row2 = [c.text for c in rows[header + 1]] if header + 1 < len(rows) else []
    width = max(len(row1), len(row2))
    pad1, pad2 = row1 + [""] * (width - len(row1)), row2 + [""] * (width - len(row2))
    keys1 = [match_exact(t, COLUMN_LABELS) if t.strip() else None for t in pad1]
    keys2 = [match_exact(t, COLUMN_LABELS) if t.strip() else None for t in pad2]
    no = keys1.index("no")
    kegiatan = keys1.index("kegiatan")
    roles: dict[str, int] = {}
    for role in _ROLES:
        for i in range(kegiatan + 1, width):
            if keys2[i] == role or (keys1[i] == role and not pad2[i].strip()):
                roles[role] = i
                break
    first_mutu = min(roles.values(), default=width)
    lane_row = pad2 if any(pad2[kegiatan + 1:first_mutu]) else pad1
    lane_keys = keys2 if lane_row is pad2 else keys1
    lanes = [(i, f.clean(lane_row[i])) for i in range(kegiatan + 1, first_mutu)
             if lane_row[i].strip() and lane_keys[i] is None]
    start = header + (2 if row2 and lane_row is pad2 or any(keys2) else 1)
    if start < len(rows) and _is_number_row(rows[start]):
        start += 1
    return Layout(no, kegiatan, lanes, roles, width), start


def _is_number_row(row: list[Cell]) -> bool:
    values = [c.text.strip() for c in row if c.text.strip()]
    return len(values) >= 3 and values == [str(n) for n in range(1, len(values) + 1)]


def _is_header_again(row: list[Cell]) -> bool:
    keys = {match_exact(c.text, COLUMN_LABELS) for c in row if c.text.strip()}
    return len(keys - {None}) >= 2 and None not in keys or {"no", "kegiatan"} <= keys


def _steps(rows, start, layout, end: int | None = None
           ) -> tuple[list[RawStep], list[list[Cell]], int | None]:
    """The numbered steps from `start` (up to `end`), the loose rows after them, and the index
    of the row where the numbering starts again at 1 (the next SOP), if any."""
    steps: list[RawStep] = []
    trailing: list[list[Cell]] = []
    skip_next = False
    for index in range(start, len(rows) if end is None else end):
        row = rows[index]
        if skip_next:
            skip_next = False
            if not _is_number_row(row) and not any(match_exact(c.text, COLUMN_LABELS)
                                                   for c in row if c.text.strip()):
                pass
            else:
                continue
        if _is_header_again(row):
            skip_next = True
            continue
        if _is_number_row(row) or not any(c.text.strip() or c.symbols for c in row):
            continue
        number = _step_number(row, layout)
        if number == 1 and len(steps) > 1:
            return steps, trailing, index
        if number is not None and number == len(steps) + 1:
            steps.append(RawStep(number, _copy(row), [index]))
        elif steps and _belongs_to_table(row, steps[-1], layout):
            _merge(steps[-1], row, layout)
            steps[-1].rows.append(index)
        elif steps:
            trailing.append(row)
    return steps, trailing, None


def _belongs_to_table(row: list[Cell], last: RawStep, layout: Layout) -> bool:
    unfinished = len(last.cells) < layout.width - 1
    return unfinished or len(row) >= 3 or any(c.symbols for c in row)


def _step_number(row: list[Cell], layout: Layout) -> int | None:
    if layout.no >= len(row):
        return None
    match = _STEP_NO.match(row[layout.no].text)
    return int(match[1]) if match else None


def _merge(raw: RawStep, row: list[Cell], layout: Layout) -> None:
    if len(raw.cells) >= layout.width - 1:
        for i, cell in enumerate(row):
            if i >= len(raw.cells):
                raw.cells.append(Cell())
            target = raw.cells[i]
            if cell.text.strip():
                target.text = (target.text + "\n" + cell.text).strip()
            target.symbols += cell.symbols
    else:
        raw.cells.extend(_copy(row))


def _copy(row: list[Cell]) -> list[Cell]:
    """Merging steps edits these copies, never the grid's own cells."""
    return [Cell(c.text, list(c.symbols)) for c in row]


def _lanes(layout: Layout) -> list[Lane]:
    taken: set[str] = set()
    names = [f.mend_typos(name) for _i, name in layout.lanes]
    return [Lane(f.lane_kode(name, taken), name) for name in names]


def _columns(raw: RawStep, layout: Layout, positional: bool
             ) -> tuple[dict[str, str], dict[int, list[str]], bool]:
    """Texts per role and symbols per lane index; False when cells could not be aligned."""
    cells = raw.cells
    texts = {"kegiatan": cells[layout.kegiatan].text if layout.kegiatan < len(cells) else ""}
    full = len(cells) == layout.width or (positional and len(cells) >= layout.width - 1)
    if full or "waktu" not in layout.roles:
        for role, col in layout.roles.items():
            texts[role] = cells[col].text if col < len(cells) else ""
        lane_symbols = {k: _cell_symbols(cells[col]) for k, (col, _n) in enumerate(layout.lanes)
                        if col < len(cells)}
        return texts, lane_symbols, True
    after = list(range(layout.kegiatan + 1, len(cells)))
    anchor = next((i for i in after if f.is_waktu(cells[i].text)), None)
    if anchor is None:
        rest = [cells[i].text for i in after if cells[i].text.strip()]
        texts.update(zip(("kelengkapan", "waktu", "output", "keterangan"), rest, strict=False))
        return texts, {}, False
    texts["waktu"] = cells[anchor].text
    if anchor - 1 > layout.kegiatan:
        texts["kelengkapan"] = cells[anchor - 1].text
    for role, offset in (("output", 1), ("keterangan", 2)):
        if anchor + offset < len(cells):
            texts[role] = cells[anchor + offset].text
    return texts, {}, False


def _cell_symbols(cell: Cell) -> list[str]:
    symbols = list(cell.symbols)
    mark = symbol_of_mark(cell.text)
    if mark and not symbols:
        symbols.append(mark)
    return symbols


def _step(raw: RawStep, layout: Layout, lanes: list[Lane], draft: Draft, grid: Grid) -> Step:
    number = raw.number
    texts, lane_symbols, aligned = _columns(raw, layout, grid.kind != "txt")
    step = Step(kegiatan=f.sentence(texts.get("kegiatan", "")), pelaksana=[])
    if not step.kegiatan:
        draft.note("kegiatan", MISSING, "uraian kegiatan kosong; isi dari dokumen asli", number)
    kelengkapan = texts.get("kelengkapan", "")
    step.kelengkapan = (f.split_sheet_list(kelengkapan) if grid.own_sheet
                        else f.split_kelengkapan(kelengkapan))
    waktu_text = f.clean(texts.get("waktu", ""))
    step.waktu = f.parse_waktu_text(waktu_text) or ""
    if waktu_text and not step.waktu:
        draft.note("waktu", GUESS, f'waktu "{waktu_text}" tidak dapat dibaca; tulis misalnya '
                   '"2 hari"', number)
    step.output = f.clean(texts.get("output", ""))
    keterangan = f.clean(texts.get("keterangan", ""))
    step.keterangan = "" if keterangan == "-" else keterangan
    if not aligned and grid.kind != "txt":
        draft.note("kolom", GUESS, "kolom baris ini tidak sejajar dengan kepala tabel; "
                   "periksa kelengkapan, waktu dan output", number)
    _assign_lanes(step, number, lane_symbols, lanes, draft)
    return step


def _assign_lanes(step, number, lane_symbols, lanes, draft) -> None:
    marked = [(k, s) for k, s in lane_symbols.items() if s]
    real = [(k, s) for k, s in marked if any(x != CONNECTOR for x in s)] or marked
    if not real:
        step.pelaksana, step.simbol = [lanes[0].kode], MARK
        draft.note("pelaksana", GUESS, "pelaksana tidak terbaca (tidak ada simbol di kolom "
                   "pelaksana); pilih pelaksananya", number)
        return
    real.sort(key=lambda ks: (DECISION not in ks[1], MAIN not in ks[1], ks[0]))
    step.pelaksana = [lanes[k].kode for k, _s in real]
    step.simbol = _shape_symbol([x for _k, s in real for x in s if x != MAIN])


def _shape_symbol(symbols: list[str]) -> str:
    if DECISION in symbols:
        return "keputusan"
    if TERMINATOR in symbols:
        return TERMINATOR
    if MARK in symbols and all(s == MARK for s in symbols):
        return MARK
    return "proses"


def _symbols_and_targets(draft: Draft, steps: list[RawStep], grid: Grid) -> None:
    count = len(draft.sop.langkah)
    row_step = {row: raw.number for raw in steps for row in raw.rows}
    for number, step in enumerate(draft.sop.langkah, start=1):
        if step.simbol == TERMINATOR:
            step.simbol = "mulai" if number == 1 else "selesai" if number == count else "proses"
        elif step.simbol == MARK or not grid.has_shapes:
            _guess_symbol(step, number, count, draft)
        if step.simbol == "keputusan":
            _decision_targets(step, number, count, row_step, grid, draft)


def guess_symbols(draft: Draft) -> None:
    """Symbols (and the "Tidak" target of a decision) from the order and the kegiatan, for a
    draft whose drawn symbols were lost; each noted as a guess."""
    count = len(draft.sop.langkah)
    for number, step in enumerate(draft.sop.langkah, start=1):
        _guess_symbol(step, number, count, draft)
        if step.simbol == "keputusan":
            _decision_targets(step, number, count, {}, Grid(draft.source_kind), draft)


def _guess_symbol(step: Step, number: int, count: int, draft: Draft) -> None:
    text = step.kegiatan.lower()
    if number == 1:
        step.simbol = "mulai"
    elif number == count:
        step.simbol = "selesai"
    elif "jika" in text and ("kembali" in text or "belum" in text or "tidak" in text):
        step.simbol = "keputusan"
    else:
        step.simbol = "proses"
    draft.note("simbol", GUESS, f"simbol tidak terbaca; diduga {step.simbol} dari urutan dan "
               "uraian kegiatan", number)


def _decision_targets(step, number, count, row_step, grid, draft) -> None:
    for arrow in grid.arrows:
        if row_step.get(arrow.from_row) != number or arrow.to_row not in row_step:
            continue
        target = row_step[arrow.to_row]
        label = arrow.label.strip().lower()
        if label.startswith("t") or (not label and target < number and step.jika_tidak is None):
            step.jika_tidak = target
        elif target != number + 1:
            step.jika_ya = target
    if step.jika_tidak is None or step.jika_tidak == number:
        if number == 1:
            step.simbol, step.jika_tidak = "proses", None
            return
        step.jika_tidak = number - 1
        draft.note("jika_tidak", GUESS, f"tujuan 'Tidak' tidak terbaca; diduga kembali ke "
                   f"langkah {number - 1}", number)
    if step.jika_ya is None and number == count:
        step.simbol, step.jika_tidak = "selesai", None
