"""Importing filled forms in two steps: `check_forms` reads and validates the files and says
what would change (nothing is written); `import_forms` stores them, all in one transaction,
replacing a unit's part only when the caller confirmed (`replace=True`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from db import models as m
from db.database import transaction
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.common.file_store import store_bytes
from desktop_app.forms.diff import line_changes
from desktop_app.forms.form_types import FORM_TYPES, PlanLine, form_type
from desktop_app.forms.store import add_submission, latest_submission, submission_lines
from desktop_app.forms.workbook_import import ReadForm, read_form
from desktop_app.office.profile import load_profile


class NeedsConfirmation(InvalidInput):
    """Some units were imported before; the caller must confirm replacing their part."""

    def __init__(self, problems: list[str], checks: list[FormCheck]):
        super().__init__(problems)
        self.checks = checks


@dataclass(frozen=True)
class FormCheck:
    """One file, read and checked: what it holds, what is wrong, what it would change."""

    name: str
    data: bytes = field(repr=False)
    kind: str = ""
    year: int = 0
    unit_id: int | None = None
    unit_nama: str = ""
    lines: tuple[PlanLine, ...] = ()
    problems: tuple[str, ...] = ()
    previous: int | None = None  # the number of the unit's current submission
    changes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def needs_confirmation(self) -> bool:
        return self.ok and self.previous is not None and bool(self.changes)

    @property
    def unchanged(self) -> bool:
        return self.ok and self.previous is not None and not self.changes


@dataclass(frozen=True)
class ImportResult:
    unit_nama: str
    kind: str
    year: int
    rows: int
    status: str  # baru | diganti | tidak berubah
    number: int | None  # the submission's number (None when unchanged)


def check_forms(paths: Sequence[Path], kind: str | None = None, year: int | None = None,
                run_id: int | None = None) -> list[FormCheck]:
    """Read every file; `kind` and `year` (or the run's year) are what the caller expects."""
    if run_id is not None:
        run = m.Run.get_or_none(m.Run.id == run_id)
        if run is None:
            raise NotFound(f"Proses dengan id {run_id} tidak ada.")
        year = run.year if year is None else year
    expected_kind = form_type(kind).kind if kind else None
    profile = load_profile()
    checks, seen = [], {}
    for path in paths:
        check = _check(read_form(Path(path)), profile, expected_kind, year)
        key = (check.kind, check.year, check.unit_id)
        if check.ok and key in seen:
            check = _refused(check, f"berkas {seen[key]} juga untuk {check.unit_nama} "
                                    f"({check.kind.upper()} {check.year}); impor satu saja.")
        elif check.ok:
            seen[key] = check.name
        checks.append(check)
    return checks


def _check(read: ReadForm, profile, kind: str | None, year: int | None) -> FormCheck:
    base = FormCheck(read.name, read.data, problems=read.problems)
    meta = read.meta
    if meta is None:
        return base
    form = FORM_TYPES[meta.kind]
    unit = (next((u for u in profile.units if u.id == meta.unit_id
                  and _same(u.nama, meta.unit)), None)
            or next((u for u in profile.units if _same(u.nama, meta.unit)), None))
    base = FormCheck(read.name, read.data, meta.kind, meta.year, unit.id if unit else None,
                     unit.nama if unit else meta.unit, read.lines, read.problems)
    if not _same(meta.office, profile.nama_kantor):
        return _refused(base, f"formulir dari kantor \"{meta.office}\", bukan "
                              f"\"{profile.nama_kantor}\"; tidak dapat diimpor di sini.")
    if kind and meta.kind != kind:
        return _refused(base, f"ini formulir {form.code}, bukan {FORM_TYPES[kind].code}.")
    if year is not None and meta.year != year:
        return _refused(base, f"formulir untuk tahun {meta.year}, bukan {year}.")
    if unit is None:
        return _refused(base, f"unit \"{meta.unit}\" tidak ada di profil kantor.")
    if base.problems:
        return base
    current = latest_submission(meta.kind, meta.year, unit.id)
    if current is None:
        return base
    changes = line_changes(form, submission_lines(current.id), read.lines)
    return FormCheck(**{**base.__dict__, "previous": current.number,
                        "changes": tuple(changes)})


def _refused(check: FormCheck, problem: str) -> FormCheck:
    return FormCheck(check.name, check.data, check.kind, check.year, check.unit_id,
                     check.unit_nama, problems=(f"{check.name}: {problem}",))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def import_forms(data_dir: Path, checks: Sequence[FormCheck],
                 replace: bool = False, run_id: int | None = None,
                 person_id: int | None = None) -> list[ImportResult]:
    """Store every checked file, or none: any problem, or a replacement not confirmed, raises
    InvalidInput (NeedsConfirmation) and nothing changes."""
    problems = [p for check in checks for p in check.problems]
    if problems:
        raise InvalidInput(problems)
    if not checks:
        raise InvalidInput("Tidak ada berkas formulir yang dipilih.")
    pending = [c for c in checks if c.needs_confirmation]
    if pending and not replace:
        raise NeedsConfirmation(confirmation_text(pending), pending)
    stored = {c.name: store_bytes(data_dir, c.data, "xlsx") for c in checks if not c.unchanged}
    results = []
    with transaction():
        for check in checks:
            results.append(_store(check, stored.get(check.name), run_id, person_id))
    return results


def _store(check: FormCheck, stored, run_id, person_id) -> ImportResult:
    current = latest_submission(check.kind, check.year, check.unit_id)
    if (current.number if current else None) != check.previous:
        raise InvalidInput(f"{check.unit_nama}: formulir {check.kind.upper()} {check.year} "
                           "baru saja diimpor orang lain; periksa ulang berkasnya.")
    if check.unchanged:
        return ImportResult(check.unit_nama, check.kind, check.year, len(check.lines),
                            "tidak berubah", None)
    submission = add_submission(check.kind, check.year, check.unit_id, check.unit_nama,
                                check.lines, stored, check.name, run_id, person_id)
    number = m.PlanSubmission.get_by_id(submission).number
    if run_id is not None:
        from desktop_app.common import audit

        audit.append(run_id, person_id, "impor_formulir",
                     f"{check.kind.upper()} {check.year} {check.unit_nama}: {len(check.lines)} "
                     f"baris dari berkas {check.name} (kiriman ke-{number})")
    status = "diganti" if check.previous else "baru"
    return ImportResult(check.unit_nama, check.kind, check.year, len(check.lines), status,
                        number)


def confirmation_text(checks: Sequence[FormCheck]) -> list[str]:
    """What replacing these units' parts would change, for the question to the user."""
    lines = []
    for check in checks:
        lines.append(f"{check.unit_nama}: {check.kind.upper()} {check.year} sudah diimpor "
                     f"(kiriman ke-{check.previous}); yang berubah:")
        lines += [f"  - {change}" for change in check.changes]
    return lines
