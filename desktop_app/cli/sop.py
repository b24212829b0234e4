"""`pandu sop list/import/export/print`: the SOP library from the command line."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli.output import check_writable
from desktop_app.common.paper import PAPER_NAMES

NAME = "sop"


def register(commands) -> None:
    sop = commands.add_parser(NAME, help="pustaka SOP").add_subparsers(
        dest="sop_command", metavar="SUBPERINTAH", required=True)
    sop.add_parser("list", help="daftar SOP: id, nomor, nama, jumlah langkah")
    imp = sop.add_parser("import", help="impor berkas pandu-sop/1; mencetak id baru")
    imp.add_argument("file", type=Path, metavar="FILE")
    exp = sop.add_parser("export", help="ekspor SOP ke berkas pandu-sop/1")
    exp.add_argument("sop_id", type=int, metavar="ID")
    exp.add_argument("-o", dest="output", type=Path, required=True, metavar="FILE")
    doc = sop.add_parser("import-doc", help="baca dokumen SOP kantor (.docx, .xlsx, .pdf, "
                         ".txt) menjadi draf; tanpa -o disimpan sebagai draf SOP")
    doc.add_argument("file", type=Path, metavar="FILE")
    doc.add_argument("-o", dest="output", type=Path, metavar="DRAFT.toml",
                     help="tulis draf pandu-sop/1 ke berkas ini, tanpa menyimpannya")
    prn = sop.add_parser("print", help="cetak lembar SOP (identitas dan diagram alir) ke PDF")
    prn.add_argument("sop_id", type=int, metavar="ID")
    prn.add_argument("-o", dest="output", type=Path, required=True, metavar="FILE.pdf")
    prn.add_argument("--paper", choices=PAPER_NAMES, type=str.upper,
                     help="ukuran kertas (bawaan: pengaturan kantor, atau F4)")


def run(args, workspace) -> int:
    from desktop_app.sop import library

    if args.sop_command == "list":
        for item in library.list_sops():
            print(f"{item.id}\t{item.nomor or '-'}\t{item.nama}\t{item.step_count}")
    elif args.sop_command == "import":
        print(library.import_sop(workspace.database, args.file))
    elif args.sop_command == "export":
        check_writable(args.output, "sop.toml")
        library.export_sop(args.sop_id, args.output)
    elif args.sop_command == "import-doc":
        return _import_doc(args, workspace)
    elif args.sop_command == "print":
        from desktop_app.sop.printing import print_sop

        check_writable(args.output, "sop.pdf")
        print_sop(args.sop_id, args.output, paper=args.paper, data_dir=workspace.data_dir)
    return 0


def _import_doc(args, workspace) -> int:
    """Exit 0: a complete draft; 3: some lanes or symbols need a person (listed on stderr)."""
    import sys

    from desktop_app.sop import library
    from desktop_app.sop.importing.reader import read_document
    from desktop_app.sop.sopfile import write_sop_file

    if args.output is not None:
        check_writable(args.output, "draf.pandu-sop.toml")
    draft = read_document(args.file)
    if args.output is not None:
        write_sop_file(draft.sop, args.output)
    else:
        print(library.save_imported(draft.sop, args.file, workspace.data_dir))
    for note in draft.uncertain():
        print(f"periksa {note.place()}: {note.message}", file=sys.stderr)
    needing = draft.steps_needing_person()
    if needing:
        print(f"{len(needing)} langkah perlu ditetapkan pelaksana atau simbolnya: "
              + ", ".join(map(str, needing)), file=sys.stderr)
        return 3
    return 0
