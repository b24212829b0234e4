"""`pandu run list` and `pandu run show ID`."""

from __future__ import annotations

from datetime import date

from desktop_app.cli import main
from desktop_app.runs import engine


def test_run_list_and_show(office, capsys):
    run_id = engine.start_run(office.sop_id, "Penyusunan RKT 2027", 2027, date.today(),
                              office.assignments, office.admin)
    base = ["--data-dir", str(office.workspace.data_dir), "run"]
    assert main([*base, "list"]) == 0
    out = capsys.readouterr().out
    assert f"{run_id}\tPenyusunan RKT 2027\tberjalan\t0/13" in out
    assert "1. Memberikan Perintah/Disposisi" in out
    assert main([*base, "show", str(run_id)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Penyusunan RKT 2027 (Penyusunan RKT, revisi 1) — berjalan")
    assert lines[2].startswith("1\tsedang dikerjakan\tWahyu Camat\t")
    assert lines[3].startswith("2\tmenunggu\tCitra Sekcam\t-\t-\t")
    assert len(lines) == 2 + 13


def test_run_show_unknown_id(workspace, capsys):
    assert main(["--data-dir", str(workspace.data_dir), "run", "show", "77"]) == 2
    assert "Proses dengan id 77 tidak ada" in capsys.readouterr().err
