"""The NIP (nomor induk pegawai) as offices print it."""

from __future__ import annotations

NIP_GROUPS = (8, 6, 1, 3)  # lahir · pengangkatan · jenis kelamin · urut


def spaced_nip(nip: str) -> str:
    """ "198001181999121001" -> "19800118 199912 1 001", the way NIPs are printed. Anything
    that is not 18 digits is returned as typed (trimmed)."""
    digits = "".join(nip.split())
    if len(digits) != sum(NIP_GROUPS) or not digits.isdigit():
        return nip.strip()
    parts, start = [], 0
    for size in NIP_GROUPS:
        parts.append(digits[start:start + size])
        start += size
    return " ".join(parts)
