"""A document to import and a pandu-sop/1 file pass the same gate (sop/intake.py): the same
limits, the same messages, and nothing saved when a file is refused."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.sop import library
from desktop_app.sop.importing.reader import read_document
from desktop_app.sop.sopfile import read_sop_file

READERS = {"dokumen": read_document, "pandu-sop": read_sop_file}


def _message(reader, path: Path) -> str:
    with pytest.raises(InvalidInput) as raised:
        reader(path)
    return str(raised.value)


def _huge(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(6 * 2**20)
    return path


@pytest.mark.parametrize("name", ["besar.docx", "besar.pdf", "besar.txt",
                                  "besar.pandu-sop.toml"])
def test_a_huge_file_is_refused_alike_by_both(tmp_path, name):
    path = _huge(tmp_path, name)
    messages = {kind: _message(reader, path) for kind, reader in READERS.items()}
    assert len(set(messages.values())) == 1, messages
    assert "terlalu besar untuk sebuah SOP (lebih dari 5 MB)" in messages["dokumen"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_a_device_or_folder_is_refused_alike_before_reading(tmp_path):
    started = time.monotonic()
    for target in (Path("/dev/zero"), tmp_path):
        messages = {_message(reader, target) for reader in READERS.values()}
        assert len(messages) == 1 and "bukan berkas biasa" in messages.pop()
    assert time.monotonic() - started < 2


def test_an_empty_or_missing_file_is_refused_alike(tmp_path):
    empty = tmp_path / "kosong.docx"
    empty.write_bytes(b"")
    missing = tmp_path / "tidak-ada.pdf"
    for target, words in ((empty, "kosong"), (missing, "tidak dapat dibuka")):
        messages = {_message(reader, target) for reader in READERS.values()}
        assert len(messages) == 1 and words in messages.pop()


def test_the_limit_is_one_helper_not_two():
    from desktop_app.sop import intake, sopfile
    from desktop_app.sop.importing import reader

    assert reader.MAX_DOCUMENT_BYTES == sopfile.MAX_FILE_BYTES == intake.MAX_SOP_INPUT_BYTES
    for module in (reader, sopfile):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert "read_sop_input(path)" in source and "st_size" not in source


def test_a_refused_file_saves_nothing(workspace, tmp_path):
    before = len(library.list_sops())
    with pytest.raises(InvalidInput, match="terlalu besar"):
        library.import_sop(_huge(tmp_path, "besar.pandu-sop.toml"))
    assert len(library.list_sops()) == before
