"""Run installers/pandu.spec without PyInstaller: stand-ins record what it asks to build.

The stand-ins turn `datas` into (name in bundle, source, kind) entries the way PyInstaller
does, so the spec's own filters run, and `outputs()` lists the files dist/PanduSOP/ gets.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from installers import bundle

SPEC = bundle.ROOT / "installers" / "pandu.spec"


@dataclass
class DryRun:
    system: str
    analysis: dict = field(default_factory=dict)
    exes: list[dict] = field(default_factory=list)
    collect: dict = field(default_factory=dict)
    datas: list[tuple[str, str, str]] = field(default_factory=list)

    def outputs(self, project_only: bool = False) -> set[str]:
        """Files in dist/PanduSOP/ as POSIX paths: the programs, and the data under _internal/
        (only the project's own data files, not those of installed packages, if asked)."""
        names = {bundle.exe_name(exe["name"], self.system) for exe in self.exes}
        contents = self.exes[0]["contents_directory"]
        names |= {str(PurePosixPath(contents, dest)) for dest, src, _kind in self.datas
                  if not project_only or Path(src).is_relative_to(bundle.ROOT)}
        return names


def dry_run(system: str, workpath: Path, monkeypatch) -> DryRun:
    """Execute the spec as PyInstaller would on `system` ('linux' or 'win32')."""
    run = DryRun(system)

    class Analysis:
        def __init__(self, scripts, **options):
            run.analysis = {"scripts": scripts, **options}
            self.scripts = [(Path(s).stem, s, "PYSOURCE") for s in scripts]
            self.pure, self.binaries = [], []
            self.datas = [(str(PurePosixPath(dest, Path(src).name)), src, "DATA")
                          for src, dest in options.get("datas", [])]

    def EXE(pyz, scripts, *rest, **options):  # noqa: N802 - PyInstaller's name
        run.exes.append(options)
        return options

    def COLLECT(*items, **options):  # noqa: N802 - PyInstaller's name
        run.collect = options
        run.datas = [entry for item in items if isinstance(item, list) for entry in item
                     if entry[2] == "DATA"]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]
    hooks.collect_data_files = lambda package, includes=(): [
        (f"/site-packages/{package}/{pattern}", f"{package}/locale") for pattern in includes]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks.qt", None)  # ImportError
    monkeypatch.setattr(sys, "platform", system)
    namespace = {"SPECPATH": str(SPEC.parent), "workpath": str(workpath), "Analysis": Analysis,
                 "PYZ": lambda pure: "pyz", "EXE": EXE, "COLLECT": COLLECT,
                 "__name__": "__pyinstaller_spec__"}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return run
