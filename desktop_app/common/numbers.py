"""Numbers written the Indonesian way: a decimal comma ("37,5 jam")."""

from __future__ import annotations

from babel.numbers import format_decimal


def angka(value: float, decimals: int = 2, fixed: bool = False) -> str:
    """`value` with a decimal comma and no grouping: up to `decimals` places, or exactly
    `decimals` places when `fixed` ("1,5"; fixed with 1 place: "12,0")."""
    places = ("0" if fixed else "#") * decimals
    return format_decimal(value, format="0" + (f".{places}" if places else ""), locale="id")
