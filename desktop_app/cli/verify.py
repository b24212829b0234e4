"""`pandu verify FILE.pdf [--kunci KUNCI]`, `pandu verify --qr TEXT [--kunci KUNCI]`: is this
file (or the scanned QR text of a paper copy) signed by this office, or by the holder of
KUNCI, the office's exported public key, on a PC with no office data?"""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.errors import InvalidInput

NAME = "verify"


def register(commands) -> None:
    verify = commands.add_parser(NAME, help="periksa keaslian naskah PDF yang disahkan, atau "
                                 "teks QR pada salinan kertas")
    verify.add_argument("file", type=Path, metavar="FILE.pdf", nargs="?")
    verify.add_argument("--qr", metavar="TEKS", help="teks hasil pindai QR pada naskah kertas")
    verify.add_argument("--kunci", type=Path, metavar="KUNCI",
                        help="berkas kunci publik kantor penerbit (.pem)")


def run(args, workspace) -> int:
    """Exit 0 when the file (or QR text) is signed by the office, 1 otherwise."""
    from desktop_app.naskah.verification import verify_bytes
    from desktop_app.signing.checks import verify_qr
    from desktop_app.signing.keys import load_key_file

    if (args.file is None) == (args.qr is None):
        raise InvalidInput("Sebutkan satu berkas PDF, atau --qr dengan teks QR-nya. Contoh: "
                           "pandu verify surat.pdf --kunci kunci-kantor.pem")
    anchor = load_key_file(args.kunci) if args.kunci else None
    if args.qr is not None:
        result = verify_qr(args.qr, anchor)
    else:
        try:
            data = args.file.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"Berkas {args.file} tidak dapat dibaca: {exc.strerror}.") from exc
        result = verify_bytes(data, anchor)
    print(result.message)
    return 0 if result.genuine else 1
