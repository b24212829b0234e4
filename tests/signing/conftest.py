"""Fixtures of the signing tests: the office key folder outside the data folder, and an
office whose kasubag, sekcam and camat each have their own signing key."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.naskah import workflow
from desktop_app.signing import keys
from tests.naskah.test_workflow import CONTENT, routed  # noqa: F401 - the fixture
from tests.runs.conftest import office  # noqa: F401 - the fixture

PASS = {"kasubag": "kasubag rahasia 1", "sekcam": "sekcam rahasia 2",
        "camat": "camat rahasia 3"}


@pytest.fixture(autouse=True)
def key_dir(tmp_path, monkeypatch):
    path = tmp_path / "kunci-pc"
    monkeypatch.setenv("PANDU_KEY_DIR", str(path))
    return path


@pytest.fixture
def keyed(routed):  # noqa: F811
    for role, passphrase in PASS.items():
        keys.create_person_key(getattr(routed, role).id, passphrase)
    return routed


def sign_letter(o, content=None, today=date(2026, 11, 24)) -> int:
    """A surat pengantar through paraf, paraf and the camat's signature, all with keys."""
    _db, data = o.workspace.database, o.workspace.data_dir
    doc_id = workflow.create_document(data, "surat_pengantar", "Penyampaian Renja 2027",
                                      content or CONTENT, o.staf.id)
    workflow.approve(data, doc_id, o.kasubag.id, "123456", passphrase=PASS["kasubag"])
    workflow.approve(data, doc_id, o.sekcam.id, "123456", passphrase=PASS["sekcam"])
    workflow.approve(data, doc_id, o.camat.id, "123456", today=today,
                     passphrase=PASS["camat"])
    return doc_id
