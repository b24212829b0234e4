"""Build the frozen app and check it (`make dist`; on Windows `python installers\\build.py`).

1. PyInstaller builds dist/PanduSOP/ from installers/pandu.spec.
2. Every file the installers name is checked to be there (installers/bundle.py).
3. The frozen `pandu --version` must print pyproject's version, and the frozen
   `pandu selftest` must pass, in a temporary data folder with a clean environment.
4. Linux: dist/PanduSOP-<version>-linux-<arch>.tar.gz with the .desktop file, the icon and
   install.sh; the tarball is unpacked once and its `pandu --version` run again.
   Windows: Inno Setup's ISCC (when installed) makes dist/PanduSOP-Setup-<version>.exe.
Exit status 0 only when every step worked.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installers import bundle  # noqa: E402

ROOT = bundle.ROOT
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "installers" / "pandu.spec"
ISS = ROOT / "installers" / "windows" / "PanduSOP.iss"
LINUX_EXTRAS = ROOT / "installers" / "linux"
WINDOWS = sys.platform.startswith("win")
ISCC_PLACES = (r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
               r"C:\Program Files\Inno Setup 6\ISCC.exe")


class BuildError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-pyinstaller", action="store_true",
                        help="check and package the bundle already in dist/")
    parser.add_argument("--iscc", type=Path, help="path to Inno Setup's ISCC.exe")
    args = parser.parse_args(argv)
    version = bundle.project_version()
    started = time.perf_counter()
    try:
        if not args.skip_pyinstaller:
            run_pyinstaller()
        built = time.perf_counter() - started
        app_dir = DIST / bundle.APP_NAME
        check_outputs(app_dir)
        if not WINDOWS:
            check_qt_libraries(app_dir)
        smoke_test(app_dir, version)
        package = make_tarball(app_dir, version) if not WINDOWS else make_setup(version, args.iscc)
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"\nGAGAL: {exc}", file=sys.stderr)
        return 1
    size, files = folder_size(app_dir)
    total = time.perf_counter() - started
    print(f"\nPandu SOP {version}: {app_dir.relative_to(ROOT)} {size / 2**20:.0f} MB "
          f"({files} berkas), PyInstaller {built:.0f} s, total {total:.0f} s")
    if package is not None:
        print(f"paket: {package.relative_to(ROOT)} ({package.stat().st_size / 2**20:.0f} MB)")
    return 0


def run_pyinstaller() -> None:
    print(f"$ pyinstaller {SPEC.relative_to(ROOT)}", flush=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK),
                    str(SPEC)], cwd=ROOT, check=True)


def check_outputs(app_dir: Path) -> None:
    missing = sorted(name for name in bundle.expected_outputs() if not (app_dir / name).exists())
    if missing:
        raise BuildError(f"tidak ada di {app_dir}: {', '.join(missing)}")
    print(f"berkas yang disebut installer: {len(bundle.expected_outputs())} ada")


def check_qt_libraries(app_dir: Path) -> None:
    """Every Qt plug-in and library in the bundle finds the Qt libraries it links to."""
    if shutil.which("ldd") is None:
        return
    qt = app_dir / bundle.CONTENTS / "PySide6" / "Qt"
    problems = []
    for library in sorted(qt.rglob("*.so*")):
        result = subprocess.run(["ldd", str(library)], capture_output=True, text=True)
        problems += [f"{library.relative_to(app_dir)}: {line.split()[0]}"
                     for line in result.stdout.splitlines()
                     if "not found" in line and line.strip().startswith(("libQt6", "libicu"))]
    if problems:
        raise BuildError("pustaka Qt hilang:\n  " + "\n  ".join(problems))


def frozen_env(data_dir: Path) -> dict[str, str]:
    """The environment an office PC has: no Python variables, our own temporary data folder."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "PANDU_"))}
    env.update(PANDU_HOME=str(data_dir), QT_QPA_PLATFORM="offscreen")
    return env


def smoke_test(app_dir: Path, version: str) -> None:
    cli = app_dir / bundle.exe_name(bundle.CLI_EXE)
    with tempfile.TemporaryDirectory(prefix="pandu-dist-") as temp:
        env = frozen_env(Path(temp) / "data")
        shown = run_frozen([str(cli), "--version"], env, temp).stdout.strip()
        if shown != f"Pandu SOP {version}":
            raise BuildError(f"--version mencetak {shown!r}, pyproject.toml berkata {version}")
        print(f"$ {bundle.CLI_EXE} --version\n{shown}")
        print(f"$ {bundle.CLI_EXE} selftest", flush=True)
        result = run_frozen([str(cli), "selftest"], env, temp, check=False)
        print(result.stdout, end="")
        if result.returncode != 0:
            raise BuildError(f"selftest gagal (status {result.returncode}):\n{result.stderr}")


def run_frozen(command: list[str], env: dict[str, str], cwd: str,
               check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True,
                            encoding="utf-8", errors="replace", timeout=300)
    if check and result.returncode != 0:
        raise BuildError(f"{' '.join(command)} gagal (status {result.returncode}):\n"
                         f"{result.stdout}{result.stderr}")
    return result


def make_tarball(app_dir: Path, version: str) -> Path:
    """PanduSOP-<v>/ holding the bundle, the .desktop file, the icon and install.sh."""
    top = f"{bundle.APP_NAME}-{version}"
    target = DIST / f"{top}-linux-{platform.machine()}.tar.gz"
    extras = {
        bundle.DESKTOP_FILE: "pandu-sop.desktop",
        bundle.ICONS / f"{bundle.ICON_STEM}.png": f"{bundle.ICON_STEM}.png",
        LINUX_EXTRAS / "install.sh": "install.sh",
        LINUX_EXTRAS / "BACA-SAYA.txt": "BACA-SAYA.txt",
    }
    with tarfile.open(target, "w:gz") as tar:
        for item in sorted(app_dir.iterdir()):
            tar.add(item, arcname=f"{top}/{item.name}")
        for source, name in extras.items():
            tar.add(source, arcname=f"{top}/{name}")
    with tempfile.TemporaryDirectory(prefix="pandu-tar-") as temp:
        with tarfile.open(target) as tar:
            tar.extractall(temp, filter="tar")
        env = frozen_env(Path(temp) / "data")
        cli = Path(temp) / top / bundle.CLI_EXE
        shown = run_frozen([str(cli), "--version"], env, temp).stdout.strip()
        if shown != f"Pandu SOP {version}":
            raise BuildError(f"{target.name}: --version mencetak {shown!r}")
    print(f"{target.relative_to(ROOT)}: dibongkar ulang, --version {shown!r}")
    return target


def make_setup(version: str, iscc: Path | None) -> Path | None:
    found = iscc or next((Path(p) for p in ISCC_PLACES if Path(p).is_file()), None)
    if found is None or not found.is_file():
        print("Inno Setup (ISCC.exe) tidak ditemukan: pasang Inno Setup 6, lalu jalankan lagi "
              "atau pakai --iscc. Lihat installers/README.md.")
        return None
    subprocess.run([str(found), f"/DAppVersion={version}", str(ISS)], cwd=ROOT, check=True)
    setup = DIST / f"{bundle.APP_NAME}-Setup-{version}.exe"
    if not setup.is_file():
        raise BuildError(f"{setup.name} tidak terbuat")
    return setup


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


if __name__ == "__main__":
    sys.exit(main())
