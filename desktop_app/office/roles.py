"""Roles read from a jabatan: who fills each lane when a run starts, who gives paraf and
signs by default. An exact jabatan match wins; then both sides are reduced to a role key by a
small table of the words offices use ("Sekretaris Kecamatan", "Sekcam", "Kasubbag Umum", ...).
A role key is whole: "Sekretaris Camat" is the sekcam, never the camat."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Spelled-out and short forms, reduced before the role key is read (order matters).
_SYNONYMS = (
    (r"\bsekretaris (kecamatan|camat)\b|\bsekcam\b", "sekcam"),
    (r"\bkepala sub ?bagian\b|\bkasub+ag\b|\bkasubbag\b|\bsubag\b|\bsubbag\b", "kasubag"),
    (r"\bkepala seksi\b|\bkasie?\b", "kasi"),
    (r"\bkepala bidang\b|\bkabid\b", "kabid"),
    (r"\bstaff?\b|\bpelaksana\b|\bjabatan fungsional umum\b|\bjfu\b|"
     r"\bpengadministrasi\b", "staf"),
)
_PLAIN = ("camat", "sekcam", "inspektur", "sekretaris", "perencana", "bendahara", "lurah")
_NOISE = {"dan", "&", "kecamatan", "kantor", "bagian", "seksi"}


@dataclass(frozen=True)
class Suggestion:
    person_id: int
    why: str  # "jabatan sama" or "peran cocok"


def _words(text: str) -> str:
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("_", " "))
    return " ".join(text.split())


def role_key(text: str) -> str | None:
    """"Camat Ngargoyoso" -> "camat"; "Sekretaris Kecamatan" -> "sekcam"; "Kasubag Umum dan
    Kepegawaian" -> "kasubag umum"; "Kasubag Perencanaan dan Keuangan" -> "kasubag
    perencanaan"; "Staf Umum" -> "staf"; None when nothing is known."""
    words = _words(text)
    for pattern, short in _SYNONYMS:
        words = re.sub(pattern, short, words)
    parts = [w for w in words.split() if w not in _NOISE]
    known = ("kasubag", "kasi", "kabid", "staf", *_PLAIN)
    start = next((i for i, w in enumerate(parts) if w in known), None)
    if start is None:  # "Wahyu Camat": the role may follow a name
        return None
    parts = parts[start:]
    head = parts[0]
    if head in ("kasubag", "kasi", "kabid"):
        rest = parts[1:]
        if head == "kasubag" and rest and rest[0] in ("program", "keuangan"):
            rest = ["perencanaan"]
        return " ".join([head, *rest[:1]])
    return "staf" if head == "staf" else head


def suggest_lanes(lanes: Iterable[tuple[str, str]], people: Iterable,
                  officials: Iterable = ()) -> dict[str, Suggestion]:
    """For each (kode, nama) lane, the active person to suggest, if any.

    `people` have id, nama, jabatan, nip (and active); `officials` (the office profile's
    jabatan, nama, nip) lend their jabatan to the person with the same NIP or name.
    """
    people = [p for p in people if getattr(p, "active", True)]
    lent: dict[int, list[str]] = {p.id: [p.jabatan] for p in people}
    for official in officials:
        for p in people:
            same_nip = official.nip and p.nip and _words(official.nip) == _words(p.nip)
            if same_nip or _words(official.nama) == _words(p.nama):
                lent[p.id].append(official.jabatan)
    chosen: dict[str, Suggestion] = {}
    for kode, nama in lanes:
        exact = [p.id for p in people
                 if any(_words(j) == _words(nama) for j in lent[p.id] if j)]
        if exact:
            chosen[kode] = Suggestion(exact[0], "jabatan sama")
            continue
        key = role_key(nama) or role_key(kode)
        if key is None:
            continue
        matches = [p.id for p in people if any(role_key(j) == key for j in lent[p.id] if j)]
        if matches:
            chosen[kode] = Suggestion(matches[0], "peran cocok")
    return chosen
