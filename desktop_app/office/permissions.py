"""Who may do what: the one policy every service asks before it writes, and every window asks
to grey out or hide (README "Siapa boleh apa").

`allowed(person, op)` answers; `require(person, op)` raises `NotAllowed` with an Indonesian
message. `person` is the acting person: a `PersonInfo`, a `Person` row or an id; it is read again
from the database, so a role changed or a person made inactive meanwhile counts at once.
Approval and signature are given only by the person themself (`require_self`).
"""

from __future__ import annotations

from enum import Enum

from db import models as m
from desktop_app.common.errors import NotAllowed

ADMIN, PEJABAT, STAF = "admin", "pejabat", "staf"


class Operation(Enum):
    """A privileged operation; its value is what the refusal says it is."""

    EDIT_PROFILE = "mengubah profil kantor"
    MANAGE_PEOPLE = "menambah atau mengubah data pengguna"
    CHANGE_ROLE = "mengubah peran pengguna"
    RESET_PIN = "mengatur ulang PIN orang lain"
    SET_ROUTE = "mengatur alur paraf dan tanda tangan"
    SET_SPECIMEN = "mengatur spesimen tanda tangan dan cap"
    SET_NUMBER_FORMAT = "mengubah format nomor surat"
    EDIT_CODES = "mengubah daftar kode klasifikasi"
    CANCEL_NUMBER = "membatalkan nomor surat"
    APPROVE_SOP = "mengesahkan SOP"
    PARAF = "memaraf naskah"
    SIGN = "menandatangani naskah"
    RESTORE = "memulihkan data dari cadangan"
    EDIT_CALENDAR = "mengubah hari kerja dan libur kantor"


OP = Operation
# The table: which roles may do each operation (the README shows the same table).
TABLE: dict[Operation, frozenset[str]] = {
    OP.EDIT_PROFILE: frozenset({ADMIN}),
    OP.MANAGE_PEOPLE: frozenset({ADMIN}),
    OP.CHANGE_ROLE: frozenset({ADMIN}),
    OP.RESET_PIN: frozenset({ADMIN}),
    OP.SET_ROUTE: frozenset({ADMIN}),
    OP.SET_SPECIMEN: frozenset({ADMIN}),
    OP.SET_NUMBER_FORMAT: frozenset({ADMIN}),
    OP.EDIT_CODES: frozenset({ADMIN}),
    OP.CANCEL_NUMBER: frozenset({ADMIN, PEJABAT}),
    OP.APPROVE_SOP: frozenset({PEJABAT}),
    OP.PARAF: frozenset({ADMIN, PEJABAT}),
    OP.SIGN: frozenset({PEJABAT}),
    OP.RESTORE: frozenset({ADMIN}),
    OP.EDIT_CALENDAR: frozenset({ADMIN}),
}
ROLE_NAMES = {ADMIN: "admin", PEJABAT: "pejabat", STAF: "staf"}


def who_may(op: Operation) -> str:
    """"admin", "admin atau pejabat": the roles that may do `op`, for messages."""
    return " atau ".join(ROLE_NAMES[r] for r in (ADMIN, PEJABAT, STAF) if r in TABLE[op])


def _row(person) -> m.Person | None:
    if person is None:
        return None
    person_id = person if isinstance(person, int) else getattr(person, "id", None)
    if person_id is None:
        return None
    return m.Person.get_or_none(m.Person.id == person_id)


def allowed(person, op: Operation) -> bool:
    """Whether `person` (active, by their role) may do `op`."""
    row = _row(person)
    return row is not None and bool(row.active) and row.role in TABLE[op]


def require(person, op: Operation) -> m.Person:
    """The acting person's row, or NotAllowed saying who may do `op` instead."""
    row = _row(person)
    if row is None:
        raise NotAllowed(f"Masuk dahulu sebagai pengguna yang berwenang untuk {op.value}.")
    if not row.active:
        raise NotAllowed(f"{row.nama} tidak aktif lagi dan tidak dapat {op.value}.")
    if row.role not in TABLE[op]:
        who = who_may(op)
        raise NotAllowed(f"Anda masuk sebagai {row.nama} ({ROLE_NAMES.get(row.role, row.role)}). "
                         f"Hanya {who} yang dapat {op.value}.")
    return row


def check(actor, op: Operation) -> None:
    """`require` for services' optional `actor=`: None is a caller of the core itself (the
    first-run wizard, a test, a migration), which the window and the CLI never are."""
    if actor is not None:
        require(actor, op)


def require_self(actor, person, what: str = "melakukan ini") -> None:
    """Only the person themself: nobody approves or signs in another's name, admins included."""
    actor_row, person_row = _row(actor), _row(person)
    if actor_row is None or person_row is None or actor_row.id != person_row.id:
        name = person_row.nama if person_row is not None else "orang yang bersangkutan"
        raise NotAllowed(f"Hanya {name} sendiri yang dapat {what}, dengan PIN-nya sendiri. "
                         "Tidak ada yang dapat melakukannya atas nama orang lain.")


def may_sign(person) -> bool:
    """Whether `person` may be the signer of a route or own the specimen signature."""
    return allowed(person, OP.SIGN)
