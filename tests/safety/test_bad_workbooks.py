"""Bad input, workbooks: generated damaged plan forms (.xlsx) fed to `pandu form import`
(in-process): never a crash, exit 2 with a message, the database unchanged.

The base is a form as exported and not filled in, which the importer must refuse anyway
("formulir masih kosong"), so every damaged variant of it must be refused too."""

from __future__ import annotations

import io
import sqlite3
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("desktop_app.cli.form")

from desktop_app.office.profile import (  # noqa: E402
    OfficeProfile,
    Official,
    Unit,
    save_profile,
)
from desktop_app.workspace import open_workspace  # noqa: E402

FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


class Forms:
    def __init__(self, folder, cli):
        self.folder, self.cli = folder, cli
        self.data_dir = folder / "data"
        workspace = open_workspace(self.data_dir)
        save_profile(OfficeProfile(
            pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
            alamat="Jl. Raya Ngargoyoso No. 1", units=(Unit("Seksi Pemerintahan"),),
            officials=(Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO", "Pembina",
                                "198001181999121001"),)))
        workspace.close()
        status, _out, err = cli("--data-dir", self.data_dir, "form", "export", "rkt",
                                "--year", "2027", "-o", folder / "formulir")
        assert status == 0, err
        self.form = next((folder / "formulir").glob("*.xlsx")).read_bytes()
        with zipfile.ZipFile(io.BytesIO(self.form)) as book:
            self.parts = {name: book.read(name) for name in book.namelist()}
        self.watch = sqlite3.connect(self.data_dir / "pandu.sqlite3")
        self.version = self.data_version()
        self.fed = 0

    def data_version(self) -> int:
        return self.watch.execute("PRAGMA data_version").fetchone()[0]

    def refused(self, content: bytes) -> None:
        self.fed += 1
        path = self.folder / "isian.xlsx"
        path.write_bytes(content)
        status, _out, err = self.cli("--data-dir", self.data_dir, "form", "import", path)
        assert status == 2, err
        assert err.startswith("pandu: ") and "Traceback" not in err
        assert self.data_version() == self.version


@pytest.fixture
def forms(tmp_path, cli, monkeypatch):
    import desktop_app.cli as cli_module

    modules = tuple(dict.fromkeys(cli_module.COMMAND_MODULES + ("desktop_app.cli.form",)))
    monkeypatch.setattr(cli_module, "COMMAND_MODULES", modules)
    return Forms(tmp_path, cli)


@st.composite
def spoilt_bytes(draw, form: bytes) -> bytes:
    data = bytearray(form)
    how = draw(st.sampled_from(["cut", "overwrite", "append"]))
    if how == "cut":
        return bytes(data[:draw(st.integers(0, len(data) - 1))])
    if how == "append":
        return bytes(data) + draw(st.binary(min_size=1, max_size=200))
    for _ in range(draw(st.integers(1, 30))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def spoilt_part(draw, parts: dict[str, bytes]) -> bytes:
    """A well-formed zip whose XML inside is damaged, missing or replaced."""
    parts = dict(parts)
    name = draw(st.sampled_from(sorted(parts)))
    how = draw(st.sampled_from(["drop", "cut", "flip", "replace"]))
    if how == "drop":
        del parts[name]
    elif how == "cut":
        parts[name] = parts[name][:draw(st.integers(0, max(0, len(parts[name]) - 1)))]
    elif how == "replace":
        parts[name] = draw(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(
            lambda t: f"<?xml version='1.0'?><x>{t}</x>".encode("utf-8", "replace"))))
    else:
        data = bytearray(parts[name])
        for _ in range(draw(st.integers(1, 10))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.sampled_from(b"<>&\"'/x0 "))
        parts[name] = bytes(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part, data in parts.items():
            book.writestr(part, data)
    return out.getvalue()


def test_damaged_workbooks_are_refused(forms):
    forms.refused(forms.form)  # the empty form itself

    @FUZZ
    @given(content=st.one_of(spoilt_bytes(forms.form), spoilt_part(forms.parts),
                             st.binary(max_size=500)))
    def feed(content):
        forms.refused(content)

    feed()
    assert forms.fed > FUZZ.max_examples
