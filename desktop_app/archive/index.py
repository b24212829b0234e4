"""Keeping the archive equal to its sources. Triggers (migration 0011) queue a (source, id) pair
in archive_dirty whenever a document, version, approval, letter number, attachment or delivery
changes, whoever wrote it; `refresh` rebuilds exactly those archive rows, and the FTS5 table
follows archive_item through its own triggers (on PostgreSQL a GIN index follows it by
itself). The office's own notes (catatan) are kept."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from peewee import JOIN

from db import models as m
from db.database import is_postgres, transaction
from db.models import database_proxy
from desktop_app.common.clock import to_local, utc_now
from desktop_app.expedition.views import default_tujuan, expedition_states

SOURCES = ("naskah", "berkas", "surat", "sumber_sop", "rencana_unit", "keluaran")
# Sources without triggers of their own: rows not in the archive yet are queued at each refresh
# (one indexed query); a unit's workbook is never changed once imported.
_UNTRACKED = ("INSERT OR IGNORE INTO archive_dirty SELECT 'rencana_unit', p.id "
              "FROM plan_submission p LEFT JOIN archive_item a ON a.source = 'rencana_unit' "
              "AND a.source_id = p.id WHERE a.id IS NULL",)
OUTGOING = ("surat_dinas", "surat_pengantar")  # signed and never sent: "belum dikirim"
CHUNK = 500
_DERIVED = ("kind", "nomor", "perihal", "tujuan", "notes", "status", "expedition", "year",
            "item_date", "run_id", "sop_id", "stored_path", "sha256", "updated_at")
TRIGGERS = ("archive_item_ai", "archive_item_ad", "archive_item_au")


def refresh() -> int:
    """Rebuild the archive rows whose sources changed; returns how many were looked at.
    Costs two tiny queries when nothing changed, so searches call it every time."""
    for sql in _UNTRACKED:
        _queue(sql)
    if database_proxy.execute_sql("SELECT 1 FROM archive_dirty LIMIT 1").fetchone() is None:
        return 0
    with transaction("IMMEDIATE"):  # no other writer queues anything meanwhile
        pending = database_proxy.execute_sql(
            "SELECT source, source_id FROM archive_dirty").fetchall()
        by_source: dict[str, list[int]] = defaultdict(list)
        for source, source_id in pending:
            by_source[source].append(source_id)
        runs = _runs()
        for source, ids in by_source.items():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                rows = _BUILDERS[source](chunk, runs)
                _store(source, chunk, rows)
        database_proxy.execute_sql("DELETE FROM archive_dirty")
    return len(pending)


def _queue(sql: str) -> None:
    """Run an `INSERT OR IGNORE INTO archive_dirty ...` (ON CONFLICT DO NOTHING on PostgreSQL)."""
    if is_postgres(database_proxy):
        sql = sql.replace("INSERT OR IGNORE", "INSERT") + " ON CONFLICT DO NOTHING"
    database_proxy.execute_sql(sql)


def rebuild() -> int:
    """Look at every source again (a repair; the notes stay) and rebuild the FTS index."""
    postgres = is_postgres(database_proxy)
    with transaction("IMMEDIATE"):
        for sql in ("INSERT OR IGNORE INTO archive_dirty SELECT 'naskah', id FROM document",
                    "INSERT OR IGNORE INTO archive_dirty SELECT 'surat', id FROM outgoing_letter",
                    "INSERT OR IGNORE INTO archive_dirty SELECT 'berkas', id FROM attachment",
                    "INSERT OR IGNORE INTO archive_dirty SELECT 'sumber_sop', id FROM sop_source",
                    "INSERT OR IGNORE INTO archive_dirty SELECT 'rencana_unit', id "
                    "FROM plan_submission",
                    "INSERT OR IGNORE INTO archive_dirty SELECT 'keluaran', id "
                    "FROM exported_file",
                    "INSERT OR IGNORE INTO archive_dirty SELECT source, source_id "
                    "FROM archive_item"):
            _queue(sql)
    count = refresh()
    if postgres:
        database_proxy.execute_sql("REINDEX INDEX archive_item_fts")
        return count
    with transaction():
        database_proxy.execute_sql("INSERT INTO archive_fts(archive_fts) VALUES ('rebuild')")
    return count


def missing_triggers() -> list[str]:
    """Triggers the archive needs that are gone (a later migration that copies a table drops
    its triggers); empty when the archive stays in sync."""
    from importlib import import_module

    marks = import_module("db.migrations.0011_expedition_archive").MARKS
    wanted = [*TRIGGERS, *(f"archive_mark_{name}" for name, _event, _body in marks),
              "archive_mark_exported_file_ai", "archive_mark_exported_file_ad"]
    if is_postgres(database_proxy):
        wanted = wanted[len(TRIGGERS):]  # no FTS table to keep equal there
        present = {name for (name,) in database_proxy.execute_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").fetchall()}
        return [name for name in wanted if name not in present]
    present = {name for (name,) in database_proxy.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    return [name for name in wanted if name not in present]


def _store(source: str, ids: list[int], rows: list[dict]) -> None:
    item = m.ArchiveItem
    if rows:
        item.insert_many(rows).on_conflict(
            conflict_target=[item.source, item.source_id],
            preserve=[getattr(item, name) for name in _DERIVED]).execute()
    gone = set(ids) - {row["source_id"] for row in rows}
    if gone:
        item.delete().where((item.source == source) & item.source_id.in_(list(gone))).execute()


def _runs() -> dict[int, tuple[int, str]]:
    """run id -> (sop id, run title)."""
    return {run_id: (sop_id, title) for run_id, sop_id, title in (
        m.Run.select(m.Run.id, m.SopRevision.sop, m.Run.title).join(m.SopRevision).tuples())}


def _row(source: str, source_id: int, run_id: int | None, runs, local_day, **values) -> dict:
    sop_id, _title = runs.get(run_id, (None, ""))
    values.setdefault("notes", "")
    return dict(values, source=source, source_id=source_id, run_id=run_id, sop_id=sop_id,
                year=local_day.year, item_date=local_day, updated_at=utc_now(),
                **{key: values.get(key, "") for key in ("nomor", "tujuan", "status",
                                                        "expedition", "stored_path", "sha256")})


def _text(*parts: Iterable[str] | str) -> str:
    flat = [p for part in parts for p in ([part] if isinstance(part, str) else part)]
    return "\n".join(dict.fromkeys(p.strip() for p in flat if p and p.strip()))


def _naskah(ids: list[int], runs) -> list[dict]:
    docs = list(m.Document.select().where(m.Document.id.in_(ids)))
    letters = {row.id: row for row in m.OutgoingLetter.select().where(
        m.OutgoingLetter.id.in_([d.letter_id for d in docs if d.letter_id]))}
    latest: dict[int, m.DocumentVersion] = {}
    for version in (m.DocumentVersion.select().where(m.DocumentVersion.document.in_(ids))
                    .order_by(m.DocumentVersion.number)):
        latest[version.document_id] = version
    notes: dict[int, list[str]] = defaultdict(list)
    for doc_id, note in (m.Approval.select(m.Approval.document, m.Approval.note)
                         .where(m.Approval.document.in_(ids) & (m.Approval.note != "")).tuples()):
        notes[doc_id].append(note)
    sent, states = _deliveries("naskah", ids), expedition_states("naskah", ids)
    rows = []
    for doc in docs:
        content, letter, version = json.loads(doc.content), letters.get(doc.letter_id), \
            latest.get(doc.id)
        items = [f"{i.get('naskah', '')} {i.get('banyaknya', '')} {i.get('keterangan', '')}"
                 for i in content.get("items") or ()]
        expedition = states.get(doc.id, "belum_dikirim" if doc.status == "final"
                                and doc.kind in OUTGOING else "")
        day = letter.letter_date if letter else to_local(doc.created_at).date()
        rows.append(_row(
            "naskah", doc.id, doc.run_id, runs, day, kind=doc.kind,
            nomor=letter.number if letter else "", perihal=doc.title,
            tujuan=_text(default_tujuan(content), sent[doc.id][0]),
            notes=_text(str(content.get("hal") or ""), items,
                        [str(t) for t in content.get("tembusan") or ()], notes[doc.id],
                        sent[doc.id][1], runs.get(doc.run_id, (None, ""))[1],
                        letter.classification if letter else ""),
            status=doc.status, expedition=expedition,
            stored_path=version.stored_path if version else "",
            sha256=version.sha256 if version else ""))
    return rows


def _berkas(ids: list[int], runs) -> list[dict]:
    query = (m.Attachment.select(m.Attachment, m.RunStep, m.Step, m.KelengkapanItem)
             .join(m.RunStep).join(m.Step)
             .join_from(m.Attachment, m.KelengkapanItem, JOIN.LEFT_OUTER)
             .where(m.Attachment.id.in_(ids)))
    sent, states = _deliveries("berkas", ids), expedition_states("berkas", ids)
    rows = []
    for a in query:
        step = a.run_step
        item = a.item.text if a.item_id else ""
        rows.append(_row(
            "berkas", a.id, step.run_id, runs, to_local(a.added_at).date(), kind="berkas",
            perihal=a.original_name, tujuan=_text(sent[a.id][0]),
            notes=_text(item, step.step.kegiatan, step.note, sent[a.id][1],
                        runs.get(step.run_id, (None, ""))[1]),
            expedition=states.get(a.id, ""), stored_path=a.stored_path, sha256=a.sha256))
    return rows


def _surat(ids: list[int], runs) -> list[dict]:
    """Numbers taken in the register without a naskah of this app (a letter typed elsewhere);
    a number a naskah carries is that naskah's row."""
    used = {doc_id for (doc_id,) in m.Document.select(m.Document.letter_id)
            .where(m.Document.letter_id.in_(ids)).tuples()}
    rows = []
    for letter in m.OutgoingLetter.select().where(m.OutgoingLetter.id.in_(ids)):
        if letter.id in used:
            continue
        rows.append(_row(
            "surat", letter.id, None, runs, letter.letter_date, kind=letter.kind,
            nomor=letter.number, perihal=letter.perihal, tujuan=letter.tujuan,
            notes=_text(letter.classification, letter.cancel_reason), status=letter.status))
    return rows


def _deliveries(source: str, ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    """id -> (tujuan of its deliveries, their keterangan and receivers)."""
    found: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    column = m.DeliveryItem.document if source == "naskah" else m.DeliveryItem.attachment
    pairs = [(getattr(i, column.name + "_id"), i.delivery) for i in
             m.DeliveryItem.select(m.DeliveryItem, m.Delivery).join(m.Delivery)
             .where(column.in_(ids))]
    if source == "naskah":
        pairs += [(d.document_id, d) for d in
                  m.Delivery.select().where(m.Delivery.document.in_(ids))]
    for key, delivery in pairs:
        found[key][0].append(delivery.tujuan)
        found[key][1].extend([delivery.keterangan, delivery.nama_penerima])
    return found


def _sumber_sop(ids: list[int], runs) -> list[dict]:
    """Documents SOPs were imported from: the original file, under the SOP it became."""
    names = {}
    rows = []
    for source in m.SopSource.select().where(m.SopSource.id.in_(ids)):
        if source.sop_id not in names:
            revision = (m.SopRevision.select(m.SopRevision.nama, m.SopRevision.nomor)
                        .where(m.SopRevision.sop == source.sop_id)
                        .order_by(m.SopRevision.number.desc()).first())
            names[source.sop_id] = (revision.nama, revision.nomor) if revision else ("", "")
        nama, nomor = names[source.sop_id]
        day = to_local(source.added_at).date()
        rows.append(dict(
            source="sumber_sop", source_id=source.id, kind="sumber_sop", nomor=nomor,
            perihal=source.original_name, tujuan="", status="", expedition="",
            notes=_text(f"Dokumen asal SOP {nama}", source.kind.upper()), run_id=None,
            sop_id=source.sop_id, year=day.year, item_date=day, updated_at=utc_now(),
            stored_path=source.stored_path, sha256=source.sha256))
    return rows


def _rencana_unit(ids: list[int], runs) -> list[dict]:
    """The workbooks units sent back (RKT, EKT, Renja), each import as received."""
    rows = []
    for sub in m.PlanSubmission.select().where(m.PlanSubmission.id.in_(ids)):
        day = to_local(sub.imported_at).date()
        form = sub.kind.upper()
        rows.append(_row(
            "rencana_unit", sub.id, sub.run_id, runs, day, kind="rencana_unit",
            perihal=f"Formulir {form} {sub.year} — {sub.unit_nama} (kiriman ke-{sub.number})",
            tujuan="", notes=_text(sub.source_name, f"{form} {sub.year}", sub.unit_nama,
                                   "rencana unit kerja buku kerja"),
            stored_path=sub.stored_path, sha256=sub.sha256))
    return rows


def _keluaran(ids: list[int], runs) -> list[dict]:
    """Copies of files saved out of the app: merged plans, audit trails (migration 0014)."""
    from desktop_app.archive.exports import KINDS

    rows = []
    for f in m.ExportedFile.select().where(m.ExportedFile.id.in_(ids)):
        day = to_local(f.created_at).date()
        rows.append(_row(
            "keluaran", f.id, f.run_id, runs, day, kind=f.kind, perihal=f.title, tujuan="",
            notes=_text(f.file_name, KINDS.get(f.kind, ""), str(f.year),
                        runs.get(f.run_id, (None, ""))[1]),
            stored_path=f.stored_path, sha256=f.sha256))
    return rows


_BUILDERS = {"naskah": _naskah, "berkas": _berkas, "surat": _surat, "sumber_sop": _sumber_sop,
             "rencana_unit": _rencana_unit, "keluaran": _keluaran}
