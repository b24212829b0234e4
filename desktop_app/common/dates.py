"""Dates written the Indonesian way ("28 Desember 2023")."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date


def tanggal(value: date | None, empty: str = "-") -> str:
    return format_date(value, "d MMMM y", locale="id") if value else empty


def waktu(value: datetime | None, empty: str = "-") -> str:
    """A moment as the window shows it: "24-11-2026 10.42"."""
    return value.strftime("%d-%m-%Y %H.%M") if value else empty
