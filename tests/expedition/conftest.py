"""A kecamatan office with a signed surat pengantar for the Renja 2027 (made in the Renja run),
the signed Renja itself attached to that run, and a second signed letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from db import models as m
from desktop_app.naskah import workflow
from desktop_app.office.signoff import set_route
from desktop_app.runs import engine
from desktop_app.runs.views import run_view
from tests.naskah.test_workflow import CONTENT, routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture

SIGNED_ON = date(2026, 1, 12)  # a Monday
START = datetime(2026, 1, 5, 1, 0)  # Monday 08.00 WIB


@dataclass
class Sending:
    office: object
    run_id: int
    pengantar: int  # the signed surat pengantar of the Renja
    surat: int  # another signed letter (a surat dinas to the Inspektorat)
    renja_file: int  # the signed Renja, attached in the run

    @property
    def database(self):
        return self.office.workspace.database

    @property
    def data_dir(self):
        return self.office.workspace.data_dir


def sign(o, doc_id: int, on: date = SIGNED_ON) -> None:
    _db, data = o.workspace.database, o.workspace.data_dir
    for actor in (o.kasubag, o.sekcam, o.camat):
        workflow.approve(data, doc_id, actor.id, "123456", today=on)


@pytest.fixture
def sending(routed, tmp_path) -> Sending:  # noqa: F811
    o = routed
    _db, data = o.workspace.database, o.workspace.data_dir
    set_route("surat_dinas", [(o.kasubag.id, "paraf"), (o.sekcam.id, "paraf"),
                                  (o.camat.id, "tanda_tangan")])
    run_id = engine.start_run(o.sop_id, "Penyusunan Renja 2027", 2027, date(2026, 1, 5),
                              o.assignments, o.admin, now=START)
    step = run_view(run_id).active_step.current.run_step_id
    renja = tmp_path / "Renja Kecamatan 2027 (ditandatangani).pdf"
    renja.write_bytes(b"%PDF-1.4\n% Renja 2027\n%%EOF\n")
    engine.attach(data, step, None, renja, o.camat, now=START)
    pengantar = workflow.create_document(data, "surat_pengantar", "Penyampaian Renja 2027",
                                         CONTENT, o.staf.id, run_step_id=step)
    sign(o, pengantar)
    surat = workflow.create_document(
        data, "surat_dinas", "Laporan pelaksanaan musrenbang",
        {"tempat": "Karanganyar", "kepada": "Inspektur Kabupaten", "di": "Karanganyar",
         "klasifikasi": "000.7.2.10", "hal": "Laporan pelaksanaan musrenbang",
         "paragraphs": ["Dengan hormat, bersama ini kami sampaikan laporan."]}, o.staf.id)
    sign(o, surat)
    return Sending(o, run_id, pengantar, surat, m.Attachment.select().get().id)
