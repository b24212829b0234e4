"""Keys: one office key (the root) and one Ed25519 key per person who gives paraf or signs.

* The office key certifies each person's key (an X.509 certificate for the PDF signature and a
  compact endorsement for the QR statement) and signs revocations and audit chain heads. Its
  private half is kept *outside* the data folder, in the key folder of this PC's user
  (`PANDU_KEY_DIR`, else the roaming user config folder "PanduSOP-kunci": %APPDATA% on
  Windows, ~/.config on Linux), so whoever can write the data folder or restore a crafted
  backup cannot certify a key of their own.
* A person's private key is stored only wrapped: scrypt (N=2^15, r=8, p=1, 32 bytes) from their
  own signing passphrase, then AES-256-GCM bound to the key's fingerprint. Nobody else, admin
  included, can use it. Changing the passphrase re-wraps it; a forgotten passphrase means a
  new key (the old one revoked), never recovery.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.x509.oid import NameOID

from db import models as m
from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.clock import utc_now
from desktop_app.common.errors import DomainError, InvalidInput, NotFound

SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MIN_PASSPHRASE = 8
KEY_FILE_REVOCATIONS = "PANDU KUNCI DICABUT"


class KeyMissing(DomainError):
    """The office key's private half is not on this PC."""


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()


def fingerprint_text(fp: str) -> str:
    """The first 128 bits in groups of four, to read out on the phone."""
    return " ".join(fp[i:i + 4].upper() for i in range(0, 32, 4))


def raw_public(key: ed25519.Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_dir() -> Path:
    configured = os.environ.get("PANDU_KEY_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_config_dir

    # Never inside the data folder (on Windows the user data and config folders coincide):
    # the roaming config folder, under its own name.
    return Path(user_config_dir("PanduSOP-kunci", appauthor=False, roaming=True))


def _private_path(fp: str) -> Path:
    return key_dir() / f"kantor-{fp[:16]}.key"


# -- the office key ---------------------------------------------------------------------------

def office_key() -> m.SigningKey | None:
    return (m.SigningKey.select().where(m.SigningKey.kind == "kantor")
            .order_by(m.SigningKey.id).first())


def _office_name() -> str:
    from desktop_app.office.profile import load_profile

    return load_profile().nama_kantor.strip() or "Kantor"


def ensure_office_key() -> m.SigningKey:
    """The office key, made on first need (setup, or the first person key)."""
    row = office_key()
    if row is not None:
        return row
    private = ed25519.Ed25519PrivateKey.generate()
    pub = raw_public(private.public_key())
    fp = fingerprint(pub)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Kunci kantor {_office_name()}"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, _office_name())])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(private.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365 * 30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(cert_sign=True), critical=True)
            .sign(private, None))
    path = _private_path(fp)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    os.chmod(path, 0o600)
    (path.with_suffix(".crt")).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    from db.database import transaction

    with transaction():
        return m.SigningKey.create(kind="kantor", public_key=pub.hex(), fingerprint=fp,
                                   certificate=_pem(cert))


def _usage(cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=not cert_sign, content_commitment=not cert_sign,
                         key_encipherment=False, data_encipherment=False, key_agreement=False,
                         key_cert_sign=cert_sign, crl_sign=cert_sign, encipher_only=False,
                         decipher_only=False)


def _pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def office_private() -> ed25519.Ed25519PrivateKey:
    row = office_key()
    if row is None:
        raise KeyMissing("Kunci kantor belum dibuat.")
    path = _private_path(row.fingerprint)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), None)
    except OSError as exc:
        raise KeyMissing("Kunci kantor tidak ada di komputer ini, jadi kunci tanda tangan baru "
                         "tidak dapat disahkan di sini. Lakukan di komputer tempat kunci kantor "
                         f"dibuat (berkas {path.name}).") from exc
    if raw_public(key.public_key()).hex() != row.public_key:
        raise KeyMissing(f"Berkas kunci kantor {path.name} tidak cocok dengan kunci kantor di "
                         "basis data. Jangan menandatangani; hubungi admin.")
    return key


def office_key_replaced() -> bool:
    """This PC keeps office key certificates, and none is the database's office key."""
    row = office_key()
    kept = sorted(key_dir().glob("kantor-*.crt")) if key_dir().is_dir() else []
    if row is None or not kept:
        return False
    for path in kept:
        try:
            cert = x509.load_pem_x509_certificate(path.read_bytes())
        except ValueError:
            continue
        pub = raw_public(cert.public_key())
        if pub.hex() == row.public_key and fingerprint(pub) == row.fingerprint:
            return False
    return True


@dataclass(frozen=True)
class Anchor:
    """What a verifier trusts: the office's public certificate and its signed revocations."""

    certificate_pem: str
    revoked: dict[str, datetime]  # person key fingerprint -> revoked at (UTC)
    source: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode("ascii"))

    @property
    def public(self) -> ed25519.Ed25519PublicKey:
        return self.certificate.public_key()

    @property
    def fingerprint(self) -> str:
        return fingerprint(raw_public(self.public))


def office_anchor() -> Anchor | None:
    """Inside the office: the certificate kept beside the office key outside the data folder
    when this PC has it (a swapped database row cannot change it), else the database's."""
    row = office_key()
    if row is None:
        return None
    beside = _private_path(row.fingerprint).with_suffix(".crt")
    pem, source = row.certificate, "basis data kantor"
    if beside.exists():
        pem, source = beside.read_text("ascii"), "kunci kantor di komputer ini"
    revoked = {}
    public = x509.load_pem_x509_certificate(pem.encode("ascii")).public_key()
    for rev in m.KeyRevocation.select(m.KeyRevocation, m.SigningKey).join(m.SigningKey):
        if _revocation_valid(public, rev.key.fingerprint, rev.revoked_at, rev.signature):
            revoked[rev.key.fingerprint] = rev.revoked_at
    return Anchor(pem, revoked, source)


def _revocation_message(fp: str, at: datetime) -> bytes:
    return f"PANDU-CABUT1|{fp}|{at.isoformat(timespec='seconds')}".encode()


def _revocation_valid(public, fp: str, at: datetime, signature: str) -> bool:
    try:
        public.verify(unb64(signature), _revocation_message(fp, at))
        return True
    except (InvalidSignature, ValueError):
        return False


def export_key_file(path: Path) -> str:
    """Write the office's public key file (certificate and signed revocations); returns the
    fingerprint text to read out on the phone."""
    anchor = office_anchor()
    if anchor is None:
        raise NotFound("Kunci kantor belum dibuat: buat kunci tanda tangan seorang pejabat "
                       "lebih dulu.")
    lines = [anchor.certificate_pem.strip()]
    revs = list(m.KeyRevocation.select(m.KeyRevocation, m.SigningKey).join(m.SigningKey))
    if revs:
        lines.append(f"-----BEGIN {KEY_FILE_REVOCATIONS}-----")
        lines += [f"{r.key.fingerprint} {r.revoked_at.isoformat(timespec='seconds')} "
                  f"{r.signature}" for r in revs]
        lines.append(f"-----END {KEY_FILE_REVOCATIONS}-----")
    write_atomically(path, ("\n".join(lines) + "\n").encode("ascii"))
    return fingerprint_text(anchor.fingerprint)


def load_key_file(path: Path) -> Anchor:
    try:
        text = path.read_text("ascii")
        end = "-----END CERTIFICATE-----"
        block = text[text.index("-----BEGIN CERTIFICATE-----"):text.index(end) + len(end)]
        cert = x509.load_pem_x509_certificate(block.encode("ascii"))
        public = cert.public_key()
        if not isinstance(public, ed25519.Ed25519PublicKey):
            raise ValueError("bukan kunci Ed25519")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Berkas kunci {path} tidak dapat dibaca sebagai kunci publik kantor "
                           "Pandu SOP. Minta berkas kunci (.pem) dari kantor pengirim.") from exc
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    revoked = {}
    inside = False
    for line in text.splitlines():
        if line.startswith(f"-----BEGIN {KEY_FILE_REVOCATIONS}"):
            inside = True
        elif line.startswith(f"-----END {KEY_FILE_REVOCATIONS}"):
            inside = False
        elif inside and line.strip():
            fp, at_text, sig = line.split()
            at = datetime.fromisoformat(at_text)
            if _revocation_valid(public, fp, at, sig):
                revoked[fp] = at
    return Anchor(pem, revoked, f"berkas kunci {path.name}")


# -- a person's key ---------------------------------------------------------------------------

def endorsement_message(public_raw: bytes, nama: str, nip: str) -> bytes:
    return f"PANDU-KUNCI1|{b64(public_raw)}|{clean(nama)}|{clean(nip)}".encode()


def clean(text: str) -> str:
    return " ".join(str(text).replace("|", "/").split())


def active_key(person_id: int) -> m.SigningKey | None:
    revoked = m.KeyRevocation.select(m.KeyRevocation.key)
    return (m.SigningKey.select().where((m.SigningKey.kind == "orang")
                                        & (m.SigningKey.person == person_id)
                                        & m.SigningKey.id.not_in(revoked))
            .order_by(m.SigningKey.id.desc()).first())


def has_key(person_id: int) -> bool:
    return (m.SigningKey.select().where((m.SigningKey.kind == "orang")
                                        & (m.SigningKey.person == person_id)).exists())


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise InvalidInput(f"Kata sandi tanda tangan paling sedikit {MIN_PASSPHRASE} karakter. "
                           "Pilih kalimat yang hanya Anda ketahui (bukan PIN masuk).")


def create_person_key(person_id: int, passphrase: str) -> m.SigningKey:
    """A new key for this person, certified by the office key; only their passphrase opens it."""
    _check_passphrase(passphrase)
    person = m.Person.get_or_none(m.Person.id == person_id)
    if person is None:
        raise NotFound(f"Pengguna dengan id {person_id} tidak ada.")
    if active_key(person_id) is not None:
        raise InvalidInput(f"{person.nama} sudah mempunyai kunci tanda tangan. Untuk kunci baru, "
                           "cabut dulu kunci yang lama.")
    ensure_office_key()
    root = office_private()
    root_cert = x509.load_pem_x509_certificate(office_key().certificate.encode("ascii"))
    private = ed25519.Ed25519PrivateKey.generate()
    pub = raw_public(private.public_key())
    fp = fingerprint(pub)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, person.nama)]
    if person.nip:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, person.nip))
    if person.jabatan:
        attrs.append(x509.NameAttribute(NameOID.TITLE, person.jabatan))
    attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, _office_name()))
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(x509.Name(attrs))
            .issuer_name(root_cert.subject).public_key(private.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365 * 20))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(), critical=True)
            .sign(root, None))
    endorsement = root.sign(endorsement_message(pub, person.nama, person.nip))
    from db.database import transaction
    from desktop_app.common import audit

    with transaction():
        row = m.SigningKey.create(kind="orang", person=person_id, public_key=pub.hex(),
                                  fingerprint=fp, certificate=_pem(cert),
                                  endorsement=b64(endorsement),
                                  wrapped_private=_wrap(private, passphrase, fp))
        audit.append(None, person_id, "kunci_dibuat",
                     f"Kunci tanda tangan {person.nama}: {fingerprint_text(fp)}")
    return row


def _kek(passphrase: str, salt: bytes, params: dict) -> bytes:
    return Scrypt(salt=salt, length=32, n=params["n"], r=params["r"],
                  p=params["p"]).derive(passphrase.encode("utf-8"))


def _wrap(private: ed25519.Ed25519PrivateKey, passphrase: str, fp: str) -> str:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    sealed = AESGCM(_kek(passphrase, salt, SCRYPT)).encrypt(nonce, raw, fp.encode("ascii"))
    return json.dumps({"kdf": "scrypt", **SCRYPT, "salt": salt.hex(), "aead": "AES-256-GCM",
                       "nonce": nonce.hex(), "ct": sealed.hex()})


def unlock(row: m.SigningKey, passphrase: str) -> ed25519.Ed25519PrivateKey:
    """The private key, for the length of one signature; a wrong passphrase is refused."""
    try:
        wrapped = json.loads(row.wrapped_private)
        raw = AESGCM(_kek(passphrase or "", bytes.fromhex(wrapped["salt"]), wrapped)).decrypt(
            bytes.fromhex(wrapped["nonce"]), bytes.fromhex(wrapped["ct"]),
            row.fingerprint.encode("ascii"))
        private = ed25519.Ed25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise InvalidInput("Kata sandi tanda tangan salah. Coba lagi; bila lupa, minta admin "
                           "mencabut kunci lama lalu buat kunci baru.") from exc
    if raw_public(private.public_key()).hex() != row.public_key:
        raise InvalidInput("Kunci tanda tangan ini tidak cocok dengan kunci publiknya. Jangan "
                           "menandatangani; hubungi admin.")
    return private


def unlock_person(person_id: int, passphrase: str | None, action: str = "paraf"):
    """(key row, private key) of this person, or None when they have never had a key and no
    passphrase was given (documents are then only recorded, as before issue 15). Once the
    office has a key, the final signature (`action` "tanda_tangan") needs one."""
    row = active_key(person_id)
    if row is None:
        if has_key(person_id):
            raise InvalidInput("Kunci tanda tangan Anda sudah dicabut. Buat kunci baru di "
                               "Pengaturan > Kunci tanda tangan.")
        if passphrase or (action == "tanda_tangan" and office_key() is not None):
            raise InvalidInput("Anda belum mempunyai kunci tanda tangan. Buat dulu di "
                               "Pengaturan > Kunci tanda tangan, lalu tanda tangani lagi.")
        return None
    if not passphrase:
        raise InvalidInput("Masukkan kata sandi tanda tangan Anda.")
    person = m.Person.get_by_id(person_id)
    anchor = office_anchor()
    try:
        anchor.public.verify(unb64(row.endorsement), endorsement_message(
            bytes.fromhex(row.public_key), person.nama, person.nip))
    except (InvalidSignature, ValueError) as exc:
        raise InvalidInput(f"Kunci tanda tangan {person.nama} tidak disahkan oleh kunci kantor "
                           "(kunci di basis data diganti, atau nama/NIP berubah sejak kunci "
                           "dibuat). Jangan menandatangani; minta admin mencabut kunci ini lalu "
                           "buat kunci baru.") from exc
    return row, unlock(row, passphrase)


def change_passphrase(person_id: int, old: str, new: str) -> None:
    _check_passphrase(new)
    row = active_key(person_id)
    if row is None:
        raise NotFound("Belum ada kunci tanda tangan untuk diganti kata sandinya.")
    private = unlock(row, old)
    from db.database import transaction

    with transaction():
        row.wrapped_private = _wrap(private, new, row.fingerprint)
        row.save()


def revoke(person_id: int, reason: str, by_id: int | None, at: datetime | None = None) -> None:
    """Withdraw the person's key: documents signed before stay valid, later ones fail."""
    row = active_key(person_id)
    if row is None:
        raise NotFound("Orang ini tidak mempunyai kunci tanda tangan yang aktif.")
    at = (at or utc_now()).replace(microsecond=0)
    signature = b64(office_private().sign(_revocation_message(row.fingerprint, at)))
    from db.database import transaction
    from desktop_app.common import audit

    with transaction():
        m.KeyRevocation.create(key=row, revoked_at=at, reason=reason.strip(), revoked_by=by_id,
                               signature=signature)
        audit.append(None, by_id, "kunci_dicabut",
                     f"Kunci {fingerprint_text(row.fingerprint)}: {reason.strip()}")


@dataclass(frozen=True)
class KeyView:
    person: str
    fingerprint: str
    created_at: datetime
    revoked_at: datetime | None
    reason: str
    person_id: int | None = None


def list_keys() -> list[KeyView]:
    revs = {r.key_id: r for r in m.KeyRevocation.select()}
    names = {p.id: p.nama for p in m.Person.select(m.Person.id, m.Person.nama)}
    return [KeyView(names.get(k.person_id, "-"), fingerprint_text(k.fingerprint), k.created_at,
                    revs[k.id].revoked_at if k.id in revs else None,
                    revs[k.id].reason if k.id in revs else "", k.person_id)
            for k in m.SigningKey.select().where(m.SigningKey.kind == "orang")
            .order_by(m.SigningKey.id)]
