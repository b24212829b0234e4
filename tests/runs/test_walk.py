"""The return reason is on the step being redone; a blocked action says why."""

from __future__ import annotations

from datetime import date

from desktop_app.runs import engine
from desktop_app.runs.views import run_view
from desktop_app.runs.walk import blocked_reason, return_notes
from desktop_app.sop import library


def actor_for(office, lane: str):
    return {"camat": office.camat, "sekcam": office.sekcam, "staf": office.staf,
            "kasubag_perencanaan_keuangan": office.kasubag,
            "kasubag_umum": office.kasubag}[lane]


def walk_to_first_decision(office) -> int:
    run_id = engine.start_run(office.sop_id, "RKT 2027", 2027, date.today(),
                              office.assignments, office.admin)
    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    while True:
        step = run_view(run_id).active_step
        actor = actor_for(office, lanes[step.number - 1])
        for check in step.current.checks:
            engine.tick(step.current.run_step_id, check.item_id, True, actor)
        if step.simbol == "keputusan":
            return run_id
        engine.complete(step.current.run_step_id, actor)


def test_the_return_reason_shows_on_the_step_being_redone(office):
    run_id = walk_to_first_decision(office)
    decision = run_view(run_id).active_step
    engine.decide(decision.current.run_step_id, office.kasubag, False,
                  "Tahun anggaran salah ketik")
    view = run_view(run_id)
    redo = view.active_step
    assert redo.number == decision.jika_tidak and redo.current.attempt == 2
    note = return_notes(view)[(redo.number, 2)]
    assert note.by == "Budi Kasubag" and note.note == "Tahun anggaran salah ketik"
    assert note.from_step == decision.number and note.at is not None
    assert (redo.number, 1) not in return_notes(view)


def test_blocked_reason_names_what_is_missing(office):
    run_id = engine.start_run(office.sop_id, "RKT 2027", 2027, date.today(),
                              office.assignments, office.admin)
    step = run_view(run_id).active_step
    assert blocked_reason(step, office.staf.id, "staf", True).startswith("Giliran Wahyu Camat")
    if step.current.checks:
        reason = blocked_reason(step, office.camat.id, "pejabat", True)
        assert reason.startswith("Centang atau jelaskan: ")
        assert step.current.checks[0].text in reason
    waiting = run_view(run_id).steps[-1]
    assert "belum tiba" in blocked_reason(waiting, office.camat.id, "pejabat", True)
    assert blocked_reason(step, office.camat.id, "pejabat", False) == "Proses ini sudah selesai."
