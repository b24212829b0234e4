"""The whole table of office.permissions, walked through the services: every operation, every
role, allowed (it happens) and refused (NotAllowed, and the database is exactly as before)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from db import models as m
from desktop_app.common.errors import NotAllowed
from desktop_app.naskah import workflow
from desktop_app.office import calendar, letter_numbers, people, profile, signoff
from desktop_app.office.permissions import OP, TABLE, Operation, allowed, require
from desktop_app.safety.backup import create_backup
from desktop_app.safety.restore import restore
from desktop_app.sop import library
from desktop_app.sop.model import Official
from tests.permissions.conftest import CAMAT, PIN, PROFILE, dump

ROLES = ("admin", "pejabat", "staf")
CONTENT = {"tempat": "Karanganyar", "tanggal": "", "kepada": "Kepala BAPERLITBANG",
           "di": "Karanganyar", "klasifikasi": "000.7.2.4", "hal": "Renja 2027",
           "paragraphs": ["Bersama ini kami sampaikan Renja 2027."]}


def _document(office, route: list[tuple[int, str]]) -> int:
    """A surat dinas waiting on `route` as stored in the document (written as an older
    version would have, without today's checks on who may be on a route)."""
    doc_id = workflow.create_document(office.data_dir, "surat_dinas", "Renja 2027",
                                      CONTENT, office.staf)
    doc = m.Document.get_by_id(doc_id)
    stored = json.loads(doc.content)
    stored["_route"] = [[p, m.Person.get_by_id(p).nama, m.Person.get_by_id(p).jabatan, a]
                        for p, a in route]
    m.Document.update(content=json.dumps(stored)).where(m.Document.id == doc_id).execute()
    return doc_id


def _prepare(op: Operation, office, actor: int):
    """What the operation needs, made before the database is compared; then the call."""
    db, data = office.db, office.data_dir
    if op is OP.EDIT_PROFILE:
        changed = dataclasses.replace(PROFILE, kode_unit="408.99")
        return lambda: profile.save_profile(changed, actor=actor)
    if op is OP.MANAGE_PEOPLE:
        return lambda: people.add_person("Dewi Baru", "Staf", "", "staf", PIN, actor=actor)
    if op is OP.CHANGE_ROLE:
        other = people.add_person("Budi Lain", "Staf", "", "staf", PIN)
        return lambda: people.update_person(other, nama="Budi Lain", jabatan="Kasi",
                                            nip="", role="pejabat", active=True, actor=actor)
    if op is OP.RESET_PIN:
        return lambda: people.set_pin(office.sekcam, "654321", by_admin_id=actor)
    if op is OP.SET_ROUTE:
        return lambda: signoff.set_route("surat_dinas", [(office.sekcam, "paraf"),
                                                             (office.camat, "tanda_tangan")],
                                         actor=actor)
    if op is OP.SET_SPECIMEN:
        return lambda: signoff.set_specimen(office.camat, actor=actor)
    if op is OP.SET_NUMBER_FORMAT:
        return lambda: letter_numbers.set_number_format(
            "{klasifikasi}/{nomor}/{kode_unit}/{tahun}", actor)
    if op is OP.EDIT_CODES:
        return lambda: letter_numbers.add_code("000.7.9.9", "Uji kode", actor)
    if op is OP.CANCEL_NUMBER:
        letter = letter_numbers.take_number(classification="000.7.2.4", kind="surat_dinas",
                                            perihal="Undangan", tujuan="Kades",
                                            letter_date=date(2026, 11, 2), person_id=None)
        return lambda: letter_numbers.cancel_number(letter.id, "salah tujuan", actor)
    if op is OP.APPROVE_SOP:
        official = Official(CAMAT.jabatan, CAMAT.nama, CAMAT.pangkat_golongan, CAMAT.nip)
        if actor != office.camat:  # the admin or staff member "is" the camat on paper
            m.Person.update(nip="").where(m.Person.id == office.camat).execute()
            m.Person.update(nip=CAMAT.nip).where(m.Person.id == actor).execute()
        return lambda: library.approve_as(office.sop_id, official, date(2026, 11, 24),
                                          actor, PIN)
    if op in (OP.PARAF, OP.SIGN):
        action = "paraf" if op is OP.PARAF else "tanda_tangan"
        route = [(actor, action)] + ([(office.sekcam, "tanda_tangan")] if op is OP.PARAF
                                     else [])
        doc_id = _document(office, route)
        return lambda: workflow.approve(data, doc_id, actor, PIN, today=date(2026, 11, 24),
                                        actor=actor)
    if op is OP.RESTORE:
        backup = create_backup(data, data.parent / "cadangan.zip").path
        return lambda: restore(data, backup, db, actor=actor)
    if op is OP.EDIT_CALENDAR:
        return lambda: calendar.add_office_day(date(2026, 8, 3), "Hari jadi kabupaten",
                                               "libur", actor=actor)
    raise AssertionError(op)


def test_every_operation_is_in_the_table():
    assert set(TABLE) == set(Operation)
    assert all(TABLE[op] <= set(ROLES) for op in Operation)
    assert TABLE[OP.SIGN] == {"pejabat"} and TABLE[OP.APPROVE_SOP] == {"pejabat"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("op", list(Operation), ids=lambda op: op.name.lower())
def test_the_table_through_the_services(office, op, role):
    actor = office.by_role(role)
    call = _prepare(op, office, actor)
    assert allowed(actor, op) == (role in TABLE[op])
    before = dump(office.db)
    if role in TABLE[op]:
        call()
        assert dump(office.db) != before
    else:
        with pytest.raises(NotAllowed) as refused:
            call()
        assert dump(office.db) == before, "a refusal changes nothing"
        assert "Hanya" in str(refused.value)


def test_nobody_and_the_inactive_may_do_nothing(office):
    people.update_person(office.sekcam, nama="Citra Sekcam", jabatan="Sekcam",
                         nip="198001012005032003", role="pejabat", active=False)
    for op in Operation:
        assert not allowed(None, op) and not allowed(office.sekcam, op)
    with pytest.raises(NotAllowed, match="Masuk dahulu"):
        require(None, OP.SIGN)
    with pytest.raises(NotAllowed, match="tidak aktif"):
        require(office.sekcam, OP.SIGN)


def test_a_staff_member_cannot_make_themself_the_signer(office):
    db = office.db
    before = dump(db)
    with pytest.raises(NotAllowed):
        signoff.set_route("surat_dinas", [(office.staf, "tanda_tangan")], actor=office.staf)
    with pytest.raises(NotAllowed):
        signoff.set_specimen(office.staf, actor=office.staf)
    assert dump(db) == before
    # not even an admin: a signer and the owner of a specimen are pejabat
    with pytest.raises(Exception, match="hanya pengguna berperan pejabat"):
        signoff.set_route("surat_dinas", [(office.staf, "tanda_tangan")],
                          actor=office.admin)
    with pytest.raises(NotAllowed, match="bukan pejabat"):
        signoff.set_specimen(office.admin, actor=office.admin)
    assert dump(db) == before


def test_nobody_signs_in_anothers_name(office):
    db, data = office.db, office.data_dir
    doc_id = _document(office, [(office.camat, "tanda_tangan")])
    before = dump(db)
    for other in (office.admin, office.sekcam, office.staf):
        with pytest.raises(NotAllowed, match="sendiri"):
            workflow.approve(data, doc_id, office.camat, PIN, actor=other)
    with pytest.raises(NotAllowed, match="giliran"):  # not their turn
        workflow.approve(data, doc_id, office.sekcam, PIN, actor=office.sekcam)
    assert dump(db) == before
    workflow.approve(data, doc_id, office.camat, PIN, actor=office.camat)
    assert workflow.document_detail(doc_id, data).summary.status == "final"


def test_a_signer_needs_the_longer_pin(office):
    db, data = office.db, office.data_dir
    m.Person.update(pin_hash=people.hash_pin("2468")).where(m.Person.id == office.camat
                                                           ).execute()  # an older, short PIN
    doc_id = _document(office, [(office.camat, "tanda_tangan")])
    before = dump(db)
    with pytest.raises(NotAllowed, match="PIN Anda terlalu pendek"):
        workflow.approve(data, doc_id, office.camat, "2468", actor=office.camat)
    assert dump(db) == before
    assert people.verify_login(office.camat, "2468").id == office.camat  # still logs in


def test_only_the_author_or_an_admin_changes_a_naskah(office):
    db, data = office.db, office.data_dir
    doc_id = _document(office, [(office.camat, "tanda_tangan")])  # written by the staff member
    before = dump(db)
    for other in (office.sekcam, office.camat):
        assert not workflow.may_edit(other, doc_id)
        with pytest.raises(NotAllowed, match="pembuatnya atau admin"):
            workflow.update_document(data, doc_id, "Diubah", CONTENT, other)
    assert dump(db) == before
    assert workflow.may_edit(office.staf, doc_id) and workflow.may_edit(office.admin, doc_id)
    workflow.update_document(data, doc_id, "Renja 2027 (perbaikan)", CONTENT, office.admin)
