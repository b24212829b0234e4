"""The pandu-sop/1 file format (one SOP per UTF-8 TOML file): reading and writing.

Reading checks the file's shape (keys, types) here and the SOP's rules in `validation`, and
reports every problem at once, each with its place.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w

from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.errors import InvalidInput
from desktop_app.sop.intake import MAX_SOP_INPUT_BYTES, read_sop_input
from desktop_app.sop.model import IDENTITY_LISTS, Identity, Lane, Official, Sop, Step
from desktop_app.sop.validation import require_valid, sop_problems

FORMAT = "pandu-sop/1"
MAX_FILE_BYTES = MAX_SOP_INPUT_BYTES  # the same limit as documents to import
FILE_SUFFIX = ".pandu-sop.toml"

_TOP_KEYS = {"format", "identitas", "pelaksana", "langkah"}
_IDENTITY_TEXT = ("nama", "nomor", "instansi")
_IDENTITY_DATES = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_pengesahan")
_IDENTITY_LIST_KEYS = tuple(key for key, _label in IDENTITY_LISTS)
_IDENTITY_KEYS = {*_IDENTITY_TEXT, *_IDENTITY_DATES, *_IDENTITY_LIST_KEYS, "disahkan_oleh"}
_OFFICIAL_KEYS = ("jabatan", "nama", "pangkat", "nip")
_LANE_KEYS = {"kode", "nama"}
_STEP_TEXT = ("kegiatan", "simbol", "waktu", "output", "keterangan", "dokumen")
_STEP_KEYS = {*_STEP_TEXT, "pelaksana", "kelengkapan", "jika_ya", "jika_tidak"}


def read_sop_file(path: Path) -> Sop:
    """Read and validate a pandu-sop/1 file; raise InvalidInput naming every problem."""
    data = read_sop_input(path)
    return parse_sop_bytes(data, path.name)


def parse_sop_bytes(data: bytes, name: str = "berkas") -> Sop:
    text = _decode(data, name)
    try:
        raw = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError, absurd numbers or nesting
        raise InvalidInput(
            f"{name} bukan berkas SOP yang sah: isinya tidak dapat dibaca sebagai TOML ({exc})."
        ) from exc
    return sop_from_dict(raw)


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InvalidInput(f"{name} kosong; pilih berkas SOP (.pandu-sop.toml) yang berisi data.")
    if b"\x00" in data:
        raise InvalidInput(f"{name} bukan berkas teks; pilih berkas SOP (.pandu-sop.toml).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{name} bukan teks UTF-8; simpan ulang berkas dengan pengodean UTF-8."
        ) from exc


def sop_from_dict(raw: dict[str, Any]) -> Sop:
    """Build an SOP from parsed TOML; raise InvalidInput with every problem found."""
    problems: list[str] = []
    fmt = raw.get("format")
    if fmt != FORMAT:
        problems.append(
            f'format: harus "{FORMAT}"'
            + (f', bukan "{fmt}"' if fmt is not None else " (tidak ada)")
        )
    problems += _unknown(raw, _TOP_KEYS, "berkas")
    identity = _read_identity(raw.get("identitas"), problems)
    lanes = [_read_lane(item, n, problems) for n, item in _tables(raw, "pelaksana", problems)]
    steps = [_read_step(item, n, problems) for n, item in _tables(raw, "langkah", problems)]
    sop = Sop(identity, lanes, steps)
    if problems:  # every problem at once: the shape ones and the SOP's rules
        raise InvalidInput(problems + [p for p in sop_problems(sop) if p not in problems])
    require_valid(sop)
    return sop


def _unknown(table: dict, allowed: set[str], place: str) -> list[str]:
    return [f'{place}: kunci "{key}" tidak dikenal' for key in table if key not in allowed]


def _tables(raw: dict, key: str, problems: list[str]) -> list[tuple[int, dict]]:
    items = raw.get(key)
    if items is None:
        problems.append(f"{key}: wajib ada (paling sedikit satu [[{key}]])")
        return []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        problems.append(f"{key}: harus ditulis sebagai tabel [[{key}]]")
        return []
    return list(enumerate(items, start=1))


def _text(table: dict, key: str, place: str, problems: list[str], required=False) -> str:
    value = table.get(key)
    if value is None:
        if required:
            problems.append(f"{place}: {key} wajib diisi")
        return ""
    if not isinstance(value, str):
        problems.append(f"{place}: {key} harus berupa teks dalam tanda kutip")
        return ""
    if required and not value.strip():
        problems.append(f"{place}: {key} wajib diisi")
    return value.strip()


def _text_list(table: dict, key: str, place: str, problems: list[str]) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f'{place}: {key} harus berupa daftar teks, misalnya ["a", "b"]')
        return []
    return [v.strip() for v in value if v.strip()]


def _date(table: dict, key: str, place: str, problems: list[str]) -> date | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        problems.append(f"{place}: {key} harus berupa tanggal tanpa tanda kutip, "
                        "misalnya 2023-12-28")
        return None
    return value


def _step_number(table: dict, key: str, place: str, problems: list[str]) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{place}: {key} harus berupa nomor langkah (bilangan bulat)")
        return None
    return value


def _read_identity(table: Any, problems: list[str]) -> Identity:
    place = "identitas"
    if not isinstance(table, dict):
        problems.append("identitas: wajib ada sebagai tabel [identitas] berisi paling sedikit nama")
        return Identity(nama="")
    problems += _unknown(table, _IDENTITY_KEYS, place)
    identity = Identity(nama=_text(table, "nama", place, problems, required=True))
    identity.nomor = _text(table, "nomor", place, problems)
    identity.instansi = _text(table, "instansi", place, problems)
    for key in _IDENTITY_DATES:
        setattr(identity, key, _date(table, key, place, problems))
    for key in _IDENTITY_LIST_KEYS:
        setattr(identity, key, _text_list(table, key, place, problems))
    signer = table.get("disahkan_oleh")
    if signer is not None:
        sub = "identitas.disahkan_oleh"
        if not isinstance(signer, dict):
            problems.append(f"{sub}: harus berupa tabel [identitas.disahkan_oleh]")
        else:
            problems += _unknown(signer, set(_OFFICIAL_KEYS), sub)
            identity.disahkan_oleh = Official(
                **{key: _text(signer, key, sub, problems) for key in _OFFICIAL_KEYS}
            )
    return identity


def _read_lane(table: dict, number: int, problems: list[str]) -> Lane:
    place = f"pelaksana {number}"
    problems += _unknown(table, _LANE_KEYS, place)
    return Lane(
        kode=_text(table, "kode", place, problems, required=True),
        nama=_text(table, "nama", place, problems, required=True),
    )


def _read_step(table: dict, number: int, problems: list[str]) -> Step:
    place = f"langkah {number}"
    problems += _unknown(table, _STEP_KEYS, place)
    lanes = table.get("pelaksana")
    if lanes is None:
        problems.append(f"{place}: pelaksana wajib diisi")
        lanes = []
    elif isinstance(lanes, str):
        lanes = [lanes]
    elif not isinstance(lanes, list) or not lanes or not all(isinstance(k, str) for k in lanes):
        problems.append(f"{place}: pelaksana harus berupa kode pelaksana atau daftar kode")
        lanes = []
    step = Step(
        kegiatan=_text(table, "kegiatan", place, problems, required=True),
        pelaksana=[k.strip() for k in lanes],
        kelengkapan=_text_list(table, "kelengkapan", place, problems),
        jika_ya=_step_number(table, "jika_ya", place, problems),
        jika_tidak=_step_number(table, "jika_tidak", place, problems),
    )
    for key in ("waktu", "output", "keterangan", "dokumen"):
        setattr(step, key, _text(table, key, place, problems))
    step.simbol = _text(table, "simbol", place, problems) or "proses"
    return step


def sop_to_dict(sop: Sop) -> dict[str, Any]:
    """The SOP as the TOML document of the spec, leaving out what is empty."""
    ident = sop.identitas
    identity: dict[str, Any] = {"nama": ident.nama}
    for key in ("nomor", "instansi", *_IDENTITY_DATES, *_IDENTITY_LIST_KEYS):
        value = getattr(ident, key)
        if value:
            identity[key] = value
    if ident.disahkan_oleh and not ident.disahkan_oleh.is_empty():
        identity["disahkan_oleh"] = {
            key: getattr(ident.disahkan_oleh, key)
            for key in _OFFICIAL_KEYS
            if getattr(ident.disahkan_oleh, key)
        }
    return {
        "format": FORMAT,
        "identitas": identity,
        "pelaksana": [{"kode": lane.kode, "nama": lane.nama} for lane in sop.pelaksana],
        "langkah": [_step_to_dict(step) for step in sop.langkah],
    }


def _step_to_dict(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kegiatan": step.kegiatan,
        "pelaksana": step.pelaksana[0] if len(step.pelaksana) == 1 else list(step.pelaksana),
        "simbol": step.simbol,
    }
    if step.kelengkapan:
        out["kelengkapan"] = list(step.kelengkapan)
    for key in ("waktu", "output", "keterangan", "dokumen", "jika_ya", "jika_tidak"):
        value = getattr(step, key)
        if value not in (None, ""):
            out[key] = value
    return out


def sop_to_toml(sop: Sop) -> str:
    """The layout of the spec: [identitas], then one [[pelaksana]] / [[langkah]] each."""
    return tomli_w.dumps(sop_to_dict(sop))


def write_sop_file(sop: Sop, path: Path) -> None:
    """Write atomically: a crash mid-write never leaves a half file under the final name."""
    write_atomically(path, sop_to_toml(sop))
