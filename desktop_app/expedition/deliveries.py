"""Changing the expedition list: putting a signed document (or a surat pengantar with its
lampiran) on it, marking deliveries sent, recording receipts with a scan, removing an entry
not yet sent. States: belum dikirim -> dikirim -> diterima."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peewee import fn

from db import models as m
from db.database import transaction
from desktop_app.common import audit
from desktop_app.common.clock import utc_now
from desktop_app.common.dates import tanggal
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.common.file_store import store_file

SCAN_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")
MAX_TEXT = 500


@dataclass(frozen=True)
class NewDelivery:
    document_id: int | None
    tujuan: str
    tanggal_kirim: date | None
    kurir_id: int | None
    lampiran_documents: tuple[int, ...] = ()
    lampiran_files: tuple[int, ...] = ()
    keterangan: str = ""
    run_step_id: int | None = None  # the run step that sends it (dokumen = "ekspedisi")


@dataclass(frozen=True)
class Receipt:
    nama_penerima: str
    tanggal_terima: date | None
    scan: Path | None = None  # a scan or photo of the signed book page or slip


def add_delivery(new: NewDelivery, person_id: int | None) -> int:
    """Put a signed document on the list ("belum dikirim"); it gets the next number of the
    year's book. Its lampiran must be signed documents or files attached in runs."""
    values = _checked(new)
    with transaction("IMMEDIATE"):
        year = values["tanggal_kirim"].year
        last = (m.Delivery.select(fn.MAX(m.Delivery.sequence))
                .where(m.Delivery.year == year).scalar())
        row = m.Delivery.create(year=year, sequence=(last or 0) + 1, created_by=person_id,
                                created_at=utc_now(), **values)
        position = 0
        for key, ids in (("document", new.lampiran_documents),
                         ("attachment", new.lampiran_files)):
            for item_id in dict.fromkeys(ids):
                m.DeliveryItem.create(delivery=row, position=position, **{key: item_id})
                position += 1
        doc = m.Document.get_by_id(row.document_id)
        audit.append(doc.run_id, person_id, "ekspedisi_tambah",
                     f"No. {row.sequence}/{year}: {doc.title} kepada {row.tujuan}, "
                     f"{tanggal(row.tanggal_kirim)}")
    return row.id


def _checked(new: NewDelivery) -> dict:
    problems = []
    doc = m.Document.get_or_none(m.Document.id == new.document_id) if new.document_id else None
    if doc is None:
        problems.append("Pilih naskah yang dikirim.")
    elif doc.status != "final":
        problems.append(f'Naskah "{doc.title}" belum disahkan; hanya naskah yang sudah '
                        "ditandatangani yang dapat dikirim.")
    tujuan, keterangan = " ".join(new.tujuan.split()), new.keterangan.strip()
    if not tujuan:
        problems.append("Isi tujuan (ditujukan kepada), misalnya \"Kepala Bappeda di "
                        "Karanganyar\".")
    if len(tujuan) > MAX_TEXT or len(keterangan) > MAX_TEXT:
        problems.append(f"Tujuan dan keterangan paling banyak {MAX_TEXT} huruf.")
    if new.tanggal_kirim is None:
        problems.append("Isi tanggal kirim.")
    kurir = m.Person.get_or_none(m.Person.id == new.kurir_id) if new.kurir_id else None
    if kurir is None or not kurir.active:
        problems.append("Pilih petugas yang mengantar (kurir).")
    for doc_id in new.lampiran_documents:
        other = m.Document.get_or_none(m.Document.id == doc_id)
        if other is None or doc_id == new.document_id:
            problems.append("Lampiran tidak dikenal atau sama dengan naskah utamanya.")
        elif other.status != "final":
            problems.append(f'Lampiran "{other.title}" belum disahkan.')
    known = {a.id for a in m.Attachment.select(m.Attachment.id)
             .where(m.Attachment.id.in_(list(new.lampiran_files)))}
    if set(new.lampiran_files) - known:
        problems.append("Berkas lampiran tidak ditemukan.")
    if doc is not None and not problems and _already_listed(doc.id, tujuan):
        problems.append(f'"{doc.title}" untuk {tujuan} sudah ada di daftar ekspedisi dan '
                        "belum diterima.")
    if problems:
        raise InvalidInput(problems)
    return {"document": doc.id, "tujuan": tujuan, "tanggal_kirim": new.tanggal_kirim,
            "kurir": kurir.id, "keterangan": keterangan, "run_step": new.run_step_id}


def _already_listed(doc_id: int, tujuan: str) -> bool:
    return (m.Delivery.select().where((m.Delivery.document == doc_id)
                                      & (fn.LOWER(m.Delivery.tujuan) == tujuan.lower())
                                      & (m.Delivery.status != "diterima")).exists())


def mark_sent(delivery_ids: Iterable[int],
              person_id: int | None) -> int:
    """The kurir left with these deliveries; those already sent or received stay as they are.
    Returns how many changed."""
    changed = 0
    with transaction():
        for row in m.Delivery.select().where(m.Delivery.id.in_(list(delivery_ids))):
            if row.status != "belum_dikirim":
                continue
            row.status, row.sent_at, row.sent_by = "dikirim", utc_now(), person_id
            row.save()
            audit.append(_run_id(row), person_id, "ekspedisi_kirim",
                         f"No. {row.sequence}/{row.year} kepada {row.tujuan}")
            changed += 1
    return changed


def record_receipt(data_dir: Path, delivery_id: int,
                   receipt: Receipt, person_id: int | None, today: date | None = None) -> None:
    """Who received it and when, with an optional scan or photo (stored by hash). Recording
    again corrects the receipt; without a new scan the earlier one is kept."""
    row = _delivery(delivery_id)
    nama = " ".join(receipt.nama_penerima.split())
    received, today = receipt.tanggal_terima, today or date.today()
    problems = []
    if not nama:
        problems.append("Isi nama penerima.")
    if received is None:
        problems.append("Isi tanggal terima.")
    elif received < row.tanggal_kirim:
        problems.append(f"Tanggal terima tidak boleh sebelum tanggal kirim "
                        f"({tanggal(row.tanggal_kirim)}).")
    elif received > today:
        problems.append("Tanggal terima tidak boleh sesudah hari ini.")
    scan = receipt.scan
    if scan is not None and scan.suffix.lower() not in SCAN_SUFFIXES:
        problems.append(f'Berkas "{scan.name}" bukan pindaian atau foto; pilih berkas PDF, '
                        "JPG atau PNG.")
    if problems:
        raise InvalidInput(problems)
    stored = store_file(data_dir, scan) if scan is not None else None
    with transaction():
        row = _delivery(delivery_id)
        action = "ekspedisi_ubah_terima" if row.status == "diterima" else "ekspedisi_terima"
        if row.status == "belum_dikirim":
            row.sent_at, row.sent_by = utc_now(), person_id
        row.status, row.nama_penerima, row.tanggal_terima = "diterima", nama, received
        if stored is not None:
            row.receipt_sha256, row.receipt_path = stored.sha256, stored.relative_path
            row.receipt_name = scan.name
        row.receipt_at, row.receipt_by = utc_now(), person_id
        row.save()
        scan_note = f", pindaian SHA-256 {stored.sha256[:16]}…" if stored else ""
        audit.append(_run_id(row), person_id, action,
                     f"No. {row.sequence}/{row.year}: diterima {nama}, "
                     f"{tanggal(received)}{scan_note}")


def remove_delivery(delivery_id: int, person_id: int | None) -> None:
    """Take an entry off the list; only while it is not yet sent."""
    with transaction():
        row = _delivery(delivery_id)
        if row.status != "belum_dikirim":
            raise InvalidInput(f"No. {row.sequence}/{row.year} sudah {row.status.replace('_', ' ')}"
                               " dan tetap tercatat di buku ekspedisi.")
        m.DeliveryItem.delete().where(m.DeliveryItem.delivery == row).execute()
        row.delete_instance()
        audit.append(_run_id(row), person_id, "ekspedisi_hapus",
                     f"No. {row.sequence}/{row.year} kepada {row.tujuan}")


def _delivery(delivery_id: int) -> m.Delivery:
    row = m.Delivery.get_or_none(m.Delivery.id == delivery_id)
    if row is None:
        raise NotFound("Pengiriman itu tidak ada di daftar ekspedisi.")
    return row


def _run_id(row: m.Delivery) -> int | None:
    return m.Document.select(m.Document.run).where(m.Document.id == row.document_id).scalar()
