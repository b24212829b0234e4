"""The forms tab reads each unit's status by set: its SQL statements do not grow with the
years of submissions or the number of units that sent a form (issue 19). A count, not a time."""

from __future__ import annotations

from db.database import transaction
from db.models import Unit
from desktop_app.common.file_store import StoredFile
from desktop_app.forms.form_types import PlanLine
from desktop_app.forms.merge import plan_status
from desktop_app.forms.store import add_submission
from tests.runs.test_statement_counts import counted

FILE = StoredFile("0" * 64, "berkas/00/x.xlsx", 1)


def submit(years: range, times: int) -> None:
    units = list(Unit.select())
    lines = tuple(PlanLine(kode=f"1.{n}", sasaran=f"Sasaran {n}", target=n) for n in range(5))
    with transaction():
        for year in years:
            for unit in units:
                for _ in range(times):
                    add_submission("rkt", year, unit.id, unit.nama, lines, FILE, "rkt.xlsx")


def cost(year: int) -> int:
    with counted() as statements:
        plan_status("rkt", year)
    return len(statements)


def test_the_forms_tab_costs_the_same_statements_after_ten_years(office):
    empty = cost(2027)
    submit(range(2027, 2028), 1)
    one_year = cost(2027)
    submit(range(2017, 2027), 3)
    submit(range(2027, 2028), 2)
    assert cost(2027) == one_year == empty
    statuses = plan_status("rkt", 2027)
    assert all(s.sent and s.number == 3 and s.rows == 5 for s in statuses)
