"""Lanes are pre-filled from roles: exact jabatan first, then a role keyword table that never
takes the Sekretaris for the Camat."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.office.profile import Official
from desktop_app.office.roles import role_key, suggest_lanes


@dataclass
class P:
    id: int
    nama: str
    jabatan: str
    nip: str = ""
    active: bool = True


LANES = [("staf", "Staf"), ("kasubag_perencanaan_keuangan", "Kasubag Perencanaan dan Keuangan"),
         ("kasubag_umum", "Kasubag Umum"), ("sekcam", "Sekretaris Kecamatan"),
         ("camat", "Camat")]


def test_role_keys():
    assert role_key("Camat Ngargoyoso") == "camat"
    assert role_key("Sekretaris Camat") == "sekcam"
    assert role_key("Sekretaris Kecamatan") == "sekcam"
    assert role_key("Kepala Subbagian Umum dan Kepegawaian") == "kasubag umum"
    assert role_key("Kasubbag Program") == "kasubag perencanaan"
    assert role_key("Kasubag Perencanaan dan Keuangan") == "kasubag perencanaan"
    assert role_key("Staf Umum") == "staf"
    assert role_key("Tim") is None


def test_the_camat_lane_never_gets_the_sekretaris():
    people = [P(1, "Sri", "Sekretaris Camat"), P(2, "Wahyu", "Camat Ngargoyoso"),
              P(3, "Budi", "Kasubag Umum dan Kepegawaian"), P(4, "Ani", "Staf Umum"),
              P(5, "Dewi", "Kepala Subbagian Perencanaan dan Keuangan")]
    chosen = {k: s.person_id for k, s in suggest_lanes(LANES, people).items()}
    assert chosen == {"camat": 2, "sekcam": 1, "kasubag_umum": 3, "staf": 4,
                      "kasubag_perencanaan_keuangan": 5}


def test_exact_jabatan_wins_and_inactive_people_are_skipped():
    people = [P(1, "Lama", "Camat", active=False), P(2, "Sri", "Sekretaris Kecamatan"),
              P(3, "Wahyu", "Camat Ngargoyoso")]
    chosen = suggest_lanes(LANES, people)
    assert chosen["sekcam"].person_id == 2 and chosen["sekcam"].why == "jabatan sama"
    assert chosen["camat"].person_id == 3 and chosen["camat"].why == "peran cocok"


def test_an_official_lends_the_jabatan_to_the_person_with_the_same_nip():
    people = [P(1, "Wahyu Agus", "", "198001181999121001")]
    officials = [Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO", "", "198001181999121001")]
    assert suggest_lanes(LANES, people, officials)["camat"].person_id == 1
    assert "camat" not in suggest_lanes(LANES, people)


def test_the_default_route_never_takes_the_sekretaris_kecamatan_for_the_camat(workspace):
    from desktop_app.office.people import add_person
    from desktop_app.office.signoff import default_route

    sekcam = add_person("Sri", "Sekretaris Kecamatan", "", "pejabat", "123456")
    kasubag = add_person("Budi", "Kasubag Perencanaan dan Keuangan", "", "pejabat", "123456")
    camat = add_person("Wahyu", "Camat Ngargoyoso", "", "pejabat", "123456")
    assert [(s.person_id, s.action) for s in default_route()] == [
        (kasubag, "paraf"), (sekcam, "paraf"), (camat, "tanda_tangan")]


def test_a_role_after_a_name_is_read_too():
    assert role_key("Wahyu Camat") == "camat"
    assert role_key("Citra Sekcam") == "sekcam"
    assert role_key("Budi Kasubag") == "kasubag"
    assert role_key("Kepala Desa") is None
