"""Writing an SOP revision into its tables and reading it back as plain data.

Callers own the transaction; these functions only touch rows.
"""

from __future__ import annotations

from collections import defaultdict

from db import models as m
from desktop_app.sop.model import IDENTITY_LISTS, Identity, Lane, Official, Sop, Step
from desktop_app.sop.validation import require_valid


def insert_revision(sop_row: m.Sop, sop: Sop, number: int) -> m.SopRevision:
    """Store `sop` as revision `number` of `sop_row`; the SOP is validated first."""
    require_valid(sop)
    revision = m.SopRevision.create(sop=sop_row, number=number, **_identity_columns(sop))
    _insert_content(revision, sop)
    return revision


def replace_revision(revision: m.SopRevision, sop: Sop) -> None:
    """Overwrite an (unapproved) revision with `sop`; the SOP is validated first."""
    require_valid(sop)
    _delete_content(revision)
    (m.SopRevision.update(**_identity_columns(sop))
     .where(m.SopRevision.id == revision.id).execute())
    _insert_content(revision, sop)


def delete_revision(revision: m.SopRevision) -> None:
    _delete_content(revision)
    m.SopRevision.delete().where(m.SopRevision.id == revision.id).execute()


def _delete_content(revision: m.SopRevision) -> None:
    """Children first: a lane may not go while a step still names it (RESTRICT)."""
    steps = m.Step.select(m.Step.id).where(m.Step.revision == revision)
    for model in (m.StepLane, m.KelengkapanItem, m.DecisionTarget, m.DocumentLink):
        model.delete().where(model.step.in_(steps)).execute()
    m.Step.delete().where(m.Step.revision == revision).execute()
    m.Lane.delete().where(m.Lane.revision == revision).execute()
    m.IdentityItem.delete().where(m.IdentityItem.revision == revision).execute()


def _identity_columns(sop: Sop) -> dict:
    ident = sop.identitas
    signer = ident.disahkan_oleh or Official()
    return dict(
        nama=ident.nama, nomor=ident.nomor,
        instansi=ident.instansi, tanggal_pembuatan=ident.tanggal_pembuatan,
        tanggal_revisi=ident.tanggal_revisi, tanggal_pengesahan=ident.tanggal_pengesahan,
        disahkan_jabatan=signer.jabatan, disahkan_nama=signer.nama,
        disahkan_pangkat=signer.pangkat, disahkan_nip=signer.nip,
    )


def _insert_content(revision: m.SopRevision, sop: Sop) -> None:
    ident = sop.identitas
    items = [
        {"revision": revision, "field": key, "position": pos, "text": text}
        for key, _label in IDENTITY_LISTS
        for pos, text in enumerate(getattr(ident, key))
    ]
    if items:
        m.IdentityItem.insert_many(items).execute()
    lanes = {
        lane.kode: m.Lane.create(revision=revision, position=pos, kode=lane.kode, nama=lane.nama)
        for pos, lane in enumerate(sop.pelaksana)
    }
    step_rows = [_insert_step(revision, number, step, lanes)
                 for number, step in enumerate(sop.langkah, start=1)]
    for row, step in zip(step_rows, sop.langkah, strict=True):
        if step.simbol == "keputusan":
            m.DecisionTarget.create(
                step=row,
                if_yes=step_rows[step.jika_ya - 1] if step.jika_ya else None,
                if_no=step_rows[step.jika_tidak - 1],
            )


def _insert_step(revision, number: int, step: Step, lanes: dict[str, m.Lane]) -> m.Step:
    row = m.Step.create(
        revision=revision, number=number, kegiatan=step.kegiatan, simbol=step.simbol,
        waktu=step.waktu, output=step.output, keterangan=step.keterangan,
    )
    m.StepLane.insert_many(
        [{"step": row, "lane": lanes[kode], "position": pos}
         for pos, kode in enumerate(step.pelaksana)]
    ).execute()
    if step.kelengkapan:
        m.KelengkapanItem.insert_many(
            [{"step": row, "position": pos, "text": text}
             for pos, text in enumerate(step.kelengkapan)]
        ).execute()
    if step.dokumen:
        m.DocumentLink.create(step=row, kind=step.dokumen)
    return row


def load_revision(revision: m.SopRevision) -> Sop:
    """The whole SOP of one revision, in a fixed number of queries."""
    lists: dict[str, list[str]] = defaultdict(list)
    for item in (m.IdentityItem.select()
                 .where(m.IdentityItem.revision == revision)
                 .order_by(m.IdentityItem.field, m.IdentityItem.position)):
        lists[item.field].append(item.text)
    signer = Official(revision.disahkan_jabatan, revision.disahkan_nama,
                      revision.disahkan_pangkat, revision.disahkan_nip)
    identity = Identity(
        nama=revision.nama, nomor=revision.nomor, instansi=revision.instansi,
        tanggal_pembuatan=revision.tanggal_pembuatan, tanggal_revisi=revision.tanggal_revisi,
        tanggal_pengesahan=revision.tanggal_pengesahan,
        disahkan_oleh=None if signer.is_empty() else signer,
        **{key: lists[key] for key, _label in IDENTITY_LISTS},
    )
    lanes = list(m.Lane.select().where(m.Lane.revision == revision).order_by(m.Lane.position))
    return Sop(identity, [Lane(lane.kode, lane.nama) for lane in lanes], _load_steps(revision))


def _load_steps(revision: m.SopRevision) -> list[Step]:
    rows = list(m.Step.select().where(m.Step.revision == revision).order_by(m.Step.number))
    number_of = {row.id: row.number for row in rows}
    step_ids = list(number_of)
    lanes_of: dict[int, list[str]] = defaultdict(list)
    for link in (m.StepLane.select(m.StepLane.step, m.Lane.kode).join(m.Lane)
                 .where(m.StepLane.step.in_(step_ids)).order_by(m.StepLane.position)):
        lanes_of[link.step_id].append(link.lane.kode)
    kelengkapan: dict[int, list[str]] = defaultdict(list)
    for item in (m.KelengkapanItem.select().where(m.KelengkapanItem.step.in_(step_ids))
                 .order_by(m.KelengkapanItem.position)):
        kelengkapan[item.step_id].append(item.text)
    decisions = {d.step_id: d for d in
                 m.DecisionTarget.select().where(m.DecisionTarget.step.in_(step_ids))}
    documents = {d.step_id: d.kind for d in
                 m.DocumentLink.select().where(m.DocumentLink.step.in_(step_ids))}
    steps = []
    for row in rows:
        decision = decisions.get(row.id)
        steps.append(Step(
            kegiatan=row.kegiatan, pelaksana=lanes_of[row.id], simbol=row.simbol,
            kelengkapan=kelengkapan[row.id], waktu=row.waktu, output=row.output,
            keterangan=row.keterangan, dokumen=documents.get(row.id, ""),
            jika_ya=number_of.get(decision.if_yes_id) if decision else None,
            jika_tidak=number_of[decision.if_no_id] if decision else None,
        ))
    return steps
