"""Typo-tolerant matching of the labels of the official SOP form ("Tangal Revisi", "Ketengan")."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

# key -> the ways offices write the label
IDENTITY_LABELS = {
    "nomor": ("nomor sop", "no sop", "nomor"),
    "tanggal_pembuatan": ("tanggal pembuatan", "tgl pembuatan"),
    "tanggal_revisi": ("tanggal revisi", "tgl revisi"),
    "tanggal_pengesahan": ("tanggal pengesahan", "tanggal efektif", "tgl pengesahan",
                           "tanggal disahkan"),
    "disahkan_oleh": ("disahkan oleh",),
    "nama": ("nama sop",),
    "instansi": ("sumber sop",),  # the sheet's row for an SOP of another office
    "dasar_hukum": ("dasar hukum",),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana",),
    "keterkaitan": ("keterkaitan",),
    "peralatan_perlengkapan": ("peralatan/perlengkapan", "peralatan perlengkapan",
                               "peralatan/peralatan", "perlengkapan/peralatan"),
    "peringatan": ("peringatan",),
    "pencatatan_pendataan": ("pencatatan dan pendataan", "pencatatan/pendataan"),
}
COLUMN_LABELS = {
    "no": ("no", "nomor"),
    "kegiatan": ("kegiatan", "uraian prosedur", "uraian kegiatan", "aktivitas", "aktifitas",
                 "prosedur"),
    "pelaksana": ("pelaksana",),
    "mutu_baku": ("mutu baku", "mutu buku"),
    "kelengkapan": ("persyaratan/kelengkapan", "kelengkapan", "persyaratan",
                    "kelengkapan dan peralatan", "persyaratan / kelengkapan"),
    "waktu": ("waktu",),
    "output": ("output", "keluaran"),
    "keterangan": ("keterangan", "ket"),
}
_WORD = re.compile(r"[a-z0-9/]+")


def words(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text.lower())
    return _WORD.findall(text.replace(" / ", "/").replace("/ ", "/"))


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def match_prefix(text: str, labels: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """(key, rest of the text) when `text` starts with one of the labels, typos allowed."""
    found = words(text)
    best: tuple[int, str] | None = None
    for key, variants in labels.items():
        for variant in variants:
            want = words(variant)
            got = found[:len(want)]
            fits = len(got) == len(want) and _similar(" ".join(got), " ".join(want))
            if fits and (best is None or len(want) > best[0]):
                best = (len(want), key)
    if best is None:
        return None
    return best[1], _rest_after(text, best[0])


def match_exact(text: str, labels: dict[str, tuple[str, ...]]) -> str | None:
    """The key when the whole `text` is one of the labels (typos allowed)."""
    hit = match_prefix(text, labels)
    if hit and not hit[1].strip(" :.\t"):
        return hit[0]
    return None


def _rest_after(text: str, count: int) -> str:
    normal = re.sub(r"\s+", " ", text).replace(" / ", "/").replace("/ ", "/")
    spans = list(_WORD.finditer(normal.lower()))
    end = spans[count - 1].end() if count and len(spans) >= count else 0
    return normal[end:].strip().lstrip(":").strip()
