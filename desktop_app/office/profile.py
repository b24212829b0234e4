"""The office profile (kop, officials, units, paper, unit code): its rules, loading and saving."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from db import models as m
from db.database import transaction
from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import FILES_FOLDER, store_bytes
from desktop_app.common.paper import PAPER_NAMES
from desktop_app.office.settings import get_setting, set_settings

KOP_FIELDS = ("pemerintah", "nama_kantor", "alamat", "telepon", "email", "laman", "kode_pos")
NIP_LENGTH = 18
LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
_LOGO_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"))
_STORED_LOGO = re.compile(FILES_FOLDER + r"/[0-9a-f]{64}\.(png|jpg)")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_WEBSITE = re.compile(r"(https?://)?[^\s/]+\.[^\s]+")
_TELEPHONE = re.compile(r"[0-9+()\-./ ]*[0-9][0-9+()\-./ ]*")
_KODE_UNIT = re.compile(r"[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*")


@dataclass(frozen=True)
class Official:
    """An official who signs or initials; `id` is the stored row (None for a new one)."""

    jabatan: str = ""
    nama: str = ""
    pangkat_golongan: str = ""
    nip: str = ""  # 18 digits; spaces are allowed on input and removed when saved
    id: int | None = None


@dataclass(frozen=True)
class Unit:
    """A unit of the office (seksi, subbag); `id` is the stored row (None for a new one)."""

    nama: str = ""
    id: int | None = None


@dataclass(frozen=True)
class OfficeProfile:
    pemerintah: str = ""  # "PEMERINTAH KABUPATEN KARANGANYAR"
    nama_kantor: str = ""  # "KECAMATAN NGARGOYOSO"
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    laman: str = ""
    kode_pos: str = ""
    logo: str = ""  # relative to the data folder, as store_logo returns it; "" = no logo
    officials: tuple[Official, ...] = ()
    units: tuple[Unit, ...] = ()
    paper: str = "F4"
    kode_unit: str = ""  # the office's code in letter numbers, e.g. "408.12"


# --- normalising -------------------------------------------------------------------------------

def normalize_nip(nip: str) -> str:
    """The NIP without spaces ("19800118 199912 1 001" -> "198001181999121001")."""
    return "".join(nip.split())


def _one_line(text: str) -> str:
    return " ".join(text.split())


def normalized(profile: OfficeProfile) -> OfficeProfile:
    """The profile as it is stored: trimmed text, NIPs without spaces."""
    officials = tuple(
        replace(o, jabatan=_one_line(o.jabatan), nama=_one_line(o.nama),
                pangkat_golongan=_one_line(o.pangkat_golongan), nip=normalize_nip(o.nip))
        for o in profile.officials)
    units = tuple(replace(u, nama=_one_line(u.nama)) for u in profile.units)
    text = {name: _one_line(getattr(profile, name)) for name in (*KOP_FIELDS, "kode_unit")}
    return replace(profile, **text, paper=profile.paper.strip().upper(), officials=officials,
                   units=units, logo=profile.logo.strip())


# --- rules (one list of Indonesian messages per wizard page) ---------------------------------
# `filled_only` checks just what was filled in, leaving out "belum diisi": for checking a form
# while it is being typed.

def nip_problem(nip: str) -> str | None:
    """What is wrong with one NIP, or None."""
    digits = normalize_nip(nip)
    if not digits:
        return "NIP belum diisi"
    if not re.fullmatch(r"[0-9]+", digits):
        return "NIP hanya boleh berisi angka"
    if len(digits) != NIP_LENGTH:
        return f"NIP harus {NIP_LENGTH} angka (sekarang {len(digits)})"
    return None


def kop_problems(profile: OfficeProfile, filled_only: bool = False) -> list[str]:
    p = normalized(profile)
    problems = []
    if not p.pemerintah and not filled_only:
        problems.append("pemerintah: belum diisi (mis. PEMERINTAH KABUPATEN KARANGANYAR)")
    if not p.nama_kantor and not filled_only:
        problems.append("nama kantor: belum diisi (mis. KECAMATAN NGARGOYOSO)")
    if not p.alamat and not filled_only:
        problems.append("alamat: belum diisi")
    if p.telepon and not _TELEPHONE.fullmatch(p.telepon):
        problems.append("telepon: hanya angka, spasi dan tanda + ( ) - . /")
    if p.email and not _EMAIL.fullmatch(p.email):
        problems.append(f'email: "{p.email}" bukan alamat email (mis. kecamatan@contoh.go.id)')
    if p.laman and not _WEBSITE.fullmatch(p.laman):
        problems.append(f'laman: "{p.laman}" bukan alamat situs (mis. kecamatan.contoh.go.id)')
    if p.kode_pos and not re.fullmatch(r"[0-9]{5}", p.kode_pos):
        problems.append(f'kode pos: harus 5 angka (sekarang "{p.kode_pos}")')
    if p.logo and not _STORED_LOGO.fullmatch(p.logo):
        problems.append("logo: berkas logo tidak dikenal; pilih gambar logo lagi")
    return problems


def official_problems(officials: Sequence[Official], filled_only: bool = False) -> list[str]:
    if not officials and not filled_only:
        return ["pejabat: isi sedikitnya satu pejabat, yaitu kepala kantor (mis. Camat) "
                "yang menandatangani"]
    problems = []
    seen: dict[str, int] = {}
    for number, official in enumerate(officials, start=1):
        if not official.jabatan.strip() and not filled_only:
            problems.append(f"pejabat {number}: jabatan belum diisi")
        if not official.nama.strip() and not filled_only:
            problems.append(f"pejabat {number}: nama belum diisi")
        nip = normalize_nip(official.nip)
        problem = nip_problem(nip) if nip or not filled_only else None
        if problem:
            problems.append(f"pejabat {number}: {problem}")
        elif nip and nip in seen:
            problems.append(f"pejabat {number}: NIP sama dengan pejabat {seen[nip]}")
        else:
            seen[nip] = number
    return problems


def unit_problems(units: Sequence[Unit], filled_only: bool = False) -> list[str]:
    problems = []
    seen: dict[str, int] = {}
    for number, unit in enumerate(units, start=1):
        name = _one_line(unit.nama)
        if not name:
            if not filled_only:
                problems.append(f"unit {number}: nama belum diisi")
        elif name.casefold() in seen:
            problems.append(f'unit {number}: "{name}" sudah ada (unit {seen[name.casefold()]})')
        else:
            seen[name.casefold()] = number
    return problems


def numbering_problems(profile: OfficeProfile, filled_only: bool = False) -> list[str]:
    """Paper and the unit code of letter numbers (nothing here is required)."""
    p = normalized(profile)
    problems = []
    if p.paper not in PAPER_NAMES:
        problems.append(f'kertas: "{profile.paper}" tidak dikenal; pilih F4 atau A4')
    if p.kode_unit and not _KODE_UNIT.fullmatch(p.kode_unit):
        problems.append(f'kode unit: "{p.kode_unit}" hanya boleh angka atau huruf yang dipisah '
                        'titik (mis. 408.12), tanpa "/" atau spasi')
    return problems


def profile_problems(profile: OfficeProfile) -> list[str]:
    return (kop_problems(profile) + official_problems(profile.officials)
            + unit_problems(profile.units) + numbering_problems(profile))


# --- loading and saving -------------------------------------------------------------------

def load_profile() -> OfficeProfile:
    """The saved profile (or the defaults, if none was saved yet)."""
    values = {key: get_setting(key) for key in (*KOP_FIELDS, "logo", "paper", "kode_unit")}
    officials = tuple(
        Official(row.jabatan, row.nama, row.pangkat_golongan, row.nip, row.id)
        for row in m.Official.select().order_by(m.Official.position, m.Official.id))
    units = tuple(Unit(row.nama, row.id)
                  for row in m.Unit.select().order_by(m.Unit.position, m.Unit.id))
    return OfficeProfile(**values, officials=officials, units=units)


def save_profile(profile: OfficeProfile, *, actor=None) -> None:
    """Validate and store the whole profile in one transaction; InvalidInput changes nothing.

    Officials and units keep their row ids (later records refer to them); rows whose id is
    no longer in the profile are deleted. `actor`: the logged-in person (an admin; see
    office.permissions); the change is written to the audit trail.
    """
    from desktop_app.common import audit
    from desktop_app.office.permissions import OP, check

    check(actor, OP.EDIT_PROFILE)
    profile = normalized(profile)
    problems = profile_problems(profile)
    if problems:
        raise InvalidInput(problems)
    settings = {key: getattr(profile, key) for key in (*KOP_FIELDS, "logo", "paper", "kode_unit")}
    with transaction():
        before = load_profile()
        set_settings({**settings, "configured": "1"})
        _store_officials(profile.officials)
        _store_units(profile.units)
        changed = [key for key in settings if getattr(before, key) != settings[key]]
        if _official_lines(before.officials) != _official_lines(profile.officials):
            changed.append("pejabat: " + "; ".join(_official_lines(profile.officials)))
        if [u.nama for u in before.units] != [u.nama for u in profile.units]:
            changed.append("unit kerja")
        if changed:
            audit.append(None, getattr(actor, "id", actor), "ubah_profil", ", ".join(changed))


def _official_lines(officials: Sequence[Official]) -> list[str]:
    return [f"{o.jabatan} {o.nama} NIP {o.nip or '-'}" for o in officials]


def is_configured() -> bool:
    """Whether the office profile was saved at least once (the first-run wizard is done)."""
    return get_setting("configured") == "1"


def _store_officials(officials: Sequence[Official]) -> None:
    kept = [o.id for o in officials if o.id is not None]
    m.Official.delete().where(m.Official.id.not_in(kept)).execute()
    existing = {row_id for (row_id,) in m.Official.select(m.Official.id).tuples()}
    for position, official in enumerate(officials):
        values = {"position": position, "jabatan": official.jabatan, "nama": official.nama,
                  "pangkat_golongan": official.pangkat_golongan, "nip": official.nip}
        if official.id in existing:
            m.Official.update(values).where(m.Official.id == official.id).execute()
        else:
            m.Official.insert(values).execute()


def _store_units(units: Sequence[Unit]) -> None:
    kept = [u.id for u in units if u.id is not None]
    m.Unit.delete().where(m.Unit.id.not_in(kept)).execute()
    existing = {row_id for (row_id,) in m.Unit.select(m.Unit.id).tuples()}
    # Names are unique: park the kept rows under names no user can type, so that two units
    # may swap names, then give each its name.
    for row_id in existing:
        m.Unit.update(nama=f"\x01{row_id}").where(m.Unit.id == row_id).execute()
    for position, unit in enumerate(units):
        if unit.id in existing:
            m.Unit.update(position=position, nama=unit.nama).where(m.Unit.id == unit.id).execute()
        else:
            m.Unit.insert(position=position, nama=unit.nama).execute()


# --- the logo file ------------------------------------------------------------------------

def store_logo(data_dir: Path, source_path: Path | str) -> str:
    """Copy a PNG/JPG logo into the data folder by its content hash; returns the path to store.

    The file's own name is never used: the stored name is `berkas/<sha256>.<png|jpg>`, with
    the extension taken from the file's content.
    """
    source = Path(source_path)
    if source.suffix.lower() not in LOGO_SUFFIXES:
        raise InvalidInput(f'logo: "{source.name}" bukan gambar PNG atau JPG')
    try:
        with source.open("rb") as handle:
            data = handle.read(LOGO_MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            f'logo: berkas "{source.name}" tidak dapat dibaca ({exc.strerror})') from exc
    if len(data) > LOGO_MAX_BYTES:
        raise InvalidInput(f'logo: berkas "{source.name}" lebih dari 5 MB; '
                           "perkecil gambarnya dulu")
    kind = next((ext for magic, ext in _LOGO_MAGIC if data.startswith(magic)), None)
    if kind is None:
        raise InvalidInput(f'logo: isi berkas "{source.name}" bukan gambar PNG atau JPG')
    return store_bytes(data_dir, data, kind).relative_path


def logo_file(data_dir: Path, stored: str) -> Path | None:
    """The absolute path of a stored logo, or None if none is set or the file is missing."""
    if not stored or not _STORED_LOGO.fullmatch(stored):
        return None
    path = (data_dir / stored).absolute()
    return path if path.is_file() else None
