"""`pandu selftest`: does this installation work? Each part tried once in a temporary folder.

Runs the same way from a checkout and from the frozen app (`make dist` runs it on the bundle),
so a missing font, migration, plug-in or library shows up here rather than at an office.
Prints one line per check; exit status 0 when none failed (a skipped check is not a failure).
The office's own data folder is never touched.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

NAME = "selftest"
NEEDS_WORKSPACE = False  # it works in a temporary data folder of its own
OK, FAILED, SKIPPED = "OK", "GAGAL", "DILEWATI"
FORMS_PACKAGE = "desktop_app.forms"


@dataclass
class Outcome:
    status: str
    detail: str


class Skipped(Exception):
    """The part being checked is not in this build."""


def register(commands) -> None:
    commands.add_parser(NAME, help="uji cepat instalasi ini di folder sementara (tanpa "
                                   "menyentuh data kantor)")


def run(args, workspace) -> int:
    """Every check in order, on a temporary data folder; the office's own is never touched."""
    import os

    from desktop_app import __version__
    from desktop_app.workspace import DB_ENV

    os.environ.pop(DB_ENV, None)  # checks its own temporary SQLite folder, never a server
    print(f"Pandu SOP {__version__}: uji mandiri")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="pandu-selftest-") as folder:
        for label, outcome in run_checks(Path(folder)):
            failed += outcome.status == FAILED
            print(f"{outcome.status:<8} {label}: {outcome.detail}", flush=True)
    print("Semua pemeriksaan berhasil." if not failed else f"{failed} pemeriksaan gagal.")
    return 0 if not failed else 1


def run_checks(folder: Path):
    """(label, Outcome) per check, as each finishes. Later checks need the data folder."""
    from desktop_app.workspace import open_workspace

    state: dict = {}

    def data_folder() -> str:
        state["workspace"] = open_workspace(folder / "data")
        from desktop_app.sop import library

        with state["workspace"].active():
            state["sops"] = library.list_sops()
        if not state["sops"]:
            raise RuntimeError("tidak ada templat SOP terpasang")
        return f"basis data dimigrasi, {len(state['sops'])} templat SOP terpasang"

    checks: list[tuple[str, Callable[[], str]]] = [
        ("folder data sementara", data_folder),
        ("tanggal dan hari libur", _dates_and_holidays),
        ("cetak lembar SOP (PDF)", lambda: _print_sop(state, folder)),
        ("impor dokumen SOP (PDF)", lambda: _import_document(state, folder)),
        ("lembar kerja (XLSX)", lambda: _workbook(folder)),
        ("formulir", lambda: _form(state, folder)),
        ("jendela utama (offscreen)", lambda: _window(state)),
    ]
    try:
        for label, check in checks:
            if label != checks[0][0] and "workspace" not in state:
                yield label, Outcome(SKIPPED, "folder data tidak dapat dibuka")
                continue
            if "workspace" in state:
                with state["workspace"].active():
                    outcome = _attempt(check)
            else:
                outcome = _attempt(check)
            yield label, outcome
    finally:
        if "workspace" in state:
            state["workspace"].close()


def _attempt(check: Callable[[], str]) -> Outcome:
    started = time.perf_counter()
    try:
        detail = check()
    except Skipped as exc:
        return Outcome(SKIPPED, str(exc))
    except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return Outcome(FAILED, f"{type(exc).__name__}: {exc} ({where})")
    return Outcome(OK, f"{detail} ({time.perf_counter() - started:.1f} s)")


def _dates_and_holidays() -> str:
    from desktop_app.common.dates import tanggal
    from desktop_app.common.working_time import national_holidays

    text = tanggal(date(2025, 8, 17))
    if text != "17 Agustus 2025":
        raise RuntimeError(f"tanggal Indonesia salah: {text!r}")
    days = national_holidays(2025)
    if date(2025, 8, 17) not in days:
        raise RuntimeError("17 Agustus 2025 tidak ada di daftar libur nasional")
    return f"{text}: {days[date(2025, 8, 17)]}; {len(days)} hari libur 2025"


def _print_sop(state: dict, folder: Path) -> str:
    import pypdfium2 as pdfium

    from desktop_app.sop.printing import print_sop

    first = state["sops"][0]
    target = folder / "lembar-sop.pdf"
    print_sop(first.id, target, paper="F4", data_dir=state["workspace"].data_dir)
    document = pdfium.PdfDocument(str(target))
    try:
        pages = len(document)
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    if pages < 1 or first.nama.split()[0] not in text:
        raise RuntimeError(f"PDF {target.name} tidak memuat nama SOP")
    return f"{first.nama[:40]}: {pages} halaman, {target.stat().st_size // 1024} KB"


def _import_document(state: dict, folder: Path) -> str:
    """The sheet just printed reads back as a draft SOP (pdfplumber and its kin are bundled)."""
    from desktop_app.sop.importing.reader import read_document

    target = folder / "lembar-sop.pdf"
    if not target.exists():
        raise Skipped("lembar SOP belum dicetak")
    draft = read_document(target)
    first = state["sops"][0]
    if not draft.sop.langkah:
        raise RuntimeError(f"{target.name} terbaca tanpa langkah")
    return f"{first.nama[:40]}: {len(draft.sop.langkah)} langkah, {draft.pages} halaman"


def _workbook(folder: Path) -> str:
    from openpyxl import load_workbook

    from desktop_app.render.xlsx.audit_trail import audit_xlsx

    target = folder / "jejak-audit.xlsx"
    target.write_bytes(audit_xlsx("Uji mandiri", []))
    title = load_workbook(target).active["A1"].value
    if "Uji mandiri" not in str(title):
        raise RuntimeError("isi lembar kerja tidak terbaca kembali")
    return f"{target.name}, {target.stat().st_size // 1024} KB"


def _form(state: dict, folder: Path) -> str:
    """A unit's RKT workbook for a sample office, when this build has the forms package.

    The forms package may offer `selftest_form(workspace, folder) -> Path`; otherwise its
    export service is called the way `pandu form export` does."""
    if importlib.util.find_spec(FORMS_PACKAGE) is None:
        raise Skipped("paket formulir belum ada di versi ini")
    forms = importlib.import_module(FORMS_PACKAGE)
    if hasattr(forms, "selftest_form"):
        path = Path(forms.selftest_form(state["workspace"], folder))
    else:
        from desktop_app.forms.exporting import export_forms

        _sample_office()
        path = export_forms(folder / "formulir", "rkt", date.today().year + 1)[0].path
    from openpyxl import load_workbook

    sheets = load_workbook(path).sheetnames
    return f"{path.name}: {len(sheets)} lembar, {path.stat().st_size // 1024} KB"


def _sample_office() -> None:
    from desktop_app.office.profile import OfficeProfile, Official, Unit, save_profile

    save_profile(OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN CONTOH", nama_kantor="KECAMATAN UJI",
        alamat="Jalan Contoh No. 1", officials=(
            Official("Camat Uji", "BUDI SANTOSO, S.STP.", "Pembina (IV/a)",
                     "198001182000121001"),),
        units=(Unit("Seksi Pemerintahan"),)))


def _window(state: dict) -> str:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the first Qt import
    from desktop_app.gui.about_dialog import check_windows

    return check_windows(state["workspace"])
