"""The expedition page reads its lists by set: the SQL statements the list, the waiting list and
what can be sent cost do not grow with the number of deliveries (issue 19). A count, not a time."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.expedition import deliveries as dv
from desktop_app.expedition import views
from tests.expedition.conftest import sending  # noqa: F401 - the fixture
from tests.runs.test_statement_counts import counted

TODAY = date(2026, 6, 1)


def add_deliveries(s, count: int, first: int = 0) -> None:
    for n in range(first, first + count):
        new = dv.NewDelivery(s.pengantar if n % 2 else s.surat, f"Tujuan {n}",
                             date(2026, 1, 12) + timedelta(days=n % 60), s.office.admin.id,
                             lampiran_documents=(s.surat,) if n % 2 else (),
                             lampiran_files=(s.renja_file,) if n % 3 == 0 else ())
        delivery_id = dv.add_delivery(new, s.office.admin.id)
        if n % 4 == 0:
            dv.mark_sent([delivery_id], s.office.admin.id)


def costs() -> dict[str, int]:
    out = {}
    for name, read in (("list", views.list_deliveries),
                       ("waiting", lambda: views.awaiting_receipt(3, today=TODAY)),
                       ("documents", views.sendable_documents),
                       ("files", views.sendable_files)):
        with counted() as statements:
            read()
        out[name] = len(statements)
    return out


def test_the_expedition_lists_cost_the_same_statements_at_10_and_at_100_deliveries(sending):  # noqa: F811
    add_deliveries(sending, 10)
    at_10 = costs()
    add_deliveries(sending, 90, first=10)
    assert len(views.list_deliveries()) == 100
    assert views.awaiting_receipt(3, today=TODAY)
    at_100 = costs()
    assert at_100 == at_10, (at_10, at_100)
