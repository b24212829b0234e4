"""Verifying a file or a scanned QR text: against the office's public key file on any PC, or
inside the office against the office key, with the recorded approvals' own signatures."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from db import models as m
from desktop_app.signing import keys, pades, statement


@dataclass(frozen=True)
class Check:
    genuine: bool
    message: str


NO_OFFICE_KEY = ("TIDAK DAPAT DIPERIKSA: kantor ini belum mempunyai kunci tanda tangan. "
                 "Periksa dengan berkas kunci publik kantor pengirim: pandu verify BERKAS "
                 "--kunci KUNCI.")


def _anchor(anchor: keys.Anchor | None) -> keys.Anchor | None:
    if anchor is not None:
        return anchor
    from db.database import bound

    return keys.office_anchor() if bound() is not None else None


def verify_qr(text: str, anchor: keys.Anchor | None = None) -> Check:
    anchor = _anchor(anchor)
    if anchor is None:
        return Check(False, NO_OFFICE_KEY)
    result = statement.verify(text, anchor)
    return Check(result.genuine, result.message)


def verify_signed_pdf(data: bytes, anchor: keys.Anchor | None = None) -> Check:
    """A file carrying an embedded signature. Inside the office the recorded paraf and tanda
    tangan of that file must still carry their own valid signatures."""
    anchor = _anchor(anchor)
    if anchor is None:
        return Check(False, NO_OFFICE_KEY)
    result = pades.verify_pdf(data, anchor)
    if not result.genuine:
        return Check(False, result.message)
    from db.database import bound

    if bound() is not None:
        from desktop_app.signing.documents import approval_problems

        digest = hashlib.sha256(data).hexdigest()
        version = (m.DocumentVersion.select().where((m.DocumentVersion.sha256 == digest)
                                                    & (m.DocumentVersion.final == True))  # noqa: E712
                   .first())
        if version is not None:
            problems = approval_problems(version, anchor)
            if problems:
                return Check(False, f"TIDAK ASLI: berkasnya bertanda tangan, tetapi {problems[0]}"
                                    " di basis data kantor. Jangan memakai naskah ini; hubungi "
                                    "admin.")
    return Check(True, result.message)


def refuse_unsigned_record() -> Check | None:
    """Inside an office that has signing keys, a database row alone proves nothing."""
    from db.database import bound

    if bound() is None or keys.office_key() is None:
        return None
    return Check(False, "TIDAK ASLI: berkas ini tercatat di basis data kantor sebagai naskah "
                        "final, tetapi tidak memuat tanda tangan elektronik. Catatan basis data "
                        "saja dapat dipalsukan; minta berkas asli yang ditandatangani.")
