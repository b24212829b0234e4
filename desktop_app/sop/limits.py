"""How big an SOP may be: limits that match what the sheet and the flowchart can print and a
run can carry, checked at import and in the editor (via `validation.sop_problems`)."""

from __future__ import annotations

from desktop_app.sop.model import Sop

MAX_STEPS = 100
MAX_LANES = 12  # swimlanes side by side on one landscape page (issue 17: up to 12)
MAX_CHECKLIST = 12  # kelengkapan items of one step
MAX_CHECKLIST_CHARS = 500  # all kelengkapan items of one step together (one printed row)
MAX_LIST_ITEMS = 30  # dasar hukum, peringatan, … of the identity
MAX_NAME = 100  # a pelaksana's name (the swimlane header)
MAX_SHORT = 300  # names, numbers, output, keterangan
MAX_LONG = 500  # kegiatan, one dasar hukum or peringatan
# A step at every limit still fits one printed row of the flowchart (A4 and F4, 12 lanes):
# tests/sop/test_limits.py prints such an SOP.

_IDENTITY_SHORT = ("nama", "nomor", "instansi")
_IDENTITY_LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
                   "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan")


def limit_problems(sop: Sop) -> list[str]:
    """Every limit the SOP exceeds, as Indonesian sentences naming the place."""
    problems = _identity_problems(sop)
    if len(sop.pelaksana) > MAX_LANES:
        problems.append(f"pelaksana: paling banyak {MAX_LANES} pelaksana (ada "
                        f"{len(sop.pelaksana)}); gabungkan pelaksana yang sejenis")
    for number, lane in enumerate(sop.pelaksana, start=1):
        problems += _too_long(f"pelaksana {number}: nama", lane.nama, MAX_NAME)
    if len(sop.langkah) > MAX_STEPS:
        problems.append(f"langkah: paling banyak {MAX_STEPS} langkah (ada {len(sop.langkah)}); "
                        "pecah menjadi beberapa SOP")
    return problems


def step_limit_problems(step) -> list[str]:
    """The limits one step exceeds (without the "langkah N:" prefix)."""
    problems = _too_long("kegiatan", step.kegiatan, MAX_LONG)
    for key in ("output", "keterangan", "waktu"):
        problems += _too_long(key, getattr(step, key) or "", MAX_SHORT)
    if len(step.kelengkapan) > MAX_CHECKLIST:
        problems.append(f"kelengkapan: paling banyak {MAX_CHECKLIST} butir (ada "
                        f"{len(step.kelengkapan)})")
    elif sum(len(item) for item in step.kelengkapan) > MAX_CHECKLIST_CHARS:
        problems.append(f"kelengkapan terlalu panjang (semua butir bersama paling banyak "
                        f"{MAX_CHECKLIST_CHARS} karakter, agar muat satu baris bagan)")
    return problems


def _identity_problems(sop: Sop) -> list[str]:
    identity, problems = sop.identitas, []
    for key in _IDENTITY_SHORT:
        problems += _too_long(f"identitas: {key}", getattr(identity, key) or "", MAX_SHORT)
    for key in _IDENTITY_LISTS:
        items = getattr(identity, key)
        if len(items) > MAX_LIST_ITEMS:
            problems.append(f"identitas: {key} paling banyak {MAX_LIST_ITEMS} butir (ada "
                            f"{len(items)})")
        for index, item in enumerate(items[:MAX_LIST_ITEMS + 1], start=1):
            problems += _too_long(f"identitas: {key} {index}", item, MAX_LONG)
    official = identity.disahkan_oleh
    if official is not None:
        for key, value in vars(official).items():
            problems += _too_long(f"identitas: disahkan_oleh.{key}", str(value or ""), MAX_SHORT)
    return problems


def _too_long(place: str, text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return []
    return [f"{place} terlalu panjang ({len(text):,} karakter; paling banyak {limit})"
            .replace(",", ".")]
