"""Every change of power is in the audit hash chain, with who did it."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from db import models as m
from desktop_app.common.audit import verify_chain
from desktop_app.common.errors import DomainError
from desktop_app.office import letter_numbers, people, profile, signoff
from desktop_app.safety.backup import create_backup
from desktop_app.safety.restore import restore
from tests.permissions.conftest import PIN, PROFILE


def _entries(since: int) -> list[tuple[int | None, str, str]]:
    return [(e.person_id, e.action, e.detail) for e in
            m.AuditEntry.select().where(m.AuditEntry.id > since).order_by(m.AuditEntry.id)]


def _last_id() -> int:
    last = m.AuditEntry.select().order_by(m.AuditEntry.id.desc()).first()
    return last.id if last else 0


def test_every_change_of_power_is_audited(office, tmp_path):
    db, admin = office.db, office.admin
    start = _last_id()
    dewi = people.add_person("Dewi Kartika", "Kasi", "198503022010012005", "staf", PIN,
                             actor=admin)
    people.update_person(dewi, nama="Dewi Kartika", jabatan="Kasi Pemerintahan",
                         nip="198503022010012005", role="pejabat", active=True, actor=admin)
    people.set_pin(dewi, "654321", by_admin_id=admin)
    for _ in range(people.MAX_WRONG_PINS):
        with pytest.raises(DomainError):
            people.verify_login(dewi, "000000", now=datetime(2026, 11, 24, 3))
    signoff.set_route("surat_dinas", [(dewi, "paraf"), (office.camat, "tanda_tangan")],
                      actor=admin)
    signoff.set_specimen(office.camat, actor=admin)
    profile.save_profile(dataclasses.replace(PROFILE, kode_unit="408.99"), actor=admin)
    letter_numbers.set_number_format("{klasifikasi}/{nomor}/{kode_unit}/{tahun}", admin)
    letter = letter_numbers.take_number(classification="000.7.2.4", kind="surat_dinas",
                                        perihal="Undangan", tujuan="Kades",
                                        letter_date=date(2026, 11, 2), person_id=office.staf)
    letter_numbers.cancel_number(letter.id, "salah tujuan", admin)

    entries = _entries(start)
    actions = [action for _person, action, _detail in entries]
    for expected in ("tambah_pengguna", "ubah_peran", "atur_ulang_pin", "kunci_pin",
                     "ubah_alur", "ubah_spesimen", "ubah_profil", "ubah_format_nomor",
                     "batal_nomor"):
        assert expected in actions, expected
    by_action = {action: (person, detail) for person, action, detail in entries}
    assert by_action["tambah_pengguna"][0] == admin
    assert "Staf → Pejabat" in by_action["ubah_peran"][1]
    assert by_action["kunci_pin"][0] == dewi
    assert "kode_unit" in by_action["ubah_profil"][1]
    assert "salah tujuan" in by_action["batal_nomor"][1]
    assert "Dewi Kartika (paraf)" in by_action["ubah_alur"][1]
    assert verify_chain() == []

    backup = create_backup(office.data_dir, tmp_path / "cadangan.zip").path
    restore(office.data_dir, backup, db, actor=admin)
    person, action, detail = _entries(0)[-1]
    assert (person, action) == (None, "pulihkan")
    assert "cadangan.zip" in detail and "Sri Kasubag" in detail
    assert verify_chain() == []
