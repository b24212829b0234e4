"""The expedition list as plain data: deliveries with what they carry, the signed documents and
attached files that can be sent, and the deliveries still without a receipt after N working
days. Times are local; dates are the office's."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from db import models as m
from desktop_app.common.clock import to_local
from desktop_app.common.dates import tanggal
from desktop_app.office.signoff import KINDS, letter_subject

STATES = {"belum_dikirim": "Belum dikirim", "dikirim": "Dikirim", "diterima": "Diterima"}
STATE_ORDER = tuple(STATES)  # the least advanced delivery decides a document's state
DEFAULT_WAIT_DAYS = 3


@dataclass(frozen=True)
class Sent:
    """A signed document ("naskah") or an attached file ("berkas") a delivery carries."""

    source: str
    id: int
    kind: str
    title: str
    nomor: str
    tanggal: date | None
    stored_path: str  # the signed version or the file, relative to the data folder
    tujuan: str = ""  # a naskah's own addressee ("Kepala Bappeda di Karanganyar")
    contents: tuple[str, ...] = ()  # a surat pengantar's list: "Renja 2027 (2 buku)"
    run_id: int | None = None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, "Berkas")

    @property
    def label(self) -> str:
        number = f" {self.nomor}" if self.nomor else ""
        return f"{self.kind_label}{number}: {self.title}"


@dataclass(frozen=True)
class DeliveryView:
    id: int
    year: int
    sequence: int
    main: Sent
    lampiran: tuple[Sent, ...]
    tujuan: str
    tanggal_kirim: date
    kurir_id: int | None
    kurir: str
    keterangan: str
    status: str
    sent_at: datetime | None
    nama_penerima: str
    tanggal_terima: date | None
    receipt_path: str
    receipt_name: str
    run_step_id: int | None

    @property
    def book_number(self) -> str:
        return f"{self.sequence}/{self.year}"

    @property
    def status_label(self) -> str:
        return STATES.get(self.status, self.status)

    @property
    def letter(self) -> str:
        """"Tanggal dan nomor surat" of the book."""
        return "\n".join(part for part in (tanggal(self.main.tanggal, ""), self.main.nomor)
                         if part) or "-"

    @property
    def isi_singkat(self) -> str:
        lines = [self.main.title, *(f"- {line}" for line in self.main.contents)]
        if self.lampiran:
            lines.append("Lampiran:")
            lines += [f"- {sent.label}" for sent in self.lampiran]
        return "\n".join(lines)


@dataclass(frozen=True)
class Waiting:
    """A delivery sent `working_days` full working days ago, still without a receipt."""

    delivery: DeliveryView
    working_days: int


def list_deliveries(date_from: date | None = None, date_to: date | None = None,
                    status: str | None = None, ids: Iterable[int] | None = None
                    ) -> list[DeliveryView]:
    """Deliveries by book number (year, then running number), optionally filtered."""
    query = m.Delivery.select().order_by(m.Delivery.year, m.Delivery.sequence)
    if date_from:
        query = query.where(m.Delivery.tanggal_kirim >= date_from)
    if date_to:
        query = query.where(m.Delivery.tanggal_kirim <= date_to)
    if status:
        query = query.where(m.Delivery.status == status)
    if ids is not None:
        query = query.where(m.Delivery.id.in_(list(ids)))
    return _views(list(query))


def get_delivery(delivery_id: int) -> DeliveryView | None:
    found = list_deliveries(ids=[delivery_id])
    return found[0] if found else None


def deliveries_for(source: str, source_id: int) -> list[DeliveryView]:
    """The expedition history of one document or file: every delivery that carried it."""
    if source == "naskah":
        main = m.Delivery.select(m.Delivery.id).where(m.Delivery.document == source_id)
        item = m.DeliveryItem.document == source_id
    else:
        main, item = [], m.DeliveryItem.attachment == source_id
    ids = {row.id for row in main}
    ids |= {row.delivery_id for row in m.DeliveryItem.select(m.DeliveryItem.delivery).where(item)}
    return list_deliveries(ids=ids) if ids else []


def expedition_states(source: str, ids: Iterable[int]) -> dict[int, str]:
    """The state of each document or file that was put on the list: that of its least advanced
    delivery (sent to Bappeda and received, to the Inspektorat and not yet: "dikirim")."""
    ids = list(ids)
    found: dict[int, list[str]] = defaultdict(list)
    if source == "naskah":
        for doc_id, status in (m.Delivery.select(m.Delivery.document, m.Delivery.status)
                               .where(m.Delivery.document.in_(ids)).tuples()):
            found[doc_id].append(status)
    column = m.DeliveryItem.document if source == "naskah" else m.DeliveryItem.attachment
    for item_id, status in (m.DeliveryItem.select(column, m.Delivery.status)
                            .join(m.Delivery).where(column.in_(ids)).tuples()):
        found[item_id].append(status)
    return {key: min(states, key=STATE_ORDER.index) for key, states in found.items()}


def awaiting_receipt(min_days: int = DEFAULT_WAIT_DAYS, today: date | None = None
                     ) -> list[Waiting]:
    """Deliveries without a receipt whose tanggal kirim lies `min_days` full working days or
    more in the past (office calendar: weekends, holidays, the office's own days)."""
    from desktop_app.office.calendar import office_calendar

    today = today or date.today()
    pending = _views(list(m.Delivery.select().where(
        (m.Delivery.status != "diterima") & (m.Delivery.tanggal_kirim < today))
        .order_by(m.Delivery.year, m.Delivery.sequence)))
    if not pending:
        return []
    first = min(d.tanggal_kirim for d in pending)
    calendar = office_calendar(range(first.year, today.year + 1))
    working = [day for day in _days(first, today) if calendar.is_working_day(day)]
    waiting = []
    for delivery in pending:
        days = sum(delivery.tanggal_kirim < day < today for day in working)
        if days >= min_days:
            waiting.append(Waiting(delivery, days))
    return sorted(waiting, key=lambda w: (-w.working_days, w.delivery.year,
                                          w.delivery.sequence))


def _days(first: date, last: date) -> list[date]:
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


# --- what can be sent -----------------------------------------------------------------------

def sendable_documents() -> list[Sent]:
    """The signed documents, newest first: what may go on the expedition list."""
    ids = [row.id for row in m.Document.select(m.Document.id)
           .where(m.Document.status == "final").order_by(m.Document.id.desc())]
    found = sent_documents(ids)
    return [found[i] for i in ids if i in found]


def document_for_step(run_step_id: int) -> int | None:
    """What the run step that sends (dokumen = "ekspedisi") most likely sends: the newest
    signed surat pengantar of its run, else its newest signed document."""
    run_id = m.RunStep.select(m.RunStep.run).where(m.RunStep.id == run_step_id).scalar()
    signed = list(m.Document.select(m.Document.id, m.Document.kind)
                  .where((m.Document.run == run_id) & (m.Document.status == "final"))
                  .order_by(m.Document.id.desc()))
    best = next((d for d in signed if d.kind == "surat_pengantar"), signed[0] if signed else None)
    return best.id if best else None


def sendable_files(run_id: int | None = None) -> list[Sent]:
    """Files attached in runs (the signed Renja, a scan), newest first; of one run if given."""
    query = m.Attachment.select(m.Attachment.id).order_by(m.Attachment.id.desc())
    if run_id is not None:
        query = query.join(m.RunStep).where(m.RunStep.run == run_id)
    ids = [row.id for row in query]
    found = sent_files(ids)
    return [found[i] for i in ids if i in found]


def sent_documents(ids: Iterable[int]) -> dict[int, Sent]:
    """Documents as `Sent`, dated by their letter (or their signature, or their making)."""
    docs = list(m.Document.select().where(m.Document.id.in_(list(ids))))
    letters = {row.id: row for row in m.OutgoingLetter.select().where(
        m.OutgoingLetter.id.in_([d.letter_id for d in docs if d.letter_id]))}
    latest: dict[int, m.DocumentVersion] = {}
    for version in (m.DocumentVersion.select().where(m.DocumentVersion.document.in_(
            [d.id for d in docs])).order_by(m.DocumentVersion.number)):
        latest[version.document_id] = version
    found = {}
    for doc in docs:
        letter, version = letters.get(doc.letter_id), latest.get(doc.id)
        when = (letter.letter_date if letter else
                to_local(version.created_at if version else doc.created_at).date())
        content = json.loads(doc.content)
        found[doc.id] = Sent(
            "naskah", doc.id, doc.kind, letter_subject(content, doc.title),
            letter.number if letter else "", when,
            version.stored_path if version else "", default_tujuan(content),
            tuple(_content_lines(content)), doc.run_id)
    return found


def sent_files(ids: Iterable[int]) -> dict[int, Sent]:
    rows = (m.Attachment.select(m.Attachment, m.RunStep.run).join(m.RunStep)
            .where(m.Attachment.id.in_(list(ids))))
    return {a.id: Sent("berkas", a.id, "berkas", a.original_name, "",
                       to_local(a.added_at).date(), a.stored_path, run_id=a.run_step.run_id)
            for a in rows}


def default_tujuan(content: dict) -> str:
    """Where a naskah is addressed: "Kepala Bappeda di Karanganyar"."""
    kepada, di = (str(content.get(key) or "").strip() for key in ("kepada", "di"))
    return f"{kepada} di {di}" if kepada and di else kepada


def _content_lines(content: dict) -> list[str]:
    lines = []
    for item in content.get("items") or ():
        naskah = str(item.get("naskah") or "").strip()
        banyaknya = str(item.get("banyaknya") or "").strip()
        if naskah:
            lines.append(f"{naskah} ({banyaknya})" if banyaknya else naskah)
    return lines


def _views(rows: list[m.Delivery]) -> list[DeliveryView]:
    items: dict[int, list[m.DeliveryItem]] = defaultdict(list)
    for item in (m.DeliveryItem.select().where(m.DeliveryItem.delivery.in_([r.id for r in rows]))
                 .order_by(m.DeliveryItem.position)):
        items[item.delivery_id].append(item)
    all_items = [i for group in items.values() for i in group]
    docs = sent_documents({r.document_id for r in rows}
                          | {i.document_id for i in all_items if i.document_id})
    files = sent_files({i.attachment_id for i in all_items if i.attachment_id})
    names = {p.id: p.nama for p in m.Person.select(m.Person.id, m.Person.nama)}
    return [DeliveryView(
        r.id, r.year, r.sequence, docs[r.document_id],
        tuple(docs[i.document_id] if i.document_id else files[i.attachment_id]
              for i in items[r.id]),
        r.tujuan, r.tanggal_kirim, r.kurir_id, names.get(r.kurir_id, ""), r.keterangan,
        r.status, to_local(r.sent_at) if r.sent_at else None, r.nama_penerima,
        r.tanggal_terima, r.receipt_path, r.receipt_name, r.run_step_id) for r in rows]
