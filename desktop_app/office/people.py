"""The office's people: roles, PINs (scrypt hashes only), log-in and the wrong-PIN lock-out."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from peewee import fn

from db import models as m
from db.database import transaction
from db.models import utc_now
from desktop_app.common import audit
from desktop_app.common.errors import DomainError, InvalidInput, NotAllowed, NotFound
from desktop_app.office.permissions import OP, check, require
from desktop_app.office.profile import load_profile, nip_problem, normalize_nip

log = logging.getLogger(__name__)

ROLES = ("admin", "staf", "pejabat")
ROLE_LABELS = {"admin": "Admin", "staf": "Staf", "pejabat": "Pejabat"}
ROLE_DESCRIPTIONS = {
    "admin": "mengelola pengguna, peran dan PIN",
    "staf": "menjalankan langkah SOP",
    "pejabat": "memeriksa, memaraf dan menandatangani",
}
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
# Who approves SOPs and signs (pejabat), and who manages people and PINs (admin): a longer
# PIN. A backup on a lost flash disk holds the hashes: README "Siapa boleh apa" gives the cost
# of guessing one offline.
SIGNER_ROLES = ("pejabat", "admin")
SIGNER_PIN_MIN_DIGITS = 6
MAX_WRONG_PINS = 5  # consecutive wrong PINs before the lock-out
LOCK_DURATION = timedelta(minutes=5)
# scrypt cost of new hashes (each hash stores its own, so older 2**14 ones still verify): about
# 0.3 s per log-in on one core, 64 MiB of memory per guess.
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN = 2**16, 8, 1, 32
SALT_BYTES = 16
_PIN = re.compile(f"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")


class WrongPin(DomainError):
    """The PIN did not match; `remaining` attempts are left before the lock-out."""

    def __init__(self, remaining: int, what: str = "PIN"):
        self.remaining = remaining
        super().__init__(f"{what} salah. Sisa percobaan: {remaining}.")


class LockedOut(DomainError):
    """Too many wrong PINs: no log-in (even with the right PIN) until `until` (UTC)."""

    def __init__(self, until: datetime):
        self.until = until
        local = until.replace(tzinfo=UTC).astimezone()
        super().__init__(f"Terlalu banyak PIN salah. Coba lagi pukul {local:%H.%M}.")


@dataclass(frozen=True)
class PersonInfo:
    id: int
    nama: str
    jabatan: str
    nip: str
    role: str
    active: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin" and self.active

    @property
    def role_label(self) -> str:
        return role_label(self.role)

    @property
    def label(self) -> str:
        """"nama — jabatan" (just the name if there is no jabatan), as lists show a person."""
        return f"{self.nama} — {self.jabatan}" if self.jabatan else self.nama


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


# --- rules -----------------------------------------------------------------------------------

def pin_problem(pin: str, role: str | None = None) -> str | None:
    """What is wrong with a PIN as typed (for a person of `role`, if given), or None."""
    if not pin:
        return "PIN belum diisi"
    if not _PIN.fullmatch(pin):
        return f"PIN harus {PIN_MIN_DIGITS} sampai {PIN_MAX_DIGITS} angka"
    if role in SIGNER_ROLES and len(pin) < SIGNER_PIN_MIN_DIGITS:
        return (f"PIN {role_label(role).lower()} harus {SIGNER_PIN_MIN_DIGITS} sampai "
                f"{PIN_MAX_DIGITS} angka")
    return None


def require_signer_pin(person: PersonInfo, pin: str) -> None:
    """Approving and signing need a PIN of the signer's length (an older, shorter PIN still
    logs in, but must be changed first)."""
    if person.role == "pejabat" and len(pin) < SIGNER_PIN_MIN_DIGITS:
        raise NotAllowed(f"PIN Anda terlalu pendek untuk mengesahkan atau menandatangani. "
                         f"Ganti PIN Anda dahulu (Pengaturan > Pengguna > Ganti PIN saya) "
                         f"menjadi {SIGNER_PIN_MIN_DIGITS} sampai {PIN_MAX_DIGITS} angka.")


def new_pin_problems(pin: str, repeated: str, role: str | None = None) -> list[str]:
    """A new PIN typed twice: its rule, and whether both typings are the same."""
    problem = pin_problem(pin, role)
    if problem:
        return [f"{problem}."]
    if pin != repeated:
        return ["PIN yang diketik ulang tidak sama."]
    return []


def person_problems(nama: str, nip: str, role: str, person_id: int | None = None) -> list[str]:
    """Problems with a person's data; a NIP already used by another person is one."""
    problems = []
    if not _one_line(nama):
        problems.append("Nama belum diisi.")
    nip = normalize_nip(nip)
    if nip:
        problem = nip_problem(nip)
        if problem:
            problems.append(f"{problem}.")
        else:
            other = _person_with_nip(nip)
            if other is not None and other.id != person_id:
                problems.append(f"NIP ini sudah dipakai oleh {other.nama}.")
    if role not in ROLES:
        problems.append(f'Peran "{role}" tidak dikenal.')
    return problems


# --- PIN hashes ------------------------------------------------------------------------------

def hash_pin(pin: str) -> str:
    """The string stored for a PIN: "scrypt$n$r$p$salt_hex$hash_hex" with a random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt_hex, hash_hex = stored.split("$")
        expected = bytes.fromhex(hash_hex)
        if kind != "scrypt" or not expected:
            raise ValueError(kind)
        digest = _scrypt(pin, bytes.fromhex(salt_hex), int(n), int(r), int(p), len(expected))
    except ValueError:
        log.warning("unreadable PIN hash in the database")
        return False
    return hmac.compare_digest(digest, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen,
                          maxmem=128 * r * (n + p + 2) + 1024 * 1024)


# --- reading ---------------------------------------------------------------------------------

def _info(row: m.Person) -> PersonInfo:
    return PersonInfo(row.id, row.nama, row.jabatan, row.nip, row.role, bool(row.active))


def _row(person_id: int) -> m.Person:
    row = m.Person.get_or_none(m.Person.id == person_id)
    if row is None:
        raise NotFound(f"Pengguna nomor {person_id} tidak ada.")
    return row


def get_person(person_id: int) -> PersonInfo:
    return _info(_row(person_id))


def list_people(include_inactive: bool = False) -> list[PersonInfo]:
    """People by name; only the active ones unless asked."""
    query = m.Person.select().order_by(fn.LOWER(m.Person.nama), m.Person.id)
    if not include_inactive:
        query = query.where(m.Person.active == True)  # noqa: E712 - peewee expression
    return [_info(row) for row in query]


def has_admin() -> bool:
    """Whether someone active can manage people (False in a new data folder)."""
    return _active_admins().exists()


def _active_admins():
    return m.Person.select().where((m.Person.role == "admin") & (m.Person.active == True))  # noqa: E712


def _person_with_nip(nip: str) -> m.Person | None:
    return m.Person.get_or_none(m.Person.nip == nip)


# --- changing --------------------------------------------------------------------------------

def add_person(nama: str, jabatan: str, nip: str, role: str,
               pin: str, *, actor=None) -> int:
    """Store a new active person with a PIN; InvalidInput or NotAllowed changes nothing.
    `actor`: the logged-in person (an admin; see office.permissions)."""
    check(actor, OP.MANAGE_PEOPLE)
    _check_pin_rule(pin, role=role)
    pin_hash = hash_pin(pin)  # slow on purpose: outside the transaction
    with transaction():
        check(actor, OP.MANAGE_PEOPLE)
        _check_person(nama, nip, role)
        person_id = m.Person.insert(nama=_one_line(nama), jabatan=_one_line(jabatan),
                                    nip=normalize_nip(nip), role=role,
                                    pin_hash=pin_hash).execute()
        audit.append(None, _actor_id(actor), "tambah_pengguna",
                     f"{_one_line(nama)} ({_one_line(jabatan) or '-'}, NIP "
                     f"{normalize_nip(nip) or '-'}), peran {role_label(role)}")
    log.info("person %s added with role %s", person_id, role)
    return person_id


def create_first_admin(nama: str, jabatan: str, nip: str,
                       pin: str) -> int:
    """The first admin of a data folder; refused once there is an active admin.

    A person already stored with the same NIP (e.g. made from the profile) becomes the admin,
    with this PIN; otherwise a new person is added. Returns the admin's id.
    """
    _check_pin_rule(pin, role="admin")
    pin_hash = hash_pin(pin)
    nip = normalize_nip(nip)
    with transaction():
        if has_admin():
            raise NotAllowed("Sudah ada admin. Minta admin menambahkan Anda sebagai pengguna.")
        existing = _person_with_nip(nip) if nip else None
        _check_person(nama, nip, "admin", existing.id if existing else None)
        values = {"nama": _one_line(nama), "jabatan": _one_line(jabatan), "nip": nip,
                  "role": "admin", "pin_hash": pin_hash, "active": True,
                  "failed_attempts": 0, "locked_until": None}
        if existing is None:
            person_id = m.Person.insert(values).execute()
        else:
            person_id = existing.id
            m.Person.update(values).where(m.Person.id == person_id).execute()
        audit.append(None, person_id, "admin_pertama",
                     f"{values['nama']} (NIP {nip or '-'}) menjadi admin pertama")
    log.info("person %s is the first admin", person_id)
    return person_id

def update_person(person_id: int, *, nama: str, jabatan: str,
                  nip: str, role: str, active: bool, actor=None) -> None:
    """Change a person's data, role or active flag; the last active admin stays an admin.
    `actor`: the logged-in person (an admin; see office.permissions)."""
    with transaction():
        check(actor, OP.MANAGE_PEOPLE)
        row = _row(person_id)
        if role != row.role:
            check(actor, OP.CHANGE_ROLE)
        _check_person(nama, nip, role, person_id)
        was_admin = row.role == "admin" and row.active
        others = _active_admins().where(m.Person.id != person_id)
        if was_admin and not (role == "admin" and active) and not others.exists():
            raise InvalidInput("Harus ada sedikitnya satu admin aktif. Jadikan orang lain "
                               "admin terlebih dahulu.")
        m.Person.update(nama=_one_line(nama), jabatan=_one_line(jabatan),
                        nip=normalize_nip(nip), role=role, active=active,
                        ).where(m.Person.id == person_id).execute()
        changes = [f"{label}: {old or '-'} → {new or '-'}" for label, old, new in (
            ("nama", row.nama, _one_line(nama)), ("jabatan", row.jabatan, _one_line(jabatan)),
            ("NIP", row.nip, normalize_nip(nip)),
            ("peran", role_label(row.role), role_label(role)),
            ("aktif", "ya" if row.active else "tidak", "ya" if active else "tidak"))
            if old != new]
        if changes:
            action = "ubah_peran" if row.role != role else "ubah_pengguna"
            audit.append(None, _actor_id(actor), action, f"{row.nama}: " + "; ".join(changes))


def set_pin(person_id: int, new_pin: str, by_admin_id: int) -> None:
    """An admin sets someone's PIN (a forgotten one); this also lifts a lock-out."""
    require(by_admin_id, OP.RESET_PIN)
    _check_pin_rule(new_pin, role=_row(person_id).role)
    pin_hash = hash_pin(new_pin)
    with transaction():
        require(by_admin_id, OP.RESET_PIN)
        row = _row(person_id)
        m.Person.update(pin_hash=pin_hash, failed_attempts=0, locked_until=None,
                        ).where(m.Person.id == person_id).execute()
        audit.append(None, by_admin_id, "atur_ulang_pin", f"PIN {row.nama} diatur ulang")
    log.info("PIN of person %s reset by admin %s", person_id, by_admin_id)


def change_own_pin(person_id: int, old_pin: str, new_pin: str,
                   now: datetime | None = None) -> None:
    """Change one's own PIN; a wrong old PIN counts towards the lock-out like a log-in."""
    _check_pin_rule(new_pin, "PIN baru", role=_row(person_id).role)
    _check_pin(person_id, old_pin, now, "PIN lama")
    pin_hash = hash_pin(new_pin)
    with transaction():
        m.Person.update(pin_hash=pin_hash).where(m.Person.id == person_id).execute()
        audit.append(None, person_id, "ganti_pin_sendiri", "")
    log.info("person %s changed their PIN", person_id)


def verify_login(person_id: int, pin: str,
                 now: datetime | None = None) -> PersonInfo:
    """The person, if the PIN is right and they are neither locked out nor inactive.

    Raises WrongPin (with the attempts left), LockedOut (after MAX_WRONG_PINS wrong PINs in a
    row, for LOCK_DURATION, even for the right PIN), NotAllowed or NotFound. `now` is UTC.
    """
    person = _check_pin(person_id, pin, now, "PIN")
    log.info("person %s logged in", person_id)
    return person


def _check_pin(person_id: int, pin: str, now: datetime | None,
               what: str) -> PersonInfo:
    now = _utc(now)
    row = _row(person_id)
    if not row.active:
        raise NotAllowed(f"{row.nama} tidak aktif lagi. Hubungi admin.")
    if row.locked_until is not None and now < row.locked_until:
        raise LockedOut(row.locked_until)
    _check_pin_rule(pin, what)  # not counted as a wrong PIN: the rule is no secret
    row = _reserve_guess(person_id, now)
    if pin_matches(pin, row.pin_hash):
        with transaction("IMMEDIATE"):
            m.Person.update(failed_attempts=0, locked_until=None,
                            ).where(m.Person.id == person_id).execute()
        return _info(row)
    error = _count_wrong_pin(person_id, now, what)
    log.info("wrong PIN for person %s", person_id)
    raise error


def _reserve_guess(person_id: int, now: datetime) -> m.Person:
    """Count the guess as wrong before the (slow) hash is checked, in one write transaction
    with the lock-out check: guesses started in parallel (other processes, other computers)
    are all counted, so no more than MAX_WRONG_PINS are ever checked before the lock-out.
    A right PIN then clears the count."""
    error = None
    with transaction("IMMEDIATE"):
        row = _row(person_id)
        if row.locked_until is not None and now < row.locked_until:
            error = LockedOut(row.locked_until)
        elif row.failed_attempts >= MAX_WRONG_PINS:
            error = _lock(person_id, now)  # committed, then raised
        else:
            m.Person.update(failed_attempts=m.Person.failed_attempts + 1,
                            ).where(m.Person.id == person_id).execute()
    if error is not None:
        raise error
    return row


def _count_wrong_pin(person_id: int, now: datetime,
                     what: str) -> DomainError:
    """The guess (already counted) was wrong: lock after the last allowed one; the error."""
    with transaction("IMMEDIATE"):
        failed = _row(person_id).failed_attempts
        if failed < MAX_WRONG_PINS:
            return WrongPin(MAX_WRONG_PINS - failed, what)
        return _lock(person_id, now)


def _lock(person_id: int, now: datetime) -> LockedOut:
    """Inside the write transaction: lock the person out (audited); the error to raise."""
    until = now + LOCK_DURATION
    m.Person.update(failed_attempts=0, locked_until=until,
                    ).where(m.Person.id == person_id).execute()
    audit.append(None, person_id, "kunci_pin",
                 f"{MAX_WRONG_PINS} kali PIN salah; terkunci sampai {until:%Y-%m-%d %H:%M} UTC")
    log.warning("person %s locked out until %s UTC after %d wrong PINs", person_id, until,
                MAX_WRONG_PINS)
    return LockedOut(until)


def people_from_profile(default_pin: str, *,
                        actor=None) -> list[int]:
    """A person (role pejabat) for each official of the profile not yet among the people.

    An official counts as present when a person has the same NIP (or, for an official
    without NIP, the same name). All get `default_pin`; returns the new ids.
    """
    check(actor, OP.MANAGE_PEOPLE)
    _check_pin_rule(default_pin, role="pejabat")
    officials = [o for o in load_profile().officials if _one_line(o.nama)]
    # One salt each; hashing is slow on purpose, so it is done before the transaction.
    hashes = iter([hash_pin(default_pin) for _ in officials])
    added = []
    with transaction():
        for official in officials:
            nip = normalize_nip(official.nip)
            if nip and _person_with_nip(nip) is not None:
                continue
            if not nip and m.Person.select().where(
                    fn.LOWER(m.Person.nama) == _one_line(official.nama).lower()).exists():
                continue
            added.append(m.Person.insert(
                nama=_one_line(official.nama), jabatan=_one_line(official.jabatan), nip=nip,
                role="pejabat", pin_hash=next(hashes)).execute())
            audit.append(None, _actor_id(actor), "tambah_pengguna",
                         f"{_one_line(official.nama)} (NIP {nip or '-'}) dari profil kantor, "
                         "peran Pejabat")
    log.info("%d people added from the office profile", len(added))
    return added


# --- helpers ---------------------------------------------------------------------------------

def _check_pin_rule(pin: str, what: str = "PIN", role: str | None = None) -> None:
    problem = pin_problem(pin, role)
    if problem:
        raise InvalidInput(problem.replace("PIN", what, 1) + ".")


def _actor_id(actor) -> int | None:
    if actor is None or isinstance(actor, int):
        return actor
    return getattr(actor, "id", None)


def _check_person(nama: str, nip: str, role: str, person_id: int | None = None) -> None:
    problems = person_problems(nama, nip, role, person_id)
    if problems:
        raise InvalidInput(problems)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return utc_now()
    if now.tzinfo is not None:
        return now.astimezone(UTC).replace(tzinfo=None)
    return now
