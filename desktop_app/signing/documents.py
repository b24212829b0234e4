"""Signing a naskah: each paraf and tanda tangan carries the person's own signature, and the
final PDF is sealed with the signed QR statement and the embedded PDF signature."""

from __future__ import annotations

import contextlib
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from db import models as m
from desktop_app.signing import keys, pades, statement


def approval_message(approval: m.Approval, signed_sha256: str) -> bytes:
    at = approval.at.isoformat(timespec="microseconds")
    return (f"PANDU-SETUJU1|{approval.document_id}|{signed_sha256}|{approval.position}|"
            f"{approval.person_id}|{approval.action}|{approval.decision}|{at}|"
            f"{approval.note}").encode()


def sign_approval(approval: m.Approval, key_row: m.SigningKey, private,
                  signed_sha256: str) -> str:
    """Record the person's signature over this paraf or tanda tangan; returns the text for the
    audit entry (so the chained entry carries the signature too)."""
    signature = keys.b64(private.sign(approval_message(approval, signed_sha256)))
    m.ApprovalSignature.create(approval=approval, key=key_row, signed_sha256=signed_sha256,
                               signature=signature)
    return f" [ttd-el {key_row.fingerprint[:16]}: {signature}]"


@contextlib.contextmanager
def chain_head_after(signer):
    """Around a signing transaction (outside it): the head moves once it is committed."""
    yield
    if signer:
        refresh_chain_head()


def refresh_chain_head() -> None:
    """Move the signed head beside the database to the newest committed entry, so deleting
    entries after a signature is found even before the next backup."""
    from pathlib import Path

    from db.database import bound, is_postgres
    from desktop_app.signing import chain_head

    if is_postgres(bound()):  # no file beside a server's database (issue 21: not yet)
        return
    name = getattr(bound(), "database", None)
    if isinstance(name, str) and name not in ("", ":memory:"):
        path = Path(name)
        chain_head.keep_beside(path.parent, chain_head.signed_head(path))


def approval_problems(version: m.DocumentVersion, anchor: keys.Anchor) -> list[str]:
    """Each approval of this version whose own signature no longer matches the row, or whose
    key the office key did not certify; in Indonesian."""
    problems = []
    rows = (m.Approval.select().where((m.Approval.version == version)
                                      & (m.Approval.decision == "setuju"))
            .order_by(m.Approval.position))
    signatures = {s.approval_id: s for s in m.ApprovalSignature.select(
        m.ApprovalSignature, m.SigningKey).join(m.SigningKey)
        .where(m.ApprovalSignature.approval.in_([a.id for a in rows]))}
    for approval in rows:
        verb = "tanda tangan" if approval.action == "tanda_tangan" else "paraf"
        sig = signatures.get(approval.id)
        if sig is None:
            had_key = (m.SigningKey.select().where((m.SigningKey.person == approval.person_id)
                                                   & (m.SigningKey.created_at < approval.at))
                       .exists())
            if not had_key and approval.action != "tanda_tangan":
                continue  # a paraf by someone who has no key yet: recorded only, as before
            problems.append(f"{verb} urutan {approval.position + 1} tidak memuat tanda tangan "
                            "elektronik orangnya (catatan ditambahkan atau diubah)")
            continue
        person = m.Person.get_or_none(m.Person.id == approval.person_id)
        key = sig.key
        try:
            anchor.public.verify(keys.unb64(key.endorsement), keys.endorsement_message(
                bytes.fromhex(key.public_key), person.nama if person else "",
                person.nip if person else ""))
            ed25519.Ed25519PublicKey.from_public_bytes(bytes.fromhex(key.public_key)).verify(
                keys.unb64(sig.signature), approval_message(approval, sig.signed_sha256))
        except (InvalidSignature, ValueError):
            problems.append(f"catatan {verb} urutan {approval.position + 1} telah diubah atau "
                            "kuncinya diganti (tanda tangan elektroniknya tidak cocok)")
    return problems


def seal_final(pdf: bytes, slot: dict, kind: str, nomor: str, tanggal: date | None, hal: str,
               code: str, key_row: m.SigningKey, private) -> bytes:
    """The final PDF with its signed QR statement and embedded signature."""
    from desktop_app.office.profile import load_profile

    person = m.Person.get_by_id(key_row.person_id)
    office = load_profile().nama_kantor.strip() or "Kantor"
    s = statement.make(office, kind, nomor, tanggal, hal, person.nama, person.nip,
                       person.jabatan, code, pades.body_sha256(pdf), private,
                       bytes.fromhex(key_row.public_key), keys.unb64(key_row.endorsement))
    return pades.seal(pdf, slot, s, private, key_row.certificate,
                      keys.office_key().certificate)
