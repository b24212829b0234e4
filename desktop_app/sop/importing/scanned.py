"""SOPs from a scanned paper, as OCR gives the text: no tabs and no cells, one line per line of
print, the columns of the step table run together on each line ("3. | Membuat Surat
Permintaan | 45 menit Konsep ncta"), the drawn symbols left as stray marks ("Q", "v", "[").

The layout is read from what every line of such a table still shows: the step number opens a
step, the waktu ("45 menit", its number and unit sometimes a line apart) stands between the
kelengkapan and the output, and each column wraps at its own width, so a line holds, left to
right, a piece of the kegiatan, a piece of the kelengkapan, (the waktu,) a piece of the output.
The widths are measured on the lines where the waktu marks the border. The lanes come from the
words of the table header (which job titles appear), ordered from staff up as the form has
them; which lane a step belongs to is lost with the symbols, so every step needs a person."""

from __future__ import annotations

import re
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
_GARBLED = re.compile(r"[_()©{}\[\]]|^\W+$")
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
    ("Kepala Seksi", 2, r"kasi|seksi", (), ()),
    ("Sekretaris Kecamatan", 3, r"sekretaris|sekcam", ("kecamatan", "ketiam", "ecamatan"), ()),
    ("Sekretaris", 3, r"sekretaris", (), ("kecamatan", "ketiam", "ecamatan")),
    ("Camat", 4, r"camat|cgmgt", (), ()),
    ("Bupati/Sekda", 5, r"bupati", (), ()),
)
KEGIATAN_WIDTH = 13  # characters: the Kegiatan column of the scanned forms seen so far
_SLACK = 2  # proportional print: a line may end up to this much short of the column's width
_NOT_KEGIATAN = {"yg", "vyg", "vg", "yang"}


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
    steps: list[tuple[_Step, tuple[int, int]]] = []
    for header, body in pages:
        for rank, name in _lanes_of(header):
            if name not in [lane[2] for lane in lanes]:
                lanes.append((rank, len(lanes), name))
        page_steps = _steps(body, len(steps))
        widths = _widths(page_steps)
        steps += [(raw, widths) for raw in page_steps]
    lanes.sort()
    taken: set[str] = set()
    draft.sop.pelaksana = [Lane(f.lane_kode(name, taken), name) for _r, _k, name in lanes] or \
        [Lane("pelaksana", "Pelaksana")]
    draft.note("pelaksana", GUESS, "nama pelaksana dibaca dari kepala tabel hasil pindaian; "
               "periksa nama dan urutannya")
    for raw, widths in steps:
        draft.sop.langkah.append(_step(raw, widths, draft))
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


def _widths(steps: list[_Step]) -> tuple[int, int]:
    """The widths of the kelengkapan and the output column on a page: the longest pieces seen
    where the waktu marks their border (the kegiatan column is narrow and about the same on
    every form)."""
    kelengkapan = output = 0
    for step in steps:
        for k, line in enumerate(step.lines):
            if line.waktu_at is not None:
                start = _fill_kegiatan(line, line.waktu_at) if k or not _late(step) else 0
                kelengkapan = max(kelengkapan, len(" ".join(line.words[start:line.waktu_at])))
                output = max(output, len(" ".join(line.words[line.waktu_at:])))
    return max(kelengkapan, 10) + _SLACK, max(output, 8) + _SLACK


def _late(step: _Step) -> bool:
    """A first line without a verb while the next starts with one: the kegiatan, set in the
    middle of its cell, begins a line lower."""
    lines = step.lines
    return (len(lines) > 1 and bool(lines[0].words) and bool(lines[1].words)
            and not _VERB.match(lines[0].words[0]) and bool(_VERB.match(lines[1].words[0])))


def _kegiatan_goes_on(pieces: list[str], words: list[str]) -> bool:
    """A line's first word continues the kegiatan unless it is capitalised (the kelengkapan
    or output go on), but for a word after "/" ("Perintah/ Disposisi")."""
    first = words[0] if words else ""
    capital = first[:1].isupper() and first[1:2].islower()
    return not (pieces and capital and not pieces[-1].endswith("/") and "/" not in first)


def _fill_kegiatan(line: _Line, end: int) -> int:
    """How many words open the line as the kegiatan's piece: as many as fit its width, up to
    a ruling line or a stray mark (the lane columns come next), never a word that starts the
    kelengkapan ("Surat …", a capital inside the line) or a "yg" (kegiatan are orders)."""
    words, used, k = line.words, -1, 0
    while k < end:
        word = words[k]
        if k and (k in line.cuts or k in line.marks or word.lower() in _NOT_KEGIATAN
                  or (word[:1].isupper() and word[1:2].islower() and len(word) > 3)):
            break
        grown = used + 1 + len(word)
        if grown > KEGIATAN_WIDTH and k:
            break
        used, k = grown, k + 1
    return k


def _fill(line: _Line, width: int, start: int) -> int:
    used, k = -1, start
    while k < len(line.words):
        if k > start and k in line.cuts:
            break
        grown = used + 1 + len(line.words[k])
        if grown > width and k > start:
            break
        used, k = grown, k + 1
    return k


def _step(raw: _Step, widths: tuple[int, int], draft: Draft) -> Step:
    """Each line cut into its kegiatan, kelengkapan and output pieces. A column stays open
    while its last piece was too long for the next word to have fitted beside it (or ended in
    "-"); a column that stays open has a piece on the next line too."""
    number = raw.number
    width, out_width = widths
    columns: list[list[str]] = [[], [], []]
    lines = [line for line in raw.lines if line.words]
    late = _late(raw)
    kegiatan_open = kelengkapan_open = output_open = True
    kelengkapan_goes_on = output_goes_on = output_seen = False
    for k, line in enumerate(lines):
        words = line.words
        end = len(words) if line.waktu_at is None else line.waktu_at
        start = 0
        if kegiatan_open and not (late and k == 0) and _kegiatan_goes_on(columns[0], words):
            start = _fill_kegiatan(line, end)
        if line.waktu_at is not None:
            cut = end
        elif not kelengkapan_open:
            cut = start
        elif not output_open:
            cut = len(words)
        else:
            cut = _fill(line, width, start)
            if output_goes_on and not kelengkapan_goes_on and cut >= len(words) > start:
                cut = len(words) - 1
        pieces = (words[:start], words[start:cut], words[cut:])
        for column, part in zip(columns, pieces, strict=True):
            if part:
                column.append(" ".join(part))
        following = lines[k + 1] if k + 1 < len(lines) else None
        if following is None:
            break
        next_start = _fill_kegiatan(following, len(following.words)) if kegiatan_open else 0
        kegiatan_piece = " ".join(pieces[0])
        if kegiatan_open and kegiatan_piece and not kegiatan_piece.endswith("-") and \
                len(kegiatan_piece) + 1 + len(following.words[0]) <= KEGIATAN_WIDTH - _SLACK:
            kegiatan_open, next_start = False, 0
        piece = " ".join(pieces[1])
        after = following.words[next_start:next_start + 1]
        kelengkapan_goes_on = bool(piece) and (piece.endswith(("-", ",")) or not after or
                                               len(piece) + 1 + len(after[0]) > width - _SLACK)
        if kelengkapan_open and (k or not late) and not kelengkapan_goes_on:
            kelengkapan_open = line.waktu_at is None and following.waktu_at is not None
        out_piece = " ".join(pieces[2])
        rest = following.words[next_start:] or following.words
        output_goes_on = bool(out_piece) and (out_piece.endswith("-") or len(out_piece) + 1 +
                                              max(map(len, rest)) > out_width - _SLACK)
        if (out_piece and not output_goes_on) or (output_seen and not out_piece):
            output_open = False
        output_seen = output_seen or bool(out_piece)
    kegiatan, kelengkapan, output = (_join(c) for c in columns)
    step = Step(kegiatan=f.sentence(kegiatan), pelaksana=[])
    step.kelengkapan = f.split_kelengkapan(kelengkapan)
    step.waktu = raw.waktu
    step.output = f.clean(output)
    for name, text in (("kegiatan", kegiatan), ("kelengkapan", kelengkapan),
                       ("output", output)):
        if not text or any(_GARBLED.search(w) for w in text.split()):
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
