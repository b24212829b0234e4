"""Fixtures of the printed-documents checks: an office with its full profile."""

from __future__ import annotations

import pytest

from desktop_app.office.settings import set_settings

OFFICE = {"pemerintah": "Pemerintah Kabupaten Karanganyar", "nama_kantor": "Kecamatan Ngargoyoso",
          "alamat": "Jl. Raya Ngargoyoso No. 1, Ngargoyoso",
          "telepon": "(0271) 123456", "email": "kecamatan.ngargoyoso@karanganyarkab.go.id",
          "laman": "https://ngargoyoso.karanganyarkab.go.id", "kode_pos": "57793"}


@pytest.fixture
def office(workspace):
    set_settings(OFFICE)
    return workspace
