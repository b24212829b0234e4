"""`pandu form export|import|merge`: the same services as the window, exit 2 on bad input."""

from __future__ import annotations

import pytest

from desktop_app import cli
from desktop_app.cli import main
from tests.forms.conftest import UNITS, fill, rkt_row


@pytest.fixture(autouse=True)
def form_commands(monkeypatch):
    if "desktop_app.cli.form" not in cli.COMMAND_MODULES:  # until cli.py lists it
        monkeypatch.setattr(cli, "COMMAND_MODULES",
                            (*cli.COMMAND_MODULES, "desktop_app.cli.form"))


def test_export_import_merge(office, tmp_path, capsys):
    base = ["--data-dir", str(office.data_dir), "form"]
    out = tmp_path / "formulir"
    assert main([*base, "export", "rkt", "--year", "2027", "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{out / 'RKT-2027-Seksi-Pemerintahan.xlsx'}\tSeksi Pemerintahan"
    assert len(printed) == len(UNITS)

    first = fill(out / "RKT-2027-Seksi-Pemerintahan.xlsx", [rkt_row(1), rkt_row(2)], "rkt")
    second = fill(out / "RKT-2027-Subbag-Umum-dan-Kepegawaian.xlsx",
                  [rkt_row(3, target="dua puluh")], "rkt")
    assert main([*base, "import", str(first), str(second)]) == 2
    err = capsys.readouterr().err
    assert "Subbag Umum dan Kepegawaian, baris 8, kolom Target: 'dua puluh' bukan angka" in err
    assert "Tidak ada yang diimpor" in err

    fill(second, [rkt_row(3)], "rkt")
    assert main([*base, "import", str(first), str(second)]) == 0
    assert "Seksi Pemerintahan\tRKT 2027\t2 baris\tbaru" in capsys.readouterr().out

    fill(first, [rkt_row(1, target=50)], "rkt")
    assert main([*base, "import", str(first)]) == 2
    err = capsys.readouterr().err
    assert "Seksi Pemerintahan: RKT 2027 sudah diimpor (kiriman ke-1); yang berubah:" in err
    assert "dihapus" in err and "Target 91 → 50" in err and "--replace" in err
    assert main([*base, "import", "--replace", str(first)]) == 0
    assert "1 baris\tdiganti" in capsys.readouterr().out

    xlsx, pdf = tmp_path / "rkt.xlsx", tmp_path / "rkt.pdf"
    assert main([*base, "merge", "rkt", "--year", "2027", "-o", str(xlsx), "--pdf",
                 str(pdf)]) == 0
    printed = capsys.readouterr().out
    assert f"{xlsx}: 2 unit, 2 baris" in printed
    assert "Unit yang belum mengirim formulir:" in printed
    assert xlsx.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:4] == b"%PDF"


@pytest.mark.parametrize(("args", "message"), [
    (["export", "lakip", "--year", "2027", "-o", "x"], "Perintah tidak dapat dipahami"),
    (["export", "rkt", "--year", "2027", "--unit", "Seksi X", "-o", "{tmp}/o"],
     'Unit "Seksi X" tidak ada di profil kantor.'),
    (["merge", "rkt", "--year", "2027", "-o", "{tmp}/rkt.xlsx"],
     "Belum ada formulir RKT 2027 yang diimpor"),
    (["merge", "rkt", "--year", "2027", "-o", "{tmp}/rkt.pdf"], "harus berakhiran .xlsx"),
    (["merge", "ekt", "--year", "2027", "-o", "{tmp}/none/rkt.xlsx"], "tidak ada"),
    (["import", "{tmp}/none.xlsx"], "none.xlsx: berkas tidak dapat dibaca"),
])
def test_bad_input_exits_2(office, tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["--data-dir", str(office.data_dir), "form", *args]) == 2
    assert message in capsys.readouterr().err


def test_a_full_disk_during_import_says_the_documented_words(office, tmp_path, capsys,
                                                             monkeypatch):
    """The README's "Disk penuh" message, in Indonesian only, and nothing imported."""
    import errno

    from db import models as m
    from desktop_app.common import file_store

    base = ["--data-dir", str(office.data_dir), "form"]
    out = tmp_path / "formulir"
    assert main([*base, "export", "rkt", "--year", "2027", "-o", str(out)]) == 0
    first = fill(out / "RKT-2027-Seksi-Pemerintahan.xlsx", [rkt_row(1)], "rkt")

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_store.os, "replace", full)
    capsys.readouterr()
    assert main([*base, "import", str(first)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pandu: Disk penuh") and "No space" not in err, err
    assert m.PlanSubmission.select().count() == 0
    assert not list((office.data_dir / "berkas").glob("*.tmp"))
