"""Letter numbers and the agenda surat keluar: the number format, taking and cancelling numbers
(safe when several computers take one at the same moment), the register, and the archive
classification codes numbers start with."""

from __future__ import annotations

import random
import re
import string
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from peewee import IntegrityError, OperationalError, fn

from db import models as m
from db.database import transaction
from db.models import database_proxy, utc_now
from desktop_app.common import audit
from desktop_app.common.clock import to_local
from desktop_app.common.dates import tanggal
from desktop_app.common.errors import DomainError, InvalidInput, NotFound
from desktop_app.office.permissions import OP, check
from desktop_app.office.settings import get_setting, set_settings

if TYPE_CHECKING:
    from desktop_app.render.letterhead import Kop

FORMAT_KEY = "format_nomor"
FORMAT_FIELDS = ("klasifikasi", "nomor", "kode_unit", "tahun")
REQUIRED_FIELDS = ("nomor", "tahun")  # without them numbers of a year, or of two years, clash
KINDS = {
    "surat_dinas": "Surat dinas",
    "surat_pengantar": "Surat pengantar",
    "nota_dinas": "Nota dinas",
    "disposisi": "Disposisi",
    "lainnya": "Lainnya",
}
STATUS_LABELS = {"aktif": "Aktif", "batal": "Batal"}
MAX_ATTEMPTS = 5  # tries of take_number when another computer holds the database
_CODE = re.compile(r"[0-9]+(\.[0-9]+)*")
_SAMPLE = {"klasifikasi": "000.7.2.6", "nomor": 15, "kode_unit": "408.12", "tahun": 2026}
_EXAMPLE = "{klasifikasi}/{nomor 3 angka}/{kode_unit}/{tahun}"


@dataclass(frozen=True)
class LetterNumber:
    id: int
    number: str
    year: int
    sequence: int


@dataclass(frozen=True)
class LetterEntry:
    """One row of the agenda surat keluar; times are in the machine's local zone."""

    id: int
    year: int
    sequence: int
    number: str
    classification: str
    kind: str
    perihal: str
    tujuan: str
    letter_date: date
    taken_at: datetime
    taken_by: str  # the person's name, "" if unknown
    status: str  # aktif | batal
    cancelled_at: datetime | None = None
    cancelled_by: str = ""
    cancel_reason: str = ""
    document_id: int | None = None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class ClassificationInfo:
    id: int
    code: str
    description: str
    active: bool

    @property
    def label(self) -> str:
        return f"{self.code} — {self.description}"


# --- the number format --------------------------------------------------------------------

_READABLE_NOMOR = re.compile(r"\{nomor (\d) angka\}")
_STORED_NOMOR = re.compile(r"\{nomor:0(\d)d\}")


def readable_format(fmt: str) -> str:
    """The format as staff read it: `{nomor 3 angka}` for the stored `{nomor:03d}`."""
    return _STORED_NOMOR.sub(lambda m: f"{{nomor {m.group(1)} angka}}", fmt)


def stored_format(text: str) -> str:
    """The format as typed (readable or the stored form, both work) in its stored form."""
    return _READABLE_NOMOR.sub(lambda m: f"{{nomor:0{m.group(1)}d}}", text.strip())


def format_problems(fmt: str) -> list[str]:
    """What is wrong with a number format (Indonesian messages); empty when it can be used."""
    fmt = stored_format(fmt)
    if not fmt.strip():
        return [f"format nomor: belum diisi (mis. {_EXAMPLE})"]
    if "\n" in fmt or "\r" in fmt:
        return ["format nomor: harus satu baris"]
    try:
        parts = list(string.Formatter().parse(fmt))
    except ValueError:
        return ['format nomor: tanda "{" dan "}" tidak berpasangan; nama isian ditulis di '
                f"antaranya (mis. {_EXAMPLE}); kurung kurawal sebagai teks ditulis dua kali"]
    problems, used = [], set()
    allowed = ", ".join("{" + name + "}" for name in FORMAT_FIELDS)
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        field = ("{" + name + (f"!{conversion}" if conversion else "")
                 + (f":{spec}" if spec else "") + "}")
        if name not in FORMAT_FIELDS:
            problems.append(f'format nomor: isian "{field}" tidak dikenal; yang boleh: {allowed}')
        elif conversion or not _spec_fits(name, spec):
            problems.append(f'format nomor: "{field}" tidak dapat dipakai; tulis mis. {{{name}}}'
                            + (" atau {nomor 3 angka} untuk nomor tiga angka" if name == "nomor"
                               else ""))
        used.add(name)
    problems += [f"format nomor: isian {{{name}}} harus ada" for name in REQUIRED_FIELDS
                 if name not in used]
    return problems


def _spec_fits(name: str, spec: str) -> bool:
    if "{" in spec or "}" in spec:
        return False
    try:
        format(_SAMPLE[name], spec)
    except (ValueError, TypeError):
        return False
    return True


def _used_fields(fmt: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(fmt) if name}


def preview_number(fmt: str, klasifikasi: str, nomor: int, kode_unit: str, tahun: int) -> str:
    """The number the format gives for these values; InvalidInput if the format is wrong."""
    fmt = stored_format(fmt)
    problems = format_problems(fmt)
    if problems:
        raise InvalidInput(problems)
    return fmt.format(klasifikasi=klasifikasi, nomor=int(nomor), kode_unit=kode_unit,
                      tahun=int(tahun))


def number_format() -> str:
    return get_setting(FORMAT_KEY)


def set_number_format(fmt: str, person_id: int | None) -> None:
    """Validate and store the office's number format; numbers already taken keep theirs."""
    check(person_id, OP.SET_NUMBER_FORMAT)
    fmt = stored_format(fmt)
    problems = format_problems(fmt)
    if problems:
        raise InvalidInput(problems)
    with transaction("IMMEDIATE"):
        set_settings({FORMAT_KEY: fmt})
        audit.append(None, person_id, "ubah_format_nomor", fmt)


# --- taking and cancelling numbers -----------------------------------------------------------

def take_number(*, classification: str, kind: str, perihal: str,
                tujuan: str, letter_date: date, person_id: int | None) -> LetterNumber:
    """Take the next number of the letter's year and record it in the register.

    One write transaction (BEGIN IMMEDIATE, so no other process writes between reading the
    highest number and inserting the next); the unique (year, sequence) index is the final
    guarantee. A clash or a busy database is retried a few times. Inside a transaction the
    caller already holds, there is one attempt only (the caller's transaction decides).
    """
    values = _checked_letter(classification, kind, perihal, tujuan, letter_date)
    retry = database_proxy.transaction_depth() == 0
    attempt = 1
    while True:
        try:
            with transaction("IMMEDIATE"):
                return _insert_next(values, person_id)
        except (IntegrityError, OperationalError) as exc:
            if not retry or not _is_contention(exc):
                raise
            if attempt >= MAX_ATTEMPTS:
                raise DomainError("Nomor surat belum dapat diambil karena basis data sedang "
                                  "dipakai komputer lain. Coba lagi sebentar lagi.") from exc
        time.sleep(random.uniform(0.01, 0.05) * attempt)
        attempt += 1


def _is_contention(exc: Exception) -> bool:
    text = str(exc).lower()
    if isinstance(exc, IntegrityError):
        return "unique" in text and "outgoing_letter" in text
    return "locked" in text or "busy" in text or "lock timeout" in text  # PostgreSQL


def _checked_letter(classification: str, kind: str, perihal: str, tujuan: str,
                    letter_date: date) -> dict:
    classification, perihal, tujuan = (" ".join(text.split())
                                       for text in (classification, perihal, tujuan))
    problems = []
    if not classification:
        problems.append("kode klasifikasi: belum dipilih")
    elif problem := code_problem(classification):
        problems.append(problem)
    if kind not in KINDS:
        problems.append(f'jenis surat: "{kind}" tidak dikenal; pilih salah satu: '
                        + ", ".join(KINDS.values()))
    if not perihal:
        problems.append("perihal: belum diisi")
    if isinstance(letter_date, datetime):
        letter_date = letter_date.date()
    if not isinstance(letter_date, date):
        problems.append("tanggal surat: belum diisi")
    elif not 1900 <= letter_date.year <= 2999:
        problems.append(f"tanggal surat: tahun {letter_date.year} tidak masuk akal")
    if problems:
        raise InvalidInput(problems)
    return {"classification": classification, "kind": kind, "perihal": perihal,
            "tujuan": tujuan, "letter_date": letter_date}


def _insert_next(values: dict, person_id: int | None) -> LetterNumber:
    """Inside the write transaction: check against the database, number, insert, audit."""
    code = m.ClassificationCode.get_or_none(m.ClassificationCode.code == values["classification"])
    if code is None:
        raise InvalidInput(f'kode klasifikasi "{values["classification"]}" belum ada di daftar; '
                           "tambahkan dulu di daftar kode klasifikasi")
    if not code.active:
        raise InvalidInput(f'kode klasifikasi "{code.code}" sudah tidak aktif')
    if person_id is not None and m.Person.get_or_none(m.Person.id == person_id) is None:
        raise NotFound("Pengguna yang mengambil nomor tidak ditemukan.")
    fmt, kode_unit = number_format(), get_setting("kode_unit")
    problems = format_problems(fmt)
    if problems:
        raise InvalidInput(["format nomor di pengaturan kantor salah:", *problems])
    if "kode_unit" in _used_fields(fmt) and not kode_unit:
        raise InvalidInput("kode unit kantor belum diisi; isi dulu di profil kantor (mis. 408.12)")
    year = values["letter_date"].year
    last = (m.OutgoingLetter.select(fn.MAX(m.OutgoingLetter.sequence))
            .where(m.OutgoingLetter.year == year).scalar())
    sequence = (last or 0) + 1
    number = fmt.format(klasifikasi=code.code, nomor=sequence, kode_unit=kode_unit, tahun=year)
    if m.OutgoingLetter.select().where(m.OutgoingLetter.number == number).exists():
        raise InvalidInput(f"nomor {number} sudah pernah dipakai; periksa format nomor di "
                           "pengaturan kantor")
    row = m.OutgoingLetter.create(year=year, sequence=sequence, number=number,
                                  taken_at=utc_now(), taken_by=person_id, status="aktif",
                                  **values)
    audit.append(None, person_id, "ambil_nomor", f"{number}: {values['perihal']}")
    return LetterNumber(row.id, number, year, sequence)


def cancel_number(letter_id: int, reason: str,
                  person_id: int | None) -> None:
    """Mark a number "batal": the row and its number stay, and the number is never reused."""
    check(person_id, OP.CANCEL_NUMBER)
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("alasan pembatalan: belum diisi")
    with transaction("IMMEDIATE"):
        row = m.OutgoingLetter.get_or_none(m.OutgoingLetter.id == letter_id)
        if row is None:
            raise NotFound("Nomor surat yang akan dibatalkan tidak ditemukan.")
        if row.status == "batal":
            raise InvalidInput(f"Nomor {row.number} sudah dibatalkan.")
        m.OutgoingLetter.update(status="batal", cancelled_at=utc_now(), cancelled_by=person_id,
                                cancel_reason=reason).where(m.OutgoingLetter.id == letter_id
                                                            ).execute()
        audit.append(None, person_id, "batal_nomor", f"{row.number}: {reason}")


# --- the register ---------------------------------------------------------------------------

def register(year: int) -> list[LetterEntry]:
    """The agenda surat keluar of one year, by running number (cancelled numbers included)."""
    names = {p.id: p.nama for p in m.Person.select(m.Person.id, m.Person.nama)}
    rows = (m.OutgoingLetter.select().where(m.OutgoingLetter.year == year)
            .order_by(m.OutgoingLetter.sequence))
    return [LetterEntry(
        r.id, r.year, r.sequence, r.number, r.classification, r.kind, r.perihal, r.tujuan,
        r.letter_date, to_local(r.taken_at), names.get(r.taken_by_id, ""), r.status,
        to_local(r.cancelled_at) if r.cancelled_at else None,
        names.get(r.cancelled_by_id, ""), r.cancel_reason, r.document_id) for r in rows]


def register_years() -> list[int]:
    """The years that have numbers, newest first."""
    query = (m.OutgoingLetter.select(m.OutgoingLetter.year).distinct()
             .order_by(m.OutgoingLetter.year.desc()))
    return [year for (year,) in query.tuples()]


def register_pdf(year: int, kop: Kop, paper: str) -> bytes:
    """The printable agenda surat keluar of one year."""
    from desktop_app.render.pdf.table_report import TableReport, render_table_report

    entries = register(year)
    rows = [[str(e.sequence), e.number, tanggal(e.letter_date), e.kind_label, e.perihal,
             e.tujuan, e.status_label + (f": {e.cancel_reason}" if e.status == "batal" else "")]
            for e in entries]
    cancelled = sum(e.status == "batal" for e in entries)
    notes = ([f"Jumlah: {len(entries)} nomor, {cancelled} di antaranya batal."] if entries
             else ["Belum ada nomor surat pada tahun ini."])
    report = TableReport(
        "AGENDA SURAT KELUAR", f"Tahun {year}",
        ["No urut", "Nomor surat", "Tanggal", "Jenis", "Perihal", "Tujuan", "Status"],
        rows, [7, 24, 14, 12, 30, 20, 13], notes=notes)
    return render_table_report(report, kop, paper)


# --- classification codes -------------------------------------------------------------------

def code_problem(code: str) -> str | None:
    """What is wrong with a classification code, or None."""
    if not code:
        return "kode klasifikasi: belum diisi"
    if not _CODE.fullmatch(code):
        return (f'kode klasifikasi: "{code}" harus berupa angka yang dipisah titik '
                "(mis. 000.7.2.6)")
    return None


def _code_order(code: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))


def list_codes(include_inactive: bool = False) -> list[ClassificationInfo]:
    """The classification codes in code order (000.7.2.7 before 000.7.2.10)."""
    query = m.ClassificationCode.select()
    if not include_inactive:
        query = query.where(m.ClassificationCode.active == True)  # noqa: E712
    codes = [ClassificationInfo(r.id, r.code, r.description, r.active) for r in query]
    return sorted(codes, key=lambda c: _code_order(c.code))


def add_code(code: str, description: str,
             person_id: int | None = None) -> ClassificationInfo:
    check(person_id, OP.EDIT_CODES)
    code, description = "".join(code.split()), " ".join(description.split())
    problems = [p for p in (code_problem(code),) if p]
    if not description:
        problems.append("uraian kode klasifikasi: belum diisi")
    if problems:
        raise InvalidInput(problems)
    with transaction("IMMEDIATE"):
        if m.ClassificationCode.get_or_none(m.ClassificationCode.code == code):
            raise InvalidInput(f'kode klasifikasi "{code}" sudah ada')
        row = m.ClassificationCode.create(code=code, description=description, active=True)
        audit.append(None, person_id, "tambah_kode_klasifikasi", f"{code} {description}")
    return ClassificationInfo(row.id, code, description, True)


def set_code_active(code_id: int, active: bool,
                    person_id: int | None = None) -> None:
    """Offer a code for new letters again, or stop offering it (old letters keep it)."""
    check(person_id, OP.EDIT_CODES)
    with transaction("IMMEDIATE"):
        row = m.ClassificationCode.get_or_none(m.ClassificationCode.id == code_id)
        if row is None:
            raise NotFound("Kode klasifikasi tidak ditemukan.")
        if row.active == active:
            return
        m.ClassificationCode.update(active=active).where(
            m.ClassificationCode.id == code_id).execute()
        action = "aktifkan_kode_klasifikasi" if active else "nonaktifkan_kode_klasifikasi"
        audit.append(None, person_id, action, row.code)
