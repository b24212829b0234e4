"""The audit chain's head, signed by the office key, in every backup manifest and beside the
database: `pandu check` reports deleted newest entries and a re-hashed chain; a restore keeps
the signing keys usable."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime

from desktop_app.common import audit
from desktop_app.common.paths import DATABASE_NAME
from desktop_app.naskah import workflow
from desktop_app.safety.backup import auto_backup
from desktop_app.safety.integrity import check_data
from desktop_app.safety.restore import restore
from desktop_app.signing import chain_head
from tests.signing.conftest import sign_letter


def _sql(o, text, params=()):
    with sqlite3.connect(o.workspace.data_dir / DATABASE_NAME) as con:
        return con.execute(text, params).fetchall()


def _problems(o) -> list[str]:
    report = check_data(o.workspace.data_dir)
    return [p.what for p in report.problems]


def _backed_up(o):
    sign_letter(o)
    info = auto_backup(o.workspace.data_dir)
    with zipfile.ZipFile(info.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return info, manifest


def test_backup_manifest_and_beside_record_the_signed_head(keyed):
    info, manifest = _backed_up(keyed)
    head = manifest["kepala_rantai"]
    count = _sql(keyed, "SELECT COUNT(*) FROM audit_entry")[0][0]
    assert head["jumlah"] == count and len(head["tanda_tangan"]) == 86
    assert chain_head.read_beside(keyed.workspace.data_dir)["kepala"] == head
    assert _problems(keyed) == []


def test_deleted_tail_is_reported(keyed):
    _backed_up(keyed)
    assert audit.verify_chain() == []
    _sql(keyed, "DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry "
                "ORDER BY id DESC LIMIT 2)")
    assert audit.verify_chain() == []  # the chain alone cannot see a missing tail
    problems = _problems(keyed)
    assert problems and "2 catatan jejak audit dihapus" in problems[0]


def test_rehashed_chain_is_reported(keyed):
    _backed_up(keyed)
    rows = _sql(keyed, "SELECT id, run_id, at, person_id, on_behalf_of_id, action, detail "
                       "FROM audit_entry ORDER BY id")
    prev = ""
    with sqlite3.connect(keyed.workspace.data_dir / DATABASE_NAME) as con:
        for entry_id, run_id, at, person_id, behalf_id, action, detail in rows:
            if action == "paraf":
                detail = "paraf diberikan oleh orang lain"
            digest = audit._digest(prev, run_id, datetime.fromisoformat(at), person_id,
                                   behalf_id, action, detail)
            con.execute("UPDATE audit_entry SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                        (detail, prev, digest, entry_id))
            prev = digest
    assert audit.verify_chain() == []  # re-hashed: intact by itself
    problems = _problems(keyed)
    assert any("dihitung ulang" in p for p in problems), problems


def test_forged_head_beside_the_database_is_reported(keyed):
    _backed_up(keyed)
    path = keyed.workspace.data_dir / chain_head.BESIDE
    record = json.loads(path.read_text())
    record["kepala"]["jumlah"] -= 1
    path.write_text(json.dumps(record))
    problems = _problems(keyed)
    assert any("tidak ditandatangani kunci kantor" in p for p in problems), problems


def test_restore_keeps_keys_usable_and_the_chain_checks(keyed):
    info, _ = _backed_up(keyed)
    sign_letter(keyed)  # work after the backup, lost by the restore
    o = keyed
    restore(o.workspace.data_dir, info.path, database=o.workspace.database)
    assert _problems(o) == []
    doc_id = sign_letter(o)  # the camat's wrapped key came back with the backup
    detail = workflow.document_detail(doc_id, o.workspace.data_dir)
    from desktop_app.naskah.verification import verify_bytes

    assert verify_bytes(detail.pdf_path.read_bytes()).genuine


def test_swapped_office_key_row_is_reported(keyed):
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from desktop_app.naskah.verification import verify_bytes
    from desktop_app.signing import keys

    doc_id = sign_letter(keyed)
    data = workflow.document_detail(doc_id, keyed.workspace.data_dir).pdf_path.read_bytes()
    thief = ed25519.Ed25519PrivateKey.generate()
    pub = keys.raw_public(thief.public_key())
    _sql(keyed, "UPDATE signing_key SET public_key = ?, fingerprint = ? WHERE kind = 'kantor'",
         (pub.hex(), keys.fingerprint(pub)))
    assert any("kunci kantor di basis data tidak sama" in p for p in _problems(keyed))
    # verification trusts the office certificate kept on this PC, not the database's row
    assert verify_bytes(data).genuine


def test_tail_deleted_after_a_signature_is_found_without_a_backup(keyed):
    sign_letter(keyed)
    sign_letter(keyed)
    assert chain_head.read_beside(keyed.workspace.data_dir)["kepala"]["jumlah"] > 0
    _sql(keyed, "DELETE FROM audit_entry WHERE id = (SELECT MAX(id) - 1 FROM audit_entry)")
    _sql(keyed, "DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)")
    problems = _problems(keyed)
    assert any("dihapus" in p or "hilang" in p for p in problems), problems


def test_crafted_backup_with_a_cut_chain_is_not_restored(keyed, tmp_path):
    import hashlib

    import pytest

    from desktop_app.common.errors import InvalidInput

    info, manifest = _backed_up(keyed)
    crafted = tmp_path / "Pandu-SOP-cadangan-palsu.zip"
    db_copy = tmp_path / "pandu.sqlite3"
    with zipfile.ZipFile(info.path) as source:
        db_copy.write_bytes(source.read("pandu.sqlite3"))
        with sqlite3.connect(db_copy) as con:
            con.execute("DELETE FROM audit_entry WHERE id IN (SELECT id FROM audit_entry "
                        "ORDER BY id DESC LIMIT 2)")
        data = db_copy.read_bytes()
        manifest["members"]["pandu.sqlite3"] = {"sha256": hashlib.sha256(data).hexdigest(),
                                                "size": len(data)}
        with zipfile.ZipFile(crafted, "w") as out:
            out.writestr("manifest.json", json.dumps(manifest))
            out.writestr("pandu.sqlite3", data)
            for name in source.namelist():
                if name not in ("manifest.json", "pandu.sqlite3"):
                    out.writestr(name, source.read(name))
    o = keyed
    with pytest.raises(InvalidInput, match="tidak cocok dengan kepala rantai"):
        restore(o.workspace.data_dir, crafted, database=o.workspace.database)
    assert _problems(o) == []  # nothing changed
