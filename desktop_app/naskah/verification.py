"""Verification codes of signed documents and checking a file against them ("Periksa
keaslian"). This is the office's own check, not an electronic signature (TTE)."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from db import models as m
from desktop_app.common.clock import to_local
from desktop_app.common.dates import waktu

_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PATTERN = re.compile(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")


def new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@dataclass(frozen=True)
class VerifyResult:
    genuine: bool
    message: str


def verify_bytes(data: bytes, anchor=None) -> VerifyResult:
    """`anchor` (signing.keys.Anchor) is the office public key file given to check against;
    without it, the office's own key (inside the office)."""
    from desktop_app.signing import checks, pades

    if pades.has_signature(data) or anchor is not None:
        result = checks.verify_signed_pdf(data, anchor)
        return VerifyResult(result.genuine, result.message)
    digest = hashlib.sha256(data).hexdigest()
    version = (m.DocumentVersion.select().where((m.DocumentVersion.sha256 == digest)
                                                & (m.DocumentVersion.final == True))  # noqa: E712
               .first())
    if version is not None:
        refused = checks.refuse_unsigned_record()
        if refused is not None:
            return VerifyResult(False, refused.message)
        return VerifyResult(True, _genuine_text(version))
    unsigned = (" Berkas ini juga tidak memuat tanda tangan elektronik Pandu SOP; salinan "
                "yang digambar ulang atau dipindai tidak dapat membuktikan dirinya (periksa "
                "QR-nya: pandu verify --qr).") if checks.refuse_unsigned_record() else ""
    code = _code_in(data)
    known = (m.DocumentVersion.get_or_none(m.DocumentVersion.verification_code == code)
             if code else None)
    if known is not None:
        return VerifyResult(False, f"TIDAK ASLI: berkas ini memuat kode {code}, tetapi isinya "
                                   f"berbeda dari naskah yang disahkan ({_title(known)}). "
                                   "Berkas telah diubah." + unsigned)
    return VerifyResult(False, "TIDAK DIKENAL: berkas ini tidak sama dengan naskah mana pun "
                               "yang disahkan di kantor ini." + unsigned)


def _title(version: m.DocumentVersion) -> str:
    doc = version.document
    number = ""
    if doc.letter_id:
        letter = m.OutgoingLetter.get_or_none(m.OutgoingLetter.id == doc.letter_id)
        number = f" nomor {letter.number}" if letter else ""
    return f"{doc.title}{number}"


def _genuine_text(version: m.DocumentVersion) -> str:
    signed = (m.Approval.select(m.Approval, m.Person).join(m.Person)
              .where((m.Approval.version == version) & (m.Approval.decision == "setuju"))
              .order_by(m.Approval.position))
    lines = [f"ASLI: {_title(version)} (kode {version.verification_code}), SHA-256 "
             f"{version.sha256}."]
    letter = _cancelled_letter(version)
    if letter is not None:
        when = waktu(to_local(letter.cancelled_at)) if letter.cancelled_at else "(tidak tercatat)"
        lines = [f"ASLI, tetapi nomornya telah dibatalkan pada {when}: {_title(version)} "
                 f"(kode {version.verification_code}), SHA-256 {version.sha256}. Nomor ini "
                 f"tidak berlaku lagi; alasan pembatalan — {letter.cancel_reason or '-'}."]
    for approval in signed:
        when = waktu(to_local(approval.at))
        action = "ditandatangani" if approval.action == "tanda_tangan" else "diparaf"
        lines.append(f"{action.capitalize()} oleh {approval.person.nama} "
                     f"({approval.person.jabatan}) pada {when}.")
    return " ".join(lines)


def _cancelled_letter(version: m.DocumentVersion) -> m.OutgoingLetter | None:
    """The letter's register row if its number was cancelled, else None."""
    doc = version.document
    letter = (m.OutgoingLetter.get_or_none(m.OutgoingLetter.id == doc.letter_id)
              if doc.letter_id else None)
    return letter if letter is not None and letter.status == "batal" else None


def _code_in(data: bytes) -> str | None:
    """The verification code printed in a PDF, if its text can still be read."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            text = " ".join(page.get_textpage().get_text_range() for page in pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - a damaged file simply has no readable code
        return None
    found = CODE_PATTERN.search(text)
    return found.group(0) if found else None


