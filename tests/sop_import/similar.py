"""Comparing an imported draft with the bundled template made from the same document.

The templates were typed from the seeds with their typos mended ("Peerintah", "penjiilidan"),
so free text is compared by similarity; numbers, dates, waktu and the lane names exactly."""

from __future__ import annotations

from difflib import SequenceMatcher

from desktop_app.sop.model import Sop


def similar(a: str, b: str, at_least: float = 0.85) -> bool:
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    return SequenceMatcher(None, a, b).ratio() >= at_least


def differences(got: Sop, want: Sop) -> list[str]:
    out: list[str] = []
    g, w = got.identitas, want.identitas
    for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_pengesahan"):
        if getattr(g, key) != getattr(w, key):
            out.append(f"{key}: {getattr(g, key)} != {getattr(w, key)}")
    if g.nomor.replace(" ", "") != w.nomor.replace(" ", ""):
        out.append(f"nomor: {g.nomor!r} != {w.nomor!r}")
    for key in ("nama", "instansi"):
        if not similar(getattr(g, key), getattr(w, key)):
            out.append(f"{key}: {getattr(g, key)!r} != {getattr(w, key)!r}")
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
                "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"):
        if not similar(" | ".join(getattr(g, key)), " | ".join(getattr(w, key)), 0.8):
            out.append(f"{key}: {getattr(g, key)} != {getattr(w, key)}")
    gs, ws = g.disahkan_oleh, w.disahkan_oleh
    for key in ("jabatan", "nama", "pangkat", "nip"):
        a, b = getattr(gs, key, "") if gs else "", getattr(ws, key, "") if ws else ""
        if not similar(a, b, 0.9):
            out.append(f"disahkan_oleh.{key}: {a!r} != {b!r}")
    if [lane.nama for lane in got.pelaksana] != [lane.nama for lane in want.pelaksana]:
        out.append(f"pelaksana: {[x.nama for x in got.pelaksana]}")
    if len(got.langkah) != len(want.langkah):
        return out + [f"{len(got.langkah)} langkah, bukan {len(want.langkah)}"]
    for n, (a, b) in enumerate(zip(got.langkah, want.langkah, strict=True), start=1):
        if a.waktu != b.waktu:
            out.append(f"langkah {n} waktu: {a.waktu!r} != {b.waktu!r}")
        for key in ("kegiatan", "output", "keterangan"):
            if not similar(getattr(a, key), getattr(b, key)):
                out.append(f"langkah {n} {key}: {getattr(a, key)!r} != {getattr(b, key)!r}")
        if not similar(" | ".join(a.kelengkapan), " | ".join(b.kelengkapan), 0.8):
            out.append(f"langkah {n} kelengkapan: {a.kelengkapan} != {b.kelengkapan}")
    return out
