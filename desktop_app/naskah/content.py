"""The naskah dinas as plain data, already computed: what the PDF renderers receive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop_app.common.errors import InvalidInput

SIFAT_DISPOSISI = ("sangat segera", "segera", "rahasia", "biasa")
DEFAULT_HARAPAN: tuple[tuple[str, bool], ...] = (
    ("Tanggapan dan saran", False),
    ("Proses lebih lanjut", False),
    ("Koordinasi/konfirmasikan", False),
    ("Untuk diketahui", False),
    ("Arsip", False),
)


@dataclass(frozen=True)
class PageSetup:
    """Paper and margins (mm) and the body font size (pt); the office's settings."""

    paper: str = "F4"
    margin_left: float = 30
    margin_right: float = 20
    margin_top: float = 20
    margin_bottom: float = 25
    font_size: float = 12


@dataclass(frozen=True)
class Signatory:
    jabatan: str  # "Camat Ngargoyoso"
    nama: str
    pangkat: str = ""  # "Pembina"
    nip: str = ""
    signature_image: Path | None = None  # the office's scanned specimen signature
    stamp_image: Path | None = None  # the cap (ignored on a nota dinas)


@dataclass(frozen=True)
class Verification:
    """The app's own authenticity check printed on the document: not an electronic signature."""

    code: str
    qr_payload: str
    note: str = ("Keaslian naskah ini dapat diperiksa di aplikasi Pandu SOP kantor "
                 "(menu Periksa keaslian).")
    # Signed documents (issue 15): the QR is left blank and drawn by signing.pades; the
    # renderer writes where it is ({"page", "x", "y", "size"}) into this dict.
    slot: dict | None = field(default=None, compare=False, hash=False)


SIGNED_NOTE = ("Tanda tangan elektronik tidak tersertifikasi (bukan TTE BSrE). Pindai QR atau "
               "periksa berkas dengan kunci publik kantor: menu Periksa keaslian, pandu verify.")


@dataclass(frozen=True)
class SuratDinas:
    tempat: str
    tanggal: date | None
    nomor: str  # "" = not numbered yet
    sifat: str
    lampiran: str
    hal: str
    kepada: str  # "Kepala Dinas …", printed after "Yth."
    di: str  # "Karanganyar"
    paragraphs: tuple[str, ...]
    signatory: Signatory
    tembusan: tuple[str, ...] = ()


@dataclass(frozen=True)
class PengantarItem:
    naskah: str
    banyaknya: str  # "2 (dua) berkas"
    keterangan: str = ""


@dataclass(frozen=True)
class SuratPengantar:
    tempat: str
    tanggal: date | None
    nomor: str
    kepada: str  # printed after "Yth."
    di: str
    items: tuple[PengantarItem, ...]
    signatory: Signatory


@dataclass(frozen=True)
class NotaDinas:
    kepada: str  # printed after "Yth."
    dari: str
    tembusan: tuple[str, ...]
    tanggal: date | None
    nomor: str
    sifat: str
    lampiran: str
    hal: str
    paragraphs: tuple[str, ...]
    signatory: Signatory


@dataclass(frozen=True)
class LembarDisposisi:
    surat_dari: str
    nomor_surat: str
    tanggal_surat: date | None
    diterima_tanggal: date | None
    nomor_agenda: str
    sifat: str  # one of SIFAT_DISPOSISI
    hal: str
    diteruskan_kepada: tuple[tuple[str, bool], ...] = ()  # (jabatan/nama, checked)
    harapan: tuple[tuple[str, bool], ...] = DEFAULT_HARAPAN  # "Dengan hormat harap"
    catatan: str = ""
    paraf_jabatan: str = ""
    paraf_nama: str = ""

    def __post_init__(self) -> None:
        if self.sifat not in SIFAT_DISPOSISI:
            raise InvalidInput(f'Sifat disposisi "{self.sifat}" tidak dikenal; pilih '
                               + ", ".join(SIFAT_DISPOSISI) + ".")
