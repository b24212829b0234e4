"""The run state machine: start a run of an approved SOP revision, tick kelengkapan, attach,
note, complete, decide (a "Tidak" returns the work to an earlier step as a new attempt).

Every action checks who may do it, happens in one transaction, and is written to the audit
trail. `now` is UTC (naive); working-time due dates are computed in local time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from peewee import chunked, fn

from db import models as m
from db.database import transaction
from desktop_app.common import audit
from desktop_app.common.clock import to_local, to_utc, utc_now
from desktop_app.common.dates import waktu
from desktop_app.common.errors import DomainError, InvalidInput, NotFound
from desktop_app.common.file_store import store_file
from desktop_app.common.waktu import parse_waktu


class NotAllowed(DomainError):
    """The person may not do this (not their step, not an admin)."""


@dataclass(frozen=True)
class Actor:
    id: int
    role: str


def approved_revision(sop_id: int) -> m.SopRevision:
    revision = (m.SopRevision.select().where((m.SopRevision.sop == sop_id)
                                             & m.SopRevision.approved_at.is_null(False))
                .order_by(m.SopRevision.number.desc()).first())
    if revision is None:
        raise InvalidInput("SOP ini belum disahkan. Sahkan SOP terlebih dahulu, lalu mulai "
                           "prosesnya.")
    return revision


def start_run(sop_id: int, title: str, year: int, start: date,
              assignments: dict[str, int], actor: Actor, now: datetime | None = None) -> int:
    """Start a run of the SOP's latest approved revision; `assignments` maps lane kode to
    the person filling it. Returns the run id."""
    now = now or utc_now()
    revision = approved_revision(sop_id)
    lanes = {lane.kode: lane for lane in m.Lane.select().where(m.Lane.revision == revision)}
    used = {link.lane.kode for link in m.StepLane.select(m.StepLane, m.Lane).join(m.Lane)
            .join_from(m.StepLane, m.Step).where(m.Step.revision == revision)}
    problems = []
    if not title.strip():
        problems.append("Judul proses wajib diisi, misalnya \"Penyusunan RKT 2027\".")
    if not 2000 <= year <= 2100:
        problems.append(f"Tahun {year} tidak masuk akal.")
    people = {p.id for p in m.Person.select().where(m.Person.active == True)}  # noqa: E712
    for kode in sorted(used, key=lambda k: lanes[k].position):
        if assignments.get(kode) not in people:
            problems.append(f'Pelaksana "{lanes[kode].nama}" belum diisi dengan petugas.')
    unknown = set(assignments) - set(lanes)
    problems += [f'Pelaksana "{k}" tidak ada di SOP ini.' for k in sorted(unknown)]
    if problems:
        raise InvalidInput(problems)
    with transaction():
        run = m.Run.create(revision=revision, title=title.strip(), year=year, start_date=start,
                           created_at=now, created_by=actor.id)
        for kode, person in assignments.items():
            m.RunAssignment.create(run=run, lane=lanes[kode], person=person)
        steps = list(m.Step.select().where(m.Step.revision == revision).order_by(m.Step.number))
        m.RunStep.insert_many([{"run": run, "step": s, "attempt": 1} for s in steps]).execute()
        audit.append(run.id, actor.id, "mulai", f"{title.strip()} (SOP revisi {revision.number})",
                     at=now)
        begin = max(now, to_utc(datetime.combine(start, time(0, 0))))
        _activate(run, steps[0].number, begin)
    return run.id


def _latest(run: m.Run, number: int) -> m.RunStep:
    return (m.RunStep.select().join(m.Step)
            .where((m.RunStep.run == run) & (m.Step.number == number))
            .order_by(m.RunStep.attempt.desc()).first())


def _activate(run: m.Run, number: int, at: datetime) -> None:
    """Make step `number` the current one (a new attempt if its latest one is done)."""
    row = _latest(run, number)
    if row.state != "menunggu":
        row = m.RunStep.create(run=run, step=row.step, attempt=row.attempt + 1)
    row.state, row.started_at = "aktif", at
    row.due_at = _due(run, row.step, at)
    row.save()
    items = m.KelengkapanItem.select().where(m.KelengkapanItem.step == row.step)
    rows = [{"run_step": row, "item": item, "updated_at": at} for item in items]
    for batch in chunked(rows, 200):  # SQLite's limit of bound values per statement
        m.RunCheck.insert_many(batch).execute()


def _due(run: m.Run, step: m.Step, at: datetime) -> datetime | None:
    if not step.waktu:
        return None
    from desktop_app.office.calendar import office_calendar

    local = to_local(at)
    calendar = office_calendar(range(local.year, local.year + 3))
    try:  # an SOP saved before the limits (common.waktu.MAX_AMOUNT) were enforced
        return to_utc(calendar.add(local, parse_waktu(step.waktu)))
    except (ValueError, OverflowError) as exc:
        raise InvalidInput(f"Langkah {step.number}: waktu \"{step.waktu}\" tidak dapat dipakai "
                           f"untuk menghitung tenggat ({exc}). Perbaiki waktu langkah itu di SOP "
                           "(buat revisi), lalu mulai lagi.") from exc


def _active_row(run_step_id: int) -> m.RunStep:
    row = m.RunStep.get_or_none(m.RunStep.id == run_step_id)
    if row is None:
        raise NotFound(f"Langkah proses {run_step_id} tidak ada.")
    if row.state != "aktif":
        raise InvalidInput("Langkah ini bukan langkah yang sedang dikerjakan.")
    return row


def _authorise(row: m.RunStep, actor: Actor) -> int | None:
    """None when the actor fills one of the step's lanes; the lane person's id when an admin
    acts for them; otherwise NotAllowed."""
    lanes = [link.lane_id for link in m.StepLane.select().where(m.StepLane.step == row.step_id)
             .order_by(m.StepLane.position)]
    holders = {a.lane_id: a.person_id for a in
               m.RunAssignment.select().where((m.RunAssignment.run == row.run_id)
                                              & m.RunAssignment.lane.in_(lanes))}
    if actor.id in holders.values():
        return None
    main = holders.get(lanes[0])
    if actor.role == "admin":
        return main
    name = m.Person.get_by_id(main).nama if main else "petugas lain"
    raise NotAllowed(f"Langkah ini dikerjakan oleh {name}. Anda tidak dapat mengubahnya.")


def _act(run_step_id: int, actor: Actor):
    row = _active_row(run_step_id)
    return row, _authorise(row, actor)


def tick(run_step_id: int, item_id: int, checked: bool,
         actor: Actor, now: datetime | None = None) -> None:
    with transaction():
        row, behalf = _act(run_step_id, actor)
        check = _check(row, item_id)
        check.checked = checked
        if checked:
            check.missing_reason = ""
        check.updated_at, check.updated_by = now or utc_now(), actor.id
        check.save()
        audit.append(row.run_id, actor.id, "centang" if checked else "hapus_centang",
                     check.item.text, behalf, now)


def explain_missing(run_step_id: int, item_id: int, reason: str,
                    actor: Actor, now: datetime | None = None) -> None:
    if not reason.strip():
        raise InvalidInput("Tulis alasan mengapa kelengkapan ini tidak ada.")
    with transaction():
        row, behalf = _act(run_step_id, actor)
        check = _check(row, item_id)
        check.checked, check.missing_reason = False, reason.strip()
        check.updated_at, check.updated_by = now or utc_now(), actor.id
        check.save()
        audit.append(row.run_id, actor.id, "alasan", f"{check.item.text}: {reason.strip()}",
                     behalf, now)


def _check(row: m.RunStep, item_id: int) -> m.RunCheck:
    check = m.RunCheck.get_or_none((m.RunCheck.run_step == row) & (m.RunCheck.item == item_id))
    if check is None:
        raise NotFound("Butir kelengkapan itu tidak ada pada langkah ini.")
    return check


def attach(data_dir: Path, run_step_id: int, item_id: int | None,
           source: Path, actor: Actor, now: datetime | None = None) -> None:
    """Copy a file into the data folder (by SHA-256) and link it to an item or the output."""
    _act(run_step_id, actor)  # refuse before copying anything
    stored = store_file(data_dir, source)
    with transaction():
        row, behalf = _act(run_step_id, actor)
        if item_id is not None:
            _check(row, item_id)
        m.Attachment.create(run_step=row, item=item_id, sha256=stored.sha256,
                            original_name=source.name, stored_path=stored.relative_path,
                            size=stored.size, added_at=now or utc_now(), added_by=actor.id)
        audit.append(row.run_id, actor.id, "lampiran",
                     f"{source.name} (SHA-256 {stored.sha256[:16]}…)", behalf, now)


def add_note(run_step_id: int, text: str, actor: Actor,
             now: datetime | None = None) -> None:
    if not text.strip():
        raise InvalidInput("Catatan kosong tidak disimpan.")
    with transaction():
        row, behalf = _act(run_step_id, actor)
        name = m.Person.get_by_id(actor.id).nama
        stamp = waktu(to_local(now or utc_now()))
        row.note = (row.note + "\n" if row.note else "") + f"[{stamp}] {name}: {text.strip()}"
        row.save()
        audit.append(row.run_id, actor.id, "catatan", text.strip(), behalf, now)


def missing_items(row: m.RunStep) -> list[str]:
    return [c.item.text for c in m.RunCheck.select(m.RunCheck, m.KelengkapanItem)
            .join(m.KelengkapanItem).where(m.RunCheck.run_step == row)
            if not c.checked and not c.missing_reason]


def complete(run_step_id: int, actor: Actor,
             now: datetime | None = None) -> None:
    """Finish a (non-decision) step and move the run to the next step."""
    now = now or utc_now()
    with transaction():
        row, behalf = _act(run_step_id, actor)
        if row.step.simbol == "keputusan":
            raise InvalidInput("Langkah ini adalah keputusan: pilih \"Ya, lanjut\" atau "
                               "\"Tidak, kembalikan\".")
        _require_complete(row)
        _finish(row, actor, behalf, now, "")
        audit.append(row.run_id, actor.id, "selesai", f"langkah {row.step.number}", behalf, now)
        _advance(row, _next_number(row.step), now, actor)


def decide(run_step_id: int, actor: Actor, yes: bool,
           note: str = "", now: datetime | None = None) -> None:
    """A decision: "Ya" continues; "Tidak" (with a note) reopens the jika_tidak step and the
    steps after it up to this one, each as a new attempt."""
    now = now or utc_now()
    with transaction():
        row, behalf = _act(run_step_id, actor)
        step = row.step
        if step.simbol != "keputusan":
            raise InvalidInput("Langkah ini bukan keputusan.")
        if yes:
            _require_complete(row)
            _finish(row, actor, behalf, now, "ya", note)
            audit.append(row.run_id, actor.id, "ya", f"langkah {step.number}", behalf, now)
            _advance(row, _next_number(step), now, actor)
            return
        if not note.strip():
            raise InvalidInput("Tulis catatan: apa yang harus diperbaiki.")
        target = m.DecisionTarget.get(m.DecisionTarget.step == step).if_no.number
        _finish(row, actor, behalf, now, "tidak", note)
        audit.append(row.run_id, actor.id, "kembalikan",
                     f"langkah {step.number} ke langkah {target}: {note.strip()}", behalf, now)
        if target > step.number:  # a "Tidak" that skips ahead
            _advance(row, target, now, actor)
            return
        for number in range(target, step.number + 1):
            latest = _latest(row.run, number)
            if number < step.number and latest.state == "selesai":
                latest.state = "dikembalikan"
                latest.save()
            if number > target:
                m.RunStep.create(run=row.run, step=latest.step, attempt=latest.attempt + 1)
        _activate(row.run, target, now)


def _require_complete(row: m.RunStep) -> None:
    missing = missing_items(row)
    if missing:
        raise InvalidInput(["Kelengkapan belum lengkap: " + "; ".join(missing) + ".",
                            "Centang setiap butir, atau tulis alasan mengapa butir itu tidak "
                            "ada."])


def _finish(row: m.RunStep, actor: Actor, behalf: int | None, now: datetime, decision: str,
            note: str = "") -> None:
    row.state, row.completed_at, row.completed_by = "selesai", now, actor.id
    row.acted_for, row.decision = behalf, decision
    if note.strip():
        row.note = (row.note + "\n" if row.note else "") + note.strip()
    row.save()


def _next_number(step: m.Step) -> int | None:
    if step.simbol == "selesai":
        return None
    decision = m.DecisionTarget.get_or_none(m.DecisionTarget.step == step)
    if decision and decision.if_yes_id:
        return decision.if_yes.number
    last = m.Step.select(fn.MAX(m.Step.number)).where(m.Step.revision == step.revision_id)
    return step.number + 1 if step.number < last.scalar() else None


def _advance(row: m.RunStep, target: int | None, now: datetime, actor: Actor) -> None:
    run = row.run
    if target is None:
        for waiting in m.RunStep.select().where((m.RunStep.run == run)
                                                & (m.RunStep.state == "menunggu")):
            waiting.state = "dilewati"
            waiting.save()
        run.status, run.finished_at = "selesai", now
        run.save()
        audit.append(run.id, actor.id, "proses_selesai", run.title, at=now)
        return
    for number in range(row.step.number + 1, target):  # a "Ya" that jumps ahead
        skipped = _latest(run, number)
        if skipped.state == "menunggu":
            skipped.state = "dilewati"
            skipped.save()
    _activate(run, target, now)


def reassign(run_id: int, lane_kode: str, person_id: int,
             actor: Actor, now: datetime | None = None) -> None:
    """Give a lane of a running run to another person (admins only)."""
    if actor.role != "admin":
        raise NotAllowed("Hanya admin yang dapat mengganti petugas.")
    with transaction():
        run = m.Run.get_or_none(m.Run.id == run_id)
        if run is None:
            raise NotFound(f"Proses {run_id} tidak ada.")
        lane = m.Lane.get_or_none((m.Lane.revision == run.revision) & (m.Lane.kode == lane_kode))
        person = m.Person.get_or_none(m.Person.id == person_id)
        if lane is None or person is None:
            raise InvalidInput("Pelaksana atau petugas tidak dikenal.")
        (m.RunAssignment.insert(run=run, lane=lane, person=person)
         .on_conflict(conflict_target=[m.RunAssignment.run, m.RunAssignment.lane],
                      update={m.RunAssignment.person: person}).execute())
        audit.append(run.id, actor.id, "ganti_petugas", f"{lane.nama}: {person.nama}", at=now)


def reassign_by_name(run_id: int, lane_nama: str, person_id: int,
                     actor: Actor, now: datetime | None = None) -> None:
    """`reassign` for a lane named as the window shows it."""
    run = m.Run.get_or_none(m.Run.id == run_id)
    lane = run and m.Lane.get_or_none((m.Lane.revision == run.revision)
                                      & (m.Lane.nama == lane_nama))
    if lane is None:
        raise InvalidInput(f'Pelaksana "{lane_nama}" tidak ada di proses ini.')
    reassign(run_id, lane.kode, person_id, actor, now)
