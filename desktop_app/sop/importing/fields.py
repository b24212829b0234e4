"""Turning the text of a form field into its value: dates, waktu, numbered lists, the signer."""

from __future__ import annotations

import re
from datetime import date

from desktop_app.common.waktu import UNITS, parse_waktu
from desktop_app.sop.model import Official

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "nopember": 11, "november": 11, "nov": 11, "desember": 12, "des": 12,
}
PANGKAT = (
    "Pembina Utama Madya", "Pembina Utama Muda", "Pembina Utama", "Pembina Tingkat I",
    "Pembina Tk. I", "Pembina", "Penata Tingkat I", "Penata Tk. I", "Penata Muda Tingkat I",
    "Penata Muda Tk. I", "Penata Muda", "Penata", "Pengatur Tingkat I", "Pengatur Muda Tingkat I",
    "Pengatur Muda", "Pengatur",
)
_DATE = re.compile(r"(\d{1,2})\s*[-/ ]?\s*([A-Za-z]+)\s*[-/ ]?\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WAKTU = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(menit|mnt|jam|hari|minggu|bulan)\b\.?\s*$",
                    re.IGNORECASE)
_UNIT_ALIASES = {"mnt": "menit"}
_NUMBERED = re.compile(r"(?:^|(?<=[\s;.,:]))(\d{1,2})[.)]\s+")
_BULLETS = re.compile(r"^\s*[·•\-*●▪o]\s+", re.MULTILINE)
_NIP = re.compile(r"NIP\.?\s*:?\s*((?:\d\s*){18})", re.IGNORECASE)
_HTML = re.compile(r"<[^>]{0,200}>")


def clean(text: str) -> str:
    """One line of plain text: markup gone, runs of white space as one space."""
    text = _HTML.sub(" ", text or "").replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def sentence(text: str) -> str:
    """Clean text with the stray spaces around punctuation that typing leaves mended."""
    text = re.sub(r"\s+([,:;.])", r"\1", clean(text))
    return re.sub(r"([,;])(?=[A-Za-z])", r"\1 ", text)


def parse_date(text: str) -> date | None:
    text = clean(text)
    iso = _ISO.search(text)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    match = _DATE.search(text)
    if not match:
        return None
    month = MONTHS.get(match[2].lower())
    return _safe_date(int(match[3]), month, int(match[1])) if month else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_waktu_text(text: str) -> str | None:
    """"7 Hari" -> "7 hari"; None when the text is no waktu."""
    match = _WAKTU.match(clean(text))
    if not match:
        return None
    unit = match[2].lower()
    unit = _UNIT_ALIASES.get(unit, unit)
    value = f"{match[1]} {unit}"
    try:
        parse_waktu(value)
    except ValueError:
        return None
    return value if unit in UNITS else None


def is_waktu(text: str) -> bool:
    return parse_waktu_text(text) is not None


def split_list(text: str) -> list[str]:
    """A numbered ("1. … 2. …") or bulleted list in one cell, as its items."""
    raw = _HTML.sub(" ", text or "").replace("**", "")
    if _BULLETS.search(raw):
        items = _BULLETS.split(raw)
        return [_item(i) for i in items if _item(i)]
    matches = list(_NUMBERED.finditer(raw))
    numbers = [m.span() for m in matches] if matches and matches[0].group(1) == "1" and \
        _numbered_in_order(matches) else []
    glued = _glued_numbers(raw, [m.span() for m in matches])
    if len(glued) > len(numbers):
        numbers = glued
    if numbers:
        cuts = [start for start, _end in numbers] + [len(raw)]
        items = [raw[numbers[k][1]:cuts[k + 1]] for k in range(len(numbers))]
        return [_item(i) for i in items if _item(i)]
    lines = [_item(line) for line in raw.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1:
        return lines
    one = clean(raw)
    return [_item(one)] if one and one not in ("-",) else []


def _glued_numbers(raw: str, spaced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Item numbers 1., 2., … in order where some are glued to the word before them, as text
    copied from a web page reads ("… Pemerintahan Daerah2. Peraturan …"): a glued number
    counts only as the next one and before a capital. Empty unless it finds two or more
    items and every spaced number of the text among them."""
    cuts: list[tuple[int, int]] = []
    position, expected = 0, 1
    while True:
        spaced_next = re.compile(rf"(?:^|(?<=[\s;.,:])){expected}[.)]\s+")
        glued_next = re.compile(rf"(?<=[^\W\d]){expected}[.)]\s*(?=[A-Z])")
        found = [m for m in (spaced_next.search(raw, position),
                             glued_next.search(raw, position) if expected > 1 else None) if m]
        if not found:
            break
        hit = min(found, key=lambda m: m.start())
        cuts.append(hit.span())
        position, expected = hit.end(), expected + 1
    starts = {start for start, _end in cuts}
    if len(cuts) < 2 or cuts[0][0] != raw.find(raw.lstrip()[:1]) or not all(
            start in starts for start, _end in spaced):
        return []
    return cuts


def _numbered_in_order(numbers: list[re.Match]) -> bool:
    expected = 1
    for m in numbers:
        if int(m.group(1)) != expected:
            return False
        expected += 1
    return True


def _item(text: str) -> str:
    return clean(text).rstrip(";,").rstrip(".").strip() if clean(text) not in ("-",) else ""


def split_sheet_list(text: str) -> list[str]:
    """A list as this app prints it: "- item" per line when several, else the one item."""
    if _BULLETS.search(text or ""):
        return split_list(text)
    return [clean(text)] if clean(text) not in ("", "-") else []


def split_kelengkapan(text: str) -> list[str]:
    """Kelengkapan: a list when bulleted/numbered, else the comma-separated things."""
    items = split_list(text)
    if len(items) == 1:
        items = [part.strip() for part in re.split(r",\s*", items[0]) if part.strip()]
    return [item for item in items if item not in ("-",)]


def parse_official(text: str) -> Official:
    """"INSPEKTUR KAB. X NAMA, SH. Pembina Utama Muda NIP. 1960…" into its four fields."""
    lines = [clean(line) for line in (text or "").splitlines() if clean(line)]
    if len(lines) >= 2:
        return _official_lines(lines)
    text = clean(text)
    nip = ""
    match = _NIP.search(text)
    if match:
        nip = re.sub(r"\s", "", match[1])
        text = (text[:match.start()] + " " + text[match.end():]).strip()
    pangkat = ""
    for candidate in PANGKAT:
        found = re.search(rf"\b{re.escape(candidate)}\b", text, re.IGNORECASE)
        if found:
            pangkat = candidate
            text = (text[:found.start()] + " " + text[found.end():]).strip()
            break
    jabatan, nama = _jabatan_nama(re.sub(r"\s+", " ", text).strip(" ,"))
    return Official(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)


def _official_lines(lines: list[str]) -> Official:
    """The signature block typed one part per line: jabatan, nama, pangkat, NIP."""
    official = Official()
    rest = []
    lines = [line for line in lines if not re.fullmatch(r"\(?[.\s…]*\)?|NIP\.?\s*:?\s*-?", line)]
    joined: list[str] = []
    for line in lines:  # "WAHYU AGUS PRAMONO," / "S.STP." is one name
        if joined and joined[-1].endswith(","):
            joined[-1] += " " + line
        else:
            joined.append(line)
    for line in joined:
        nip = _NIP.search(line)
        if nip:
            official.nip = re.sub(r"\s", "", nip[1])
        elif any(line.lower() == p.lower() for p in PANGKAT):
            official.pangkat = line
        else:
            rest.append(line)
    if len(rest) >= 2:
        official.jabatan, official.nama = _title(" ".join(rest[:-1]).rstrip(",")), rest[-1]
    elif rest:
        official.jabatan = _title(rest[0])
    return official


def _jabatan_nama(text: str) -> tuple[str, str]:
    place = re.search(r"\b(KABUPATEN|KECAMATAN|KOTA|PROVINSI|DESA|KELURAHAN)\s+\S+",
                      text, re.IGNORECASE)
    if place and place.end() < len(text) and "," in text[place.end():]:
        return _title(text[:place.end()]), text[place.end():].strip()
    return _title(text), ""


def _title(text: str) -> str:
    return text.title() if text.isupper() else text


TYPOS = {"steakholder": "Stakeholder", "pengadminsitrasi": "Pengadministrasi",
         "sekertaris": "Sekretaris", "kasubag.": "Kasubag"}


def mend_typos(text: str) -> str:
    """Common misspellings in lane names, mended (the review shows the result)."""
    return " ".join(TYPOS.get(word.lower(), word) for word in text.split())


def lane_kode(nama: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", nama.lower()).strip("_")[:40] or "pelaksana"
    kode, n = base, 2
    while kode in taken:
        kode, n = f"{base}_{n}", n + 1
    taken.add(kode)
    return kode
