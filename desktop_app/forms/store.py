"""Plan form data in the database: each unit's submissions and their rows, and the grade
bands setting. Writers expect the caller's transaction."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from peewee import fn

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import StoredFile
from desktop_app.forms.form_types import LINE_FIELDS, GradeBands, PlanLine
from desktop_app.office.settings import get_setting, set_settings

GRADE_SETTING = "predikat_capaian"  # e.g. "90=Sangat baik;75=Baik;65=Cukup;50=Kurang;Sangat kurang"


@dataclass(frozen=True)
class SubmissionInfo:
    id: int
    unit_id: int | None
    unit_nama: str
    number: int
    imported_at: datetime  # UTC
    source_name: str
    rows: int
    run_id: int | None


def latest_submission(kind: str, year: int, unit_id: int) -> m.PlanSubmission | None:
    return (m.PlanSubmission.select()
            .where((m.PlanSubmission.kind == kind) & (m.PlanSubmission.year == year)
                   & (m.PlanSubmission.unit == unit_id))
            .order_by(m.PlanSubmission.number.desc()).first())


def submission_lines(submission_id: int) -> tuple[PlanLine, ...]:
    query = (m.PlanRow.select(*(getattr(m.PlanRow, f) for f in LINE_FIELDS))
             .where(m.PlanRow.submission == submission_id).order_by(m.PlanRow.position).tuples())
    return tuple(PlanLine(*values) for values in query)


def unit_lines(kind: str, year: int, unit_id: int) -> tuple[PlanLine, ...] | None:
    """The unit's current rows, or None when it has not sent this form yet."""
    submission = latest_submission(kind, year, unit_id)
    return submission_lines(submission.id) if submission else None


def latest_by_unit(kind: str, year: int) -> dict[int, SubmissionInfo]:
    """Each unit's latest submission of the form (units removed from the profile left out)."""
    latest = (m.PlanSubmission.select(m.PlanSubmission.unit,
                                      fn.MAX(m.PlanSubmission.number).alias("top"))
              .where((m.PlanSubmission.kind == kind) & (m.PlanSubmission.year == year)
                     & m.PlanSubmission.unit.is_null(False))
              .group_by(m.PlanSubmission.unit))
    tops = {row.unit_id: row.top for row in latest}
    of_year = m.PlanSubmission.select(m.PlanSubmission.id).where(
        (m.PlanSubmission.kind == kind) & (m.PlanSubmission.year == year))
    counts = dict(m.PlanRow.select(m.PlanRow.submission, fn.COUNT(m.PlanRow.id))
                  .where(m.PlanRow.submission.in_(of_year))
                  .group_by(m.PlanRow.submission).tuples())
    found = {}
    for s in (m.PlanSubmission.select()
              .where((m.PlanSubmission.kind == kind) & (m.PlanSubmission.year == year)
                     & m.PlanSubmission.unit.in_(list(tops)))):
        if tops[s.unit_id] == s.number:
            found[s.unit_id] = SubmissionInfo(s.id, s.unit_id, s.unit_nama, s.number,
                                              s.imported_at, s.source_name,
                                              counts.get(s.id, 0), s.run_id)
    return found


def add_submission(kind: str, year: int, unit_id: int, unit_nama: str,
                   lines: tuple[PlanLine, ...], stored: StoredFile, source_name: str,
                   run_id: int | None = None, person_id: int | None = None) -> int:
    """A new submission (the unit's next number) with its rows; the caller owns the
    transaction."""
    top = (m.PlanSubmission.select(fn.MAX(m.PlanSubmission.number))
           .where((m.PlanSubmission.kind == kind) & (m.PlanSubmission.year == year)
                  & (m.PlanSubmission.unit == unit_id)).scalar()) or 0
    submission = m.PlanSubmission.create(
        kind=kind, year=year, unit=unit_id, unit_nama=unit_nama, number=top + 1, run=run_id,
        source_name=source_name, sha256=stored.sha256, stored_path=stored.relative_path,
        imported_by=person_id)
    rows = [{"submission": submission.id, "position": n, **asdict(line)}
            for n, line in enumerate(lines)]
    for start in range(0, len(rows), 500):
        m.PlanRow.insert_many(rows[start:start + 500]).execute()
    return submission.id


# --- grade bands --------------------------------------------------------------------------

def grade_bands() -> GradeBands:
    value = get_setting(GRADE_SETTING)
    return parse_grade_bands(value) if value.strip() else GradeBands()


def save_grade_bands(bands: GradeBands) -> None:
    set_settings({GRADE_SETTING: format_grade_bands(bands)})


def format_grade_bands(bands: GradeBands) -> str:
    return ";".join([f"{floor:g}={label}" for floor, label in bands.bands] + [bands.lowest])


def parse_grade_bands(text: str) -> GradeBands:
    """"90=Sangat baik;75=Baik;...;Sangat kurang": floors falling, the last part the lowest."""
    *parts, lowest = [p.strip() for p in text.split(";")]
    bands = []
    for part in parts:
        floor, _, label = part.partition("=")
        try:
            bands.append((float(floor.replace(",", ".")), label.strip()))
        except ValueError:
            raise InvalidInput(f'Predikat capaian: "{part}" harus berbentuk angka=predikat, '
                               'mis. "90=Sangat baik".') from None
    floors = [floor for floor, _ in bands]
    if not bands or floors != sorted(floors, reverse=True) or len(set(floors)) != len(floors):
        raise InvalidInput("Predikat capaian: batas harus menurun, mis. 90, 75, 65, 50.")
    if not lowest or not all(label for _, label in bands):
        raise InvalidInput("Predikat capaian: setiap batas perlu nama predikat.")
    return GradeBands(tuple(bands), lowest)
