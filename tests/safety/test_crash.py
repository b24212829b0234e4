"""Crashes: the app's process is killed (SIGKILL) at random moments during a scripted series
of saves, many times over; after each kill the database passes the integrity check, the
files and the audit chain are intact, and every change reported as saved is there."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import models as m
from desktop_app.safety.integrity import check_data
from desktop_app.workspace import open_workspace
from tests.safety_scripts import crash_worker
from tests.safety_scripts.crash_worker import EDIT_PREFIX, edit_steps

KILLS = 60
WORKER = Path(crash_worker.__file__)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _run_and_kill(data_dir: Path, seed, rng: random.Random, *more: str,
                  env: dict | None = None) -> list[str]:
    """Start the worker, kill it at a random moment; the lines it reported."""
    process = subprocess.Popen([sys.executable, str(WORKER), str(data_dir), str(seed), *more],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        if rng.random() < 0.1:  # now and then while it is still opening the data
            time.sleep(rng.uniform(0, 0.25))
        else:
            first = process.stdout.readline()
            assert first == b"siap\n", first + process.stderr.read()
            time.sleep(rng.uniform(0.0, 0.35))
    finally:
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err.decode()
    return [line for line in out.decode().split("\n")[:-1] if line != "siap"]  # whole lines


def _check_saved(lines: list[str]) -> None:
    for line in lines:
        kind, *fields = line.split()
        if kind == "sop":
            sop_id, tag, steps = int(fields[0]), fields[1], int(fields[2])
            revision = m.SopRevision.get(m.SopRevision.sop == sop_id)
            assert revision.nama == f"Impor {tag}", line
            assert m.Step.select().where(m.Step.revision == revision).count() == steps, line
        elif kind == "edit":
            revision = m.SopRevision.get(m.SopRevision.sop == int(fields[0]))
            now = int(revision.nama.removeprefix(EDIT_PREFIX))
            assert now >= int(fields[1]), line
            steps = [s.kegiatan for s in m.Step.select().where(m.Step.revision == revision)]
            assert len(steps) == edit_steps(now), line  # never half an edit
            assert all(text.endswith(f"versi {now}") for text in steps), line
        elif kind == "run":
            run = m.Run.get_by_id(int(fields[0]))
            assert m.RunStep.select().where(m.RunStep.run == run).count() >= int(fields[1])
            assert m.AuditEntry.select().where((m.AuditEntry.run == run)
                                               & (m.AuditEntry.action == "mulai")).exists()
        elif kind == "tick":
            check = m.RunCheck.get((m.RunCheck.run_step == int(fields[0]))
                                   & (m.RunCheck.item == int(fields[1])))
            assert check.checked, line
        elif kind == "done":
            assert m.RunStep.get_by_id(int(fields[0])).state == "selesai", line
        elif kind == "attach":
            assert m.Attachment.select().where(
                (m.Attachment.run_step == int(fields[0]))
                & (m.Attachment.sha256 == fields[1])).exists(), line
        else:
            raise AssertionError(f"unknown line {line!r}")


def test_killed_at_random_moments_nothing_saved_is_lost(tmp_path):
    data_dir = tmp_path / "data"
    crash_worker.prepare(data_dir)
    rng = random.Random(20260302)
    reported: list[str] = []
    started = time.monotonic()
    for seed in range(KILLS):
        reported += _run_and_kill(data_dir, seed, rng)
        workspace = open_workspace(data_dir)
        try:
            report = check_data(data_dir)
            assert report.ok, f"after kill {seed}:\n" + "\n".join(report.lines())
            _check_saved(reported)
        finally:
            workspace.close()
    kinds = {line.split()[0] for line in reported}
    assert kinds >= {"sop", "edit", "run", "tick", "done", "attach"}, kinds
    assert len(reported) > KILLS
    assert time.monotonic() - started < 90


def _sop_names(data_dir: Path) -> list[str]:
    from desktop_app.sop import library

    return sorted(s.nama for s in library.list_sops())


def test_killed_while_restoring_the_data_is_the_old_or_the_new(tmp_path):
    """Restore replaces database and files atomically: whatever the moment of the kill, the
    data is one backup or the other, never a mix, and sound."""
    from desktop_app.common.file_store import store_bytes
    from desktop_app.safety.backup import create_backup
    from desktop_app.sop import library

    data_dir = tmp_path / "data"
    crash_worker.prepare(data_dir)
    states = {}
    for name in ("A", "B"):
        workspace = open_workspace(data_dir)
        library.duplicate_sop(1, f"SOP khusus {name}")
        store_bytes(data_dir, f"berkas {name}".encode(), "pdf")
        states[name] = _sop_names(data_dir)
        workspace.close()
        create_backup(data_dir, tmp_path / f"{name}.zip")
    rng = random.Random(7)
    for attempt in range(15):
        _run_and_kill(data_dir, "restore", rng, str(tmp_path / "A.zip"),
                      str(tmp_path / "B.zip"))
        workspace = open_workspace(data_dir)
        try:
            report = check_data(data_dir)
            assert report.ok, f"after kill {attempt}:\n" + "\n".join(report.lines())
            names = _sop_names(data_dir)
            assert names in (states["A"], states["B"]), names
        finally:
            workspace.close()


def test_killed_while_backing_up_no_database_copy_is_left_elsewhere(tmp_path):
    """Each backup copies the database (PIN hashes included): killed mid-backup, the copy is
    only ever inside the data folder's temporary area, and the next start removes it."""
    from desktop_app.safety.archive import verify_archive
    from desktop_app.safety.temp_area import TEMP_FOLDER

    data_dir = tmp_path / "data"
    crash_worker.prepare(data_dir)
    system_temp = tmp_path / "temp-sistem"
    system_temp.mkdir()
    env = dict(os.environ, TMPDIR=str(system_temp), TEMP=str(system_temp), TMP=str(system_temp))
    rng = random.Random(11)
    left = 0
    for _kill in range(8):
        lines = _run_and_kill(data_dir, "backup", rng, env=env)
        assert list(system_temp.iterdir()) == []
        left += len(list((data_dir / TEMP_FOLDER).glob("*"))) if (data_dir / TEMP_FOLDER
                                                                    ).is_dir() else 0
        for line in lines:
            verify_archive(data_dir / "cadangan" / f"uji-{int(line.split()[1]) % 3}.zip")
        open_workspace(data_dir).close()  # the next start
        assert not (data_dir / TEMP_FOLDER).exists()
    workspace = open_workspace(data_dir)
    try:
        assert check_data(data_dir).ok
    finally:
        workspace.close()
    assert left > 0  # the kills did land mid-backup
