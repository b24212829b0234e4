"""Edits of an SOP draft as pure functions: each returns a new Sop and leaves its input as is,
so the editor's undo stack can keep before/after states. Steps keep their decision targets
(jika_ya / jika_tidak) pointing at the same steps when steps move."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.model import Lane, Sop, Step


def _copy(sop: Sop) -> Sop:
    return copy.deepcopy(sop)


def set_identity(sop: Sop, **fields) -> Sop:
    new = _copy(sop)
    new.identitas = replace(new.identitas, **fields)
    return new


def lane_kode(nama: str, taken: set[str]) -> str:
    """A kode for a new lane from its name: "Kasubag Umum" -> "kasubag_umum" (unique)."""
    base = re.sub(r"[^a-z0-9]+", "_", nama.lower()).strip("_") or "pelaksana"
    kode, n = base, 2
    while kode in taken:
        kode, n = f"{base}_{n}", n + 1
    return kode


def add_lane(sop: Sop, nama: str) -> Sop:
    new = _copy(sop)
    new.pelaksana.append(Lane(lane_kode(nama, {lane.kode for lane in sop.pelaksana}), nama))
    return new


def rename_lane(sop: Sop, index: int, nama: str) -> Sop:
    new = _copy(sop)
    new.pelaksana[index].nama = nama
    return new


def move_lane(sop: Sop, index: int, delta: int) -> Sop:
    target = index + delta
    if not 0 <= target < len(sop.pelaksana):
        return sop
    new = _copy(sop)
    new.pelaksana.insert(target, new.pelaksana.pop(index))
    return new


def remove_lane(sop: Sop, index: int) -> Sop:
    lane = sop.pelaksana[index]
    users = [n for n, step in enumerate(sop.langkah, 1) if lane.kode in step.pelaksana]
    if users:
        raise InvalidInput(f'Pelaksana "{lane.nama}" masih dipakai langkah '
                           f"{', '.join(map(str, users))}; ganti pelaksana langkah itu dahulu.")
    new = _copy(sop)
    del new.pelaksana[index]
    return new


def update_step(sop: Sop, index: int, **fields) -> Sop:
    new = _copy(sop)
    new.langkah[index] = replace(new.langkah[index], **fields)
    return new


def insert_step(sop: Sop, position: int, step: Step | None = None) -> Sop:
    """Insert before `position` (0-based; len = at the end)."""
    if step is None:
        main = sop.pelaksana[0].kode if sop.pelaksana else ""
        step = Step(kegiatan="Kegiatan baru", pelaksana=[main] if main else [])
    mapping = {n: n + 1 if n > position else n for n in range(1, len(sop.langkah) + 1)}
    new = _renumbered(sop, mapping)
    new.langkah.insert(position, copy.deepcopy(step))
    return new


def delete_step(sop: Sop, index: int) -> Sop:
    """Delete a step; decisions that pointed at it lose that target (shown as a problem)."""
    deleted = index + 1
    mapping = {n: (None if n == deleted else n - 1 if n > deleted else n)
               for n in range(1, len(sop.langkah) + 1)}
    new = _renumbered(sop, mapping)
    del new.langkah[index]
    return new


def move_step(sop: Sop, index: int, delta: int) -> Sop:
    target = index + delta
    if not 0 <= target < len(sop.langkah):
        return sop
    order = list(range(1, len(sop.langkah) + 1))
    order.insert(target, order.pop(index))
    mapping = {old: new for new, old in enumerate(order, start=1)}
    new = _renumbered(sop, mapping)
    new.langkah = [new.langkah[old - 1] for old in order]
    return new


def _renumbered(sop: Sop, mapping: dict[int, int | None]) -> Sop:
    new = _copy(sop)
    for step in new.langkah:
        if step.jika_ya is not None:
            step.jika_ya = mapping.get(step.jika_ya, step.jika_ya)
        if step.jika_tidak is not None:
            step.jika_tidak = mapping.get(step.jika_tidak, step.jika_tidak)
    return new
