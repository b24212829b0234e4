"""`pandu selftest`, in-process: every check passes here, a broken part fails it, and the
office's own data folder and database binding are left as they were."""

from __future__ import annotations

import pytest

from desktop_app import cli
from desktop_app.cli import main
from desktop_app.cli import selftest as selftest_cli

SELFTEST = "desktop_app.cli.selftest"
CHECKS = ("folder data sementara", "tanggal dan hari libur", "cetak lembar SOP (PDF)",
          "lembar kerja (XLSX)", "formulir", "jendela utama (offscreen)")


@pytest.fixture
def with_selftest(monkeypatch):
    """The command registered even before cli.COMMAND_MODULES lists it."""
    if SELFTEST not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, SELFTEST))


def test_selftest_is_a_pandu_command():
    assert SELFTEST in cli.COMMAND_MODULES


def test_selftest_passes_and_prints_a_line_per_check(qapp, with_selftest, data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "selftest"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Pandu SOP ") and lines[-1] == "Semua pemeriksaan berhasil."
    for label in CHECKS:
        line = next(line for line in lines if f" {label}: " in line)
        assert line.startswith("OK ") or (label == "formulir" and line.startswith("DILEWATI"))
    assert "GAGAL" not in out


def test_selftest_leaves_the_office_data_alone(qapp, workspace):
    from db.database import bound

    before = sorted(p.name for p in workspace.data_dir.rglob("*"))
    assert selftest_cli.run(None, workspace) == 0
    assert sorted(p.name for p in workspace.data_dir.rglob("*")) == before
    assert bound() is workspace.database  # the office's queries still reach the office


def test_a_broken_part_fails_the_selftest(qapp, workspace, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise OSError("font hilang")

    monkeypatch.setattr("desktop_app.sop.printing.print_sop", broken)
    assert selftest_cli.run(None, workspace) == 1
    out = capsys.readouterr().out
    assert "GAGAL    cetak lembar SOP (PDF): OSError: font hilang" in out
    assert "OK       jendela utama (offscreen)" in out  # the other checks still ran
    assert out.splitlines()[-1] == "1 pemeriksaan gagal."


def test_without_the_forms_package_the_form_is_skipped(qapp, workspace, monkeypatch, capsys):
    monkeypatch.setattr(selftest_cli, "FORMS_PACKAGE", "desktop_app.no_such_forms")
    assert selftest_cli.run(None, workspace) == 0
    assert "DILEWATI formulir: paket formulir belum ada" in capsys.readouterr().out
