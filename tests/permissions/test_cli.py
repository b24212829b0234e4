"""The command line goes through the same policy: `pandu restore` names the acting person
(--pengguna NIP, PIN from PANDU_PIN), and a refusal changes nothing."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.safety.backup import create_backup
from tests.permissions.conftest import PIN, dump

ADMIN_NIP, STAF_NIP = "199501012020031004", "199001012015032001"


@pytest.fixture
def backup(office, tmp_path):
    return create_backup(office.data_dir, tmp_path / "cadangan.zip").path


def _restore(office, backup, capsys, *more):
    capsys.readouterr()
    status = main(["--data-dir", str(office.data_dir), "restore", str(backup), *more])
    return status, capsys.readouterr()


@pytest.mark.parametrize(("more", "pin", "expected"), [
    ((), PIN, "sebutkan siapa Anda: --pengguna NIP"),
    (("--pengguna", STAF_NIP), PIN, "Hanya admin yang dapat memulihkan data"),
    (("--pengguna", ADMIN_NIP), "999999", "PIN salah"),
    (("--pengguna", "123"), PIN, "Tidak ada pengguna aktif dengan NIP 123"),
])
def test_restore_is_refused_and_changes_nothing(office, backup, capsys, monkeypatch, more, pin,
                                                expected):
    monkeypatch.setenv("PANDU_PIN", pin)
    before = dump(office.db)
    status, out = _restore(office, backup, capsys, *more)
    assert status == 1
    assert expected in out.err
    assert "dipulihkan" not in out.out
    if expected == "PIN salah":  # counted towards the lock-out, as in the window; no more
        def others(lines):
            return [line for line in lines if not line.startswith('INSERT INTO "person"')]

        assert others(dump(office.db)) == others(before)
    else:
        assert dump(office.db) == before


def test_the_admin_restores_with_their_pin(office, backup, capsys, monkeypatch):
    monkeypatch.setenv("PANDU_PIN", PIN)
    status, out = _restore(office, backup, capsys, "--pengguna", ADMIN_NIP)
    assert status == 0, out.err
    assert "Data dipulihkan dari cadangan.zip." in out.out
