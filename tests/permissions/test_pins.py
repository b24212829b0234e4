"""PINs that resist a stolen backup: the real scrypt cost, old hashes still verifying, longer
PINs for who approves, signs or manages people, and a lock-out that counts parallel guesses."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.office import people
from tests.permissions.conftest import PIN


def test_real_cost_and_login_under_half_a_second(office, monkeypatch):
    monkeypatch.undo()  # the real cost, not tests/conftest.py's cheap one
    assert people.SCRYPT_N == 2**16
    people.set_pin(office.camat, "864213", by_admin_id=office.admin)
    stored = m.Person.get_by_id(office.camat).pin_hash
    assert stored.startswith("scrypt$65536$8$1$")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        people.verify_login(office.camat, "864213")
        times.append(time.perf_counter() - start)
    assert min(times) < 0.5, times


def test_an_older_cheaper_hash_still_logs_in(office):
    salt = bytes(range(16))
    digest = hashlib.scrypt(b"4711", salt=salt, n=2**14, r=8, p=1, dklen=32)
    m.Person.update(pin_hash=f"scrypt$16384$8$1${salt.hex()}${digest.hex()}").where(
        m.Person.id == office.staf).execute()
    assert people.verify_login(office.staf, "4711").id == office.staf


def test_longer_pins_for_pejabat_and_admin(office):
    assert people.add_person("Budi", "Staf", "", "staf", "4711")  # staff: 4 digits
    for role in ("pejabat", "admin"):
        with pytest.raises(InvalidInput, match="harus 6 sampai 8 angka"):
            people.add_person(f"Orang {role}", "", "", role, "4711")
        with pytest.raises(InvalidInput, match="harus 6 sampai 8 angka"):
            people.set_pin(office.camat if role == "pejabat" else office.admin, "4711",
                           by_admin_id=office.admin)
    assert people.new_pin_problems("4711", "4711", "pejabat") == [
        "PIN pejabat harus 6 sampai 8 angka."]


def test_parallel_guesses_are_all_counted(office):
    """Ten wrong guesses started at once (each on its own connection, as other processes or
    computers would): no more than MAX_WRONG_PINS are ever checked, then the lock-out."""
    db, target = office.db, office.sekcam
    checked, results = [], []
    real = people.pin_matches
    barrier = threading.Barrier(10)

    def counting(pin, stored):
        checked.append(pin)
        time.sleep(0.05)  # a slow hash: every guess is under way together
        return real(pin, stored)

    def guess(i):
        barrier.wait()
        try:
            people.verify_login(target, f"{900000 + i}")
        except Exception as exc:  # noqa: BLE001 - collected
            results.append(type(exc).__name__)
        finally:
            db.close()

    people.pin_matches = counting
    try:
        threads = [threading.Thread(target=guess, args=(i,)) for i in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        people.pin_matches = real
    assert len(results) == 10
    assert len(checked) <= people.MAX_WRONG_PINS, (checked, results)
    assert "LockedOut" in results
    row = m.Person.get_by_id(target)
    assert row.locked_until is not None
    with pytest.raises(people.LockedOut):
        people.verify_login(target, PIN)  # even the right PIN, until the lock ends
