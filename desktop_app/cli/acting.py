"""The person doing a privileged command: `--pengguna NIP`, with the PIN from the environment
variable PANDU_PIN or asked for (never an argument: it would stay in the shell's history)."""

from __future__ import annotations

import getpass
import os

from desktop_app.common.errors import NotAllowed

PIN_VARIABLE = "PANDU_PIN"


def add_option(parser) -> None:
    parser.add_argument("--pengguna", metavar="NIP", dest="pengguna",
                        help=f"NIP pengguna yang menjalankan perintah ini; PIN dari variabel "
                             f"{PIN_VARIABLE} atau ditanyakan")


def acting_person(args, database, what: str):
    """The logged-in person (PersonInfo) for `what`, after checking the PIN (a wrong PIN
    counts towards the lock-out, as in the window)."""
    from desktop_app.office import people
    from desktop_app.office.profile import normalize_nip

    nip = normalize_nip(getattr(args, "pengguna", None) or "")
    if not nip:
        raise NotAllowed(f"Untuk {what}, sebutkan siapa Anda: --pengguna NIP (PIN dari "
                         f"variabel {PIN_VARIABLE} atau diketik saat ditanya).")
    person = next((p for p in people.list_people() if p.nip == nip), None)
    if person is None:
        raise NotAllowed(f"Tidak ada pengguna aktif dengan NIP {nip}.")
    pin = os.environ.get(PIN_VARIABLE)
    if pin is None:
        pin = getpass.getpass(f"PIN {person.nama}: ")
    return people.verify_login(person.id, pin)
