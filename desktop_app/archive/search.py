"""Finding any document again: filters (year, type, SOP, run, status) and full-text search over
nomor, perihal, tujuan and notes (SQLite FTS5, every word a prefix, so results come as the
user types); one document's file, versions, approvals and expedition history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peewee import SQL

from db import models as m
from db.database import is_postgres, transaction
from db.models import database_proxy
from desktop_app.archive.index import refresh
from desktop_app.common import audit
from desktop_app.common.clock import to_local
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.common.file_store import stored_path
from desktop_app.expedition.views import STATES, DeliveryView, deliveries_for
from desktop_app.office.signoff import KINDS

KIND_LABELS = {**KINDS, "lainnya": "Surat lainnya", "berkas": "Berkas lampiran",
               "sumber_sop": "Dokumen asal SOP", "rencana_unit": "Formulir rencana unit",
               "rencana_gabungan": "Rencana gabungan", "jejak_audit": "Jejak audit proses"}
STATUS_LABELS = {"menunggu": "Menunggu paraf/tanda tangan", "dikembalikan": "Dikembalikan",
                 "final": "Disahkan", "aktif": "Nomor diambil", "batal": "Nomor batal"}
STATUS_FILTERS = {**STATUS_LABELS, **STATES}  # document states, then expedition states
SOURCE_LABELS = {"naskah": "Naskah dinas", "berkas": "Berkas lampiran",
                 "surat": "Nomor surat (tanpa naskah)", "sumber_sop": "Dokumen asal SOP",
                 "rencana_unit": "Buku kerja kiriman unit",
                 "keluaran": "Salinan berkas yang disimpan dari aplikasi"}
DEFAULT_LIMIT = 500
MAX_NOTE = 1000
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ArchiveQuery:
    text: str = ""
    year: int | None = None
    kind: str | None = None
    sop_id: int | None = None
    run_id: int | None = None
    status: str | None = None  # a key of STATUS_FILTERS
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class ArchiveEntry:
    id: int
    source: str
    source_id: int
    kind: str
    nomor: str
    perihal: str
    tujuan: str
    status: str
    expedition: str
    item_date: date
    run_id: int | None
    run_title: str
    sop_id: int | None
    has_file: bool
    catatan: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, "-")

    @property
    def expedition_label(self) -> str:
        return STATES.get(self.expedition, "-")


@dataclass(frozen=True)
class SearchResult:
    entries: tuple[ArchiveEntry, ...]
    total: int  # all matches; `entries` holds the newest `limit` of them


@dataclass(frozen=True)
class FilterOptions:
    years: tuple[int, ...]
    kinds: tuple[tuple[str, str], ...]
    sops: tuple[tuple[int, str], ...]
    runs: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class VersionInfo:
    number: int
    created_at: datetime
    final: bool
    sha256: str
    verification_code: str
    stored_path: str


@dataclass(frozen=True)
class ArchiveDetail:
    entry: ArchiveEntry
    file: Path | None  # None: no file, or it is missing from the data folder
    facts: tuple[tuple[str, str], ...]  # label, value
    versions: tuple[VersionInfo, ...]
    approvals: tuple  # workflow.ApprovalView
    deliveries: tuple[DeliveryView, ...]


def _pg_tsvector() -> str:
    from importlib import import_module

    return import_module("db.migrations.0011_expedition_archive").ARCHIVE_TSVECTOR


def match_expression(text: str) -> str:
    """The FTS5 query for what the user typed: every word must match as a prefix; a word with
    punctuation ("000.7.2.6/015") matches its parts in order. Never an FTS syntax error."""
    terms = []
    for word in text.split():
        tokens = _TOKEN.findall(word)
        if tokens:
            terms.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(terms)


def kinds_named(word: str) -> list[str]:
    """The kinds whose name has a word starting with `word` ("pengantar" -> surat_pengantar)."""
    tokens = [t.lower() for t in _TOKEN.findall(word)]
    if len(tokens) != 1:
        return []
    return [kind for kind, label in KIND_LABELS.items()
            if any(w.startswith(tokens[0]) for w in _TOKEN.findall(label.lower()))]


def tsquery_expression(text: str) -> str:
    """The PostgreSQL twin of `match_expression` (a `to_tsquery('simple', ...)` argument): the
    same words, each a prefix, a punctuated word's parts in order (`<->`)."""
    terms = []
    for word in text.split():
        tokens = [token.lower() for token in _TOKEN.findall(word)]
        if tokens:
            terms.append("(" + " <-> ".join(f"'{t}'" for t in tokens[:-1])
                         + (" <-> " if len(tokens) > 1 else "") + f"'{tokens[-1]}':*)")
    return " & ".join(terms)


def search(query: ArchiveQuery) -> SearchResult:
    refresh()
    item = m.ArchiveItem
    select = item.select()
    if query.text.strip() and not match_expression(query.text):
        return SearchResult((), 0)  # only punctuation typed
    for word in query.text.split():  # every word: in the text, or the name of the type
        expression = match_expression(word)
        if not expression:
            continue
        if is_postgres(database_proxy):
            found = SQL(f"{_pg_tsvector()} @@ to_tsquery('simple'::regconfig, %s)",
                        [tsquery_expression(word)])
        else:
            found = item.id.in_(SQL(
                "(SELECT rowid FROM archive_fts WHERE archive_fts MATCH ?)", [expression]))
        kinds = kinds_named(word)
        select = select.where(found | item.kind.in_(kinds) if kinds else found)
    for column, value in ((item.year, query.year), (item.kind, query.kind),
                          (item.sop_id, query.sop_id), (item.run_id, query.run_id)):
        if value is not None:
            select = select.where(column == value)
    if query.status in STATES:
        select = select.where(item.expedition == query.status)
    elif query.status:
        select = select.where(item.status == query.status)
    total = select.count()
    rows = select.order_by(item.item_date.desc(), item.id.desc()).limit(query.limit)
    titles = _run_titles()
    return SearchResult(tuple(_entry(row, titles) for row in rows), total)


def filter_options() -> FilterOptions:
    refresh()
    item = m.ArchiveItem
    years = tuple(y for (y,) in item.select(item.year).distinct()
                  .order_by(item.year.desc()).tuples())
    kinds = {k for (k,) in item.select(item.kind).distinct().tuples()}
    sop_ids = {s for (s,) in item.select(item.sop_id).distinct().tuples() if s is not None}
    names: dict[int, str] = {}
    for sop_id, nama in (m.SopRevision.select(m.SopRevision.sop, m.SopRevision.nama)
                         .where(m.SopRevision.sop.in_(list(sop_ids)))
                         .order_by(m.SopRevision.number).tuples()):
        names[sop_id] = nama  # the newest revision's name
    run_ids = {r for (r,) in item.select(item.run_id).distinct().tuples() if r is not None}
    runs = sorted((rid, title) for rid, title in _run_titles().items() if rid in run_ids)
    return FilterOptions(
        years, tuple((k, KIND_LABELS.get(k, k)) for k in KIND_LABELS if k in kinds),
        tuple(sorted(names.items(), key=lambda pair: pair[1].lower())),
        tuple(sorted(runs, key=lambda pair: -pair[0])))


def detail(item_id: int, data_dir: Path) -> ArchiveDetail:
    refresh()
    row = m.ArchiveItem.get_or_none(m.ArchiveItem.id == item_id)
    if row is None:
        raise NotFound("Dokumen itu tidak ada lagi di arsip.")
    entry = _entry(row, _run_titles())
    versions, approvals = (), ()
    if row.source == "naskah":
        from desktop_app.naskah.workflow import document_detail

        versions = tuple(VersionInfo(v.number, to_local(v.created_at), v.final, v.sha256,
                                     v.verification_code or "", v.stored_path)
                         for v in m.DocumentVersion.select()
                         .where(m.DocumentVersion.document == row.source_id)
                         .order_by(m.DocumentVersion.number))
        approvals = document_detail(row.source_id, data_dir).approvals
    deliveries = tuple(deliveries_for(row.source, row.source_id)) \
        if row.source in ("naskah", "berkas") else ()
    facts = [("Jenis", entry.kind_label), ("Asal", SOURCE_LABELS[row.source])]
    facts += [(label, value) for label, value in (
        ("Nomor", row.nomor), ("Tujuan", row.tujuan.replace("\n", "; ")),
        ("Status", STATUS_LABELS.get(row.status, "")),
        ("Ekspedisi", STATES.get(row.expedition, "")), ("Proses", entry.run_title),
        ("Sidik berkas (SHA-256)", row.sha256)) if value]
    return ArchiveDetail(entry, stored_path(data_dir, row.stored_path), tuple(facts),
                         versions, approvals, deliveries)


def set_note(item_id: int, text: str, person_id: int | None) -> None:
    """The office's own note on a document ("asli di lemari arsip B-3"); searched like the rest."""
    text = text.strip()
    if len(text) > MAX_NOTE:
        raise InvalidInput(f"Catatan paling banyak {MAX_NOTE} huruf.")
    with transaction():
        row = m.ArchiveItem.get_or_none(m.ArchiveItem.id == item_id)
        if row is None:
            raise NotFound("Dokumen itu tidak ada lagi di arsip.")
        m.ArchiveItem.update(catatan=text).where(m.ArchiveItem.id == item_id).execute()
        audit.append(row.run_id, person_id, "arsip_catatan",
                     f"{row.nomor or row.perihal}: {text or '(dihapus)'}")


def _run_titles() -> dict[int, str]:
    return dict(m.Run.select(m.Run.id, m.Run.title).tuples())


def _entry(row: m.ArchiveItem, titles: dict[int, str]) -> ArchiveEntry:
    return ArchiveEntry(row.id, row.source, row.source_id, row.kind, row.nomor, row.perihal,
                        row.tujuan, row.status, row.expedition, row.item_date, row.run_id,
                        titles.get(row.run_id, ""), row.sop_id, bool(row.stored_path),
                        row.catatan)
