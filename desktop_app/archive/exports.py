"""A copy of each file the office saves out of the app (a merged plan, a run's audit trail)
is kept under the data folder and found again in the Arsip."""

from __future__ import annotations

from pathlib import Path

from db import models as m
from db.database import transaction
from desktop_app.common.file_store import store_bytes

KINDS = {"rencana_gabungan": "Rencana gabungan", "jejak_audit": "Jejak audit proses"}


def keep_copy(data_dir: Path, kind: str, title: str, year: int,
              file_name: str, data: bytes, run_id: int | None = None,
              person_id: int | None = None) -> int:
    """Store `data` by hash and list it in the archive; returns the row's id."""
    if kind not in KINDS:
        raise ValueError(kind)
    stored = store_bytes(data_dir, data, Path(file_name).suffix.lstrip("."))
    with transaction():
        row = m.ExportedFile.create(kind=kind, title=title, year=year, run=run_id,
                                    file_name=file_name, sha256=stored.sha256,
                                    stored_path=stored.relative_path, created_by=person_id)
    return row.id
