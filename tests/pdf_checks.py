"""Checks every PDF the app prints must pass: no word broken between lines without a hyphen,
every font embedded. Used by the tests of each kind of PDF (and `check_pdf` on any file)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber

SHORT_WORDS = {"di", "ke", "ya", "se", "&", "a", "b", "c", "d", "e", "x", "s", "sd", "dr",
               "ir", "hj", "h", "sh", "st", "km"}
LETTERS = re.compile(r"^[a-zà-ž]+$")
NUMBERISH = re.compile(r"^[\d.,/]+$")


def _lines(words: list[dict]) -> list[list[dict]]:
    """Runs of words on one baseline with ordinary word gaps: one line of one cell."""
    words = sorted(words, key=lambda w: (round(w["bottom"]), w["x0"]))
    lines: list[list[dict]] = []
    for word in words:
        last = lines[-1][-1] if lines else None
        if (last is not None and abs(last["bottom"] - word["bottom"]) < 1.0
                and 0 <= word["x0"] - last["x1"] < 0.6 * (word["bottom"] - word["top"]) + 2):
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _below(line: list[dict], lines: list[list[dict]]) -> list[dict] | None:
    """The next line of the same cell: one leading lower, starting at the same left edge or
    centred on the same middle."""
    height = line[0]["bottom"] - line[0]["top"]
    left, right = line[0]["x0"], line[-1]["x1"]
    for other in lines:
        gap = other[0]["bottom"] - line[0]["bottom"]
        if not 0.7 * height < gap < 1.8 * height:
            continue
        o_left, o_right = other[0]["x0"], other[-1]["x1"]
        if abs(o_left - left) < 2.5 or abs((o_left + o_right) - (left + right)) < 5:
            return other
    return None


def vocabulary_of(words: list[dict]) -> set[str]:
    return {w["text"].strip(".,;:()").lower() for w in words}


def broken_words(words: list[dict], vocabulary: set[str] | None = None) -> list[str]:
    """Words split over two lines without a hyphen, as "Wakt/u": a short rest alone on its
    line, or two parts that make a word the document (`vocabulary`) writes whole."""
    lines = _lines(words)
    vocabulary = vocabulary_of(words) | (vocabulary or set())
    found = []
    for line in lines:
        below = _below(line, lines)
        if below is None:
            continue
        tail, head = line[-1]["text"], below[0]["text"]
        if tail.endswith(("-", "–", "—", ",", ";", ":", ")", "/")) or not head:
            continue
        joined = (tail + head).strip(".,;:()").lower()
        if NUMBERISH.match(tail) and NUMBERISH.match(head) and (
                tail.endswith(".") or len(head.strip(".,")) <= 3 and "." in tail + head
                and not re.match(r"^\d{1,2}\.$", tail)):
            found.append(f"{tail}/{head}")  # a code or amount cut: "7.01.01./2.01"
        elif (tail[-1:].isalpha() and LETTERS.match(head.strip(".,;:)")) and (
                (len(below) == 1 and len(head.strip(".,;:)")) <= 2
                 and head.strip(".,;:)") not in SHORT_WORDS)
                or (joined in vocabulary and len(joined) >= 6 and head[:1].islower()))):
            found.append(f"{tail}/{head}")
    return found


def unembedded_fonts(path: Path) -> list[str]:
    """Fonts the PDF uses without embedding them (`pdffonts`), e.g. the standard Helvetica."""
    if shutil.which("pdffonts") is None:
        return []
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    bad = []
    for line in out:
        parts = line.split()
        # name type [encoding...] emb sub uni object ID: "emb" is the 5th field from the end
        if len(parts) >= 7 and parts[-5] == "no":
            bad.append(parts[0])
    return bad


def upright(page):
    """The page without turned text (the diagonal KONSEP / DRAF mark is not part of the
    layout whose words are checked)."""
    return page.filter(lambda obj: obj.get("object_type") != "char"
                       or abs(obj.get("matrix", (1, 0))[1]) < 1e-6)


def check_pdf(source: Path | bytes, tmp_dir: Path | None = None,
              words: set[str] | None = None) -> list[str]:
    """Every problem of one PDF: "page 2: broken word Wakt/u", "font Helvetica not embedded".
    `words`: words the test put in, which must never come out broken."""
    if isinstance(source, bytes):
        assert tmp_dir is not None
        path = tmp_dir / f"checked-{abs(hash(source))}.pdf"
        path.write_bytes(source)
        data = source
    else:
        path, data = source, source.read_bytes()
    problems = [f"font {name} not embedded" for name in unembedded_fonts(path)]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [upright(page).extract_words(use_text_flow=False, keep_blank_chars=False)
                 for page in pdf.pages]
    known = {word.lower() for word in words or ()}
    for page_words in pages:
        known |= vocabulary_of(page_words)
    for number, page_words in enumerate(pages, start=1):
        problems += [f"page {number}: broken word {w}"
                     for w in broken_words(page_words, known)]
    return problems
