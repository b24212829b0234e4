"""Reading one cell a unit filled (text, number, rupiah, a list entry) into a value or a
problem in Indonesian; and showing numbers the Indonesian way (1.500.000; 12,5)."""

from __future__ import annotations

import re
from datetime import date, datetime

from desktop_app.forms.form_types import (
    LIST_KINDS,
    LIST_NAMES,
    MONEY,
    NUMBER,
    TEXT_MAX,
    canonical,
)

_PLAIN = re.compile(r"[+]?\d+([.,]\d+)?")
_GROUPED = re.compile(r"[+]?\d{1,3}(\.\d{3})+(,\d+)?")  # 1.500.000 or 1.500,5
_RUPIAH = re.compile(r"(rp\.?\s*)?", re.IGNORECASE)


def cell_value(kind: str, raw) -> tuple[object, str | None]:
    """(value, None) or (None, problem); an empty cell gives ("" or None, None)."""
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or raw == "":
        return ("" if kind not in (NUMBER, MONEY) else None), None
    if kind == NUMBER:
        return _number(raw)
    if kind == MONEY:
        return _money(raw)
    text = _text(raw)
    if kind in LIST_KINDS:
        listed = canonical(kind, text)
        if listed is None:
            return None, f"'{_short(text)}' tidak ada di daftar {LIST_NAMES[kind]}"
        return listed, None
    if len(text) > TEXT_MAX:
        return None, f"teks terlalu panjang ({len(text)} huruf, paling banyak {TEXT_MAX})"
    return text, None


def _text(raw) -> str:
    if isinstance(raw, bool):
        return "Ya" if raw else "Tidak"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime | date):
        return raw.strftime("%d-%m-%Y")
    lines = (" ".join(line.split()) for line in str(raw).strip().splitlines())
    return "\n".join(line for line in lines if line)


def _number(raw) -> tuple[float | None, str | None]:
    if isinstance(raw, bool | datetime | date):
        return None, f"'{_short(_text(raw))}' bukan angka"
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        value = _parse_text_number(str(raw))
        if value is None:
            return None, f"'{_short(str(raw))}' bukan angka"
    if value < 0:
        return None, f"{format_number(value)} tidak boleh negatif"
    return value, None


def _parse_text_number(text: str) -> float | None:
    text = text.replace(" ", "")
    if _GROUPED.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(text):
        return float(text.replace(",", "."))
    if text.startswith("-") and _parse_text_number(text[1:]) is not None:
        return -_parse_text_number(text[1:])
    return None


def _money(raw) -> tuple[int | None, str | None]:
    if isinstance(raw, str):
        text = _RUPIAH.sub("", raw, count=1).replace(" ", "")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):  # 1.500.000
            text = text.replace(".", "")
        raw = text if text else raw
    value, problem = _number(raw)
    if problem:
        return None, problem.replace("bukan angka", "bukan angka rupiah")
    if not float(value).is_integer():
        return None, f"{format_number(value)} harus rupiah utuh, tanpa sen"
    return int(value), None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def format_number(value: float | int | None) -> str:
    """12.5 -> "12,5"; 1500000 -> "1.500.000"; None -> ""."""
    if value is None:
        return ""
    sign, value = ("-" if value < 0 else ""), abs(value)
    whole, _, frac = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def format_percent(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")
