"""The SOP library service: list, import, export, read and add SOPs. Plain data in and out."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peewee import fn

from db import models as m
from db.database import transaction
from desktop_app.common.errors import InvalidInput, NotAllowed, NotFound
from desktop_app.sop.model import Official, Sop
from desktop_app.sop.sopfile import FILE_SUFFIX, read_sop_file, write_sop_file
from desktop_app.sop.store import (
    delete_revision,
    insert_revision,
    load_revision,
    replace_revision,
)


@dataclass(frozen=True)
class SopSummary:
    id: int
    nomor: str
    nama: str
    instansi: str
    step_count: int
    revision: int
    is_template: bool
    approved: bool
    runnable: bool  # has an approved revision a run can follow

    @property
    def status_label(self) -> str:
        """What the SOP list shows: templat, disahkan, draf (or a draft over an approved)."""
        if self.is_template:
            return "templat"
        if self.approved:
            return "disahkan"
        return "draf perubahan" if self.runnable else "draf"

    @property
    def source_label(self) -> str:
        """Where it comes from: a shipped template (of which office) or this office."""
        if self.is_template:
            return "templat bawaan" + (f" ({self.instansi})" if self.instansi else "")
        return self.instansi or "kantor sendiri"


@dataclass(frozen=True)
class RevisionSummary:
    number: int
    created_at: datetime
    tanggal_revisi: date | None
    approved_at: datetime | None
    approved_by: str


def list_sops() -> list[SopSummary]:
    """The SOPs of the library (not archived), oldest first."""
    latest = (m.SopRevision.select(m.SopRevision.sop, fn.MAX(m.SopRevision.number).alias("n"))
              .group_by(m.SopRevision.sop))
    revisions = (m.SopRevision.select(m.SopRevision, m.Sop)
                 .join(m.Sop)
                 .join(latest, on=((m.SopRevision.sop == latest.c.sop_id)
                                   & (m.SopRevision.number == latest.c.n)))
                 .where(m.Sop.archived_at.is_null())
                 .order_by(m.Sop.id))
    counts = dict(m.Step.select(m.Step.revision, fn.COUNT(m.Step.id))
                  .group_by(m.Step.revision).tuples())
    runnable = {row.sop_id for row in m.SopRevision.select(m.SopRevision.sop)
                .where(m.SopRevision.approved_at.is_null(False))}
    return [SopSummary(rev.sop.id, rev.nomor, rev.nama, rev.instansi, counts.get(rev.id, 0),
                       rev.number, rev.sop.is_template, rev.approved_at is not None,
                       rev.sop.id in runnable)
            for rev in revisions]


def add_sop(sop: Sop, is_template: bool = False) -> int:
    """Store a new SOP as its revision 1, in one transaction; returns its id."""
    with transaction():
        row = m.Sop.create(is_template=is_template)
        insert_revision(row, sop, 1)
    return row.id


def import_sop(path: Path) -> int:
    """Import a pandu-sop/1 file; an invalid file raises InvalidInput and changes nothing."""
    return add_sop(read_sop_file(path))


def save_imported(sop: Sop, source: Path, data_dir: Path, person_id: int | None = None) -> int:
    """Save an SOP read from an office document (after review) as a new draft, never an
    approved one, with the original file kept in the data folder and listed in the archive.
    An invalid SOP raises InvalidInput and nothing is saved; returns the new SOP's id."""
    from db.database import transaction
    from desktop_app.common.file_store import store_file
    from desktop_app.sop.importing.reader import MAX_DOCUMENT_BYTES
    from desktop_app.sop.validation import require_valid

    require_valid(sop)
    stored = store_file(data_dir, source, MAX_DOCUMENT_BYTES)
    with transaction():
        row = m.Sop.create(is_template=False)
        insert_revision(row, sop, 1)
        m.SopSource.create(sop=row, kind=source.suffix.lower().lstrip(".") or "txt",
                           sha256=stored.sha256, original_name=source.name,
                           stored_path=stored.relative_path, size=stored.size,
                           added_by=person_id)
    return row.id


def latest_revision(sop_id: int) -> m.SopRevision:
    revision = (m.SopRevision.select().where(m.SopRevision.sop == sop_id)
                .order_by(m.SopRevision.number.desc()).first())
    if revision is None:
        raise NotFound(f"SOP dengan id {sop_id} tidak ada di pustaka. "
                       "Lihat daftar dengan perintah: pandu sop list")
    return revision


def get_sop(sop_id: int) -> Sop:
    return load_revision(latest_revision(sop_id))


def export_sop(sop_id: int, path: Path) -> None:
    write_sop_file(get_sop(sop_id), path)


def install_templates(folder: Path) -> int:
    """Add every bundled template file to the library (all in one transaction)."""
    sops = [read_sop_file(path) for path in sorted(folder.glob("*" + FILE_SUFFIX))]
    with transaction():
        for sop in sops:
            add_sop(sop, is_template=True)
    return len(sops)


def is_approved(sop_id: int) -> bool:
    return latest_revision(sop_id).approved_at is not None


def save_draft(sop_id: int, sop: Sop, today: date) -> int:
    """Save the editor's SOP. An approved revision is locked, so editing it starts the next
    revision (dated `today` as its tanggal revisi). Returns the revision number written."""
    with transaction():
        revision = latest_revision(sop_id)
        if revision.approved_at is None:
            replace_revision(revision, sop)
            return revision.number
        sop = copy.deepcopy(sop)
        if sop.identitas.tanggal_revisi in (None, revision.tanggal_revisi):
            sop.identitas.tanggal_revisi = today
        insert_revision(revision.sop, sop, revision.number + 1)
        return revision.number + 1


def approve(sop_id: int, approver: Official, on: date) -> None:
    """Sahkan: record who approved the latest revision and when; it is locked from now on."""
    if not approver.nama.strip():
        raise InvalidInput("Nama pejabat yang mengesahkan wajib diisi.")
    with transaction():
        revision = latest_revision(sop_id)
        if revision.approved_at is not None:
            raise InvalidInput(f"Revisi {revision.number} SOP ini sudah disahkan.")
        sop = load_revision(revision)
        sop.identitas.tanggal_pengesahan = on
        sop.identitas.disahkan_oleh = approver
        replace_revision(revision, sop)
        (m.SopRevision.update(approved_at=m.utc_now(), approved_by=approver.nama)
         .where(m.SopRevision.id == revision.id).execute())


def list_revisions(sop_id: int) -> list[RevisionSummary]:
    latest_revision(sop_id)  # raises NotFound
    return [RevisionSummary(r.number, r.created_at, r.tanggal_revisi, r.approved_at,
                            r.approved_by)
            for r in m.SopRevision.select().where(m.SopRevision.sop == sop_id)
            .order_by(m.SopRevision.number)]


def get_revision(sop_id: int, number: int) -> Sop:
    revision = m.SopRevision.get_or_none(m.SopRevision.sop == sop_id,
                                         m.SopRevision.number == number)
    if revision is None:
        raise NotFound(f"Revisi {number} dari SOP {sop_id} tidak ada.")
    return load_revision(revision)


def duplicate_sop(sop_id: int, nama: str | None = None) -> int:
    """A new, unapproved SOP with the content of `sop_id` (also: create from a template)."""
    from desktop_app.office.profile import load_profile

    sop = get_sop(sop_id)
    ident = sop.identitas
    ident.nama = nama or ident.nama
    ident.instansi = load_profile().nama_kantor or ident.instansi  # ours, not the template's
    ident.nomor = ""
    ident.tanggal_pembuatan = ident.tanggal_revisi = ident.tanggal_pengesahan = None
    ident.disahkan_oleh = Official()
    return add_sop(sop)


def delete_sop(sop_id: int) -> bool:
    """Remove an SOP and all its revisions (one transaction). An SOP that runs used is
    archived instead, so their history stays readable; returns False then."""
    latest_revision(sop_id)  # raises NotFound
    used = (m.Run.select().join(m.SopRevision).where(m.SopRevision.sop == sop_id).exists())
    if used:
        m.Sop.update(archived_at=m.utc_now()).where(m.Sop.id == sop_id).execute()
        return False
    with transaction():
        for revision in m.SopRevision.select().where(m.SopRevision.sop == sop_id):
            delete_revision(revision)
        m.Sop.delete().where(m.Sop.id == sop_id).execute()
    return True


def approve_as(sop_id: int, approver: Official, on: date,
               person_id: int, pin: str, passphrase: str | None = None) -> None:
    """Sahkan from the window or the command line: only by the official themself, logged in
    with their own PIN. `approver` must be one of the office's officials (the profile), found
    by NIP, and that official is the logged-in pejabat (same NIP); what is recorded comes from
    the profile, never from what was typed. Nobody approves in another's name, admins
    included. An official with a signing key also gives its passphrase: the sheet's QR then
    carries their statement."""
    from desktop_app.common import audit
    from desktop_app.office import people
    from desktop_app.office.permissions import OP, require
    from desktop_app.office.profile import load_profile, normalize_nip

    person = people.verify_login(person_id, pin)  # a wrong PIN counts to lock-out
    require(person, OP.APPROVE_SOP)
    nip = normalize_nip(approver.nip)
    official = next((o for o in load_profile().officials if nip and o.nip == nip), None)
    if official is None:
        raise InvalidInput("Pilih pejabat yang mengesahkan dari daftar pejabat di profil "
                           "kantor (Pengaturan > Profil kantor).")
    if not person.nip or person.nip != official.nip:
        raise NotAllowed(f"Anda masuk sebagai {person.nama}. SOP ini hanya dapat disahkan oleh "
                         f"{official.nama} ({official.jabatan}) sendiri, dengan PIN-nya sendiri; "
                         "tidak ada yang dapat mengesahkan atas nama orang lain.")
    people.require_signer_pin(person, pin)
    from desktop_app.signing.keys import unlock_person

    signer = unlock_person(person.id, passphrase)
    recorded = Official(official.jabatan, official.nama, official.pangkat_golongan, official.nip)
    with transaction():  # the approval and its audit entry together
        approve(sop_id, recorded, on)
        if signer:
            from desktop_app.sop.approval_signature import sign_revision

            sign_revision(latest_revision(sop_id), get_sop(sop_id), signer)
        audit.append(None, person.id, "sahkan_sop",
                     f"SOP {sop_id} disahkan oleh {official.nama} ({official.jabatan})")
