"""`pandu kunci ekspor -o FILE` and `pandu kunci daftar`: the office's public key file (with
its fingerprint to read out on the phone) and the signing keys with their dates (issue 15)."""

from __future__ import annotations

from pathlib import Path

NAME = "kunci"


def register(commands) -> None:
    kunci = commands.add_parser(NAME, help="kunci tanda tangan: ekspor kunci publik kantor, "
                                           "daftar kunci").add_subparsers(
        dest="kunci_command", metavar="SUBPERINTAH", required=True)
    export = kunci.add_parser("ekspor", help="tulis berkas kunci publik kantor (.pem) untuk "
                                             "kantor penerima naskah")
    export.add_argument("-o", dest="output", type=Path, required=True, metavar="FILE.pem")
    kunci.add_parser("daftar", help="kunci tanda tangan setiap orang: sidik, dibuat, dicabut")


def run(args, workspace) -> int:
    from desktop_app.common.clock import to_local
    from desktop_app.common.dates import waktu
    from desktop_app.signing import keys

    if args.kunci_command == "ekspor":
        from desktop_app.cli.output import check_writable

        check_writable(args.output, "kunci-kantor.pem")
        fingerprint = keys.export_key_file(args.output)
        print(f"Kunci publik kantor ditulis ke {args.output}. Sidik kunci: {fingerprint}")
        return 0
    anchor = keys.office_anchor()
    print(f"Kunci kantor: {keys.fingerprint_text(anchor.fingerprint)}" if anchor
          else "Kunci kantor belum dibuat.")
    for key in keys.list_keys():
        revoked = (f"dicabut {waktu(to_local(key.revoked_at))} ({key.reason})"
                   if key.revoked_at else "aktif")
        print(f"{key.person}\t{key.fingerprint}\tdibuat {waktu(to_local(key.created_at))}\t"
              f"{revoked}")
    return 0
