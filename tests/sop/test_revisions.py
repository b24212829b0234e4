"""Saving drafts, approving (Sahkan) and revisions in the library."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.sop import editing, library
from desktop_app.sop.model import Official
from desktop_app.sop.printing import sop_sheet_pdf

CAMAT = Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                 "198001181999121001")


def test_draft_saves_replace_an_unapproved_revision(workspace):
    sop_id = library.duplicate_sop(6, "Renja Kantor Kami")
    sop = editing.update_step(library.get_sop(sop_id), 0, waktu="10 menit")
    assert library.save_draft(sop_id, sop, date(2026, 11, 24)) == 1
    assert library.get_sop(sop_id).langkah[0].waktu == "10 menit"
    assert [r.number for r in library.list_revisions(sop_id)] == [1]


def test_approve_locks_and_editing_starts_a_new_revision(workspace):
    sop_id = library.duplicate_sop(4)
    library.approve(sop_id, CAMAT, date(2026, 11, 20))
    approved = library.get_sop(sop_id)
    assert approved.identitas.tanggal_pengesahan == date(2026, 11, 20)
    assert approved.identitas.disahkan_oleh == CAMAT
    assert library.is_approved(sop_id)
    with pytest.raises(InvalidInput, match="sudah disahkan"):
        library.approve(sop_id, CAMAT, date(2026, 11, 21))

    edited = editing.update_step(approved, 1, output="Disposisi baru")
    assert library.save_draft(sop_id, edited, date(2026, 11, 24)) == 2
    revisions = library.list_revisions(sop_id)
    assert [(r.number, r.approved_by) for r in revisions] == [(1, CAMAT.nama), (2, "")]
    assert revisions[1].tanggal_revisi == date(2026, 11, 24)
    assert not library.is_approved(sop_id)
    old = library.get_revision(sop_id, 1)
    assert old.langkah[1].output != "Disposisi baru"  # the approved text stays readable
    assert sop_sheet_pdf(old, "A4").startswith(b"%PDF")  # and printable


def test_invalid_draft_is_refused_and_nothing_changes(workspace):
    before = library.get_sop(1)
    broken = editing.update_step(before, 1, pelaksana=["tidak_ada"])
    with pytest.raises(InvalidInput, match="langkah 2"):
        library.save_draft(1, broken, date(2026, 11, 24))
    assert library.get_sop(1) == before


def test_duplicate_and_delete(workspace):
    copy_id = library.duplicate_sop(2)
    copied, original = library.get_sop(copy_id), library.get_sop(2)
    assert copied.langkah == original.langkah and copied.pelaksana == original.pelaksana
    assert copied.identitas.tanggal_pengesahan is None  # a copy is not yet approved
    assert not [s for s in library.list_sops() if s.id == copy_id][0].is_template
    library.delete_sop(copy_id)
    assert copy_id not in [s.id for s in library.list_sops()]
    assert len(library.list_sops()) == 6


def test_only_the_official_themself_approves_with_their_pin(workspace):
    from desktop_app.office.people import NotAllowed, WrongPin, add_person
    from desktop_app.office.profile import OfficeProfile, save_profile
    from desktop_app.office.profile import Official as ProfileOfficial

    save_profile(OfficeProfile(pemerintah="PEMERINTAH KABUPATEN KARANGANYAR",
                                   nama_kantor="KECAMATAN NGARGOYOSO", alamat="Jln. Kemuning",
                                   officials=(ProfileOfficial(CAMAT.jabatan, CAMAT.nama,
                                                              CAMAT.pangkat, CAMAT.nip),)))
    camat = add_person(CAMAT.nama, CAMAT.jabatan, CAMAT.nip, "pejabat", "123456")
    sekcam = add_person("Citra", "Sekcam", "198001012005032003", "pejabat", "234567")
    staf = add_person("Sari", "Staf", "199001012015032001", "staf", "3456")
    admin = add_person("Admin", "Admin", "199501012020031004", "admin", "456789")
    sop_id = library.duplicate_sop(4)
    with pytest.raises(NotAllowed, match="Hanya pejabat"):
        library.approve_as(sop_id, CAMAT, date(2026, 11, 24), staf, "3456")
    with pytest.raises(NotAllowed, match="Hanya pejabat"):  # an admin never "atas nama"
        library.approve_as(sop_id, CAMAT, date(2026, 11, 24), admin, "456789")
    with pytest.raises(NotAllowed, match="hanya dapat disahkan oleh WAHYU"):
        library.approve_as(sop_id, CAMAT, date(2026, 11, 24), sekcam, "234567")
    typed = Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "", "198001012005032003")
    with pytest.raises(InvalidInput, match="Pilih pejabat"):  # the camat's name, own NIP
        library.approve_as(sop_id, typed, date(2026, 11, 24), sekcam, "234567")
    with pytest.raises(WrongPin):
        library.approve_as(sop_id, CAMAT, date(2026, 11, 24), camat, "0000")
    assert not library.is_approved(sop_id)
    library.approve_as(sop_id, CAMAT, date(2026, 11, 24), camat, "123456")
    assert library.is_approved(sop_id)
    assert library.get_sop(sop_id).identitas.disahkan_oleh.nip == CAMAT.nip
