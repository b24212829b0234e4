"""A naskah dinas from draft to signature: every change is a new version (voiding earlier
approvals), each person on the route gives paraf with their PIN, the last one signs; then the
letter number is taken and the final PDF, with its verification code, is stored read-only."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peewee import fn

from db import models as m
from db.database import transaction
from desktop_app.common import audit
from desktop_app.common.clock import to_local, utc_now
from desktop_app.common.errors import InvalidInput, NotAllowed, NotFound
from desktop_app.common.file_store import store_bytes, stored_path
from desktop_app.naskah.verification import new_code
from desktop_app.office import people
from desktop_app.office.permissions import OP, require, require_self
from desktop_app.office.signoff import KINDS, RouteStep, route_or_default

NUMBERED = ("surat_dinas", "surat_pengantar", "nota_dinas")
STATUS_LABELS = {"menunggu": "menunggu paraf/tanda tangan", "dikembalikan": "dikembalikan",
                 "final": "disahkan"}


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    kind: str
    title: str
    status: str
    number: str
    waiting_for: str
    waiting_for_id: int | None
    waiting_action: str
    versions: int
    run_id: int | None
    created_at: datetime
    author_id: int | None = None


@dataclass(frozen=True)
class ApprovalView:
    person: str
    action: str
    decision: str
    note: str
    at: datetime
    version: int


@dataclass(frozen=True)
class DocumentDetail:
    summary: DocumentSummary
    content: dict
    route: tuple[RouteStep, ...]
    approvals: tuple[ApprovalView, ...]
    pdf_path: Path | None
    sha256: str
    verification_code: str


def _route(doc: m.Document) -> list[RouteStep]:
    return [RouteStep(*step) for step in json.loads(doc.content)["_route"]]


def _content(doc: m.Document) -> dict:
    data = json.loads(doc.content)
    data.pop("_route", None)
    return data


def _latest(doc: m.Document) -> m.DocumentVersion:
    return (m.DocumentVersion.select().where(m.DocumentVersion.document == doc)
            .order_by(m.DocumentVersion.number.desc()).first())


def _store_version(data_dir: Path, doc: m.Document, pdf: bytes, person_id: int | None,
                   final: bool = False, code: str | None = None) -> m.DocumentVersion:
    stored = store_bytes(data_dir, pdf, "pdf")
    previous = _latest(doc)
    version = m.DocumentVersion.create(
        document=doc, number=(previous.number + 1) if previous else 1, sha256=stored.sha256,
        stored_path=stored.relative_path, final=final, verification_code=code,
        created_by=person_id)
    if final:
        os.chmod(data_dir / stored.relative_path, 0o444)  # the signed file is never rewritten
    return version


def create_document(data_dir: Path, kind: str, title: str,
                    content: dict, author_id: int, run_step_id: int | None = None) -> int:
    if kind not in KINDS:
        raise InvalidInput(f'Jenis naskah "{kind}" tidak dikenal.')
    if not title.strip():
        raise InvalidInput("Perihal (judul) naskah wajib diisi.")
    _check_content(kind, content)
    route = route_or_default(kind)
    if not route or route[-1].action != "tanda_tangan":
        raise InvalidInput("Alur paraf dan tanda tangan belum diatur. Atur di Pengaturan > "
                           "Alur paraf, atau isi jabatan Kasubag, Sekretaris dan Camat pada "
                           "data pengguna.")
    stored = dict(content, _route=[list(vars(step).values()) for step in route])
    run_id = None
    if run_step_id is not None:
        run_id = m.RunStep.get_by_id(run_step_id).run_id
    pdf = _render(kind, content, route, "", None, data_dir)
    with transaction():
        doc = m.Document.create(kind=kind, title=title.strip(), content=json.dumps(stored),
                                run=run_id, run_step=run_step_id, created_by=author_id)
        _store_version(data_dir, doc, pdf, author_id)
        audit.append(run_id, author_id, "naskah_dibuat", f"{KINDS[kind]}: {title.strip()}")
    return doc.id


def update_document(data_dir: Path, doc_id: int, title: str,
                    content: dict, author_id: int) -> None:
    """A change makes a new version; approvals given on earlier versions no longer count.
    Only its author or an admin changes a naskah (`author_id` is the one changing it)."""
    doc = _document(doc_id)
    if doc.status == "final":
        raise InvalidInput("Naskah ini sudah disahkan dan tidak dapat diubah. Buat naskah baru.")
    if not may_edit(author_id, doc_id):
        raise NotAllowed("Naskah ini hanya dapat diubah oleh pembuatnya atau admin.")
    _check_content(doc.kind, content)
    route = _route(doc)
    pdf = _render(doc.kind, content, route, "", None, data_dir)
    with transaction():
        doc.title, doc.status, doc.route_position = title.strip(), "menunggu", 0
        doc.content = json.dumps(dict(content, _route=[list(vars(s).values()) for s in route]))
        doc.save()
        version = _store_version(data_dir, doc, pdf, author_id)
        audit.append(doc.run_id, author_id, "naskah_diubah",
                     f"{doc.title}: versi {version.number}; paraf sebelumnya tidak berlaku")


def may_edit(person, doc_id: int) -> bool:
    """The author or an admin may change a document that is not yet signed (the window asks
    the same to offer "Ubah")."""
    from desktop_app.office.permissions import ADMIN

    doc = m.Document.get_or_none(m.Document.id == doc_id)
    person_id = getattr(person, "id", person)
    row = m.Person.get_or_none(m.Person.id == person_id) if person_id is not None else None
    if doc is None or doc.status == "final" or row is None or not row.active:
        return False
    return row.role == ADMIN or doc.created_by_id == row.id


def _check_content(kind: str, content: dict) -> None:
    """A numbered letter needs an active classification code, known before the paraf start."""
    if kind not in NUMBERED:
        return
    from desktop_app.office.letter_numbers import code_problem, list_codes

    code = (content.get("klasifikasi") or "").strip()
    if not code:
        raise InvalidInput("Pilih kode klasifikasi arsip untuk nomor surat naskah ini.")
    problem = code_problem(code)
    if problem:
        raise InvalidInput(problem)
    if code not in {c.code for c in list_codes()}:
        raise InvalidInput(f'Kode klasifikasi "{code}" tidak ada atau tidak aktif; pilih dari '
                           "daftar kode di Pengaturan > Nomor surat.")


def approve(data_dir: Path, doc_id: int, person_id: int, pin: str,
            note: str = "", today: date | None = None, passphrase: str | None = None, *,
            actor=None) -> None:
    """Paraf (or, for the last person on the route, sign) after checking the PIN: only the
    person whose turn it is, themself (`actor`, the logged-in person, must be that person),
    with a role that may paraf or sign (office.permissions). A person with a signing key
    (issue 15) also gives their signing passphrase: the paraf carries their own signature,
    and the final PDF is sealed with the signed QR and PDF signature."""
    from desktop_app.signing import documents as signing
    from desktop_app.signing.keys import unlock_person

    if actor is not None:
        require_self(actor, person_id, "memaraf atau menandatangani naskah ini")
    _doc, step = _turn(doc_id, person_id, pin)
    if step.action == "tanda_tangan":
        people.require_signer_pin(people.get_person(person_id), pin)
    signer = unlock_person(person_id, passphrase, step.action)  # (key row, private) or None
    # IMMEDIATE: the letter number is taken inside; no other process may write meanwhile.
    # (A signature then moves the signed audit chain head, once committed.)
    with signing.chain_head_after(signer), transaction("IMMEDIATE"):
        doc, step = _still_turn(doc_id, person_id)  # a double click or another PC was faster
        route = _route(doc)
        version = _latest(doc)
        approval = m.Approval.create(document=doc, version=version,
                                     position=doc.route_position, person=person_id,
                                     action=step.action, decision="setuju",
                                     note=note.strip(), at=utc_now())
        signed = signing.sign_approval(approval, *signer, version.sha256) if signer else ""
        if step.action != "tanda_tangan":
            doc.route_position += 1
            doc.save()
            audit.append(doc.run_id, person_id, "paraf", doc.title + signed)
            return
        signed_on = today or date.today()
        number = _take_number(doc, person_id, signed_on)
        code = new_code()
        slot = {} if signer else None
        pdf = _render(doc.kind, _content(doc), route, number, code, data_dir, signed_on, slot)
        if signer:
            letter_date = (date.fromisoformat(_content(doc)["tanggal"])
                           if _content(doc).get("tanggal") else signed_on)
            pdf = signing.seal_final(pdf, slot, doc.kind, number, letter_date, doc.title, code,
                                     *signer)
        final = _store_version(data_dir, doc, pdf, person_id, final=True, code=code)
        m.Approval.update(version=final).where((m.Approval.document == doc)
                                               & (m.Approval.version == version)).execute()
        doc.status = "final"
        doc.save()
        audit.append(doc.run_id, person_id, "tanda_tangan",
                     f"{doc.title} {number} (kode {code}, SHA-256 {final.sha256[:16]}…)"
                     + signed)


def return_document(doc_id: int, person_id: int, pin: str,
                    note: str) -> None:
    if not note.strip():
        raise InvalidInput("Tulis catatan: apa yang harus diperbaiki.")
    _turn(doc_id, person_id, pin)
    with transaction("IMMEDIATE"):
        doc, step = _still_turn(doc_id, person_id)
        m.Approval.create(document=doc, version=_latest(doc), position=doc.route_position,
                          person=person_id, action=step.action, decision="kembalikan",
                          note=note.strip(), at=utc_now())
        doc.status = "dikembalikan"
        doc.save()
        audit.append(doc.run_id, person_id, "naskah_dikembalikan", f"{doc.title}: {note}")


def _turn(doc_id: int, person_id: int, pin: str) -> tuple[m.Document, RouteStep]:
    """The document and route step, if it is this person's turn and the PIN is right."""
    _still_turn(doc_id, person_id)
    people.verify_login(person_id, pin)  # a wrong PIN counts towards lock-out
    return _still_turn(doc_id, person_id)


def _still_turn(doc_id: int, person_id: int) -> tuple[m.Document, RouteStep]:
    """Checked again inside the writing transaction, so a step is never given twice."""
    doc = _document(doc_id)
    if doc.status != "menunggu":
        raise InvalidInput("Naskah ini tidak sedang menunggu paraf atau tanda tangan.")
    step = _route(doc)[doc.route_position]
    if step.person_id != person_id:
        verb = "menandatangani" if step.action == "tanda_tangan" else "memaraf"
        raise NotAllowed(f"Sekarang giliran {step.person} ({step.jabatan}) untuk "
                         f"{verb} naskah ini.")
    require(person_id, OP.SIGN if step.action == "tanda_tangan" else OP.PARAF)
    return doc, step


def _take_number(doc: m.Document, person_id: int, today: date) -> str:
    if doc.kind not in NUMBERED:
        return ""
    from desktop_app.office.letter_numbers import take_number
    from desktop_app.office.signoff import letter_subject

    content = _content(doc)
    letter = take_number(classification=content.get("klasifikasi", ""),
                         kind=doc.kind, perihal=letter_subject(content, doc.title),
                         tujuan=content.get("kepada", ""), letter_date=today,
                         person_id=person_id)
    doc.letter_id = letter.id
    m.OutgoingLetter.update(document_id=doc.id).where(m.OutgoingLetter.id == letter.id).execute()
    return letter.number


def _render(kind: str, content: dict, route: list[RouteStep], number: str, code: str | None,
            data_dir: Path, signed_on: date | None = None, slot: dict | None = None) -> bytes:
    from desktop_app.naskah.compose import render_document

    return render_document(kind, content, route[-1], number, code, data_dir, signed_on, slot)


def _document(doc_id: int) -> m.Document:
    doc = m.Document.get_or_none(m.Document.id == doc_id)
    if doc is None:
        raise NotFound(f"Naskah dengan id {doc_id} tidak ada.")
    return doc


def _summary(doc: m.Document, numbers: dict[int, str] | None = None,
             versions: dict[int, int] | None = None) -> DocumentSummary:
    """One document's line; `numbers` (letter id → number) and `versions` (document id →
    count) come from `list_documents`, which reads them for all documents at once."""
    route = _route(doc)
    waiting = route[doc.route_position] if doc.status == "menunggu" else None
    if numbers is None:
        numbers = _letter_numbers([doc.letter_id] if doc.letter_id else [])
    count = versions.get(doc.id, 0) if versions is not None else doc.versions.count()
    return DocumentSummary(
        doc.id, doc.kind, doc.title, doc.status, numbers.get(doc.letter_id, ""),
        waiting.person if waiting else "", waiting.person_id if waiting else None,
        waiting.action if waiting else "", count, doc.run_id,
        to_local(doc.created_at), doc.created_by_id)


def _letter_numbers(letter_ids: list[int] | None = None) -> dict[int, str]:
    query = m.OutgoingLetter.select(m.OutgoingLetter.id, m.OutgoingLetter.number)
    if letter_ids is not None:
        query = query.where(m.OutgoingLetter.id.in_(letter_ids))
    return dict(query.tuples())


def list_documents() -> list[DocumentSummary]:
    """Every document, newest first, in three queries however many there are."""
    versions = dict(m.DocumentVersion.select(m.DocumentVersion.document, fn.COUNT(1))
                    .group_by(m.DocumentVersion.document).tuples())
    numbers = _letter_numbers()
    return [_summary(d, numbers, versions)
            for d in m.Document.select().order_by(m.Document.id.desc())]


def pending_for(person_id: int) -> list[DocumentSummary]:
    return [s for s in list_documents() if s.waiting_for_id == person_id]


def document_detail(doc_id: int, data_dir: Path) -> DocumentDetail:
    doc = _document(doc_id)
    version = _latest(doc)
    approvals = tuple(
        ApprovalView(a.person.nama, a.action, a.decision, a.note, to_local(a.at),
                     a.version.number)
        for a in m.Approval.select(m.Approval, m.Person, m.DocumentVersion).join(m.Person)
        .join_from(m.Approval, m.DocumentVersion).where(m.Approval.document == doc)
        .order_by(m.Approval.id))
    return DocumentDetail(_summary(doc), _content(doc), tuple(_route(doc)), approvals,
                          stored_path(data_dir, version.stored_path), version.sha256,
                          version.verification_code or "")
