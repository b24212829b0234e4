"""Misuse: a staff login cannot approve or sign as the camat through the services the window
and the command line share (it is not their turn, and they do not know the camat's PIN)."""

from __future__ import annotations

import pytest

from db import models as m
from desktop_app.naskah import workflow
from desktop_app.office import people
from desktop_app.office.signoff import set_route
from tests.naskah.test_workflow import CONTENT


@pytest.fixture
def document(office):
    set_route("surat_pengantar", [(office.camat.id, "tanda_tangan")])
    people.set_pin(office.camat.id, "808182", office.admin.id)  # only the camat knows it
    return workflow.create_document(office.workspace.data_dir, "surat_pengantar",
                                    "Penyampaian Renja 2027", CONTENT, office.staf.id)


def _unsigned(doc_id: int) -> None:
    assert m.Document.get_by_id(doc_id).status == "menunggu"
    assert not m.Approval.select().where(m.Approval.document == doc_id).exists()
    assert m.OutgoingLetter.select().count() == 0  # no letter number taken
    assert not m.AuditEntry.select().where(m.AuditEntry.action == "tanda_tangan").exists()


def test_staff_cannot_sign_in_their_own_name(office, document):
    _db, data = office.workspace.database, office.workspace.data_dir
    with pytest.raises(people.NotAllowed, match="giliran Wahyu Camat"):
        workflow.approve(data, document, office.staf.id, "123456")
    _unsigned(document)


def test_staff_cannot_sign_as_the_camat_without_the_camats_pin(office, document):
    _db, data = office.workspace.database, office.workspace.data_dir
    for _attempt in range(people.MAX_WRONG_PINS - 1):
        with pytest.raises(people.WrongPin):
            workflow.approve(data, document, office.camat.id, "123456")
    with pytest.raises(people.LockedOut):
        workflow.approve(data, document, office.camat.id, "123456")
    with pytest.raises(people.LockedOut):  # locked even for the right PIN now
        workflow.approve(data, document, office.camat.id, "808182")
    _unsigned(document)
