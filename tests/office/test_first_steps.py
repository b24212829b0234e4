"""Beranda of a new office: profil, pengguna, SOP pertama; they go when done."""

from __future__ import annotations

from desktop_app.office import profile
from desktop_app.office.first_steps import next_steps
from desktop_app.office.people import add_person
from desktop_app.sop import library


def test_a_new_office_has_three_next_steps_that_go_when_done(workspace):
    assert [(s.key, s.done) for s in next_steps()] == [
        ("profil", False), ("pengguna", False), ("sop", False)]
    profile.save_profile(profile.OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jln. Kemuning", officials=(profile.Official(
            "Camat", "Wahyu", "Pembina (IV/a)", "198001181999121001"),)))
    add_person("Admin", "Admin", "", "admin", "123456")
    add_person("Budi", "Staf", "", "staf", "1234")
    assert [s.done for s in next_steps()] == [True, True, False]
    library.duplicate_sop(4, "RKT Kami")
    assert next_steps() == []
