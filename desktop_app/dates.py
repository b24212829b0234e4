"""Dates written the Indonesian way ("28 Desember 2023")."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date


def tanggal(value: date | None, empty: str = "-") -> str:
    return format_date(value, "d MMMM y", locale="id") if value else empty
