"""The document list is read by set: its SQL statements do not grow with the documents."""

from __future__ import annotations

from datetime import date

from desktop_app.naskah import workflow
from tests.naskah.test_workflow import make, routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture
from tests.runs.test_statement_counts import counted


def add_documents(o, count: int) -> None:
    """`count` drafts, the first of them signed (so it carries a letter number)."""
    _db, data = o.workspace.database, o.workspace.data_dir
    ids = [make(o) for _ in range(count)]
    for person in (o.kasubag, o.sekcam, o.camat):
        workflow.approve(data, ids[0], person.id, "123456", today=date(2026, 11, 24))


def test_the_document_list_costs_the_same_statements_at_3_and_at_12(routed):  # noqa: F811
    add_documents(routed, 3)
    with counted() as few:
        small = workflow.list_documents()
    add_documents(routed, 9)
    with counted() as many:
        large = workflow.list_documents()
    assert (len(small), len(large)) == (3, 12)
    assert len(many) == len(few) <= 5
    signed = [d for d in large if d.status == "final"]
    assert len(signed) == 2 and all(d.number for d in signed)
    assert all(d.versions >= 1 for d in large)
