"""`pandu sop list/import/export/print`: the SOP library from the command line."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli.output import check_writable
from desktop_app.common.errors import InvalidInput
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
    doc.add_argument("-o", dest="output", metavar="DRAFT.toml",
                     help="tulis draf pandu-sop/1 ke berkas ini, tanpa menyimpannya; berkas "
                     "berisi beberapa SOP: DRAFT-1.toml, DRAFT-2.toml ..., atau ke folder "
                     "bila ditulis DIR/")
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
        print(library.import_sop(args.file))
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
    """Exit 0: complete drafts; 3: some lanes or symbols need a person (listed on stderr).
    A file with several SOPs gives several drafts: -o OUT.toml writes OUT-1.toml, OUT-2.toml
    ..., -o DIR/ writes into the folder, and without -o each is saved and its id printed."""
    import sys

    from desktop_app.sop import library
    from desktop_app.sop.importing.reader import read_documents
    from desktop_app.sop.sopfile import FILE_SUFFIX, write_sop_file
    from desktop_app.sop.validation import require_valid

    folder = _output_folder(args.output)
    output = Path(args.output) if args.output is not None and folder is None else None
    if output is not None:
        check_writable(output, "draf.pandu-sop.toml")
    drafts = read_documents(args.file)
    several = len(drafts) > 1
    if folder is not None:
        folder.mkdir(exist_ok=True)
        targets = [folder / _numbered(args.file.name.split(".")[0] + FILE_SUFFIX, n, several)
                   for n in range(1, len(drafts) + 1)]
    elif output is not None:
        targets = [output.with_name(_numbered(output.name, n, several))
                   for n in range(1, len(drafts) + 1)]
    else:
        for draft in drafts:
            require_valid(draft.sop)  # all or none: a bad later SOP saves no earlier one
        targets = []
    for n, draft in enumerate(drafts, start=1):
        if targets:
            write_sop_file(draft.sop, targets[n - 1])
            if several or folder is not None:
                print(f"{targets[n - 1]}\t{draft.sop.identitas.nama}")
        else:
            sop_id = library.save_imported(draft.sop, args.file, workspace.data_dir)
            print(f"{sop_id}\t{draft.sop.identitas.nama}" if several else sop_id)
    needing_any = False
    for n, draft in enumerate(drafts, start=1):
        prefix = f"SOP {n}: " if several else ""
        for note in draft.uncertain():
            print(f"{prefix}periksa {note.place()}: {note.message}", file=sys.stderr)
        needing = draft.steps_needing_person()
        if needing:
            needing_any = True
            print(f"{prefix}{len(needing)} langkah perlu ditetapkan pelaksana atau simbolnya: "
                  + ", ".join(map(str, needing)), file=sys.stderr)
    return 3 if needing_any else 0


def _output_folder(output: str | None) -> Path | None:
    """-o DIR/ (a trailing slash, or a folder that exists): the drafts go into it."""
    if output is None:
        return None
    path = Path(output)
    if output.endswith(("/", "\\")) or path.is_dir():
        if not path.absolute().parent.exists():
            raise InvalidInput(f"Folder {path.absolute().parent} tidak ada; buat dulu atau "
                               "pilih folder lain.")
        return path
    return None


def _numbered(name: str, n: int, several: bool) -> str:
    """draf.pandu-sop.toml -> draf-2.pandu-sop.toml; OUT.toml -> OUT-2.toml."""
    from desktop_app.sop.sopfile import FILE_SUFFIX

    if not several:
        return name
    suffix = FILE_SUFFIX if name.endswith(FILE_SUFFIX) else Path(name).suffix
    stem = name[:len(name) - len(suffix)] if suffix else name
    return f"{stem}-{n}{suffix}"
