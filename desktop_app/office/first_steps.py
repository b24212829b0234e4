"""The next things a new office does, for the Beranda: the office profile, the people, the
first SOP of its own. Done steps drop off; when all three are done the list is empty."""

from __future__ import annotations

from dataclasses import dataclass

from db import models as m
from desktop_app.office.people import list_people
from desktop_app.office.profile import is_configured


@dataclass(frozen=True)
class FirstStep:
    key: str  # "profil", "pengguna", "sop"
    text: str
    done: bool


def first_steps() -> list[FirstStep]:
    own_sops = (m.Sop.select().where((m.Sop.is_template == False)  # noqa: E712
                                     & m.Sop.archived_at.is_null()).exists())
    return [
        FirstStep("profil", "Lengkapi profil kantor (kop surat, pejabat, unit kerja)",
                  is_configured()),
        FirstStep("pengguna", "Tambahkan pengguna: pejabat dan staf yang akan bekerja di sini",
                  len(list_people()) > 1),
        FirstStep("sop", "Buat SOP pertama dari templat, lalu minta pejabat mengesahkannya",
                  own_sops),
    ]


def next_steps() -> list[FirstStep]:
    """What is still to do; [] for an office that is set up."""
    steps = first_steps()
    return [] if all(s.done for s in steps) else steps
