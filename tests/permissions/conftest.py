"""A kecamatan office for the permission tests: the camat (the profile's official, a pejabat),
the sekcam (pejabat), an admin (the Kasubag) and a staff member; every PIN 123456."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop_app.office import people, profile
from desktop_app.office.settings import set_settings
from desktop_app.sop import library

PIN = "123456"
CAMAT = profile.Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina (IV/a)",
                         "198001181999121001")
PROFILE = profile.OfficeProfile(
    pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
    alamat="Jln. Kemuning - Batu Jamus Km 3", officials=(CAMAT,), kode_unit="408.12")


@dataclass
class Office:
    workspace: object
    admin: int
    camat: int
    sekcam: int
    staf: int
    sop_id: int

    @property
    def db(self):
        return self.workspace.database

    @property
    def data_dir(self):
        return self.workspace.data_dir

    def by_role(self, role: str) -> int:
        return {"admin": self.admin, "pejabat": self.camat, "staf": self.staf}[role]


@pytest.fixture
def office(workspace) -> Office:
    profile.save_profile(PROFILE)
    admin = people.add_person("Sri Kasubag", "Kasubag Umum", "199501012020031004", "admin",
                              PIN)
    camat = people.add_person(CAMAT.nama, CAMAT.jabatan, CAMAT.nip, "pejabat", PIN)
    sekcam = people.add_person("Citra Sekcam", "Sekretaris Kecamatan",
                               "198001012005032003", "pejabat", PIN)
    staf = people.add_person("Sari Staf", "Staf Umum", "199001012015032001", "staf", PIN)
    set_settings({"kode_unit": "408.12"})
    sop_id = library.duplicate_sop(4, "Penyusunan RKT")
    return Office(workspace, admin, camat, sekcam, staf, sop_id)


def dump(database) -> list[str]:
    """Everything in the database, as SQL: equal before and after = nothing changed."""
    return list(database.connection().iterdump())
