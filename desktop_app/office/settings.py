"""Office-wide settings stored in the database, every key declared once with its default."""

from __future__ import annotations

from db import models as m
from db.database import transaction
from desktop_app.common.errors import InvalidInput
from desktop_app.common.paper import DEFAULT_PAPER, PAPER_NAMES, UNKNOWN_PAPER

DEFAULTS: dict[str, str] = {
    "paper": DEFAULT_PAPER,
    "templates_installed": "",  # set once the new office's library got the SOP templates
    "margin_kiri": "30",  # mm; letters (naskah dinas)
    "margin_kanan": "20",
    "margin_atas": "20",
    "margin_bawah": "25",
    "ukuran_huruf": "12",  # pt
    "predikat_capaian": "",  # EKT grade bands; empty = DOMAIN.md's (forms.store.GradeBands)
    "spesimen_orang": "",  # the person whose specimen signature and cap are on file
    "spesimen_ttd": "",
    "cap_dinas": "",
    "pemerintah": "",
    "nama_kantor": "",
    "alamat": "",
    "telepon": "",
    "email": "",
    "laman": "",
    "kode_pos": "",
    "kode_unit": "",  # the office's unit code in letter numbers, e.g. "408.12"
    # letter numbers: fields klasifikasi, nomor, kode_unit, tahun (office/letter_numbers.py)
    "format_nomor": "{klasifikasi}/{nomor:03d}/{kode_unit}/{tahun}",
    "logo": "",  # relative to the data folder: "berkas/<sha256>.png"
    "configured": "",  # "1" once the office profile was saved
    "jam_mulai": "07:30",  # office hours: opening time, HH:MM
    "hari_kerja": "1,2,3,4,5",  # working weekdays, ISO numbers (1 = Senin)
    "jam_per_hari": "7.5",  # hours per working day: one value, or one per hari_kerja
}


def get_setting(key: str) -> str:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = m.OfficeSetting.get_or_none(m.OfficeSetting.key == key)
    return row.value if row else DEFAULTS[key]


def set_settings(values: dict[str, str]) -> None:
    unknown = [key for key in values if key not in DEFAULTS]
    if unknown:
        raise KeyError(", ".join(unknown))
    if "paper" in values and values["paper"] not in PAPER_NAMES:
        raise InvalidInput(UNKNOWN_PAPER.format(name=values["paper"]))
    with transaction():
        for key, value in values.items():
            m.OfficeSetting.put(key, value)
