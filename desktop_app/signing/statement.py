"""The compact signed statement carried by the QR of a final naskah or an approved SOP sheet.

    PANDU1|office|kind|nomor|tanggal|hal|nama|nip|jabatan|code|sha256|pub|endorsement|signature

`sha256` is the SHA-256 of the document's PDF as drawn (its first revision, before the QR and
the embedded signature were added: see pades.body_of), base64url. `pub` is the signer's
Ed25519 public key, `endorsement` the office key's signature over (pub, nama, nip), and
`signature` the signer's over everything before it. Scanning the QR and checking it against
the office's public key proves that these printed fields were signed by that person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop_app.common.dates import tanggal as format_tanggal
from desktop_app.signing.keys import Anchor, b64, clean, endorsement_message, fingerprint, unb64

MAGIC = "PANDU1"
HAL_MAX = 80
KIND_LABELS = {"surat_dinas": "Surat Dinas", "surat_pengantar": "Surat Pengantar",
               "nota_dinas": "Nota Dinas", "disposisi": "Lembar Disposisi", "sop": "SOP"}


@dataclass(frozen=True)
class Statement:
    office: str
    kind: str
    nomor: str
    tanggal: str  # ISO date
    hal: str
    nama: str
    nip: str
    jabatan: str
    code: str
    sha256: bytes
    public_key: bytes
    endorsement: bytes
    signature: bytes

    def signed_part(self) -> str:
        return "|".join([MAGIC, self.office, self.kind, self.nomor, self.tanggal, self.hal,
                         self.nama, self.nip, self.jabatan, self.code, b64(self.sha256),
                         b64(self.public_key)])

    def text(self) -> str:
        return "|".join([self.signed_part(), b64(self.endorsement), b64(self.signature)])

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def make(office: str, kind: str, nomor: str, tanggal: date | None, hal: str, nama: str,
         nip: str, jabatan: str, code: str, sha256_hex: str, private: ed25519.Ed25519PrivateKey,
         public_raw: bytes, endorsement: bytes) -> Statement:
    hal = clean(hal)
    if len(hal) > HAL_MAX:
        hal = hal[:HAL_MAX - 1] + "…"
    unsigned = Statement(clean(office), kind, clean(nomor),
                         tanggal.isoformat() if tanggal else "", hal, clean(nama), clean(nip),
                         clean(jabatan), code or "", bytes.fromhex(sha256_hex), public_raw,
                         endorsement, b"")
    return Statement(**{**vars(unsigned),
                        "signature": private.sign(unsigned.signed_part().encode("utf-8"))})


def parse(text: str) -> Statement:
    parts = (text or "").strip().split("|")
    if len(parts) != 14 or parts[0] != MAGIC:
        raise ValueError("bukan pernyataan Pandu SOP")
    *fields, sha, pub, endorsement, signature = parts[1:]
    return Statement(*fields, unb64(sha), unb64(pub), unb64(endorsement), unb64(signature))


@dataclass(frozen=True)
class StatementCheck:
    genuine: bool
    message: str
    statement: Statement | None = None


def describe(s: Statement) -> str:
    kind = KIND_LABELS.get(s.kind, s.kind)
    nomor = f" nomor {s.nomor}" if s.nomor else ""
    signed_on = _date(s.tanggal)
    tanggal = f" tanggal {format_tanggal(signed_on)}" if signed_on else ""
    nip = f", NIP {s.nip}" if s.nip else ""
    return (f"{kind}{nomor}{tanggal}, hal \"{s.hal}\", dari {s.office}; ditandatangani oleh "
            f"{s.nama}{nip} ({s.jabatan}); kode {s.code}")


def verify(text: str, anchor: Anchor) -> StatementCheck:
    """Is this scanned QR text signed by a person whose key the office certified?"""
    legacy = (text or "").strip()
    if legacy.startswith("PANDU-SOP:"):
        return StatementCheck(False, f"TIDAK DAPAT DIBUKTIKAN: QR ini hanya berisi kode "
                                     f"verifikasi {legacy.removeprefix('PANDU-SOP:')} (naskah "
                                     "tanpa kunci tanda tangan). Periksa berkas PDF-nya di "
                                     "kantor penerbit (Periksa keaslian).")
    try:
        s = parse(text)
    except (ValueError, TypeError):
        return StatementCheck(False, "TIDAK DIKENAL: teks ini bukan isi QR naskah Pandu SOP. "
                                     "Pindai ulang QR pada naskah, salin seluruh teksnya.")
    try:
        anchor.public.verify(s.endorsement, endorsement_message(s.public_key, s.nama, s.nip))
    except (InvalidSignature, ValueError):
        return StatementCheck(False, "TIDAK ASLI: kunci penanda tangan pada QR ini tidak "
                                     f"disahkan oleh kunci kantor ({anchor.source}). Naskah ini "
                                     "tidak ditandatangani oleh pejabat kantor itu.", s)
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(s.public_key).verify(
            s.signature, s.signed_part().encode("utf-8"))
    except (InvalidSignature, ValueError):
        return StatementCheck(False, "TIDAK ASLI: isi QR ini telah diubah setelah "
                                     "ditandatangani (tanda tangan tidak cocok).", s)
    revoked = anchor.revoked.get(s.fingerprint)
    if revoked is not None and _signed_on(s) is not None and _signed_on(s) >= revoked.date():
        return StatementCheck(False, f"TIDAK BERLAKU: kunci {s.nama} dicabut pada "
                                     f"{format_tanggal(revoked.date())}; naskah bertanggal "
                                     f"{format_tanggal(_signed_on(s))} yang ditandatangani "
                                     "dengan kunci itu tidak sah.", s)
    return StatementCheck(True, f"ASLI: {describe(s)}. Cocokkan data ini dengan yang tercetak "
                                "di kertas. Tanda tangan elektronik tidak tersertifikasi "
                                "(bukan TTE BSrE).", s)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _signed_on(s: Statement) -> date | None:
    try:
        return date.fromisoformat(s.tanggal)
    except ValueError:
        return datetime.now(UTC).date()
