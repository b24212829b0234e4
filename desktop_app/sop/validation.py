"""The rules an SOP must satisfy, shared by the file importer, the editor and the storage layer.

Each problem names its place ("langkah 4: ...") so the user can find it.
"""

from __future__ import annotations

import re

from desktop_app.common.errors import InvalidInput
from desktop_app.common.waktu import parse_waktu
from desktop_app.sop.limits import limit_problems, step_limit_problems
from desktop_app.sop.model import DOCUMENT_KINDS, SYMBOLS, Sop, Step

KODE_PATTERN = re.compile(r"^[a-z0-9_]+$")


def sop_problems(sop: Sop) -> list[str]:
    """Every rule the SOP breaks, as Indonesian sentences; an empty list when it is valid."""
    problems: list[str] = []
    if not sop.identitas.nama.strip():
        problems.append("identitas: nama SOP wajib diisi")
    problems += _lane_problems(sop)
    if not sop.langkah:
        problems.append("langkah: SOP harus memiliki paling sedikit satu langkah")
    kodes = {lane.kode for lane in sop.pelaksana}
    problems += limit_problems(sop)
    for number, step in enumerate(sop.langkah, start=1):
        problems += [f"langkah {number}: {p}" for p in step_problems(step, number, sop, kodes)]
    if not problems:
        problems += _no_way_out(sop)
    return problems


def _no_way_out(sop: Sop) -> list[str]:
    """Steps a run can reach but from which it can never finish (a decision loop whose every
    branch leads back into it)."""
    count, end = len(sop.langkah), 0

    def after(number: int) -> int:
        return number + 1 if number < count else end

    successors: dict[int, set[int]] = {}
    for number, step in enumerate(sop.langkah, start=1):
        if step.simbol == "selesai":
            successors[number] = {end}
        elif step.simbol == "keputusan":
            successors[number] = {step.jika_ya or after(number), step.jika_tidak or end}
        else:
            successors[number] = {after(number)}
    reached, todo = {1}, [1]
    while todo:
        for target in successors.get(todo.pop(), ()):
            if target not in reached:
                reached.add(target)
                todo.append(target)
    finishing, changed = {end}, True
    while changed:
        changed = False
        for number, targets in successors.items():
            if number not in finishing and targets & finishing:
                finishing.add(number)
                changed = True
    stuck = sorted(n for n in reached - finishing if sop.langkah[n - 1].simbol == "keputusan")
    stuck = stuck or sorted(reached - finishing - {end})
    if not stuck:
        return []
    return [f"langkah {stuck[0]}: dari langkah ini proses tidak pernah sampai selesai (setiap "
            "pilihan keputusan kembali ke putaran yang sama); arahkan jika_ya atau jika_tidak "
            "ke langkah yang menuju selesai"]


def require_valid(sop: Sop) -> None:
    """Raise InvalidInput listing every problem, or return when the SOP is valid."""
    problems = sop_problems(sop)
    if problems:
        raise InvalidInput(problems)


def _lane_problems(sop: Sop) -> list[str]:
    problems = []
    if not sop.pelaksana:
        problems.append("pelaksana: SOP harus memiliki paling sedikit satu pelaksana")
    seen: set[str] = set()
    for number, lane in enumerate(sop.pelaksana, start=1):
        place = f"pelaksana {number}"
        if not KODE_PATTERN.match(lane.kode):
            problems.append(
                f'{place}: kode "{lane.kode}" hanya boleh berisi huruf kecil, angka dan garis bawah'
            )
        elif lane.kode in seen:
            problems.append(f'{place}: kode "{lane.kode}" sudah dipakai pelaksana lain')
        seen.add(lane.kode)
        if not lane.nama.strip():
            problems.append(f"{place}: nama pelaksana wajib diisi")
    return problems


def step_problems(step: Step, number: int, sop: Sop, kodes: set[str]) -> list[str]:
    """The problems of one step (without the "langkah N:" prefix), for the editor's inline marks."""
    problems = []
    count = len(sop.langkah)
    if not step.kegiatan.strip():
        problems.append("kegiatan wajib diisi")
    if not step.pelaksana:
        problems.append("pelaksana wajib diisi")
    for kode in step.pelaksana:
        if kode not in kodes:
            problems.append(f'pelaksana "{kode}" tidak ada di daftar pelaksana')
    if len(set(step.pelaksana)) != len(step.pelaksana):
        problems.append("pelaksana yang sama disebut lebih dari sekali")
    if step.simbol not in SYMBOLS:
        problems.append(f'simbol "{step.simbol}" tidak dikenal; pilih salah satu dari '
                        + ", ".join(SYMBOLS))
    if step.waktu:
        try:
            parse_waktu(step.waktu)
        except ValueError as exc:
            problems.append(str(exc))
    if step.dokumen and step.dokumen not in DOCUMENT_KINDS:
        problems.append(f'dokumen "{step.dokumen}" tidak dikenal; pilih salah satu dari '
                        + ", ".join(DOCUMENT_KINDS))
    problems += _decision_problems(step, number, count)
    problems += step_limit_problems(step)
    return problems


def _decision_problems(step: Step, number: int, count: int) -> list[str]:
    problems = []
    for key in ("jika_ya", "jika_tidak"):
        target = getattr(step, key)
        if target is None:
            continue
        if step.simbol != "keputusan":
            problems.append(f"{key} hanya boleh pada langkah keputusan")
        elif not 1 <= target <= count:
            problems.append(f"{key} = {target} menunjuk ke luar langkah 1 sampai {count}")
        elif target == number:
            problems.append(f"{key} tidak boleh menunjuk ke langkah ini sendiri")
    if step.simbol == "keputusan":
        if step.jika_tidak is None:
            problems.append("langkah keputusan wajib memiliki jika_tidak "
                            "(langkah tujuan bila hasilnya Tidak)")
        if step.jika_ya is None and number == count:
            problems.append("langkah keputusan terakhir wajib memiliki jika_ya, "
                            "karena tidak ada langkah sesudahnya")
    return problems
