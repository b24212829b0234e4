"""The audit trail: entries are only ever appended. Each carries the hash of the previous
entry, so an edited or deleted entry breaks the chain and `verify_chain` finds it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from db import models as m
from desktop_app.common.clock import to_local, utc_now

ACTION_LABELS = {
    "mulai": "Memulai proses", "centang": "Mencentang kelengkapan",
    "hapus_centang": "Menghapus centang", "alasan": "Menjelaskan kelengkapan yang tidak ada",
    "lampiran": "Melampirkan berkas", "catatan": "Menambah catatan",
    "selesai": "Menyelesaikan langkah", "ya": "Keputusan: ya, lanjut",
    "kembalikan": "Keputusan: tidak, dikembalikan", "ganti_petugas": "Mengganti petugas",
    "proses_selesai": "Proses selesai",
    "naskah_dibuat": "Membuat naskah", "naskah_diubah": "Mengubah naskah (versi baru)",
    "paraf": "Memaraf naskah", "tanda_tangan": "Menandatangani naskah",
    "naskah_dikembalikan": "Mengembalikan naskah",
    "ambil_nomor": "Mengambil nomor surat", "batal_nomor": "Membatalkan nomor surat",
    "ubah_format_nomor": "Mengubah format nomor surat",
    "tambah_kode_klasifikasi": "Menambah kode klasifikasi",
    "aktifkan_kode_klasifikasi": "Mengaktifkan kode klasifikasi",
    "nonaktifkan_kode_klasifikasi": "Menonaktifkan kode klasifikasi",
    "impor_formulir": "Mengimpor formulir isian",
    "ekspedisi_tambah": "Menambah ke daftar ekspedisi", "ekspedisi_kirim": "Menandai dikirim",
    "ekspedisi_terima": "Mencatat tanda terima",
    "ekspedisi_ubah_terima": "Mengubah tanda terima",
    "ekspedisi_hapus": "Menghapus dari daftar ekspedisi",
    "arsip_catatan": "Menulis catatan arsip", "sahkan_sop": "Mengesahkan SOP",
    # changes of power (office.permissions): who may do what, and with which secret
    "tambah_pengguna": "Menambah pengguna", "ubah_pengguna": "Mengubah data pengguna",
    "ubah_peran": "Mengubah peran pengguna", "admin_pertama": "Menjadi admin pertama",
    "atur_ulang_pin": "Mengatur ulang PIN", "ganti_pin_sendiri": "Mengganti PIN sendiri",
    "kunci_pin": "Terkunci karena PIN salah", "ubah_alur": "Mengubah alur paraf",
    "ubah_spesimen": "Mengubah spesimen tanda tangan dan cap",
    "ubah_profil": "Mengubah profil kantor", "pulihkan": "Memulihkan data dari cadangan",
    "kunci_dibuat": "Membuat kunci tanda tangan", "kunci_dicabut": "Mencabut kunci tanda tangan",
}


@dataclass(frozen=True)
class AuditView:
    at: datetime
    person: str
    on_behalf_of: str
    action: str
    detail: str


def _digest(prev_hash: str, run_id, at: datetime, person_id, behalf_id, action: str,
            detail: str) -> str:
    payload = json.dumps([prev_hash, run_id, at.isoformat(timespec="microseconds"), person_id,
                          behalf_id, action, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(run_id: int | None, person_id: int | None, action: str, detail: str = "",
           on_behalf_of: int | None = None, at: datetime | None = None) -> None:
    """Append one entry (the caller owns the transaction)."""
    at = at or utc_now()
    last = m.AuditEntry.select(m.AuditEntry.hash).order_by(m.AuditEntry.id.desc()).first()
    prev = last.hash if last else ""
    m.AuditEntry.create(run=run_id, at=at, person=person_id, on_behalf_of=on_behalf_of,
                        action=action, detail=detail, prev_hash=prev,
                        hash=_digest(prev, run_id, at, person_id, on_behalf_of, action, detail))


def entries(run_id: int) -> list[AuditView]:
    names = {p.id: p.nama for p in m.Person.select(m.Person.id, m.Person.nama)}
    return [AuditView(to_local(e.at), names.get(e.person_id, "-"), names.get(e.on_behalf_of_id, ""),
                      ACTION_LABELS.get(e.action, e.action), e.detail)
            for e in m.AuditEntry.select().where(m.AuditEntry.run == run_id)
            .order_by(m.AuditEntry.id)]


CHECKPOINT_KEY = "audit_checkpoint"  # "<id>:<hash>" of the newest entry last found intact


def verify_chain(from_checkpoint: bool = False) -> list[str]:
    """Problems with the trail, in Indonesian; empty when every entry is intact.

    `from_checkpoint` (the start-up check) verifies only what was added since the last intact
    verification, so opening the app does not grow with the years; `pandu check` verifies all.
    An intact trail moves the checkpoint to its newest entry.
    """
    query = m.AuditEntry.select().order_by(m.AuditEntry.id)
    problems, prev = [], ""
    checkpoint = _checkpoint() if from_checkpoint else None
    if checkpoint:
        entry_id, hash_ = checkpoint
        row = m.AuditEntry.get_or_none(m.AuditEntry.id == entry_id)
        if row is None or row.hash != hash_:
            problems.append(f"catatan jejak audit nomor {entry_id} hilang atau diubah")
        else:
            query, prev = query.where(m.AuditEntry.id > entry_id), hash_
    newest: list = []

    def rows():
        for e in query:
            newest[:] = [e.id, e.hash]
            yield (e.id, e.prev_hash, e.hash, e.run_id, e.at, e.person_id, e.on_behalf_of_id,
                   e.action, e.detail)

    problems += chain_problems(rows(), prev)
    if not problems and newest:
        _save_checkpoint(*newest)
    return problems


def _checkpoint() -> tuple[int, str] | None:
    row = m.OfficeSetting.get_or_none(m.OfficeSetting.key == CHECKPOINT_KEY)
    entry_id, _, hash_ = (row.value if row else "").partition(":")
    return (int(entry_id), hash_) if entry_id.isdigit() and hash_ else None


def _save_checkpoint(entry_id: int, hash_: str) -> None:
    from peewee import DatabaseError

    from db.database import transaction

    try:
        with transaction():
            m.OfficeSetting.put(CHECKPOINT_KEY, f"{entry_id}:{hash_}")
    except DatabaseError:  # a read-only data folder: verified again next time, no harm
        pass


def chain_problems(rows, prev: str = "") -> list[str]:
    """The check itself, over (id, prev_hash, hash, run_id, at, person_id, on_behalf_of_id,
    action, detail) rows in id order: also for a database the models are not bound to (a
    backup being inspected)."""
    problems = []
    for entry_id, prev_hash, hash_, run_id, at, person_id, behalf_id, action, detail in rows:
        if prev_hash != prev:
            problems.append(f"catatan jejak audit sebelum nomor {entry_id} hilang atau diubah")
        if hash_ != _digest(prev_hash, run_id, at, person_id, behalf_id, action, detail):
            problems.append(f"catatan jejak audit nomor {entry_id} telah diubah")
        prev = hash_
    return problems
