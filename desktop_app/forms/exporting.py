"""Exporting the forms units fill: one workbook per unit, prefilled from what the office
already has (the unit's current part of this year, else last year's plan; EKT from this
year's RKT targets)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from db import models as m
from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.errors import DomainError, InvalidInput, NotFound
from desktop_app.forms.form_types import HIGHER_BETTER, FormType, PlanLine, form_type
from desktop_app.forms.store import grade_bands, unit_lines
from desktop_app.office.profile import Unit, load_profile


@dataclass(frozen=True)
class ExportedForm:
    unit_id: int
    unit_nama: str
    path: Path
    prefilled: int  # rows already filled in
    prefill_note: str


def export_forms(out_dir: Path, kind: str, year: int, units: Sequence[str] | None = None,
                 run_id: int | None = None, paper: str | None = None) -> list[ExportedForm]:
    """Write one form per unit (all units, or those named) into `out_dir`."""
    form = form_type(kind)
    _check_year(year)
    if run_id is not None:
        _check_run(run_id, year)
    chosen = choose_units(units)
    _prepare_folder(out_dir)
    names: set[str] = set()
    exported = []
    for unit in chosen:
        data, rows, note = unit_form(form.kind, year, unit.id, run_id, paper)
        path = out_dir / _file_name(form, year, unit, names)
        write_file(path, data)
        exported.append(ExportedForm(unit.id, unit.nama, path, rows, note))
    return exported


def unit_form(kind: str, year: int, unit_id: int, run_id: int | None = None,
              paper: str | None = None) -> tuple[bytes, int, str]:
    """One unit's workbook: (xlsx bytes, prefilled rows, where they came from)."""
    from desktop_app import __version__
    from desktop_app.forms.workbook_export import FormSpec, form_workbook

    form = form_type(kind)
    profile = load_profile()
    unit = next((u for u in profile.units if u.id == unit_id), None)
    if unit is None:
        raise NotFound(f"Unit dengan id {unit_id} tidak ada di profil kantor.")
    lines, note = prefill(form, year, unit_id)
    spec = FormSpec(form, year, unit_id, unit.nama, profile.nama_kantor, lines, note, run_id,
                    paper or profile.paper, grade_bands(),
                    datetime.now(UTC).isoformat(timespec="seconds"), __version__)
    return form_workbook(spec), len(lines), note


def prefill(form: FormType, year: int, unit_id: int) -> tuple[tuple[PlanLine, ...], str]:
    """The rows a new form starts with, and a sentence saying where they come from."""
    current = unit_lines(form.kind, year, unit_id)
    if current:
        return current, f"Baris terisi dari kiriman terakhir unit ini untuk {form.code} {year}."
    if form.kind == "ekt":
        return _ekt_prefill(year, unit_id)
    previous = unit_lines(form.kind, year - 1, unit_id)
    if not previous:
        return (), ""
    if form.kind == "renja":
        rolled = tuple(replace(line, target=_first(line.target_maju, line.target),
                               pagu=_first(line.pagu_maju, line.pagu), target_maju=None,
                               pagu_maju=None) for line in previous)
        return rolled, (f"Baris terisi dari Renja {year - 1} (target dan pagu dari prakiraan "
                        "maju); perbarui seperlunya.")
    return previous, f"Baris terisi dari RKT {year - 1}; perbarui untuk tahun {year}."


def _ekt_prefill(year: int, unit_id: int) -> tuple[tuple[PlanLine, ...], str]:
    earlier = unit_lines("ekt", year - 1, unit_id) or ()
    polarity = {" ".join(line.indikator.split()).casefold(): line.polaritas for line in earlier}
    rkt = unit_lines("rkt", year, unit_id)
    if rkt:
        lines = tuple(PlanLine(sasaran=line.sasaran, indikator=line.indikator,
                               satuan=line.satuan, target=line.target,
                               polaritas=polarity.get(" ".join(line.indikator.split())
                                                      .casefold(), HIGHER_BETTER))
                      for line in rkt)
        return lines, f"Baris terisi dari target RKT {year}; isi realisasinya."
    if earlier:
        lines = tuple(replace(line, realisasi=None, catatan="") for line in earlier)
        return lines, f"Baris terisi dari EKT {year - 1}; perbarui target dan isi realisasi."
    return (), ""


def _first(*values):
    return next((v for v in values if v is not None), None)


def choose_units(names: Sequence[str] | None) -> list[Unit]:
    units = list(load_profile().units)
    if not units:
        raise InvalidInput("Belum ada unit di profil kantor. Tambahkan unit (seksi, subbag) di "
                           "Pengaturan > Profil kantor, lalu ekspor lagi.")
    if not names:
        return units
    by_name = {" ".join(u.nama.split()).casefold(): u for u in units}
    unknown = [n for n in names if " ".join(n.split()).casefold() not in by_name]
    if unknown:
        raise InvalidInput([f'Unit "{n}" tidak ada di profil kantor.' for n in unknown]
                           + ["Unit yang ada: " + ", ".join(u.nama for u in units) + "."])
    return [by_name[" ".join(n.split()).casefold()] for n in names]


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise InvalidInput(f"Tahun {year} tidak masuk akal; tulis tahun rencana, mis. 2027.")


def _check_run(run_id: int, year: int) -> None:
    run = m.Run.get_or_none(m.Run.id == run_id)
    if run is None:
        raise NotFound(f"Proses dengan id {run_id} tidak ada.")
    if run.year != year:
        raise InvalidInput(f"Proses \"{run.title}\" untuk tahun {run.year}, bukan {year}.")


def _prepare_folder(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InvalidInput(f"{out_dir} adalah berkas, bukan folder; pilih folder tujuan.")
    if not out_dir.parent.is_dir():
        raise InvalidInput(f"Folder {out_dir.parent} tidak ada; buat dulu atau pilih folder "
                           "lain.")
    try:
        out_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise InvalidInput(f"Folder {out_dir} tidak dapat dibuat ({exc.strerror}).") from exc


def _file_name(form: FormType, year: int, unit: Unit, taken: set[str]) -> str:
    """An ASCII name from the unit's name (never a path); unique within this export."""
    slug = re.sub(r"[^0-9A-Za-z]+", "-", unit.nama).strip("-")[:60] or f"unit-{unit.id}"
    name = f"{form.code}-{year}-{slug}.xlsx"
    if name.casefold() in taken:
        name = f"{form.code}-{year}-{slug}-{unit.id}.xlsx"
    taken.add(name.casefold())
    return name


def write_file(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise DomainError(f"Berkas {path} tidak dapat ditulis ({exc.strerror}). Jika berkas "
                          "itu sedang dibuka di Excel, tutup dulu.") from exc
