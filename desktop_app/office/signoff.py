"""Sign-off routes: for each kind of naskah dinas, who gives paraf in which order and who
signs. Default: Kasubag paraf -> Sekcam paraf -> Camat tanda tangan (from people's jabatan)."""

from __future__ import annotations

from dataclasses import dataclass

from db import models as m
from db.database import transaction
from desktop_app.common import audit
from desktop_app.common.errors import InvalidInput, NotAllowed
from desktop_app.office.permissions import OP, check, may_sign
from desktop_app.office.roles import role_key
from desktop_app.office.settings import get_setting, set_settings

KINDS = {"surat_dinas": "Surat dinas", "surat_pengantar": "Surat pengantar",
         "nota_dinas": "Nota dinas", "disposisi": "Lembar disposisi"}
ACTIONS = {"paraf": "paraf", "tanda_tangan": "tanda tangan"}
# role keys (office/roles.py): a Kasubag, the Sekretaris (Kecamatan), the Camat — whole roles,
# so "Sekretaris Kecamatan" is never taken for the Camat.
_DEFAULT_ROLES = (("kasubag", "paraf"), ("sekcam", "paraf"), ("camat", "tanda_tangan"))


@dataclass(frozen=True)
class RouteStep:
    person_id: int
    person: str
    jabatan: str
    action: str


def get_route(kind: str) -> list[RouteStep]:
    _check_kind(kind)
    return [RouteStep(s.person_id, s.person.nama, s.person.jabatan, s.action)
            for s in m.SignoffStep.select(m.SignoffStep, m.Person).join(m.Person)
            .where(m.SignoffStep.kind == kind).order_by(m.SignoffStep.position)]


def route_or_default(kind: str) -> list[RouteStep]:
    return get_route(kind) or default_route()


def _matches(key: str | None, wanted: str) -> bool:
    if key is None:
        return False
    if wanted == "sekcam":
        return key in ("sekcam", "sekretaris")
    return key == wanted or key.startswith(wanted + " ")


def default_route() -> list[RouteStep]:
    """Kasubag, Sekretaris and Camat found by jabatan among the active people."""
    people = list(m.Person.select().where(m.Person.active == True))  # noqa: E712
    route = []
    for word, action in _DEFAULT_ROLES:
        found = next((p for p in people if _matches(role_key(p.jabatan), word)), None)
        if found is None:
            continue
        fits = may_sign(found) if action == "tanda_tangan" else _may_paraf(found)
        if fits and all(r.person_id != found.id for r in route):
            route.append(RouteStep(found.id, found.nama, found.jabatan, action))
    return route


def set_route(kind: str, steps: list[tuple[int, str]], *,
              actor=None) -> None:
    """Replace the route of `kind` with [(person_id, action)]; the last step signs, and only
    a pejabat signs. `actor`: the logged-in person (an admin; see office.permissions)."""
    check(actor, OP.SET_ROUTE)
    _check_kind(kind)
    problems = []
    if not steps:
        problems.append("Alur paraf harus memiliki paling sedikit satu orang.")
    elif steps[-1][1] != "tanda_tangan":
        problems.append("Orang terakhir dalam alur harus menandatangani.")
    if any(action not in ACTIONS for _p, action in steps):
        problems.append("Tindakan harus paraf atau tanda tangan.")
    if sum(action == "tanda_tangan" for _p, action in steps) > 1:
        problems.append("Hanya satu orang yang menandatangani.")
    ids = [p for p, _a in steps]
    if len(set(ids)) != len(ids):
        problems.append("Satu orang hanya boleh sekali dalam alur.")
    if m.Person.select().where(m.Person.id.in_(ids)).count() != len(set(ids)):
        problems.append("Ada orang yang tidak dikenal dalam alur.")
    if not problems:
        problems += [f"{_name(p)} tidak dapat menandatangani: hanya pengguna berperan pejabat "
                     "yang menandatangani naskah." for p, action in steps
                     if action == "tanda_tangan" and not may_sign(p)]
        problems += [f"{_name(p)} tidak dapat memaraf: pengguna berperan staf atau yang tidak "
                     "aktif tidak memaraf naskah." for p, action in steps
                     if action == "paraf" and not _may_paraf(p)]
    if problems:
        raise InvalidInput(problems)
    with transaction():
        m.SignoffStep.delete().where(m.SignoffStep.kind == kind).execute()
        for position, (person_id, action) in enumerate(steps):
            m.SignoffStep.create(kind=kind, position=position, person=person_id, action=action)
        audit.append(None, _id(actor), "ubah_alur", f"{KINDS[kind]}: " + " → ".join(
            f"{_name(p)} ({ACTIONS[a]})" for p, a in steps))


# --- the specimen signature and cap ----------------------------------------------------------

SPECIMEN_KEYS = {"spesimen_ttd": "spesimen tanda tangan", "cap_dinas": "cap dinas"}


def specimen_owner() -> int | None:
    """The one person whose specimen signature and cap are on file (printed only on what
    that person signed), or None."""
    value = get_setting("spesimen_orang")
    return int(value) if value.isdigit() else None


def set_specimen(person_id: int | None, *,
                 files: dict[str, str] | None = None, actor=None) -> None:
    """Whose specimen it is (a pejabat, or None), and optionally the stored images
    (`files`: spesimen_ttd / cap_dinas → "berkas/<sha256>.png"). Choosing another person
    forgets the images of the previous one: a specimen belongs to one person."""
    check(actor, OP.SET_SPECIMEN)
    files = dict(files or {})
    unknown = set(files) - set(SPECIMEN_KEYS)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    if person_id is not None and not may_sign(person_id):
        raise NotAllowed(f"{_name(person_id)} bukan pejabat yang menandatangani; spesimen tanda "
                         "tangan hanya untuk pengguna berperan pejabat.")
    values = {"spesimen_orang": str(person_id) if person_id else "", **files}
    if person_id != specimen_owner():
        values = {key: "" for key in SPECIMEN_KEYS} | values
    with transaction():
        set_settings(values)
        what = ", ".join(SPECIMEN_KEYS[k] for k in files) or "pemilik spesimen"
        audit.append(None, _id(actor), "ubah_spesimen",
                     f"{what}: {_name(person_id) if person_id else '(tidak ada)'}")


def _may_paraf(person_id: int) -> bool:
    from desktop_app.office.permissions import allowed

    return allowed(person_id, OP.PARAF)


def _name(person_id) -> str:
    row = m.Person.get_or_none(m.Person.id == person_id)
    return row.nama if row else f"pengguna {person_id}"


def _id(actor) -> int | None:
    return actor if actor is None or isinstance(actor, int) else getattr(actor, "id", None)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(f'Jenis naskah "{kind}" tidak dikenal.')


def letter_subject(content: dict, title: str) -> str:
    """What a letter is about as printed on it (its Hal); the internal title when it has
    none (a surat pengantar). The register and the buku ekspedisi show this."""
    return " ".join(str(content.get("hal") or "").split()) or title
