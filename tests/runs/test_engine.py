"""The run state machine: start, gating, permissions, act-for, decisions, loops, audit."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from db import models as m
from desktop_app.common import audit
from desktop_app.common.errors import InvalidInput
from desktop_app.runs import engine
from desktop_app.runs.engine import NotAllowed
from desktop_app.runs.views import list_runs, run_view

START = datetime(2026, 11, 23, 1, 0)  # Monday 08.00 WIB is 01.00 UTC; CI runs in UTC


def start(office, **overrides) -> int:
    args = dict(title="Penyusunan RKT 2027", year=2027, start=date(2026, 11, 23),
                assignments=office.assignments, actor=office.admin, now=START)
    args.update(overrides)
    return engine.start_run(office.sop_id, **args)


def current(run_id):
    return run_view(run_id).active_step


def do_step(office, run_id, actor, now=None):
    """Tick every item of the current step and complete it (or say yes)."""
    step = current(run_id)
    for check in step.current.checks:
        engine.tick(step.current.run_step_id, check.item_id, True, actor, now)
    if step.simbol == "keputusan":
        engine.decide(step.current.run_step_id, actor, True, now=now)
    else:
        engine.complete(step.current.run_step_id, actor, now)


def test_a_run_needs_an_approved_sop_and_every_lane_filled(office, workspace):
    from desktop_app.sop import library

    draft = library.duplicate_sop(4)
    with pytest.raises(InvalidInput, match="belum disahkan"):
        engine.start_run(draft, "X", 2027, date(2026, 11, 23), {},
                         office.admin)
    partial = dict(office.assignments)
    del partial["camat"]
    with pytest.raises(InvalidInput, match='"Camat" belum diisi'):
        start(office, assignments=partial)
    assert m.Run.select().count() == 0


def test_start_activates_the_first_step_with_its_due_date(office):
    run_id = start(office)
    view = run_view(run_id)
    first = view.active_step
    assert first.number == 1 and first.people == ("Wahyu Camat",)
    assert first.current.state == "aktif"
    assert first.current.due_at - first.current.started_at == timedelta(minutes=5)
    assert [s.current.state for s in view.steps[1:]] == ["menunggu"] * 12
    assert view.revision == 1


def test_only_the_lane_person_or_an_admin_may_act(office):
    run_id = start(office)
    step = current(run_id)
    item = step.current.checks[0].item_id
    with pytest.raises(NotAllowed, match="dikerjakan oleh Wahyu Camat"):
        engine.tick(step.current.run_step_id, item, True, office.staf)
    engine.tick(step.current.run_step_id, item, True, office.admin)  # acting for the camat
    engine.complete(step.current.run_step_id, office.admin, START + timedelta(minutes=3))
    done = run_view(run_id).steps[0].current
    assert done.state == "selesai" and done.completed_by == "Admin Kantor"
    assert done.acted_for == "Wahyu Camat"
    entries = audit.entries(run_id)
    assert any(e.on_behalf_of == "Wahyu Camat" for e in entries)


def test_complete_is_gated_by_kelengkapan(office):
    run_id = start(office)
    do_step(office, run_id, office.camat)
    do_step(office, run_id, office.sekcam)
    step = current(run_id)  # step 3: three kelengkapan items
    assert step.number == 3 and len(step.current.checks) == 3
    first, second, third = (c.item_id for c in step.current.checks)
    engine.tick(step.current.run_step_id, first, True, office.kasubag)
    with pytest.raises(InvalidInput, match="Kelengkapan belum lengkap"):
        engine.complete(step.current.run_step_id, office.kasubag)
    engine.tick(step.current.run_step_id, second, True, office.kasubag)
    with pytest.raises(InvalidInput, match="Tulis alasan"):
        engine.explain_missing(step.current.run_step_id, third, "  ", office.kasubag)
    engine.explain_missing(step.current.run_step_id, third, "Renstra masih direvisi",
                           office.kasubag)
    engine.complete(step.current.run_step_id, office.kasubag)
    assert current(run_id).number == 4
    checks = run_view(run_id).steps[2].current.checks
    assert checks[2].missing_reason == "Renstra masih direvisi"


def test_a_return_reopens_the_steps_as_new_attempts(office):
    run_id = start(office)
    for actor in (office.camat, office.sekcam, office.kasubag, office.staf):
        do_step(office, run_id, actor)
    step = current(run_id)  # step 5, kasubag's check, returns to step 4
    assert step.number == 5
    with pytest.raises(InvalidInput, match="Tulis catatan"):
        engine.decide(step.current.run_step_id, office.kasubag, False, "")
    engine.decide(step.current.run_step_id, office.kasubag, False, "Salah ketik tahun")
    view = run_view(run_id)
    assert view.active_step.number == 4
    step4, step5 = view.steps[3], view.steps[4]
    assert [a.state for a in step4.attempts] == ["dikembalikan", "aktif"]
    assert [a.state for a in step5.attempts] == ["selesai", "menunggu"]
    assert step5.attempts[0].decision == "tidak" and "Salah ketik" in step5.attempts[0].note
    assert view.returns == 1
    do_step(office, run_id, office.staf)  # revisi ke-2 of step 4
    assert current(run_id).number == 5 and current(run_id).current.attempt == 2
    do_step(office, run_id, office.kasubag)
    assert current(run_id).number == 6


def test_walk_to_the_end_finishes_the_run(office):
    run_id = start(office)
    people = {"camat": office.camat, "sekcam": office.sekcam, "staf": office.staf,
              "kasubag_perencanaan_keuangan": office.kasubag, "kasubag_umum": office.kasubag}
    from desktop_app.sop import library

    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    for number in range(1, 14):
        assert current(run_id).number == number
        do_step(office, run_id, people[lanes[number - 1]])
    view = run_view(run_id)
    assert view.status == "selesai" and view.active_step is None
    assert view.done_count == 13
    summary = list_runs()[0]
    assert summary.status == "selesai" and summary.done == 13
    assert audit.verify_chain() == []


def test_lateness_is_measured_in_working_time(office):
    run_id = start(office)
    late = START + timedelta(hours=2)  # step 1 has 5 menit
    view = run_view(run_id, now=late)
    assert view.active_step.current.late_minutes == 115
    assert "terlambat" in view.active_step.current.late_text
    assert list_runs(now=late)[0].late == 1


def test_audit_chain_detects_an_edited_entry(office):
    run_id = start(office)
    do_step(office, run_id, office.camat)
    assert audit.verify_chain() == []
    entry = m.AuditEntry.select().order_by(m.AuditEntry.id).first()
    m.AuditEntry.update(detail="diubah").where(m.AuditEntry.id == entry.id).execute()
    assert any("telah diubah" in p for p in audit.verify_chain())


def test_attachments_are_stored_by_hash(office, tmp_path):
    run_id = start(office)
    step = current(run_id)
    source = tmp_path / "SE Bupati.pdf"
    source.write_bytes(b"%PDF-1.4 surat edaran")
    engine.attach(office.workspace.data_dir, step.current.run_step_id,
                  step.current.checks[0].item_id, source, office.camat)
    engine.attach(office.workspace.data_dir, step.current.run_step_id, None, source,
                  office.camat)
    view = current(run_id).current
    stored = view.checks[0].attachments[0]
    assert stored.name == "SE Bupati.pdf" and len(stored.sha256) == 64
    assert (office.workspace.data_dir / stored.relative_path).read_bytes() == source.read_bytes()
    assert view.outputs[0].sha256 == stored.sha256
    with pytest.raises(NotAllowed):
        engine.attach(office.workspace.data_dir, step.current.run_step_id, None, source,
                      office.staf)


def test_an_sop_that_runs_used_is_archived_not_deleted(office):
    from desktop_app.sop import library

    run_id = start(office)
    assert library.delete_sop(office.sop_id) is False
    assert office.sop_id not in [s.id for s in library.list_sops()]
    assert run_view(run_id).sop_nama == "Penyusunan RKT"  # the run still reads its SOP
