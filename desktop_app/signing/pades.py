"""The embedded PDF signature (PAdES baseline B, with pyHanko) of a final document.

Sealing adds, in one incremental update signed as a whole: the QR of the signed statement
(statement.py) drawn in the slot the page left for it, the statement's text in the document
catalog (/PanduPernyataan), and a CMS signature by the signer's own key with the certificate
the office key issued. Any PDF reader shows who signed and whether the file changed since.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization

from desktop_app.signing import LABEL
from desktop_app.signing.keys import Anchor
from desktop_app.signing.statement import Statement, StatementCheck, describe
from desktop_app.signing.statement import verify as verify_statement

CATALOG_KEY = "/PanduPernyataan"
FIELD = "TandaTanganElektronik"


def body_of(data: bytes) -> bytes:
    """The document as drawn: its first revision, up to the first %%EOF and its line end."""
    end = data.find(b"%%EOF")
    if end < 0:
        return data
    end += 5
    while end < len(data) and data[end:end + 1] in (b"\r", b"\n"):
        end += 1
    return data[:end]


def body_sha256(data: bytes) -> str:
    return hashlib.sha256(body_of(data)).hexdigest()


def qr_operators(payload: str, x: float, y: float, size: float) -> bytes:
    """PDF drawing operators of a QR code (error correction M) filling a square."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    count = qr.getModuleCount()
    box = size / count
    ops = [f"q 1 1 1 rg {x:.3f} {y:.3f} {size:.3f} {size:.3f} re f 0 0 0 rg"]
    for r, row in enumerate(qr.modules):
        top = y + size - (r + 1) * box
        for c, dark in enumerate(row):
            if dark:
                ops.append(f"{x + c * box:.3f} {top:.3f} {box:.3f} {box:.3f} re")
    ops.append("f Q")
    return "\n".join(ops).encode("ascii")


def seal(body: bytes, slot: dict, statement: Statement, private, certificate_pem: str,
         office_certificate_pem: str) -> bytes:
    """The signed final PDF: QR in `slot` ({"page", "x", "y", "size"} in points), statement in
    the catalog, and the embedded signature by `private` with its certificate."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    def cert(pem: str):
        from cryptography import x509

        return asn1_x509.Certificate.load(x509.load_pem_x509_certificate(
            pem.encode("ascii")).public_bytes(serialization.Encoding.DER))

    writer = IncrementalPdfFileWriter(io.BytesIO(body))
    if slot:
        stream = generic.StreamObject(stream_data=qr_operators(
            statement.text(), slot["x"], slot["y"], slot["size"]))
        writer.add_stream_to_page(slot.get("page", 0), writer.add_object(stream))
    writer.root[CATALOG_KEY] = generic.TextStringObject(statement.text())
    writer.update_root()
    signer = signers.SimpleSigner(
        signing_cert=cert(certificate_pem),
        signing_key=asn1_keys.PrivateKeyInfo.load(private.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore.from_certs([cert(office_certificate_pem)]))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, md_algorithm="sha512", name=statement.nama,
        reason=f"{statement.jabatan}: {LABEL}", location=statement.office)
    out = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=signer, output=out)
    return out.getvalue()


def has_signature(data: bytes) -> bool:
    return b"/ByteRange" in data


@dataclass(frozen=True)
class PdfCheck:
    genuine: bool
    message: str
    statement: Statement | None = None
    signer: str = ""


def verify_pdf(data: bytes, anchor: Anchor) -> PdfCheck:
    """The embedded signature against the office key, the file unchanged since, and the
    statement inside it agreeing with both the signature and the drawn document."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - any unreadable file is simply not verified
        return PdfCheck(False, "TIDAK DIKENAL: berkas ini bukan PDF yang dapat dibaca.")
    if not signatures:
        return PdfCheck(False, "TIDAK ASLI: berkas ini tidak memuat tanda tangan elektronik "
                               "Pandu SOP. Salinan yang digambar ulang atau dipindai tidak dapat "
                               "membuktikan dirinya; periksa QR-nya dengan pandu verify --qr.")
    if len(signatures) > 1:
        return PdfCheck(False, "TIDAK ASLI: berkas ini memuat lebih dari satu tanda tangan; "
                               "naskah Pandu SOP hanya ditandatangani sekali.")
    embedded = signatures[0]
    root = asn1_x509.Certificate.load(anchor.certificate.public_bytes(
        serialization.Encoding.DER))
    try:
        status = validate_pdf_signature(embedded, ValidationContext(
            trust_roots=[root], allow_fetching=False, revocation_mode="soft-fail"))
    except (SignatureValidationError, ValueError) as exc:
        return PdfCheck(False, f"TIDAK ASLI: tanda tangan elektronik berkas ini rusak ({exc}).")
    signer = status.signing_cert.subject.native.get("common_name", "") if status.signing_cert \
        else ""
    if not status.intact or not status.valid:
        return PdfCheck(False, "TIDAK ASLI: isi berkas tidak cocok dengan tanda tangannya; "
                               "berkas telah diubah.", signer=signer)
    if not status.trusted:
        return PdfCheck(False, "TIDAK ASLI: berkas ditandatangani dengan kunci yang tidak "
                               f"disahkan oleh kunci kantor ({anchor.source}).", signer=signer)
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return PdfCheck(False, "TIDAK ASLI: ada perubahan yang ditambahkan pada berkas setelah "
                               "ditandatangani (pembaruan bertahap). Minta berkas asli dari "
                               "pengirim.", signer=signer)
    text = reader.root.get(CATALOG_KEY)
    if text is None:
        return PdfCheck(False, "TIDAK ASLI: berkas ini tidak memuat pernyataan tanda tangan "
                               "Pandu SOP.", signer=signer)
    check: StatementCheck = verify_statement(str(text), anchor)
    if not check.genuine:
        return PdfCheck(False, check.message, check.statement, signer)
    s = check.statement
    cert_raw = bytes(status.signing_cert.public_key.native["public_key"])
    if cert_raw != s.public_key:
        return PdfCheck(False, "TIDAK ASLI: penanda tangan berkas bukan orang yang tercantum "
                               "pada QR-nya.", s, signer)
    if s.sha256 != bytes.fromhex(body_sha256(data)):
        return PdfCheck(False, "TIDAK ASLI: isi naskah tidak sama dengan yang ditandatangani "
                               "(sidik SHA-256 pada QR berbeda).", s, signer)
    return PdfCheck(True, f"ASLI: {describe(s)}. Tanda tangan elektronik di dalam berkas utuh: "
                          f"berkas tidak berubah sejak ditandatangani. {LABEL[0].upper()}"
                          f"{LABEL[1:]}.", s, signer)

