"""Sign-off routes: for each kind of naskah dinas, who gives paraf in which order and who
signs. Default: Kasubag paraf -> Sekcam paraf -> Camat tanda tangan (from people's jabatan)."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import SqliteDatabase

from db import models as m
from desktop_app.common.errors import InvalidInput

KINDS = {"surat_dinas": "Surat dinas", "surat_pengantar": "Surat pengantar",
         "nota_dinas": "Nota dinas", "disposisi": "Lembar disposisi"}
ACTIONS = {"paraf": "paraf", "tanda_tangan": "tanda tangan"}
_DEFAULT_ROLES = (("kasubag", "paraf"), ("sekretaris", "paraf"), ("camat", "tanda_tangan"))


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


def default_route() -> list[RouteStep]:
    """Kasubag, Sekretaris and Camat found by jabatan among the active people."""
    people = list(m.Person.select().where(m.Person.active == True))  # noqa: E712
    route = []
    for word, action in _DEFAULT_ROLES:
        found = next((p for p in people if word in p.jabatan.lower()
                      or (word == "sekretaris" and "sekcam" in p.jabatan.lower())), None)
        if found and all(r.person_id != found.id for r in route):
            route.append(RouteStep(found.id, found.nama, found.jabatan, action))
    return route


def set_route(database: SqliteDatabase, kind: str, steps: list[tuple[int, str]]) -> None:
    """Replace the route of `kind` with [(person_id, action)]; the last step signs."""
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
    if problems:
        raise InvalidInput(problems)
    with database.atomic():
        m.SignoffStep.delete().where(m.SignoffStep.kind == kind).execute()
        for position, (person_id, action) in enumerate(steps):
            m.SignoffStep.create(kind=kind, position=position, person=person_id, action=action)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(f'Jenis naskah "{kind}" tidak dikenal.')


def letter_subject(content: dict, title: str) -> str:
    """What a letter is about as printed on it (its Hal); the internal title when it has
    none (a surat pengantar). The register and the buku ekspedisi show this."""
    return " ".join(str(content.get("hal") or "").split()) or title
