"""Shared fixtures: a fresh data folder per test, a valid SOP as a dict to mutate."""

from __future__ import annotations

import copy
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Asia/Jakarta"  # office time (WIB), whatever the machine's zone
if hasattr(time, "tzset"):
    time.tzset()

import pytest  # noqa: E402

from desktop_app.workspace import open_workspace  # noqa: E402

VALID_SOP = {
    "format": "pandu-sop/1",
    "identitas": {
        "nama": "Penyusunan Rencana Kerja (Renja) Tahunan",
        "nomor": "800/12/2023",
        "instansi": "Kecamatan Ngargoyoso",
        "tanggal_pembuatan": __import__("datetime").date(2023, 12, 28),
        "dasar_hukum": ["Undang-Undang Nomor 25 Tahun 2004"],
        "peringatan": ["Apabila SOP tidak dilaksanakan maka Renja tertunda"],
        "disahkan_oleh": {"jabatan": "Camat Ngargoyoso", "nama": "WAHYU AGUS PRAMONO, S.STP.",
                          "pangkat": "Pembina", "nip": "198001181999121001"},
    },
    "pelaksana": [{"kode": "camat", "nama": "Camat"},
                  {"kode": "perencana", "nama": "Perencana"}],
    "langkah": [
        {"kegiatan": "Memerintahkan persiapan penyusunan Renja", "pelaksana": "camat",
         "simbol": "mulai", "kelengkapan": ["Renstra PD", "Visi dan Misi PD"],
         "waktu": "5 menit", "output": "Disposisi", "dokumen": "disposisi"},
        {"kegiatan": "Menyusun konsep Renja", "pelaksana": "perencana", "waktu": "1 hari",
         "output": "Konsep Renja"},
        {"kegiatan": "Memeriksa konsep. Jika sesuai diparaf, jika belum dikembalikan",
         "pelaksana": ["camat", "perencana"], "simbol": "keputusan", "jika_tidak": 2,
         "waktu": "20 menit", "output": "Konsep yang diparaf"},
        {"kegiatan": "Menandatangani Renja", "pelaksana": "camat", "simbol": "selesai",
         "waktu": "15 menit", "output": "Renja"},
    ],
}


@pytest.fixture
def valid_sop() -> dict:
    return copy.deepcopy(VALID_SOP)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


# PANDU_TEST_DB=postgresql runs the tests on a throwaway PostgreSQL cluster (tests/pg_server.py)
# instead of the data folder's SQLite file: the `workspace` fixture gets a fresh database.
from tests.pg_server import ON_POSTGRES  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    from tests import pg_server as server_module

    if not server_module.available():
        pytest.skip("PostgreSQL (initdb, pg_ctl) is not installed")
    server = server_module.PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(request, monkeypatch):
    """With PANDU_TEST_DB=postgresql: a fresh migrated database, which every workspace opened
    in the test reaches (PANDU_DB); otherwise None (the data folder's SQLite file)."""
    if not ON_POSTGRES:
        monkeypatch.delenv("PANDU_DB", raising=False)
        yield None
        return
    server = request.getfixturevalue("pg_server")
    name = server.migrated_database()
    url = server.url(name)
    monkeypatch.setenv("PANDU_DB", url)
    yield url
    from db.database import bound

    current = bound()
    if current is not None and not current.is_closed() and current.database == name:
        current.close()
    server.drop_database(name)


@pytest.fixture
def workspace(data_dir, pg_url):
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path):
    """Window state (sizes, the last person to log in) goes to the test's own folder, never to
    the developer's settings nor from one test to the next; every test that makes a window,
    in tests/gui or not."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture(autouse=True)
def cheap_pin_hashes(monkeypatch):
    """New PIN hashes in tests use a small scrypt cost (a real office's take ~0.3 s each; each
    hash stores its own cost, so both verify). tests/office/test_pin_cost.py checks the real one."""
    from desktop_app.office import people

    monkeypatch.setattr(people, "SCRYPT_N", 2**10)
