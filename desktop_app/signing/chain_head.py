"""The audit chain's head (count, newest entry, its hash) signed by the office key: recorded in
every backup manifest and kept beside the database, so deleting the newest entries or
re-hashing the chain no longer goes unnoticed (`pandu check`).

Works on a database file alone (sqlite3), like the backup that records it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization

from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.clock import utc_now
from desktop_app.signing import keys

BESIDE = "rantai-audit.json"  # beside the database in the data folder


def _message(head: dict) -> bytes:
    return (f"PANDU-RANTAI1|{head['kunci']}|{head['jumlah']}|{head['nomor_terakhir']}|"
            f"{head['hash']}|{head['dibuat']}").encode()


def signed_head(database_file: Path) -> dict | None:
    """The head of the chain in this database file, signed with the office key when this PC
    holds it; None when the office has no key (or the file has no audit trail)."""
    from urllib.request import pathname2url

    con = sqlite3.connect(f"file:{pathname2url(str(database_file))}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"audit_entry", "signing_key"} <= tables:
            return None
        office = con.execute("SELECT fingerprint FROM signing_key WHERE kind = 'kantor' "
                             "ORDER BY id LIMIT 1").fetchone()
        if office is None:
            return None
        count = con.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]
        last = con.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    try:
        private = _office_private(office[0])
    except (OSError, ValueError):
        return None  # this PC does not hold the office key: nothing can be signed here
    head = {"kunci": office[0], "jumlah": count, "nomor_terakhir": last[0] if last else 0,
            "hash": last[1] if last else "", "dibuat": utc_now().isoformat(timespec="seconds")}
    head["tanda_tangan"] = keys.b64(private.sign(_message(head)))
    return head


def _office_private(fp: str):
    path = keys.key_dir() / f"kantor-{fp[:16]}.key"
    return serialization.load_pem_private_key(path.read_bytes(), None)


def read_beside(data_dir: Path) -> dict:
    try:
        return json.loads((data_dir / BESIDE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def keep_beside(data_dir: Path, head: dict | None, restored: bool = False) -> None:
    """Keep `head` beside the database when it is not older than the one already there (a
    restore replaces it: the restored chain starts from the backup's head)."""
    if not head and restored:  # a backup from before the office key: start afresh
        record = {"kepala": None, "dipulihkan": utc_now().isoformat(timespec="seconds")}
        with contextlib.suppress(OSError):
            write_atomically(data_dir / BESIDE, json.dumps(record, indent=1))
        return
    if not head:
        return
    current = read_beside(data_dir).get("kepala") or {}
    if not restored and current.get("jumlah", 0) > head["jumlah"]:
        return
    record = {"kepala": head}
    if restored:
        record["dipulihkan"] = utc_now().isoformat(timespec="seconds")
    else:
        record["dipulihkan"] = read_beside(data_dir).get("dipulihkan")
    with contextlib.suppress(OSError):  # a read-only data folder: backups still carry it
        write_atomically(data_dir / BESIDE, json.dumps(record, indent=1))


def restored_at(data_dir: Path) -> datetime | None:
    value = read_beside(data_dir).get("dipulihkan")
    return datetime.fromisoformat(value) if value else None


def head_problems(head: dict, where: str, anchor: keys.Anchor | None, rows) -> list[str]:
    """What the chain (`rows`: (id, hash) of every entry, in id order) lost or changed against
    a signed head recorded in `where`; in Indonesian."""
    if anchor is None:
        return []
    try:
        if head.get("kunci") != anchor.fingerprint:
            raise InvalidSignature
        anchor.public.verify(keys.unb64(head["tanda_tangan"]), _message(head))
    except (InvalidSignature, KeyError, ValueError, TypeError):
        return [f"kepala rantai jejak audit di {where} tidak ditandatangani kunci kantor "
                "(diubah atau dipalsukan)"]
    upto = [(entry_id, hash_) for entry_id, hash_ in rows if entry_id <= head["nomor_terakhir"]]
    newest = dict(upto).get(head["nomor_terakhir"])
    if head["jumlah"] and newest is None and len(upto) < head["jumlah"]:
        return [f"{head['jumlah'] - len(upto)} catatan jejak audit dihapus: {where} mencatat "
                f"{head['jumlah']} catatan sampai nomor {head['nomor_terakhir']}, kini tinggal "
                f"{len(upto)}"]
    if head["jumlah"] and newest != head["hash"]:
        return [f"jejak audit telah diubah atau dihitung ulang: catatan nomor "
                f"{head['nomor_terakhir']} tidak sama dengan yang tercatat di {where}"]
    if len(upto) != head["jumlah"]:
        return [f"{head['jumlah'] - len(upto)} catatan jejak audit sebelum nomor "
                f"{head['nomor_terakhir']} hilang (menurut {where})"]
    return []


def backup_head_problems(head: dict | None, database_file: Path) -> list[str]:
    """A backup's head against the database inside it, when this PC keeps the certificate of
    the office key that signed it (a restore refuses a backup whose chain was cut or
    re-hashed after the head was signed)."""
    if not head or not isinstance(head.get("kunci"), str):
        return []
    cert_path = keys.key_dir() / f"kantor-{head['kunci'][:16]}.crt"
    if not cert_path.exists():
        return []  # another PC: nothing to check against here
    pem = cert_path.read_text("ascii")
    anchor = keys.Anchor(pem, {}, "kunci kantor di komputer ini")
    from urllib.request import pathname2url

    con = sqlite3.connect(f"file:{pathname2url(str(database_file))}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT id, hash FROM audit_entry ORDER BY id").fetchall()
    except sqlite3.Error:
        return []
    finally:
        con.close()
    return head_problems(head, "daftar isi cadangan", anchor, rows)
