"""The office profile service: its rules, one-transaction saving, the logo file."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace

import pytest
from peewee import IntegrityError

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.office.kop import office_kop
from desktop_app.office.profile import (
    LOGO_MAX_BYTES,
    OfficeProfile,
    Official,
    Unit,
    is_configured,
    load_profile,
    nip_problem,
    official_problems,
    profile_problems,
    save_profile,
    store_logo,
    unit_problems,
)
from tests.pg_server import refuse_inserts

CAMAT = Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina (IV/a)",
                 "19800118 199912 1 001")
SEKCAM = Official("Sekretaris Kecamatan", "SRI LESTARI, S.Sos.", "Penata Tk. I (III/d)",
                  "197505122000032004")
PROFILE = OfficeProfile(
    pemerintah="PEMERINTAH KABUPATEN KARANGANYAR",
    nama_kantor="KECAMATAN NGARGOYOSO",
    alamat="Jl. Raya Ngargoyoso No. 1, Karanganyar",
    telepon="(0271) 123456",
    email="kec.ngargoyoso@karanganyarkab.go.id",
    laman="ngargoyoso.karanganyarkab.go.id",
    kode_pos="57793",
    officials=(CAMAT, SEKCAM),
    units=(Unit("Sekretariat"), Unit("Seksi Pemerintahan")),
    paper="A4",
    kode_unit="408.12",
)


def png_bytes(width: int = 4, height: int = 4) -> bytes:
    """A small valid PNG (red pixels), made without any imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


# --- rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("nip", "problem"), [
    ("198001181999121001", None),
    ("19800118 199912 1 001", None),
    ("19800118199912100", "NIP harus 18 angka (sekarang 17)"),
    ("1980011819991210011", "NIP harus 18 angka (sekarang 19)"),
    ("19800118-199912-1-001", "NIP hanya boleh berisi angka"),
    ("  ", "NIP belum diisi"),
])
def test_nip_is_18_digits_after_removing_spaces(nip, problem):
    assert nip_problem(nip) == problem


def test_official_problems_name_the_official_and_the_field():
    short = replace(SEKCAM, nip="19750512200003200")
    assert official_problems([CAMAT, short]) == ["pejabat 2: NIP harus 18 angka (sekarang 17)"]
    assert official_problems([CAMAT, Official(nip=CAMAT.nip)]) == [
        "pejabat 2: jabatan belum diisi", "pejabat 2: nama belum diisi",
        "pejabat 2: NIP sama dengan pejabat 1"]
    assert "sedikitnya satu pejabat" in official_problems([])[0]


def test_units_are_named_and_unique():
    assert unit_problems([Unit("Sekretariat"), Unit("Seksi  Pemerintahan")]) == []
    assert unit_problems([Unit("Sekretariat"), Unit(" "), Unit("sekretariat ")]) == [
        "unit 2: nama belum diisi", 'unit 3: "sekretariat" sudah ada (unit 1)']
    assert unit_problems([]) == []


def test_kop_and_numbering_rules():
    bad = replace(PROFILE, nama_kantor=" ", email="kec@", kode_pos="5779", paper="B5",
                  kode_unit="408/12")
    problems = profile_problems(bad)
    assert [p.split(":")[0] for p in problems] == [
        "nama kantor", "email", "kode pos", "kertas", "kode unit"]
    assert profile_problems(PROFILE) == []
    assert profile_problems(replace(PROFILE, paper="a4")) == []


# --- saving and loading --------------------------------------------------------------------

def test_save_and_load_round_trip(workspace):
    assert not is_configured()
    assert load_profile() == OfficeProfile()
    save_profile(PROFILE)
    assert is_configured()
    loaded = load_profile()
    assert loaded.officials[0].nip == "198001181999121001"  # stored without spaces
    assert loaded.paper == "A4" and loaded.kode_unit == "408.12"
    assert replace(loaded, officials=(), units=()) == replace(PROFILE, officials=(), units=())
    assert [(o.jabatan, o.nama, o.pangkat_golongan) for o in loaded.officials] == [
        (o.jabatan, o.nama, o.pangkat_golongan) for o in PROFILE.officials]
    assert [u.nama for u in loaded.units] == ["Sekretariat", "Seksi Pemerintahan"]
    assert all(o.id for o in loaded.officials) and all(u.id for u in loaded.units)
    kop = office_kop()
    assert kop.instansi == "KECAMATAN NGARGOYOSO" and "Kode Pos 57793" in kop.kontak


def test_saving_again_keeps_ids_reorders_renames_and_removes(workspace):
    save_profile(PROFILE)
    first = load_profile()
    camat, sekcam = first.officials
    sekretariat, pemerintahan = first.units
    changed = replace(first, officials=(sekcam, replace(camat, nama="BUDI")),
                      units=(replace(pemerintahan, nama="Sekretariat"),
                             replace(sekretariat, nama="Seksi Pemerintahan"),
                             Unit("Seksi Pelayanan Umum")))
    save_profile(changed)
    again = load_profile()
    assert [(o.id, o.nama) for o in again.officials] == [(sekcam.id, sekcam.nama),
                                                         (camat.id, "BUDI")]
    assert [(u.id, u.nama) for u in again.units][:2] == [(pemerintahan.id, "Sekretariat"),
                                                         (sekretariat.id, "Seksi Pemerintahan")]
    save_profile(replace(again, officials=again.officials[1:], units=()))
    assert [o.id for o in load_profile().officials] == [camat.id]
    assert m.Unit.select().count() == 0


def test_invalid_profile_changes_nothing(workspace):
    save_profile(PROFILE)
    bad = replace(PROFILE, nama_kantor="KANTOR LAIN",
                  officials=(CAMAT, replace(SEKCAM, nip="19750512200003200")))
    with pytest.raises(InvalidInput) as error:
        save_profile(bad)
    assert error.value.problems == ["pejabat 2: NIP harus 18 angka (sekarang 17)"]
    assert load_profile().nama_kantor == "KECAMATAN NGARGOYOSO"


def test_save_is_one_transaction(workspace):
    """A failure while writing the last table leaves the settings and officials untouched."""
    refuse_inserts(workspace.database, "unit", "disk full")
    with pytest.raises(IntegrityError):
        save_profile(PROFILE)
    assert not is_configured()
    assert load_profile() == OfficeProfile()


# --- the logo ------------------------------------------------------------------------------

def test_logo_is_stored_by_content_hash(workspace, tmp_path):
    source = tmp_path / "..\\logo kabupaten.PNG"
    source.write_bytes(png_bytes())
    stored = store_logo(workspace.data_dir, source)
    assert stored.startswith("berkas/") and stored.endswith(".png") and "logo" not in stored
    assert (workspace.data_dir / stored).read_bytes() == png_bytes()
    assert store_logo(workspace.data_dir, source) == stored  # same content, same file
    save_profile(replace(PROFILE, logo=stored))
    assert office_kop(data_dir=workspace.data_dir).logo == (workspace.data_dir / stored).absolute()
    assert office_kop().logo is None  # without the data folder, no logo


def test_jpeg_content_gets_the_jpg_extension(workspace, tmp_path):
    source = tmp_path / "logo.jpeg"
    source.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    assert store_logo(workspace.data_dir, source).endswith(".jpg")


def test_logo_refuses_non_images_and_large_files(workspace, tmp_path):
    text = tmp_path / "logo.png"
    text.write_text("bukan gambar")
    with pytest.raises(InvalidInput, match="bukan gambar PNG atau JPG"):
        store_logo(workspace.data_dir, text)
    gif = tmp_path / "logo.gif"
    gif.write_bytes(b"GIF89a")
    with pytest.raises(InvalidInput, match="bukan gambar PNG atau JPG"):
        store_logo(workspace.data_dir, gif)
    large = tmp_path / "besar.png"
    large.write_bytes(png_bytes() + b"\x00" * LOGO_MAX_BYTES)
    with pytest.raises(InvalidInput, match="lebih dari 5 MB"):
        store_logo(workspace.data_dir, large)
    with pytest.raises(InvalidInput, match="tidak dapat dibaca"):
        store_logo(workspace.data_dir, tmp_path / "tidak-ada.png")
    assert not (workspace.data_dir / "berkas").exists()


def test_a_logo_setting_outside_the_file_store_is_refused(workspace):
    bad = replace(PROFILE, logo="../../etc/passwd")
    assert profile_problems(bad) == ["logo: berkas logo tidak dikenal; pilih gambar logo lagi"]


def test_filled_only_checks_what_was_typed_and_not_what_is_missing():
    """The wizard checks as the user types: no "belum diisi" until Next is pressed."""
    assert profile_problems(OfficeProfile()) != []
    assert official_problems([Official(jabatan="Camat")], filled_only=True) == []
    assert official_problems([Official(nip="123")], filled_only=True) == [
        "pejabat 1: NIP harus 18 angka (sekarang 3)"]
    assert unit_problems([Unit(""), Unit("A"), Unit("a")], filled_only=True) == [
        'unit 3: "a" sudah ada (unit 2)']
