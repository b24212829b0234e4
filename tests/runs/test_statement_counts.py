"""The run list, the Beranda and the monitoring form are built by set: the number of SQL
statements they cost does not grow with the number of runs (issue 19). A count, not a time."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest

from db.database import is_postgres
from db.models import database_proxy
from desktop_app.office.people import get_person
from desktop_app.runs import engine
from desktop_app.runs.dashboard import dashboard
from desktop_app.runs.monitoring import monitoring_rows
from desktop_app.runs.views import list_runs, run_view

START = datetime(2026, 11, 23, 1, 0)
NOW = START + timedelta(days=40)


@contextmanager
def counted():
    """Counts the SQL statements run on the office database inside the block."""
    statements: list[str] = []
    if is_postgres(database_proxy):  # psycopg2 has no trace callback: peewee's query log
        import logging

        class Collect(logging.Handler):
            def emit(self, record):
                statements.append(str(record.msg))

        logger, handler = logging.getLogger("peewee"), Collect(logging.DEBUG)
        level = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)
        try:
            yield statements
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
        return
    connection = database_proxy.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


def add_runs(office, count: int, first: int = 0) -> None:
    """Runs with history: every third one two steps on, every fifth one sent back once."""
    for n in range(first, first + count):
        run_id = engine.start_run(office.sop_id, f"Penyusunan RKT {n}", 2027,
                                  date(2026, 11, 23), office.assignments, office.admin,
                                  now=START)
        if n % 3 == 0:
            for _ in range(2):
                step = run_view(run_id).active_step
                for check in step.current.checks:
                    engine.tick(step.current.run_step_id, check.item_id, True,
                                office.admin, START)
                if step.simbol == "keputusan":
                    engine.decide(step.current.run_step_id, office.admin, n % 5 != 0,
                                  note="Perbaiki", now=START)
                else:
                    engine.complete(step.current.run_step_id, office.admin, START)


def costs(office) -> dict[str, int]:
    person = get_person(office.camat.id)
    out = {}
    for name, read in (("run list", lambda: list_runs(NOW)),
                       ("beranda", lambda: dashboard(person, NOW)),
                       ("monitoring", lambda: monitoring_rows(date(2026, 1, 1),
                                                              date(2027, 12, 31), NOW))):
        with counted() as statements:
            read()
        out[name] = len(statements)
    return out


@pytest.mark.timeout(600)
def test_read_models_cost_the_same_statements_at_10_and_at_100_runs(office):
    add_runs(office, 10)
    at_10 = costs(office)
    add_runs(office, 90, first=10)
    assert len(list_runs(NOW)) == 100
    at_100 = costs(office)
    assert at_100 == at_10, (at_10, at_100)
    assert all(count < 40 for count in at_10.values()), at_10


def test_the_set_built_list_says_what_one_run_says(office):
    add_runs(office, 7)
    for line in list_runs(NOW):
        view = run_view(line.id, NOW)
        assert (line.title, line.done, line.total, line.returns) == (
            view.title, view.done_count, len(view.steps), view.returns)
    assert [line.id for line in list_runs(NOW)] == sorted(
        (line.id for line in list_runs(NOW)), reverse=True)
