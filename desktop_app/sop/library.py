"""The SOP library service: list, import, export, read and add SOPs. Plain data in and out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase, fn

from db import models as m
from desktop_app.errors import NotFound
from desktop_app.sop.model import Sop
from desktop_app.sop.sopfile import FILE_SUFFIX, read_sop_file, write_sop_file
from desktop_app.sop.store import insert_revision, load_revision


@dataclass(frozen=True)
class SopSummary:
    id: int
    nomor: str
    nama: str
    instansi: str
    step_count: int
    revision: int
    is_template: bool


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
    return [SopSummary(rev.sop.id, rev.nomor, rev.nama, rev.instansi, counts.get(rev.id, 0),
                       rev.number, rev.sop.is_template)
            for rev in revisions]


def add_sop(database: SqliteDatabase, sop: Sop, is_template: bool = False) -> int:
    """Store a new SOP as its revision 1, in one transaction; returns its id."""
    with database.atomic():
        row = m.Sop.create(is_template=is_template)
        insert_revision(row, sop, 1)
    return row.id


def import_sop(database: SqliteDatabase, path: Path) -> int:
    """Import a pandu-sop/1 file; an invalid file raises InvalidInput and changes nothing."""
    return add_sop(database, read_sop_file(path))


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


def install_templates(database: SqliteDatabase, folder: Path) -> int:
    """Add every bundled template file to the library (all in one transaction)."""
    sops = [read_sop_file(path) for path in sorted(folder.glob("*" + FILE_SUFFIX))]
    with database.atomic():
        for sop in sops:
            add_sop(database, sop, is_template=True)
    return len(sops)
