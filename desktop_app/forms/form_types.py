"""The three plan forms (RKT, EKT, Renja): their columns, the lists users pick from, and the
EKT rules (capaian with a polarity flag, grade bands)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from desktop_app.common.errors import InvalidInput
from desktop_app.common.numbers import angka

FORMAT = "pandu-form/1"  # written on each form's hidden sheet; an import reads only this

# Column kinds: text, number (>= 0, decimals allowed), money (whole rupiah >= 0), a list
# (satuan, sumber_dana, polaritas), or formula (computed, locked, never imported).
TEXT, NUMBER, MONEY, FORMULA = "text", "number", "money", "formula"
SATUAN, SUMBER_DANA, POLARITAS = "satuan", "sumber_dana", "polaritas"
LIST_KINDS = (SATUAN, SUMBER_DANA, POLARITAS)
TEXT_MAX = 500  # characters in one text cell

SATUAN_LIST = (
    "%", "angka", "berkas", "bulan", "buah", "desa", "dokumen", "hari", "indeks", "jam",
    "kali", "kegiatan", "kelompok", "kelurahan", "keluarga", "km", "laporan", "layanan",
    "lembaga", "lokasi", "meter", "nilai", "orang", "paket", "peserta", "poin", "predikat",
    "rekomendasi", "RT", "RW", "sertifikat", "surat", "tahun", "unit",
)
SUMBER_DANA_LIST = (
    "APBD Kabupaten", "PAD", "DAU", "DAK Fisik", "DAK Non Fisik", "DBH", "DBHCHT",
    "Bantuan Keuangan Provinsi", "APBN", "Lainnya",
)
HIGHER_BETTER, LOWER_BETTER = "Tinggi lebih baik", "Rendah lebih baik"
POLARITAS_LIST = (HIGHER_BETTER, LOWER_BETTER)
LISTS = {SATUAN: SATUAN_LIST, SUMBER_DANA: SUMBER_DANA_LIST, POLARITAS: POLARITAS_LIST}
LIST_NAMES = {SATUAN: "satuan", SUMBER_DANA: "sumber dana", POLARITAS: "polaritas"}


@dataclass(frozen=True)
class PlanLine:
    """One row of a plan form; each form uses some of these fields (see its columns)."""

    kode: str = ""
    sasaran: str = ""
    uraian: str = ""  # Renja: program / kegiatan / sub kegiatan
    indikator: str = ""
    satuan: str = ""
    polaritas: str = ""
    target: float | None = None
    realisasi: float | None = None
    program: str = ""
    kegiatan: str = ""
    anggaran: int | None = None  # rupiah
    lokasi: str = ""
    pagu: int | None = None  # rupiah
    sumber_dana: str = ""
    catatan: str = ""
    target_maju: float | None = None
    pagu_maju: int | None = None  # rupiah


LINE_FIELDS = tuple(f.name for f in fields(PlanLine))


@dataclass(frozen=True)
class Column:
    key: str  # a PlanLine field, or the name of a formula (no, capaian, predikat)
    header: str
    kind: str
    width: float  # Excel character widths
    required: bool = False
    group: str = ""  # a header over several columns, e.g. "Prakiraan Maju"


@dataclass(frozen=True)
class FormType:
    kind: str  # rkt | ekt | renja
    code: str  # RKT
    title: str  # Rencana Kinerja Tahunan
    columns: tuple[Column, ...]
    key_fields: tuple[str, ...]  # what names a row when two imports are compared
    paired: tuple[tuple[str, str], ...] = ()  # (a, b): when a is filled, b is required

    @property
    def inputs(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind != FORMULA)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.columns)


_NO = Column("no", "No", FORMULA, 5)
RKT = FormType("rkt", "RKT", "Rencana Kinerja Tahunan", (
    _NO,
    Column("sasaran", "Sasaran Strategis", TEXT, 34, required=True),
    Column("indikator", "Indikator Kinerja", TEXT, 38, required=True),
    Column("satuan", "Satuan", SATUAN, 12, required=True),
    Column("target", "Target", NUMBER, 11, required=True),
    Column("program", "Program", TEXT, 28),
    Column("kegiatan", "Kegiatan", TEXT, 28),
    Column("anggaran", "Anggaran (Rp)", MONEY, 17),
), key_fields=("sasaran", "indikator"))

EKT = FormType("ekt", "EKT", "Evaluasi Kinerja Tahunan", (
    _NO,
    Column("sasaran", "Sasaran Strategis", TEXT, 30),
    Column("indikator", "Indikator Kinerja", TEXT, 36, required=True),
    Column("satuan", "Satuan", SATUAN, 11, required=True),
    Column("polaritas", "Polaritas", POLARITAS, 17, required=True),
    Column("target", "Target", NUMBER, 10, required=True),
    Column("realisasi", "Realisasi", NUMBER, 10, required=True),
    Column("capaian", "Capaian (%)", FORMULA, 10),
    Column("predikat", "Predikat", FORMULA, 13),
    Column("catatan", "Keterangan", TEXT, 26),
), key_fields=("indikator",))

RENJA = FormType("renja", "Renja", "Rencana Kerja", (
    Column("kode", "Kode", TEXT, 13),
    Column("uraian", "Program / Kegiatan / Sub Kegiatan", TEXT, 36, required=True),
    Column("indikator", "Indikator Kinerja", TEXT, 30),
    Column("target", "Target", NUMBER, 10),
    Column("satuan", "Satuan", SATUAN, 11),
    Column("lokasi", "Lokasi", TEXT, 16),
    Column("pagu", "Pagu Indikatif (Rp)", MONEY, 17),
    Column("sumber_dana", "Sumber Dana", SUMBER_DANA, 16),
    Column("catatan", "Catatan", TEXT, 20),
    Column("target_maju", "Target", NUMBER, 10, group="Prakiraan Maju"),
    Column("pagu_maju", "Pagu (Rp)", MONEY, 17, group="Prakiraan Maju"),
), key_fields=("kode", "uraian"), paired=(("target", "satuan"), ("target_maju", "satuan")))

FORM_TYPES = {t.kind: t for t in (RKT, EKT, RENJA)}
DOCUMENT_FORMS = {"form_rkt": "rkt", "form_ekt": "ekt", "form_renja": "renja"}


def form_type(kind: str) -> FormType:
    try:
        return FORM_TYPES[kind.lower()]
    except KeyError:
        raise InvalidInput(f'Jenis formulir "{kind}" tidak dikenal; pilih rkt, ekt atau '
                           "renja.") from None


def kind_for_document(dokumen: str) -> str | None:
    """The form a run step distributes (its SOP `dokumen`, e.g. "form_rkt"), or None."""
    return DOCUMENT_FORMS.get(dokumen)


def canonical(kind: str, value: str) -> str | None:
    """The list's own spelling of `value` (case and spaces ignored), or None if not listed."""
    wanted = " ".join(value.split()).casefold()
    return next((item for item in LISTS[kind] if item.casefold() == wanted), None)


# --- EKT: capaian and predikat ------------------------------------------------------------

@dataclass(frozen=True)
class GradeBands:
    """Predikat by capaian: the first band whose floor the capaian is above, else `lowest`.
    The default follows the usual SAKIP scale: > 90 sangat baik, 76–90 baik, 66–75 cukup,
    51–65 kurang, <= 50 sangat kurang (an office setting: scales differ between regions)."""

    bands: tuple[tuple[float, str], ...] = ((90, "Sangat baik"), (75, "Baik"), (65, "Cukup"),
                                            (50, "Kurang"))
    lowest: str = "Sangat kurang"

    def grade(self, capaian: float | None) -> str:
        if capaian is None:
            return ""
        return next((label for floor, label in self.bands if capaian > floor), self.lowest)

    def describe(self) -> str:
        parts, upper = [], None
        for floor, label in self.bands:
            parts.append(f"{label}: di atas {_num(floor)}"
                         + (f" s.d. {_num(upper)}" if upper is not None else ""))
            upper = floor
        parts.append(f"{self.lowest}: {_num(upper)} ke bawah" if upper is not None
                     else self.lowest)
        return "; ".join(parts)


def _num(value: float) -> str:
    return angka(value, 6)


def capaian(target: float | None, realisasi: float | None, polaritas: str) -> float | None:
    """Realisasi / target x 100; inverted (target / realisasi x 100) when lower is better.
    None when it cannot be computed (a value missing, or a division by zero)."""
    if target is None or realisasi is None:
        return None
    if polaritas == LOWER_BETTER:
        return target / realisasi * 100 if realisasi else None
    return realisasi / target * 100 if target else None
