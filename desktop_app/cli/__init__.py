"""The `pandu` command line: the same services as the window, for scripts and support staff.

This module parses and dispatches; each command group lives in its own module beside it.

Exit status: 0 done, 2 bad input or usage (message in Indonesian, nothing changed), 1 other.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from desktop_app import __version__
from desktop_app.common.errors import DomainError, InvalidInput, NotFound

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """The command line itself is wrong."""


_ARGPARSE_WORDS = (  # argparse's own phrases, as office staff should read them
    ("the following arguments are required", "wajib diisi"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("invalid choice", "pilihan tidak dikenal"),
    ("choose from", "pilih dari"),
    ("invalid int value", "bukan bilangan bulat"),
    ("expected one argument", "perlu satu nilai"),
    ("argument ", "argumen "),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit; we report in Indonesian instead
        for english, indonesian in _ARGPARSE_WORDS:
            message = message.replace(english, indonesian)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pandu", description="Pandu SOP: SOP, proses, naskah dinas, "
                     "formulir, ekspedisi dan cadangan kantor.")
    parser.add_argument("--version", action="version", version=f"Pandu SOP {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="folder data (basis data dan berkas kantor)")
    parser.add_argument("--db", metavar="URL",
                        help="basis data kantor di server PostgreSQL, misalnya "
                             "postgresql://pengguna@server:5432/pandu (bawaan: berkas SQLite "
                             "di folder data)")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")
    commands.add_parser("gui", help="buka jendela aplikasi (bawaan)")
    for module in _command_modules():
        module.register(commands)
    return parser


# Each area's commands live in its own module with `NAME`, `register(commands)` (argparse
# only, no heavy imports) and `run(args, workspace) -> int`; `NEEDS_WORKSPACE = False` when
# the command must not open the office's data folder.
COMMAND_MODULES = tuple(f"desktop_app.cli.{name}" for name in (
    "sop", "verify", "run", "form", "backup", "restore", "check", "ekspedisi", "selftest",
    "kunci"))


def _command_modules():
    import importlib

    return [importlib.import_module(name) for name in COMMAND_MODULES]


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return _fail(f"Perintah tidak dapat dipahami ({exc}). Lihat: pandu --help",
                     EXIT_BAD_INPUT)
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    try:
        return _dispatch(args)
    except (InvalidInput, NotFound) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    except DomainError as exc:
        return _fail(str(exc), EXIT_FAILURE)
    except Exception as exc:  # a full disk or a read-only folder, in plain words
        from desktop_app.safety.storage import storage_error

        mapped = storage_error(exc, args.data_dir or "folder data")
        if mapped is None:
            raise
        return _fail(str(mapped), EXIT_FAILURE)


def _fail(message: str, status: int) -> int:
    print(f"pandu: {message}", file=sys.stderr)
    return status


def _use_server(url: str) -> None:
    """Every workspace this process opens (the window too) reaches the server's database."""
    import os

    from db.database import is_url
    from desktop_app.workspace import DB_ENV

    if not is_url(url):
        raise InvalidInput(f"--db perlu alamat PostgreSQL seperti "
                           f"postgresql://pengguna@server:5432/pandu, bukan {url!r}.")
    os.environ[DB_ENV] = url


def _dispatch(args: argparse.Namespace) -> int:
    from desktop_app.common.paths import default_data_dir
    from desktop_app.workspace import open_workspace

    data_dir = args.data_dir or default_data_dir()
    if args.db:
        _use_server(args.db)
    if args.command in (None, "gui"):
        from desktop_app.app import run_gui

        return run_gui(data_dir)
    module = next((m for m in _command_modules() if args.command == m.NAME), None)
    if module is not None and not getattr(module, "NEEDS_WORKSPACE", True):
        return module.run(args, None)  # e.g. selftest, which makes its own data folder
    if module is not None and hasattr(module, "run_on_folder"):
        return module.run_on_folder(args, data_dir)  # restore, check: even a damaged database
    workspace = open_workspace(data_dir)
    if workspace.read_only:
        print(f"pandu: {workspace.read_only_note}", file=sys.stderr)
    try:
        return module.run(args, workspace)
    finally:
        workspace.close()
