"""A kecamatan office with people and an approved RKT SOP, ready for runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from desktop_app.office.people import add_person
from desktop_app.runs.engine import Actor
from desktop_app.sop import library
from desktop_app.sop.model import Official


@dataclass
class Office:
    workspace: object
    sop_id: int
    staf: Actor
    kasubag: Actor
    sekcam: Actor
    camat: Actor
    admin: Actor
    assignments: dict


@pytest.fixture
def office(workspace) -> Office:

    def person(nama, nip, role):
        return Actor(add_person(nama, nama, nip, role, "123456"), role)

    staf = person("Sari Staf", "199001012015032001", "staf")
    kasubag = person("Budi Kasubag", "198501012010031002", "pejabat")
    sekcam = person("Citra Sekcam", "198001012005032003", "pejabat")
    camat = person("Wahyu Camat", "198001181999121001", "pejabat")
    admin = person("Admin Kantor", "199501012020031004", "admin")
    sop_id = library.duplicate_sop(4, "Penyusunan RKT")  # the kecamatan RKT template
    library.approve(sop_id, Official("Camat", "Wahyu Camat"), date(2026, 1, 5))
    assignments = {"staf": staf.id, "kasubag_perencanaan_keuangan": kasubag.id,
                   "kasubag_umum": kasubag.id, "sekcam": sekcam.id, "camat": camat.id}
    return Office(workspace, sop_id, staf, kasubag, sekcam, camat, admin, assignments)
