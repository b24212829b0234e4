"""An office with data worth keeping (a run, an attachment, a logo, a naskah), and `pandu`
in-process with the safety commands registered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from db import models as m
from desktop_app.common.file_store import store_bytes
from desktop_app.office import profile
from desktop_app.office.settings import set_settings
from desktop_app.runs import engine
from desktop_app.runs.views import run_view
from tests.runs.conftest import Office, office  # noqa: F401 - the fixture

SAFETY_MODULES = ("desktop_app.cli.backup", "desktop_app.cli.restore", "desktop_app.cli.check")
PNG = b"\x89PNG\r\n\x1a\n" + b"logo kecamatan" * 20
START = datetime(2026, 11, 23, 1, 0)  # a Monday, 08.00 WIB
ADMIN_NIP = "199501012020031004"  # tests.runs.conftest's admin (PIN 123456)


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `pandu ARGS` in-process: (exit status, stdout, stderr)."""
    import desktop_app.cli as cli_module

    modules = tuple(dict.fromkeys(cli_module.COMMAND_MODULES + SAFETY_MODULES))
    monkeypatch.setattr(cli_module, "COMMAND_MODULES", modules)

    def run(*argv) -> tuple[int, str, str]:
        capsys.readouterr()
        argv = [str(a) for a in argv]
        if "restore" in argv and "--pengguna" not in argv:  # the office fixture's admin
            argv += ["--pengguna", ADMIN_NIP]
            monkeypatch.setenv("PANDU_PIN", "123456")
        status = cli_module.main(argv)
        out = capsys.readouterr()
        return status, out.out, out.err

    return run


@dataclass
class Filled:
    office: Office
    run_id: int
    attachment: Path  # the stored file in berkas/
    logo: Path
    pdf: Path

    @property
    def workspace(self):
        return self.office.workspace

    @property
    def data_dir(self) -> Path:
        return self.office.workspace.data_dir


@pytest.fixture
def filled(office, tmp_path) -> Filled:  # noqa: F811
    ws = office.workspace
    db, data = ws.database, ws.data_dir
    run_id = engine.start_run(office.sop_id, "Penyusunan RKT 2027", 2027, date(2026, 11, 23),
                              office.assignments, office.admin, now=START)
    step = run_view(run_id).active_step.current
    engine.tick(step.run_step_id, step.checks[0].item_id, True, office.admin, START)
    source = tmp_path / "notulen rapat.pdf"
    source.write_bytes(b"%PDF-1.4\n% notulen rapat koordinasi\n")
    engine.attach(data, step.run_step_id, None, source, office.admin, START)
    attachment = data / m.Attachment.get().stored_path
    logo_file = tmp_path / "logo.png"
    logo_file.write_bytes(PNG)
    logo = profile.store_logo(data, logo_file)
    set_settings({"logo": logo, "nama_kantor": "KECAMATAN NGARGOYOSO"})
    pdf = store_bytes(data, b"%PDF-1.4\n% surat pengantar versi 1\n", "pdf")
    with db.atomic():
        doc = m.Document.create(kind="surat_pengantar", title="Penyampaian Renja 2027",
                                content="{}", created_by=office.staf.id)
        m.DocumentVersion.create(document=doc, number=1, sha256=pdf.sha256,
                                 stored_path=pdf.relative_path, created_by=office.staf.id)
    return Filled(office, run_id, attachment, data / logo, data / pdf.relative_path)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder this process cannot write in (skips where permissions are not enforced,
    e.g. for root with CAP_DAC_OVERRIDE)."""
    import os

    folder = tmp_path / "hanya-baca"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "uji").write_bytes(b"")
    except PermissionError:
        yield folder
    else:
        pytest.skip("this user writes into read-only folders (root)")
    finally:
        folder.chmod(0o755)
        if os.path.exists(folder / "uji"):
            os.remove(folder / "uji")
