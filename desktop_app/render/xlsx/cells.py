"""Writing cells safely: user text is always text, never a formula."""

from __future__ import annotations


def set_text(cell, value: str) -> None:
    """Store `value` as a string even when it starts with = + - @ (formula injection)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
