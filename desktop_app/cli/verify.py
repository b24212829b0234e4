"""`pandu verify FILE.pdf`: is this file exactly a document this office approved?"""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.errors import InvalidInput

NAME = "verify"


def register(commands) -> None:
    verify = commands.add_parser(NAME, help="periksa keaslian naskah PDF yang disahkan")
    verify.add_argument("file", type=Path, metavar="FILE.pdf")


def run(args, workspace) -> int:
    """Exit 0 when the file is exactly a document this office approved, 1 otherwise."""
    from desktop_app.naskah.verification import verify_bytes

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Berkas {args.file} tidak dapat dibaca: {exc.strerror}.") from exc
    result = verify_bytes(data)
    print(result.message)
    return 0 if result.genuine else 1
