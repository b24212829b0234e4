"""People, PINs and log-in: scrypt hashes, the wrong-PIN lock-out, admin-only resets."""

from __future__ import annotations

import hashlib
import os
import re
import time
from datetime import datetime, timedelta

import pytest

from db import models as m
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.office.people import (
    ROLES,
    LockedOut,
    NotAllowed,
    PersonInfo,
    WrongPin,
    add_person,
    change_own_pin,
    create_first_admin,
    get_person,
    has_admin,
    list_people,
    new_pin_problems,
    people_from_profile,
    pin_matches,
    role_label,
    set_pin,
    update_person,
    verify_login,
)
from desktop_app.office.profile import OfficeProfile, Official, save_profile
from desktop_app.workspace import open_workspace
from tests.pg_server import dump_text

CAMAT_NIP = "198001181999121001"
SEKCAM_NIP = "197505122000032004"
PROFILE = OfficeProfile(
    pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
    alamat="Jl. Raya Ngargoyoso No. 1",
    officials=(Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina (IV/a)",
                        "19800118 199912 1 001"),
               Official("Sekretaris Kecamatan", "SRI LESTARI, S.Sos.", "Penata Tk. I (III/d)",
                        SEKCAM_NIP)))
HASH = re.compile(r"scrypt\$1024\$8\$1\$([0-9a-f]{32})\$([0-9a-f]{64})")  # conftest's cost
T0 = datetime(2024, 5, 6, 3, 30)  # UTC: 10.30 WIB


@pytest.fixture
def wib():
    """The machine's zone is WIB (UTC+7), as in Karanganyar."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Jakarta"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def admin_and_staf(database) -> tuple[int, int]:
    admin = add_person("Wahyu", "Camat", CAMAT_NIP, "admin", "246802")
    staf = add_person(" Budi  Santoso ", "Staf Umum", "", "staf", "123456")
    return admin, staf


def wrong_pins(database, person_id: int, count: int, now: datetime) -> list[str]:
    messages = []
    for _ in range(count):
        with pytest.raises((WrongPin, LockedOut)) as caught:
            verify_login(person_id, "0000", now=now)
        messages.append(str(caught.value))
    return messages


def test_pin_is_stored_as_a_salted_scrypt_hash(workspace):
    a = add_person("A", "", "", "staf", "123456")
    b = add_person("B", "", "", "staf", "123456")
    stored = {row.id: row.pin_hash for row in m.Person.select()}
    salt_a, hash_a = HASH.fullmatch(stored[a]).groups()
    salt_b, hash_b = HASH.fullmatch(stored[b]).groups()
    assert salt_a != salt_b and hash_a != hash_b  # same PIN, different salt and hash
    expected = hashlib.scrypt(b"123456", salt=bytes.fromhex(salt_a), n=2**10, r=8, p=1, dklen=32)
    assert expected.hex() == hash_a
    assert pin_matches("123456", stored[a]) and not pin_matches("123457", stored[a])
    assert not pin_matches("123456", "rusak")
    dump = dump_text(workspace.database)
    assert "123456" not in dump


def test_add_and_list_people(workspace):
    admin, staf = admin_and_staf(workspace.database)
    assert list_people() == [PersonInfo(staf, "Budi Santoso", "Staf Umum", "", "staf", True),
                             PersonInfo(admin, "Wahyu", "Camat", CAMAT_NIP, "admin", True)]
    assert get_person(staf).label == "Budi Santoso — Staf Umum"
    assert has_admin()
    assert [role_label(r) for r in ROLES] == ["Admin", "Staf", "Pejabat"]
    with pytest.raises(NotFound):
        get_person(999)


def test_person_rules(workspace):
    admin_and_staf(workspace.database)
    with pytest.raises(InvalidInput) as caught:
        add_person("  ", "", "12345", "bos", "123456")
    assert caught.value.problems == ["Nama belum diisi.", "NIP harus 18 angka (sekarang 5).",
                                     'Peran "bos" tidak dikenal.']
    with pytest.raises(InvalidInput, match="NIP ini sudah dipakai oleh Wahyu"):
        add_person("Lain", "", "19800118 199912 1 001", "staf", "123456")
    assert len(list_people()) == 2


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "12 34", "١٢٣٤"])
def test_pin_is_4_to_8_ascii_digits(workspace, pin):
    with pytest.raises(InvalidInput, match="PIN"):
        add_person("A", "", "", "staf", pin)
    assert not list_people()


def test_new_pin_typed_twice():
    assert new_pin_problems("123456", "123456") == []
    assert new_pin_problems("123456", "1243") == ["PIN yang diketik ulang tidak sama."]
    assert new_pin_problems("12", "12") == ["PIN harus 4 sampai 8 angka."]


def test_verify_login(workspace):
    _admin, staf = admin_and_staf(workspace.database)
    assert verify_login(staf, "123456").nama == "Budi Santoso"
    with pytest.raises(WrongPin) as caught:
        verify_login(staf, "4321")
    assert caught.value.remaining == 4
    with pytest.raises(InvalidInput, match="PIN harus 4 sampai 8 angka"):
        verify_login(staf, "12")  # a malformed PIN is not counted
    with pytest.raises(NotFound):
        verify_login(999, "123456")


def test_five_wrong_pins_lock_for_five_minutes(workspace, wib):
    db = workspace.database
    _admin, staf = admin_and_staf(db)
    assert wrong_pins(db, staf, 5, T0) == [
        "PIN salah. Sisa percobaan: 4.", "PIN salah. Sisa percobaan: 3.",
        "PIN salah. Sisa percobaan: 2.", "PIN salah. Sisa percobaan: 1.",
        "Terlalu banyak PIN salah. Coba lagi pukul 10.35."]
    # The right PIN is refused during the lock, and wrong ones do not extend it.
    for now in (T0, T0 + timedelta(minutes=4, seconds=59)):
        with pytest.raises(LockedOut, match="pukul 10.35"):
            verify_login(staf, "123456", now=now)
    assert wrong_pins(db, staf, 1, T0 + timedelta(minutes=1)) == [
        "Terlalu banyak PIN salah. Coba lagi pukul 10.35."]
    assert verify_login(staf, "123456", now=T0 + timedelta(minutes=5)).id == staf
    row = m.Person.get_by_id(staf)
    assert (row.failed_attempts, row.locked_until) == (0, None)


def test_a_right_pin_resets_the_count(workspace):
    db = workspace.database
    _admin, staf = admin_and_staf(db)
    wrong_pins(db, staf, 4, T0)
    verify_login(staf, "123456", now=T0)
    assert wrong_pins(db, staf, 4, T0)[-1] == "PIN salah. Sisa percobaan: 1."


def test_the_lock_survives_reopening_the_database(workspace, wib):
    _admin, staf = admin_and_staf(workspace.database)
    wrong_pins(workspace.database, staf, 5, T0)
    workspace.close()
    reopened = open_workspace(workspace.data_dir)
    try:
        with pytest.raises(LockedOut, match="pukul 10.35"):
            verify_login(staf, "123456", now=T0 + timedelta(minutes=2))
    finally:
        reopened.close()


def test_lock_message_accepts_an_aware_now(workspace, wib):
    from datetime import UTC

    _admin, staf = admin_and_staf(workspace.database)
    messages = wrong_pins(workspace.database, staf, 5, T0.replace(tzinfo=UTC))
    assert messages[-1] == "Terlalu banyak PIN salah. Coba lagi pukul 10.35."


def test_only_an_active_admin_resets_a_pin(workspace):
    db = workspace.database
    admin, staf = admin_and_staf(db)
    other = add_person("Sri", "Sekcam", "", "pejabat", "111111")
    with pytest.raises(NotAllowed, match="Hanya admin"):
        set_pin(other, "999999", by_admin_id=staf)
    with pytest.raises(NotAllowed):
        set_pin(other, "999999", by_admin_id=999)
    wrong_pins(db, other, 5, datetime.now())
    set_pin(other, "999999", by_admin_id=admin)  # also lifts the lock
    assert verify_login(other, "999999").id == other
    with pytest.raises(WrongPin):
        verify_login(other, "111111")
    second = add_person("Admin Dua", "", "", "admin", "555555")
    update_person(second, nama="Admin Dua", jabatan="", nip="", role="admin", active=False)
    with pytest.raises(NotAllowed):
        set_pin(staf, "7777", by_admin_id=second)


def test_change_own_pin(workspace):
    db = workspace.database
    _admin, staf = admin_and_staf(db)
    with pytest.raises(WrongPin, match=r"^PIN lama salah\. Sisa percobaan: 4\.$"):
        change_own_pin(staf, "9999", "5678")
    with pytest.raises(InvalidInput, match="PIN baru harus 4 sampai 8 angka"):
        change_own_pin(staf, "123456", "56")
    change_own_pin(staf, "123456", "5678")
    assert verify_login(staf, "5678").id == staf


def test_update_person_keeps_one_active_admin(workspace):
    db = workspace.database
    admin, staf = admin_and_staf(db)
    for role, active in (("staf", True), ("admin", False)):
        with pytest.raises(InvalidInput, match="sedikitnya satu admin aktif"):
            update_person(admin, nama="Wahyu", jabatan="Camat", nip=CAMAT_NIP, role=role,
                          active=active)
    update_person(staf, nama="Budi S.", jabatan="Operator", nip="", role="admin",
                  active=True)
    update_person(admin, nama="Wahyu", jabatan="Camat", nip=CAMAT_NIP, role="pejabat",
                  active=False)
    assert list_people() == [PersonInfo(staf, "Budi S.", "Operator", "", "admin", True)]
    assert [p.id for p in list_people(include_inactive=True)] == [staf, admin]
    with pytest.raises(NotAllowed, match="tidak aktif lagi"):
        verify_login(admin, "246802")


def test_no_admin_in_a_new_data_folder(workspace):
    assert not has_admin()
    add_person("Sri", "", "", "pejabat", "123456")
    assert not has_admin()


def test_people_from_profile(workspace):
    save_profile(PROFILE)
    existing = add_person("Sri L.", "Sekcam", "1975 0512 2000 0320 04", "staf", "1111")
    added = people_from_profile("202406")
    assert len(added) == 1
    camat = get_person(added[0])
    assert camat == PersonInfo(added[0], "WAHYU AGUS PRAMONO, S.STP.", "Camat Ngargoyoso",
                               CAMAT_NIP, "pejabat", True)
    assert verify_login(camat.id, "202406") == camat
    assert get_person(existing).role == "staf"  # untouched
    assert people_from_profile("202406") == []
    with pytest.raises(InvalidInput):
        people_from_profile("2024")  # too short for a pejabat


def test_create_first_admin(workspace):
    save_profile(PROFILE)
    people_from_profile("202406")
    camat = next(p for p in list_people() if p.nip == CAMAT_NIP)
    admin = create_first_admin("Wahyu Agus Pramono", "Camat", "19800118 199912 1 001",
                               "864202")
    assert admin == camat.id  # the person made from the profile became the admin
    assert verify_login(admin, "864202") == PersonInfo(
        admin, "Wahyu Agus Pramono", "Camat", CAMAT_NIP, "admin", True)
    assert len(list_people()) == 2
    with pytest.raises(NotAllowed, match="Sudah ada admin"):
        create_first_admin("Orang Lain", "", "", "123456")


def test_first_admin_with_a_typed_name(workspace):
    admin = create_first_admin("Operator Kecamatan", "", "", "123456")
    assert get_person(admin).is_admin and has_admin()
