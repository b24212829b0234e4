"""One test per rule of pandu-sop/1: each invalid file is refused, naming its place."""

from __future__ import annotations

import pytest
import tomli_w

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.sopfile import parse_sop_bytes


def parse(doc: dict):
    return parse_sop_bytes(tomli_w.dumps(doc).encode("utf-8"), "uji.toml")


def refused(doc: dict) -> str:
    with pytest.raises(InvalidInput) as info:
        parse(doc)
    return str(info.value)


def test_valid_sop_parses(valid_sop):
    sop = parse(valid_sop)
    assert sop.identitas.nama.startswith("Penyusunan")
    assert sop.langkah[2].pelaksana == ["camat", "perencana"]
    assert sop.langkah[1].simbol == "proses"  # the default
    assert sop.langkah[2].jika_tidak == 2


def test_unknown_top_level_key(valid_sop):
    valid_sop["catatan"] = "x"
    assert 'berkas: kunci "catatan" tidak dikenal' in refused(valid_sop)


def test_unknown_identity_key(valid_sop):
    valid_sop["identitas"]["tanggal_efektif"] = "x"
    assert 'identitas: kunci "tanggal_efektif" tidak dikenal' in refused(valid_sop)


def test_unknown_signer_key(valid_sop):
    valid_sop["identitas"]["disahkan_oleh"]["golongan"] = "IV/a"
    assert 'identitas.disahkan_oleh: kunci "golongan"' in refused(valid_sop)


def test_unknown_lane_key(valid_sop):
    valid_sop["pelaksana"][1]["warna"] = "merah"
    assert 'pelaksana 2: kunci "warna" tidak dikenal' in refused(valid_sop)


def test_unknown_step_key(valid_sop):
    valid_sop["langkah"][3]["durasi"] = "1 jam"
    assert 'langkah 4: kunci "durasi" tidak dikenal' in refused(valid_sop)


def test_missing_format(valid_sop):
    del valid_sop["format"]
    assert "format" in refused(valid_sop)


def test_wrong_format(valid_sop):
    valid_sop["format"] = "pandu-sop/9"
    assert 'bukan "pandu-sop/9"' in refused(valid_sop)


def test_missing_identity(valid_sop):
    del valid_sop["identitas"]
    assert "identitas: wajib ada" in refused(valid_sop)


def test_missing_nama(valid_sop):
    del valid_sop["identitas"]["nama"]
    assert "identitas: nama wajib diisi" in refused(valid_sop)


def test_blank_nama(valid_sop):
    valid_sop["identitas"]["nama"] = "   "
    assert "identitas: nama wajib diisi" in refused(valid_sop)


def test_missing_lanes(valid_sop):
    del valid_sop["pelaksana"]
    assert "pelaksana: wajib ada" in refused(valid_sop)


def test_missing_steps(valid_sop):
    del valid_sop["langkah"]
    assert "langkah: wajib ada" in refused(valid_sop)


def test_missing_lane_kode(valid_sop):
    del valid_sop["pelaksana"][0]["kode"]
    assert "pelaksana 1: kode wajib diisi" in refused(valid_sop)


def test_missing_lane_nama(valid_sop):
    del valid_sop["pelaksana"][1]["nama"]
    assert "pelaksana 2: nama wajib diisi" in refused(valid_sop)


def test_bad_lane_kode(valid_sop):
    valid_sop["pelaksana"][1]["kode"] = "Perencana Umum"
    assert 'pelaksana 2: kode "Perencana Umum" hanya boleh' in refused(valid_sop)


def test_duplicate_lane_kode(valid_sop):
    valid_sop["pelaksana"][1]["kode"] = "camat"
    assert 'pelaksana 2: kode "camat" sudah dipakai' in refused(valid_sop)


def test_missing_kegiatan(valid_sop):
    del valid_sop["langkah"][1]["kegiatan"]
    assert "langkah 2: kegiatan wajib diisi" in refused(valid_sop)


def test_missing_step_pelaksana(valid_sop):
    del valid_sop["langkah"][1]["pelaksana"]
    assert "langkah 2: pelaksana wajib diisi" in refused(valid_sop)


def test_undeclared_lane(valid_sop):
    valid_sop["langkah"][3]["pelaksana"] = "sekcam"
    assert 'langkah 4: pelaksana "sekcam" tidak ada di daftar pelaksana' in refused(valid_sop)


def test_undeclared_lane_in_list(valid_sop):
    valid_sop["langkah"][2]["pelaksana"] = ["camat", "sekcam"]
    assert 'langkah 3: pelaksana "sekcam" tidak ada' in refused(valid_sop)


@pytest.mark.parametrize("target", [0, 5, -1])
def test_jika_tidak_outside_steps(valid_sop, target):
    valid_sop["langkah"][2]["jika_tidak"] = target
    assert f"langkah 3: jika_tidak = {target} menunjuk ke luar langkah 1 sampai 4" in refused(
        valid_sop)


def test_jika_ya_outside_steps(valid_sop):
    valid_sop["langkah"][2]["jika_ya"] = 9
    assert "langkah 3: jika_ya = 9 menunjuk ke luar" in refused(valid_sop)


@pytest.mark.parametrize("waktu", ["lima menit", "5 detik", "menit", "5", "0 jam"])
def test_waktu_that_does_not_parse(valid_sop, waktu):
    valid_sop["langkah"][1]["waktu"] = waktu
    assert f'langkah 2: waktu "{waktu}"' in refused(valid_sop)


@pytest.mark.parametrize("waktu", ["5 menit", "1,5 jam", "2 Hari", "1 minggu", "3 bulan"])
def test_waktu_that_parses(valid_sop, waktu):
    valid_sop["langkah"][1]["waktu"] = waktu
    assert parse(valid_sop).langkah[1].waktu == waktu


def test_jika_tidak_on_non_decision(valid_sop):
    valid_sop["langkah"][1]["jika_tidak"] = 1
    assert "langkah 2: jika_tidak hanya boleh pada langkah keputusan" in refused(valid_sop)


def test_jika_ya_on_non_decision(valid_sop):
    valid_sop["langkah"][1]["jika_ya"] = 4
    assert "langkah 2: jika_ya hanya boleh pada langkah keputusan" in refused(valid_sop)


def test_decision_without_jika_tidak(valid_sop):
    del valid_sop["langkah"][2]["jika_tidak"]
    assert "langkah 3: langkah keputusan wajib memiliki jika_tidak" in refused(valid_sop)


def test_decision_pointing_at_itself(valid_sop):
    valid_sop["langkah"][2]["jika_tidak"] = 3
    assert "langkah 3: jika_tidak tidak boleh menunjuk ke langkah ini sendiri" in refused(
        valid_sop)


def test_last_step_decision_needs_jika_ya(valid_sop):
    valid_sop["langkah"][3].update(simbol="keputusan", jika_tidak=2)
    assert "langkah 4: langkah keputusan terakhir wajib memiliki jika_ya" in refused(valid_sop)


def test_unknown_dokumen(valid_sop):
    valid_sop["langkah"][0]["dokumen"] = "surat_cinta"
    assert 'langkah 1: dokumen "surat_cinta" tidak dikenal' in refused(valid_sop)


def test_unknown_simbol(valid_sop):
    valid_sop["langkah"][1]["simbol"] = "lingkaran"
    assert 'langkah 2: simbol "lingkaran" tidak dikenal' in refused(valid_sop)


def test_date_written_as_text(valid_sop):
    valid_sop["identitas"]["tanggal_revisi"] = "1 Februari 2024"
    assert "identitas: tanggal_revisi harus berupa tanggal" in refused(valid_sop)


def test_list_of_numbers(valid_sop):
    valid_sop["identitas"]["dasar_hukum"] = [1, 2]
    assert "identitas: dasar_hukum harus berupa daftar teks" in refused(valid_sop)


def test_jika_tidak_as_text(valid_sop):
    valid_sop["langkah"][2]["jika_tidak"] = "2"
    assert "langkah 3: jika_tidak harus berupa nomor langkah" in refused(valid_sop)


def test_no_steps(valid_sop):
    valid_sop["langkah"] = []
    assert "paling sedikit satu langkah" in refused(valid_sop)


def test_every_problem_is_reported_at_once(valid_sop):
    valid_sop["langkah"][1]["waktu"] = "lama"
    valid_sop["langkah"][3]["pelaksana"] = "sekcam"
    message = refused(valid_sop)
    assert "langkah 2: waktu" in message and "langkah 4: pelaksana" in message


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "kosong"),
    (b"  \n\t\n", "kosong"),
    (b"ini = [bukan toml", "tidak dapat dibaca sebagai TOML"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bukan berkas teks"),
    (b"format = \"pandu-sop/1\"\nnama = \"\xff\xfe\"", "bukan teks UTF-8"),
])
def test_not_an_sop_file(data, expected):
    with pytest.raises(InvalidInput, match=expected):
        parse_sop_bytes(data, "uji.toml")


def test_shape_and_rule_problems_are_reported_together(valid_sop):
    valid_sop["foo"] = 1
    valid_sop["langkah"][3]["pelaksana"] = "sekcam"
    valid_sop["langkah"][1]["waktu"] = "5 detik"
    message = refused(valid_sop)
    assert 'berkas: kunci "foo" tidak dikenal' in message
    assert 'langkah 4: pelaksana "sekcam"' in message and 'langkah 2: waktu "5 detik"' in message


def test_control_characters_survive_export_and_import(valid_sop):
    from desktop_app.sop.sopfile import sop_to_toml

    valid_sop["identitas"]["nama"] = "Renja \x7f tab\tbaris"
    sop = parse(valid_sop)
    assert parse_sop_bytes(sop_to_toml(sop).encode("utf-8")) == sop
