"""SOPs from a scanned paper, as OCR gives the text: no tabs and no cells, one line per line of
print, the columns of the step table run together on each line ("3. | Membuat Surat
Permintaan | 45 menit Konsep ncta"), the drawn symbols left as stray marks ("Q", "v", "[").

The layout is read from what every line of such a table still shows: the step number opens a
step, the waktu ("45 menit", its number and unit sometimes a line apart) stands between the
kelengkapan and the output, and each column wraps at its own width, so a line holds, left to
right, a piece of the kegiatan, a piece of the kelengkapan, (the waktu,) a piece of the output.
Where each line is cut is the best fit over all of a step's lines at once (_best_cuts); the
kelengkapan and output widths are measured on the lines where the waktu marks their border, the
kegiatan width is the one the lines fit best. Words the OCR garbled are noted, never mended.
The lanes come from the words of the table header (which known job titles appear), ordered
from staff up as the kecamatan forms have them, and noted for checking; which lane a step
belongs to is lost with the symbols, so every step needs a person. Keterangan is not read."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from desktop_app.sop.importing import fields as f
from desktop_app.sop.importing.draft import GUESS, Draft
from desktop_app.sop.importing.identity import identity_from_values
from desktop_app.sop.importing.labels import IDENTITY_LABELS, match_prefix
from desktop_app.sop.model import Lane, Sop, Step

_TITLE = re.compile(r"^\s*Standar\s+Operasional\s+Prosedur\s*(?:\(\s*SOP\s*\))?\s*(.+?)\s*$",
                    re.IGNORECASE)
_STEP = re.compile(r"^\s*(\d{1,2})\s*(?:[.,]\s*\|?|\|)\s*(\S.*)$")
_UNIT = re.compile(r"^(menit|mnt|jam|hari|minggu|bulan)[.,]?$", re.IGNORECASE)
_NUMBER = re.compile(r"^\|?(\d{1,3}|S)\|?$")  # OCR reads a 5 as "S"
_VERB = re.compile(r"^(me|pe|di|ber|ter)[a-z]{3,}", re.IGNORECASE)
_GARBLED = re.compile(r"[_©{}\[\]]|^\W+$")
# short tokens that are words (or pieces of a word broken at the line's end), not stray marks
_SHORT_WORDS = {"dan", "yg", "ke", "di", "&", "SE", "ni", "n", "n,", "a", "nya", "Bid", "lap",
                "lap.", "u", "ya", "an,", "ri", "tu"}
_HEADER_WORDS = {"no", "aktifitas", "aktivitas", "kegiatan", "pelaksana", "mutu", "baku",
                 "persyaratan/", "persyaratan", "kelengkapan", "waktu", "wakt", "output", "ket",
                 "kot", "keterangan"}
# job titles a lane header may show: (name, rank from staff up, head word, words that must
# also appear, words that must not); OCR misreadings of the head words included
_JOBS = (
    ("Staf", 0, r"staf|staff", (), ()),
    ("Kasubag Perencanaan dan Keuangan", 1, r"kasubb?ag", ("perencanaan", "keuangan"), ()),
    ("Kasubag Program", 1, r"kasubb?ag", ("program",), ()),
    ("Kasubag Umum", 2, r"kasubb?ag", ("umum",), ()),
    ("Kasubag", 1, r"kasubb?ag", (), ("perencanaan", "keuangan", "program", "umum")),
    ("Kepala Seksi", 2, r"kasi|seksi", (), ()),
    ("Sekretaris Kecamatan", 3, r"sekretaris|sekcam", ("kecamatan", "ketiam", "ecamatan"), ()),
    ("Sekretaris", 3, r"sekretaris", (), ("kecamatan", "ketiam", "ecamatan")),
    ("Camat", 4, r"camat|cgmgt", (), ()),
    ("Bupati/Sekda", 5, r"bupati", (), ()),
)
KEGIATAN_WIDTH = 12.4  # the Kegiatan column of the scanned forms seen so far, in _w() units
KEGIATAN_WIDTHS = (10.4, 11.4, 12.4, 13.4, 14.4, 15.4, 16.4, 18.4, 20.4)
_SAMPLE = 12  # steps enough to tell the width
_SLACK = 1.5  # a line may end up to this much short of its column's width
_NARROW = set("iljtfr.,;:!|'()[]- /I")
_WIDE = set("mwMW")


_NOT_KEGIATAN = {"yg", "vyg", "vg", "yang"}


def _w(text: str) -> float:
    """How wide a text prints, in average letters (the forms use proportional type)."""
    return sum(0.55 if c in _NARROW else 1.45 if c in _WIDE else 1.0 for c in text)


@dataclass
class _Line:
    words: list[str]
    cuts: set[int] = field(default_factory=set)  # a ruling "|" before word k
    marks: set[int] = field(default_factory=set)  # a stray mark (a lane's symbol) before word k
    waktu_at: int | None = None  # index where the waktu stood (between kelengkapan and output)


@dataclass
class _Step:
    number: int
    lines: list[_Line]
    waktu: str = ""


def looks_scanned(text: str) -> bool:
    """OCR text of a scanned SOP form: a step table's header words and numbered steps, but no
    tab-separated cells."""
    lines = text.splitlines()
    if sum("\t" in line for line in lines) > 5:
        return False
    header = any(re.search(r"pelaksana", line, re.I) and re.search(r"mutu\s+baku", line, re.I)
                 for line in lines)
    steps = sum(bool(_STEP.match(line)) for line in lines)
    return header and steps >= 3


def read_scanned(text: str, kind: str = "txt") -> list[Draft]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n\n").split("\n")
    titles = [k for k, line in enumerate(lines) if _TITLE.match(line)]
    first_table = next((k for k, line in enumerate(lines)
                        if re.search(r"pelaksana", line, re.I)), len(lines))
    starts = titles or [max(0, first_table - 1)]
    identity_lines = lines[:starts[0]]
    drafts = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        drafts.append(_section(lines[start:end], identity_lines, kind))
    return [d for d in drafts if d.sop.langkah]


def _section(lines: list[str], identity_lines: list[str], kind: str) -> Draft:
    draft = Draft(Sop(None, [], []), kind)  # type: ignore[arg-type]
    values = _identity_values(identity_lines)
    title = _TITLE.match(lines[0]) if lines else None
    if title:
        if values.get("nama") and f.clean(values["nama"]).lower() != title[1].lower():
            draft.note("nama", GUESS, f'nama diambil dari judul tabel; di kotak identitas '
                       f'tertulis "{f.clean(values["nama"])}"')
        values["nama"] = title[1]
    draft.sop.identitas = identity_from_values(values, [[line] for line in identity_lines],
                                               draft)
    pages = _pages(lines[1:] if title else lines)
    draft.pages = max(1, len(pages))
    lanes: list[tuple[int, int, str]] = []  # (rank, first seen, name)
    by_page: list[list[_Step]] = []
    for header, body in pages:
        for rank, name in _lanes_of(header):
            if name not in [lane[2] for lane in lanes]:
                lanes.append((rank, len(lanes), name))
        by_page.append(_steps(body, sum(map(len, by_page))))
    pairs = _pairs([line for page in by_page for raw in page for line in raw.lines])
    steps = _layout(by_page, pairs)
    lanes.sort()
    taken: set[str] = set()
    draft.sop.pelaksana = [Lane(f.lane_kode(name, taken), name) for _r, _k, name in lanes] or \
        [Lane("pelaksana", "Pelaksana")]
    draft.note("pelaksana", GUESS, "nama pelaksana dibaca dari kepala tabel hasil pindaian; "
               "periksa nama dan urutannya")
    for raw, widths in steps:
        draft.sop.langkah.append(_step(raw, widths, pairs, draft))
    from desktop_app.sop.importing.builder import guess_symbols

    for number in range(1, len(draft.sop.langkah) + 1):
        step = draft.sop.langkah[number - 1]
        step.pelaksana = [draft.sop.pelaksana[0].kode]
        draft.note("pelaksana", GUESS, "pelaksana tidak terbaca (pindaian: simbolnya tidak "
                   "ikut terbaca); pilih pelaksananya", number)
    guess_symbols(draft)
    return draft


# -- identity ---------------------------------------------------------------------------

def _identity_values(lines: list[str]) -> dict[str, str]:
    """Labels on their own lines, each value in the paragraphs after it; two labels in a row
    are the paired boxes of the form, their lists one after the other."""
    values: dict[str, str] = {}
    labels: list[str] = []
    paragraphs: list[list[str]] = []
    current: list[str] = []

    def flush_paragraph():
        nonlocal current
        if current:
            paragraphs.append(current)
            current = []

    def flush_labels():
        flush_paragraph()
        if labels:
            _assign(labels, paragraphs, values)
        labels.clear()
        paragraphs.clear()

    for line in lines:
        text = f.clean(line)
        hit = match_prefix(text, IDENTITY_LABELS) if text else None
        if hit and len(text) < 60 and not re.match(r"^\d", text):
            key, rest = hit
            if paragraphs or current:
                flush_labels()
            labels.append(key)
            if rest.strip(" :"):
                current.append(rest.strip(" :"))
        elif not text:
            flush_paragraph()
        elif labels:
            current.append(text)
    flush_labels()
    return values


def _assign(labels: list[str], paragraphs: list[list[str]], values: dict[str, str]) -> None:
    boxes: list[list[str]] = [[] for _ in labels]
    box = 0
    for paragraph in paragraphs:
        numbered = re.match(r"^1\s*[.)]", paragraph[0])
        if boxes[box] and box + 1 < len(boxes) and (
                numbered or not re.match(r"^\d", boxes[box][0])):
            box += 1
        boxes[box].append(" ".join(paragraph))
    for key, parts in zip(labels, boxes, strict=True):
        if parts:
            values.setdefault(key, " ".join(parts))


# -- pages, header, lanes ----------------------------------------------------------------

def _pages(lines: list[str]) -> list[tuple[list[str], list[str]]]:
    """(header lines, table lines) per page; pages are apart by three or more blank lines."""
    pages: list[list[str]] = [[]]
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if blanks >= 3 and pages[-1]:
            pages.append([])
        pages[-1].append(line)
        blanks = 0
    out = []
    for page in pages:
        first = next((k for k, line in enumerate(page) if _STEP.match(line)), len(page))
        out.append((page[:first], page[first:]))
    return out


def _lanes_of(header: list[str]) -> list[tuple[int, str]]:
    words = [w.strip(".,:;|'‘").lower() for line in header for w in line.split()]
    words = [w for w in words if w and w not in _HEADER_WORDS]
    found = []
    for name, rank, head, needs, excludes in _JOBS:
        if not any(re.fullmatch(head, w) or re.match(rf"^({head})", w) for w in words):
            continue
        if needs and not any(w.startswith(need) or need in w for w in words for need in needs):
            continue
        if excludes and any(x in w for w in words for x in excludes):
            continue
        found.append((rank, name))
    return found


# -- steps ---------------------------------------------------------------------------------

def _steps(body: list[str], before: int) -> list[_Step]:
    steps: list[_Step] = []
    for line in body:
        match = _STEP.match(line)
        expected = before + len(steps) + 1
        if match and (int(match[1]) == expected or (expected == 1 and not steps)):
            steps.append(_Step(expected, [_tokens(match[2])]))
        elif steps:
            steps[-1].lines.append(_tokens(line))
    for step in steps:
        step.waktu = _take_waktu(step.lines)
        for line in step.lines:
            _drop_marks(line)
    return steps


def _tokens(text: str) -> _Line:
    line = _Line([])
    for word in text.replace("|", " | ").split():
        if word == "|":
            line.cuts.add(len(line.words))
        else:
            line.words.append(word)
    return line


def _take_waktu(lines: list[_Line]) -> str:
    """Find the unit word and its number (on the same line, or a line or two above), take
    both out of the lines and mark where they stood."""
    for k, line in enumerate(lines):
        unit = next((i for i, w in enumerate(line.words) if _UNIT.match(w)), None)
        if unit is None:
            continue
        unit_word = _UNIT.match(line.words[unit])[1].lower()
        number = None
        if unit > 0 and _NUMBER.match(line.words[unit - 1]):
            number = line.words[unit - 1]
            del line.words[unit - 1: unit + 1]
            _mark(line, unit - 1)
        else:
            for above in reversed(lines[max(0, k - 2):k]):
                at = next((i for i in range(len(above.words) - 1, -1, -1)
                           if re.fullmatch(r"\d{1,3}", above.words[i])), None)
                if at is not None:
                    number = above.words.pop(at)
                    _mark(above, at)
                    break
            del line.words[unit]
            _mark(line, unit)
        if number is None:
            return ""
        value = "5" if number == "S" else number.strip("|")
        waktu = f.parse_waktu_text(f"{value} {unit_word}")
        return waktu or ""
    return ""


def _mark(line: _Line, at: int) -> None:
    line.waktu_at = at
    line.cuts = {c if c <= at else c - 1 for c in line.cuts}


def _drop_marks(line: _Line) -> None:
    """Stray marks (what OCR made of the drawn symbols) and lone numbers leave the line."""
    kept, cuts, waktu_at = [], set(), line.waktu_at
    for i, word in enumerate(line.words):
        if i in line.cuts:
            cuts.add(len(kept))
        if line.waktu_at is not None and i == line.waktu_at:
            waktu_at = len(kept)
        if _is_mark(word, i):
            if kept:
                line.marks.add(len(kept))
            continue
        kept.append(word)
    if line.waktu_at is not None and line.waktu_at >= len(line.words):
        waktu_at = len(kept)
    if len(line.words) in line.cuts:
        cuts.add(len(kept))
    line.words, line.cuts, line.waktu_at = kept, cuts, waktu_at


def _is_mark(word: str, index: int) -> bool:
    if word in _SHORT_WORDS:
        return False
    letters = re.sub(r"[^\w&/]", "", word)
    if not letters or re.fullmatch(r"\d{1,3}", word):
        return True
    if word.endswith("-") and word[:-1].isalpha() and word.islower():
        return False  # "pe-": a word broken at the line's end
    return len(letters) <= 2 and not (index == 0 and word.islower() and word.isalpha())


def _widths(steps: list[_Step], kegiatan_width: float) -> tuple[float, float]:
    """The widths of the kelengkapan and the output column on a page: the longest pieces seen
    where the waktu marks their border (the kegiatan column is narrow and about the same on
    every form)."""
    kelengkapan = output = 0
    for step in steps:
        for k, line in enumerate(step.lines):
            if line.waktu_at is not None:
                start = (_fill_kegiatan(line, line.waktu_at, kegiatan_width)
                         if k or not _late(step) else 0)
                kelengkapan = max(kelengkapan, _w(" ".join(line.words[start:line.waktu_at])))
                output = max(output, _w(" ".join(line.words[line.waktu_at:])))
    return max(kelengkapan, 10) + _SLACK, max(output + _SLACK, 10)


def _layout(by_page: list[list[_Step]], pairs: Counter
            ) -> list[tuple[_Step, tuple[float, float, float]]]:
    """Each step with the widths of its page's columns. The kegiatan column's width is the
    one (of the widths forms use) with which the steps' lines fit best; the other two are
    measured on the lines where the waktu marks their border."""
    def laid_out(width: float) -> list[tuple[_Step, tuple[float, float, float]]]:
        return [(raw, (width, *_widths(page, width))) for page in by_page for raw in page]

    costs = {}
    for width in KEGIATAN_WIDTHS:
        costs[width] = sum(_best_cuts([line for line in raw.lines if line.words], widths,
                                      _late(raw), pairs)[1]
                           for raw, widths in laid_out(width)[:_SAMPLE])
    least = min(costs.values())
    # widths that fit about as well tell apart nothing: the middle of them
    near = [width for width, cost in costs.items() if cost <= least * 1.02 + 0.5]
    return laid_out((min(near) + max(near)) / 2)


def _late(step: _Step) -> bool:
    """A first line without a verb while the next starts with one: the kegiatan, set in the
    middle of its cell, begins a line lower."""
    lines = step.lines
    return (len(lines) > 1 and bool(lines[0].words) and bool(lines[1].words)
            and not _VERB.match(lines[0].words[0]) and bool(_VERB.match(lines[1].words[0])))


def _fill_kegiatan(line: _Line, end: int, width: float = 0) -> int:
    """A first guess of the kegiatan's piece (to measure the other columns): as many words as
    fit its width, up to a ruling line, a stray mark or a capitalised word."""
    words, used, k = line.words, -0.55, 0
    while k < end:
        word = words[k]
        if k and (k in line.cuts or k in line.marks or word.lower() in _NOT_KEGIATAN
                  or _capitalised(word)):
            break
        grown = used + 0.55 + _w(word)
        if grown > (width or KEGIATAN_WIDTH) and k:
            break
        used, k = grown, k + 1
    return k


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower() and len(word) > 3


def _best_cuts(lines: list[_Line], widths: tuple[float, float, float], late: bool,
               pairs: Counter | None = None) -> tuple[list[tuple[int, int]], float]:
    """Per line, where the kegiatan ends and where the output begins: the cuts that best fit
    how a table's cells wrap (Viterbi over the lines). A cell's text starts on the first line
    and runs down without gaps; each piece is at most the column's width; a piece is short
    only where the cell's text ends (the next word would have fitted); the lane columns (the
    stray marks) and ruling lines stand between kegiatan and kelengkapan; the waktu stands
    between kelengkapan and output; kegiatan are orders ("Membuat …"), not "yg …"."""
    options = [_options(line, k, late) for k, line in enumerate(lines)]
    costs = [[_line_cost(line, cut, k, late, widths, pairs or Counter()) for cut in options[k]]
             for k, line in enumerate(lines)]
    if not lines:
        return [], 0.0
    best = list(costs[0])
    back: list[list[int]] = []
    for k in range(1, len(lines)):
        row, links = [], []
        for j, cut in enumerate(options[k]):
            totals = [best[i] + _pair_cost(lines[k - 1], prev, lines[k], cut, k, late, widths,
                                           pairs or Counter())
                      for i, prev in enumerate(options[k - 1])]
            i = min(range(len(totals)), key=totals.__getitem__)
            row.append(totals[i] + costs[k][j])
            links.append(i)
        best = row
        back.append(links)
    j = min(range(len(best)), key=best.__getitem__)
    total = best[j]
    chosen = [j]
    for links in reversed(back):
        j = links[j]
        chosen.append(j)
    chosen.reverse()
    return [options[k][j] for k, j in enumerate(chosen)], total


def _options(line: _Line, k: int, late: bool) -> list[tuple[int, int]]:
    n = len(line.words)
    ends = [line.waktu_at] if line.waktu_at is not None else list(range(n + 1))
    top = 0 if late and k == 0 else n
    return [(a, b) for b in ends for a in range(min(b, top) + 1)]


def _pieces(line: _Line, cut: tuple[int, int]) -> tuple[str, str, str]:
    a, b = cut
    words = line.words
    return " ".join(words[:a]), " ".join(words[a:b]), " ".join(words[b:])


def _line_cost(line: _Line, cut: tuple[int, int], k: int, late: bool,
               widths: tuple[float, float, float], pairs: Counter) -> float:
    a, b = cut
    words = line.words
    cost = 0.0
    for i in range(1, len(words)):
        if i not in (a, b):
            one = _key(words[i - 1]), _key(words[i])
            if one[0] == one[1]:
                cost += 1  # "EKT EKT": two cells' last words side by side
            elif pairs[one] <= 1:
                cost += 0.3
    for piece, width in zip(_pieces(line, cut), widths, strict=True):
        if piece and " " in piece and _w(piece) > width + 1:  # 1: the widths are estimates
            cost += 6 + 4 * (_w(piece) - width)
    for i, word in enumerate(words):
        if word.endswith("-") and word[:-1].isalpha() and i + 1 not in (a, b, len(words)):
            cost += 4  # a word broken at the end of a line ends its piece
    for i in range(max(a, 1) + 1, b):
        if _capitalised(words[i]) and not _capitalised(words[i - 1]) and \
                not words[i - 1].endswith(","):
            cost += 1.2  # "… KEC Konsep": a capital after a lower or upper case word opens a cell
    if "," in " ".join(words[b:]):
        cost += 3  # an output is one thing; lists with commas are kelengkapan
    for i in range(a):
        if i and _capitalised(words[i]):
            cost += 2  # "Membuat Surat …": a capital inside the line opens the next column
        if words[i].lower() in _NOT_KEGIATAN:
            cost += 4
    if k == 0 and a == 0 and not late:
        cost += 10
    marks = {m for m in line.marks if m < b}
    if marks and a not in marks:
        cost += 3 if a else 2  # the lane columns (their marks) follow the kegiatan
    cost += 0.05 * (b - a)  # when all else is equal, the output runs on
    inner = {c for c in line.cuts if 0 < c < len(words) and c != line.waktu_at}
    if inner and not inner & {a, b}:
        cost += 3
    return cost


def _pair_cost(above: _Line, prev: tuple[int, int], line: _Line, cut: tuple[int, int],
               k: int, late: bool, widths: tuple[float, float, float], pairs: Counter
               ) -> float:
    cost = 0.0
    for column, (top, low, width) in enumerate(zip(_pieces(above, prev), _pieces(line, cut),
                                                   widths, strict=True)):
        if low and not top and not (column == 0 and late and k == 1):
            cost += 8  # a cell's text runs down from its first line without gaps
        if top and low:
            if top == low:
                cost += 1  # the same piece twice in a row: two columns met
            if column == 0 and _capitalised(low.split()[0]) and not top.endswith("/") and \
                    "/" not in low.split()[0]:
                cost += 1.5
            if column and not pairs[_key(top.split()[-1]), _key(low.split()[0])]:
                cost += 0.4  # two words never seen side by side: likely not one cell
            room = width - _SLACK - (_w(top) + 0.55 + _w(low.split()[0]))
            if room >= 0 and not top.endswith(("-", ",", "/")):
                cost += 1 + 0.3 * room  # the word would have fitted on the line above
        if top.endswith("-") and top[:-1].isalpha() and not low:
            cost += 4  # a word broken at the line's end goes on below
        if column == 0 and top and not low:
            # the kegiatan is the longest cell: a line's start goes on it, a lower-case one
            # all the more
            cost += 6 if line.words[0][:1].islower() else 2
    return cost


def _pairs(lines: list[_Line]) -> Counter:
    """How often each two words stand side by side in the table: a pair seen once is more
    likely two columns' pieces meeting on a line than words of one cell."""
    counts: Counter = Counter()
    for line in lines:
        keys = [_key(w) for w in line.words]
        counts.update(zip(keys, keys[1:], strict=False))
    return counts


def _key(word: str) -> str:
    return word.lower().strip(".,;:")


def _step(raw: _Step, widths: tuple[float, float, float], pairs: Counter, draft: Draft
          ) -> Step:
    number = raw.number
    lines = [line for line in raw.lines if line.words]
    cuts, _cost = _best_cuts(lines, widths, _late(raw), pairs)
    columns: list[list[str]] = [[], [], []]
    for line, (a, b) in zip(lines, cuts, strict=True):
        for column, part in zip(columns, (line.words[:a], line.words[a:b], line.words[b:]),
                                strict=True):
            if part:
                column.append(" ".join(part))
    kegiatan, kelengkapan, output = (_join(c) for c in columns)
    step = Step(kegiatan=f.sentence(kegiatan), pelaksana=[])
    step.kelengkapan = f.split_kelengkapan(kelengkapan)
    step.waktu = raw.waktu
    step.output = f.clean(output)
    for name, text in (("kegiatan", kegiatan), ("kelengkapan", kelengkapan),
                       ("output", output)):
        if not text or any(_GARBLED.search(w) or w.count("(") != w.count(")")
                           for w in text.split()):
            draft.note(name, GUESS, f"{name} dari pindaian tidak terbaca utuh; bandingkan "
                       "dengan dokumen asli", number)
    if not step.waktu:
        draft.note("waktu", GUESS, "waktu tidak terbaca dari pindaian; isi dari dokumen asli",
                   number)
    return step


def _join(pieces: list[str]) -> str:
    """The pieces of one cell, a word broken with "-" at a line's end made whole again
    ("tanda-" "tangan"), a doubled word kept ("Bahan-" "bahan")."""
    text = ""
    for piece in pieces:
        if text.endswith("-") and not text.endswith(" -"):
            head = text.rsplit(" ", 1)[-1][:-1]
            nxt = piece.split(" ", 1)[0]
            if nxt.lower().strip(",.") == head.lower():
                text += piece  # "Bahan-" "bahan"
            elif nxt[:1].islower():
                text = text[:-1] + piece  # "tanda-" "tangan"
            else:
                text = f"{text} {piece}"
        else:
            text = f"{text} {piece}" if text else piece
    return text
