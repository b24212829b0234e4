"""The approving official's signed statement on an approved SOP (issue 15): made when they
approve with their signing key, printed as a QR on the sheet's identity page; `pandu verify
--qr` checks it. Its SHA-256 is that of the revision's pandu-sop/1 content."""

from __future__ import annotations

import hashlib
import json

from db import models as m
from desktop_app.sop.model import Sop


def content_sha256(sop: Sop) -> str:
    from desktop_app.sop.sopfile import sop_to_dict

    text = json.dumps(sop_to_dict(sop), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sign_revision(revision: m.SopRevision, sop: Sop, signer) -> None:
    """Record the statement of the approved `sop` (`signer`: key row and private key)."""
    from desktop_app.office.profile import load_profile
    from desktop_app.signing import keys, statement

    key_row, private = signer
    person = m.Person.get_by_id(key_row.person_id)
    ident = sop.identitas
    sha = content_sha256(sop)
    s = statement.make(load_profile().nama_kantor.strip() or "Kantor", "sop", ident.nomor,
                       ident.tanggal_pengesahan, ident.nama, person.nama, person.nip,
                       person.jabatan, "", sha, private, bytes.fromhex(key_row.public_key),
                       keys.unb64(key_row.endorsement))
    m.SopApprovalSignature.create(revision=revision, key=key_row, sha256=sha,
                                  statement=s.text())


def statement_for(sop: Sop) -> str | None:
    """The signed statement of exactly this approved content, if its approver signed it."""
    from db.database import bound

    if bound() is None or not m.SopApprovalSignature.table_exists():
        return None
    row = m.SopApprovalSignature.get_or_none(m.SopApprovalSignature.sha256 == content_sha256(sop))
    return row.statement if row else None
