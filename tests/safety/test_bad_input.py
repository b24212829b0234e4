"""Bad input: hundreds of generated malformed SOP files fed to `pandu sop import` (in-process):
never a crash, always exit 2 with a message, and the database unchanged. Names of attached
files never become paths outside the data folder."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.cli import main
from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import store_bytes, store_file, stored_path
from desktop_app.safety.archive import FILE_MEMBER
from desktop_app.sop.sopfile import parse_sop_bytes
from desktop_app.workspace import open_workspace
from tests.conftest import VALID_SOP

FUZZ = settings(max_examples=70, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


class Office:
    """One data folder for all examples, and a way to see that nothing in it changed."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data_dir = folder / "data"
        open_workspace(self.data_dir).close()
        self.watch = sqlite3.connect(self.data_dir / "pandu.sqlite3")
        self.version = self.data_version()
        self.dump = self.fingerprint()
        self.examples = 0

    def data_version(self) -> int:
        return self.watch.execute("PRAGMA data_version").fetchone()[0]

    def fingerprint(self) -> str:
        return hashlib.sha256("\n".join(self.watch.iterdump()).encode()).hexdigest()

    def import_refused(self, content: bytes) -> None:
        """`pandu sop import` of `content`: exit 2, a message, nothing written."""
        self.examples += 1
        path = self.folder / "masukan.pandu-sop.toml"
        path.write_bytes(content)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as out:
            status = main(["--data-dir", str(self.data_dir), "sop", "import", str(path)])
        message = err.getvalue()
        assert status == 2, (content[:300], out.getvalue(), message)
        assert message.startswith("pandu: ") and len(message.strip()) > len("pandu: ")
        assert "Traceback" not in message
        assert self.data_version() == self.version, content[:300]


@pytest.fixture(scope="module")
def fuzz_office(tmp_path_factory):
    office = Office(tmp_path_factory.mktemp("fuzz"))
    yield office
    assert office.fingerprint() == office.dump
    office.watch.close()


# --- strategies: every one yields a file that must be refused ---------------------------------

WRONG_TYPES = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(),
                        st.dates(), st.lists(st.integers(), max_size=3),
                        st.dictionaries(st.sampled_from("abc"), st.integers(), max_size=2))
TEXT = st.text(max_size=40)


def _step(sop: dict, draw) -> dict:
    return sop["langkah"][draw(st.integers(0, len(sop["langkah"]) - 1))]


@st.composite
def breakage(draw, sop: dict) -> None:
    """One change that makes a valid SOP invalid (each kind is certain to be refused)."""
    kind = draw(st.integers(0, 12))
    if kind == 0:
        sop.pop(draw(st.sampled_from(["format", "identitas", "pelaksana", "langkah"])), None)
    elif kind == 1:
        sop["format"] = draw(TEXT.filter(lambda t: t != "pandu-sop/1"))
    elif kind == 2:
        key = draw(st.sampled_from(["identitas", "pelaksana", "langkah"]))
        sop[key] = draw(st.one_of(st.integers(), TEXT, st.booleans()))
    elif kind == 3:
        sop["identitas"]["nama"] = draw(st.one_of(WRONG_TYPES, st.just(""), st.just("   ")))
    elif kind == 4:
        table = draw(st.sampled_from(["top", "identitas", "pelaksana", "langkah"]))
        target = {"top": sop, "identitas": sop["identitas"], "pelaksana": sop["pelaksana"][0],
                  "langkah": _step(sop, draw)}[table]
        key = draw(st.text(min_size=1, max_size=12).filter(lambda k: k not in target))
        target[key] = draw(st.one_of(TEXT, st.integers()))
    elif kind == 5:
        step = _step(sop, draw)
        step[draw(st.sampled_from(["kegiatan", "simbol", "waktu", "output"]))] = draw(
            st.one_of(st.integers(), st.booleans(), st.lists(st.integers(), min_size=1)))
    elif kind == 6:
        del _step(sop, draw)[draw(st.sampled_from(["kegiatan", "pelaksana"]))]
    elif kind == 7:
        _step(sop, draw)["pelaksana"] = draw(st.text(min_size=1, max_size=10).filter(
            lambda k: k not in ("camat", "perencana")))
    elif kind == 8:
        step = sop["langkah"][2]  # the keputusan
        step["jika_tidak"] = draw(st.one_of(st.integers(max_value=0), st.integers(min_value=5),
                                            st.just(3), TEXT, st.booleans()))
    elif kind == 9:
        _step(sop, draw)["simbol"] = draw(TEXT.filter(
            lambda s: s.strip() not in ("mulai", "proses", "keputusan", "selesai", "")))
    elif kind == 10:
        sop["pelaksana"][draw(st.integers(0, 1))]["kode"] = draw(
            st.text(min_size=1, max_size=10).filter(lambda k: not k.strip().isascii()
                                                    or k.strip() != k.strip().lower()
                                                    or " " in k.strip()))
    elif kind == 11:
        sop["identitas"][draw(st.sampled_from(["tanggal_pembuatan", "tanggal_revisi"]))] = \
            draw(st.one_of(TEXT, st.integers()))
    else:
        sop[draw(st.sampled_from(["pelaksana", "langkah"]))] = []


@st.composite
def broken_sop(draw) -> bytes:
    sop = copy.deepcopy(VALID_SOP)
    for _ in range(draw(st.integers(1, 3))):
        if not isinstance(sop.get("langkah"), list) or not sop["langkah"] \
                or not isinstance(sop.get("identitas"), dict) \
                or not isinstance(sop.get("pelaksana"), list) or len(sop["pelaksana"]) < 2:
            break
        draw(breakage(sop))
    return tomli_w.dumps(sop).encode("utf-8")


@st.composite
def cut_or_spoilt(draw) -> bytes:
    """A valid file cut short, or with bytes overwritten: whatever is left must be refused."""
    data = bytearray(tomli_w.dumps(VALID_SOP).encode("utf-8"))
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data) - 1))]
    else:
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    content = bytes(data)
    try:
        parse_sop_bytes(content)
    except InvalidInput:
        return content
    assume(False)  # still a valid SOP: not malformed
    return content


TOML_VALUES = st.recursive(
    st.one_of(st.integers(), st.booleans(), TEXT, st.dates(min_value=date(1900, 1, 1))),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3)),
    max_leaves=12)


RUBBISH = st.one_of(
    st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.dictionaries(st.text(min_size=1, max_size=10), TOML_VALUES, max_size=5)
    .map(lambda d: tomli_w.dumps(d).encode("utf-8")))


@pytest.mark.parametrize("strategy", [broken_sop(), RUBBISH, cut_or_spoilt()],
                         ids=["broken-sop", "rubbish", "cut-or-spoilt"])
def test_malformed_files_are_refused(fuzz_office, strategy):
    """3 x 70 generated files (with the cases below: well over 200)."""
    before = fuzz_office.examples

    @FUZZ
    @given(content=strategy)
    def feed(content):
        fuzz_office.import_refused(content)

    feed()
    assert fuzz_office.examples - before >= FUZZ.max_examples


@pytest.mark.parametrize("content", [
    b"", b"\xef\xbb\xbf", b"\x00" * 10, "format = 'pandu-sop/1'".encode("utf-16"),
    b"[identitas]\n" * 1000, b"a = " + b"[" * 50 + b"]" * 50,
])
def test_edge_cases_are_refused(fuzz_office, content):
    fuzz_office.import_refused(content)


def test_an_oversized_file_is_refused(fuzz_office):
    fuzz_office.import_refused(b"# " + b"x" * (5 * 1024 * 1024 + 10))


# tomllib raises RecursionError on deep nesting and ValueError on an integer of more than
# 4,300 digits; the importer turns both into a plain refusal.
@pytest.mark.parametrize("content", [b"a = " + b"[" * 100_000,
                                     b'format = "pandu-sop/1"\nx = ' + b"1" * 5000],
                         ids=["deep-nesting", "huge-integer"])
def test_toml_the_parser_chokes_on_is_refused(content):
    with pytest.raises(InvalidInput):
        parse_sop_bytes(content)


# --- attachment names ---------------------------------------------------------------------

NASTY_NAMES = ["../../../etc/passwd.pdf", "..\\..\\Windows\\win.ini", "C:\\boot.ini",
               "/etc/shadow", "berkas/../../keluar.pdf", "....pdf", "laporan.PDF/../../x",
               "CON.pdf", "aux", "nama\x00nul.pdf", "a" * 300 + ".pdf", "surat.p d f",
               "surat.exe.pdf", "rapat.%2e%2e%2fpdf", "⁄etc⁄passwd.pdf", "..", "."]


def _inside(data_dir: Path, relative: str) -> bool:
    resolved = (data_dir / relative).resolve()
    return resolved.parent == (data_dir / "berkas").resolve()


@settings(max_examples=150, deadline=None)
@given(name=st.one_of(st.sampled_from(NASTY_NAMES), st.text(max_size=80)),
       data=st.binary(max_size=50))
def test_stored_names_come_from_the_content_only(tmp_path_factory, name, data):
    data_dir = tmp_path_factory.mktemp("nama")
    extension = name.rsplit(".", 1)[-1]
    stored = store_bytes(data_dir, data, extension)
    assert FILE_MEMBER.fullmatch(stored.relative_path)
    assert stored.relative_path.startswith(f"berkas/{hashlib.sha256(data).hexdigest()}")
    assert _inside(data_dir, stored.relative_path)
    assert [p.name for p in data_dir.rglob("*") if p.is_file()] == [
        stored.relative_path.split("/")[1]]
    assert stored_path(data_dir, name) is None or FILE_MEMBER.fullmatch(name)


def test_picked_files_with_hostile_names_stay_in_the_data_folder(tmp_path):
    data_dir = tmp_path / "data"
    outside = tmp_path / "masukan"
    outside.mkdir()
    for number, name in enumerate(n for n in NASTY_NAMES if "/" not in n and "\x00" not in n
                                  and n not in ("..", ".") and len(n) < 250):
        source = outside / name
        source.write_bytes(f"isi {number}".encode())
        stored = store_file(data_dir, source)
        assert _inside(data_dir, stored.relative_path), name
    assert not (tmp_path / "etc").exists() and not (tmp_path / "keluar.pdf").exists()
    for relative in ("../pandu.sqlite3", "berkas/../pandu.sqlite3", "/etc/passwd",
                     "berkas/" + "a" * 64 + "/../../x", "berkas\\..\\x"):
        assert stored_path(data_dir, relative) is None


def test_attaching_in_a_run_uses_the_hash_not_the_name(filled, tmp_path):
    from db import models as m
    from desktop_app.runs import engine
    from desktop_app.runs.views import run_view

    step = run_view(filled.run_id).active_step.current
    source = tmp_path / "..%2F..%2Fkeluar.pdf"
    source.write_bytes(b"%PDF-1.4 lampiran")
    engine.attach(filled.data_dir, step.run_step_id, None, source,
                  filled.office.admin)
    row = m.Attachment.select().order_by(m.Attachment.id.desc()).get()
    assert row.original_name == "..%2F..%2Fkeluar.pdf"  # kept for display only
    assert _inside(filled.data_dir, row.stored_path)
    assert stored_path(filled.data_dir, row.stored_path).read_bytes() == b"%PDF-1.4 lampiran"
