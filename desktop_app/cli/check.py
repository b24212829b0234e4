"""`pandu check`: is the data sound? Exit 0 when it is, 1 with what is wrong and what to do."""

from __future__ import annotations

from pathlib import Path

NAME = "check"


def register(commands) -> None:
    commands.add_parser(NAME, help="periksa basis data, berkas kantor dan jejak audit")


def run(args, workspace) -> int:
    from desktop_app.safety.integrity import RESTORE_HINT, check_data

    try:
        report = check_data(workspace.data_dir)
    except Exception as exc:  # noqa: BLE001 - a damaged database fails in many ways
        print(f"Basis data di {workspace.data_dir} rusak; pemeriksaan berhenti di tengah jalan "
              f"({type(exc).__name__}: {str(exc)[:200]}).")
        print(f"Yang perlu dilakukan: {RESTORE_HINT}")
        return 1
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def run_on_folder(args, data_dir: Path) -> int:
    """Also reports a database that cannot even be opened, instead of failing to start."""
    from desktop_app.common.errors import DomainError
    from desktop_app.safety.integrity import RESTORE_HINT
    from desktop_app.workspace import open_workspace

    try:
        workspace = open_workspace(data_dir)
    except DomainError as exc:
        print(f"Basis data di {data_dir} tidak dapat dibuka: {exc}")
        print(f"Yang perlu dilakukan: {RESTORE_HINT}")
        return 1
    except Exception as exc:  # noqa: BLE001 - a damaged file surfaces as any database error
        print(f"Basis data di {data_dir} rusak atau bukan basis data Pandu SOP ({exc}).")
        print(f"Yang perlu dilakukan: {RESTORE_HINT}")
        return 1
    if workspace.read_only:
        print(workspace.read_only_note)
    try:
        return run(args, workspace)
    finally:
        workspace.close()
