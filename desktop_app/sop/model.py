"""Plain data for one SOP revision, as the pandu-sop/1 format and the official form describe it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SYMBOLS = ("mulai", "proses", "keputusan", "selesai")
DOCUMENT_KINDS = (
    "disposisi",
    "nota_dinas",
    "surat_dinas",
    "surat_pengantar",
    "form_rkt",
    "form_ekt",
    "form_renja",
    "ekspedisi",
)
# The six numbered lists of the identity page, in the order of the official form
# (left box, right box) and with their printed labels.
IDENTITY_LISTS = (
    ("dasar_hukum", "Dasar Hukum"),
    ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
    ("keterkaitan", "Keterkaitan"),
    ("peralatan_perlengkapan", "Peralatan/Perlengkapan"),
    ("peringatan", "Peringatan"),
    ("pencatatan_pendataan", "Pencatatan dan Pendataan"),
)


@dataclass
class Official:
    """The person who signs (Disahkan oleh)."""

    jabatan: str = ""
    nama: str = ""
    pangkat: str = ""
    nip: str = ""

    def is_empty(self) -> bool:
        return not (self.jabatan or self.nama or self.pangkat or self.nip)


@dataclass
class Identity:
    nama: str
    nomor: str = ""
    instansi: str = ""
    tanggal_pembuatan: date | None = None
    tanggal_revisi: date | None = None
    tanggal_pengesahan: date | None = None
    dasar_hukum: list[str] = field(default_factory=list)
    kualifikasi_pelaksana: list[str] = field(default_factory=list)
    keterkaitan: list[str] = field(default_factory=list)
    peralatan_perlengkapan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    pencatatan_pendataan: list[str] = field(default_factory=list)
    disahkan_oleh: Official | None = None


@dataclass
class Lane:
    """A pelaksana: one column (swimlane) of the flowchart."""

    kode: str
    nama: str


@dataclass
class Step:
    """One langkah. `pelaksana` holds lane kodes, the first being the main one."""

    kegiatan: str
    pelaksana: list[str]
    simbol: str = "proses"
    kelengkapan: list[str] = field(default_factory=list)
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    dokumen: str = ""
    jika_ya: int | None = None
    jika_tidak: int | None = None


@dataclass
class Sop:
    identitas: Identity
    pelaksana: list[Lane]
    langkah: list[Step]

    def lane_index(self, kode: str) -> int:
        return [lane.kode for lane in self.pelaksana].index(kode)

    def next_on_yes(self, number: int) -> int | None:
        """The step a decision's "Ya" exit (or any step's flow) goes to; None after the last."""
        step = self.langkah[number - 1]
        if step.jika_ya is not None:
            return step.jika_ya
        return number + 1 if number < len(self.langkah) else None
