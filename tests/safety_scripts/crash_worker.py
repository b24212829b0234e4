"""Crash-harness worker: a scripted series of saves through the services (import SOPs, edit a
draft, start runs, tick items, complete steps, attach files), printing one line after each
save has been committed. tests/safety/test_crash.py kills it with SIGKILL at random moments.

    python crash_worker.py DATA_DIR SEED
    python crash_worker.py DATA_DIR restore A.zip B.zip     restores A, B, A, ... ("pulih X")

Lines: "siap" once open, then
    sop ID TAG STEPS        an imported SOP            edit ID N            draft now "Sunting N"
    run ID STEPS            a started run              tick RUN_STEP ITEM   an item ticked
    done RUN_STEP           a step completed           attach RUN_STEP SHA  a file attached
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from db import models as m
from desktop_app.runs import engine
from desktop_app.runs.engine import Actor
from desktop_app.sop import library
from desktop_app.sop.model import Identity, Lane, Sop, Step
from desktop_app.sop.sopfile import write_sop_file
from desktop_app.workspace import open_workspace

RUN_SOP = "Uji Ketahanan Proses"
EDIT_PREFIX = "Sunting "


def edit_steps(n: int) -> int:
    return n % 6 + 2


def simple_sop(nama: str, steps: int, version: str = "") -> Sop:
    lanes = [Lane("camat", "Camat"), Lane("staf", "Staf")]
    body = [Step(kegiatan=f"Langkah {j + 1} {version}".strip(), pelaksana=[lanes[j % 2].kode],
                 kelengkapan=[f"Berkas {j + 1}"] if j % 2 else [], waktu="1 hari")
            for j in range(steps)]
    body[0].simbol, body[-1].simbol = "mulai", "selesai"
    return Sop(Identity(nama=nama, instansi="Kecamatan Uji"), lanes, body)


class Worker:
    def __init__(self, data_dir: Path, seed: int):
        self.workspace = open_workspace(data_dir)
        self.db, self.data_dir = self.workspace.database, data_dir
        self.rng = random.Random(seed)
        self.scratch = data_dir.parent / f"masukan-{seed}"
        self.scratch.mkdir(exist_ok=True)
        admin = m.Person.get(m.Person.role == "admin")
        self.actor = Actor(admin.id, "admin")
        self.run_sop = m.SopRevision.get(m.SopRevision.nama == RUN_SOP).sop_id
        self.edit_sop = (m.SopRevision.select().where(m.SopRevision.nama.startswith(EDIT_PREFIX))
                         .get().sop_id)

    def import_sop(self, tag: str) -> str:
        steps = self.rng.randint(2, 9)
        path = self.scratch / "impor.pandu-sop.toml"
        write_sop_file(simple_sop(f"Impor {tag}", steps), path)
        return f"sop {library.import_sop(path)} {tag} {steps}"

    def edit(self, tag: str) -> str:
        current = library.get_sop(self.edit_sop).identitas.nama
        n = int(current.removeprefix(EDIT_PREFIX)) + 1
        sop = simple_sop(f"{EDIT_PREFIX}{n}", edit_steps(n), f"versi {n}")
        library.save_draft(self.edit_sop, sop, date.today())
        return f"edit {self.edit_sop} {n}"

    def start_run(self, tag: str) -> str:
        run_id = engine.start_run(self.run_sop, f"Proses {tag}", 2027, date.today(),
                                  {"camat": self.actor.id, "staf": self.actor.id}, self.actor)
        return f"run {run_id} {m.RunStep.select().where(m.RunStep.run == run_id).count()}"

    def _active(self) -> m.RunStep | None:
        rows = list(m.RunStep.select().join(m.Run)
                    .where((m.Run.status == "berjalan") & (m.RunStep.state == "aktif")))
        return self.rng.choice(rows) if rows else None

    def advance(self, tag: str) -> str | None:
        row = self._active()
        if row is None:
            return self.start_run(tag)
        waiting = [c for c in m.RunCheck.select().where(m.RunCheck.run_step == row)
                   if not c.checked]
        if waiting:
            engine.tick(row.id, waiting[0].item_id, True, self.actor)
            return f"tick {row.id} {waiting[0].item_id}"
        engine.complete(row.id, self.actor)
        return f"done {row.id}"

    def attach(self, tag: str) -> str | None:
        row = self._active()
        if row is None:
            return None
        source = self.scratch / f"lampiran {tag}.pdf"
        source.write_bytes(b"%PDF-1.4 " + self.rng.randbytes(self.rng.randint(10, 5000)))
        engine.attach(self.data_dir, row.id, None, source, self.actor)
        sha = m.Attachment.select().order_by(m.Attachment.id.desc()).get().sha256
        return f"attach {row.id} {sha}"

    def work(self, seed: int) -> None:
        actions = (self.import_sop, self.edit, self.start_run, self.advance, self.attach)
        weights = (2, 3, 1, 6, 2)
        print("siap", flush=True)
        for i in range(100_000):
            action = self.rng.choices(actions, weights)[0]
            line = action(f"{seed}-{i}")
            if line:
                print(line, flush=True)


def prepare(data_dir: Path) -> None:
    """The office the worker expects: an admin, an approved SOP to run, a draft to edit."""
    from desktop_app.office.people import add_person
    from desktop_app.sop.model import Official

    workspace = open_workspace(data_dir)
    try:
        add_person("Admin Uji", "Admin", "199501012020031004", "admin", "123456")
        run_sop = library.add_sop(simple_sop(RUN_SOP, 4))
        library.approve(run_sop, Official("Camat", "Camat Uji"), date.today())
        library.add_sop(simple_sop(f"{EDIT_PREFIX}0", edit_steps(0), "versi 0"))
    finally:
        workspace.close()


def restore_forever(data_dir: Path, archives: list[Path]) -> None:
    """Restore the backups in turn, as the window does (through its open database)."""
    from desktop_app.safety.restore import restore

    workspace = open_workspace(data_dir)
    print("siap", flush=True)
    for turn in range(100_000):
        path = archives[turn % len(archives)]
        restore(data_dir, path, workspace.database)
        print(f"pulih {path.stem}", flush=True)


def backup_forever(data_dir: Path) -> None:
    """Back up again and again, as the automatic backup and `pandu backup` do."""
    from desktop_app.safety.backup import create_backup

    open_workspace(data_dir).close()
    print("siap", flush=True)
    for turn in range(100_000):
        create_backup(data_dir, data_dir / "cadangan" / f"uji-{turn % 3}.zip")
        print(f"cadangan {turn}", flush=True)


if __name__ == "__main__":
    if sys.argv[2] == "backup":
        backup_forever(Path(sys.argv[1]))
    elif sys.argv[2] == "restore":
        restore_forever(Path(sys.argv[1]), [Path(a) for a in sys.argv[3:]])
    else:
        Worker(Path(sys.argv[1]), int(sys.argv[2])).work(int(sys.argv[2]))
