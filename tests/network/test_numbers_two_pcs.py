"""Two PCs of one office on one PostgreSQL server: each its own data folder and process, both
taking letter numbers at the same moment. Every number is taken exactly once, without a gap
(the advisory write lock of `transaction("IMMEDIATE")`, see db.database)."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date
from pathlib import Path

from db import models as m
from desktop_app.common.audit import verify_chain
from desktop_app.office.letter_numbers import register, take_number
from desktop_app.office.settings import set_settings
from desktop_app.workspace import open_workspace

PCS = 2
NUMBERS_EACH = 40


def _pc(data_dir: str, db_url: str, pc: int, barrier) -> None:
    """One PC: its own data folder, the office's server; takes numbers as fast as it can."""
    workspace = open_workspace(Path(data_dir), db_url=db_url)
    try:
        assert workspace.networked
        barrier.wait(timeout=60)
        for n in range(NUMBERS_EACH):
            take_number(classification="000.7.2.6", kind="surat_dinas",
                        perihal=f"PC {pc} surat {n}", tujuan="", letter_date=date(2026, 5, 4),
                        person_id=None)
    finally:
        workspace.close()


def test_two_pcs_take_numbers_at_once_without_duplicate_or_gap(pg_server, tmp_path):
    url = pg_server.url(pg_server.migrated_database())
    office = open_workspace(tmp_path / "server-admin", db_url=url)
    try:
        with office.active():
            set_settings({"kode_unit": "408.12"})
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(PCS)
        pcs = [context.Process(target=_pc, args=(str(tmp_path / f"pc{i}"), url, i, barrier))
               for i in range(PCS)]
        started = time.monotonic()
        for pc in pcs:
            pc.start()
        for pc in pcs:
            pc.join(timeout=120)
        assert [pc.exitcode for pc in pcs] == [0] * PCS, "a PC failed (see its stderr)"

        with office.active():
            entries = register(2026)
            total = PCS * NUMBERS_EACH
            assert sorted(e.sequence for e in entries) == list(range(1, total + 1))
            assert len({e.number for e in entries}) == total
            assert {e.perihal for e in entries} == {f"PC {pc} surat {n}" for pc in range(PCS)
                                                   for n in range(NUMBERS_EACH)}
            assert entries[0].number.endswith("/408.12/2026")
            assert (m.AuditEntry.select().where(m.AuditEntry.action == "ambil_nomor").count()
                    == total)
            assert verify_chain() == []
        assert time.monotonic() - started < 60
        assert all((tmp_path / f"pc{i}").is_dir() for i in range(PCS))  # two data folders
    finally:
        office.close()


def test_lock_really_serialises_writers(pg_server):
    """Without the advisory lock two transactions would read the same highest number: a
    second connection waits for the first one's lock until it commits."""
    import threading

    from db.database import connect_url

    url = pg_server.url(pg_server.migrated_database())
    first, second = connect_url(url), connect_url(url)
    order = []
    try:
        with first.atomic("IMMEDIATE"):
            def other():
                with second.atomic("IMMEDIATE"):
                    order.append("second")

            thread = threading.Thread(target=other)
            thread.start()
            time.sleep(0.5)
            order.append("first")
        thread.join(timeout=10)
        assert order == ["first", "second"]
    finally:
        first.close()
        second.close()
