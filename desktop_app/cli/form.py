"""`pandu form export|import|merge`: the plan forms (RKT, EKT, Renja) units fill, without the
window. An import that would replace a unit's part needs --replace (the window asks)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.errors import InvalidInput

NAME = "form"
KINDS = ("rkt", "ekt", "renja")


def register(commands) -> None:
    form = commands.add_parser(NAME, help="formulir isian RKT, EKT dan Renja per unit")
    sub = form.add_subparsers(dest="form_command", metavar="SUBPERINTAH", required=True)
    exp = sub.add_parser("export", help="buat formulir .xlsx untuk setiap unit")
    exp.add_argument("kind", choices=KINDS, type=str.lower, metavar="rkt|ekt|renja")
    exp.add_argument("--year", type=int, required=True, metavar="TAHUN")
    exp.add_argument("--unit", action="append", metavar="NAMA",
                     help="hanya unit ini (boleh diulang); bawaan: semua unit")
    exp.add_argument("--run", type=int, metavar="ID", help="proses yang membagikan formulir")
    exp.add_argument("-o", dest="output", type=Path, required=True, metavar="DIR")
    imp = sub.add_parser("import", help="impor formulir yang sudah diisi unit")
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    imp.add_argument("--replace", action="store_true",
                     help="ganti isian unit yang sudah pernah diimpor")
    imp.add_argument("--year", type=int, metavar="TAHUN", help="tolak formulir tahun lain")
    imp.add_argument("--run", type=int, metavar="ID", help="proses yang mengumpulkan formulir")
    mrg = sub.add_parser("merge", help="gabungkan isian semua unit menjadi rencana kantor")
    mrg.add_argument("kind", choices=KINDS, type=str.lower, metavar="rkt|ekt|renja")
    mrg.add_argument("--year", type=int, required=True, metavar="TAHUN")
    mrg.add_argument("-o", dest="output", type=Path, required=True, metavar="FILE.xlsx")
    mrg.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="juga sebagai PDF")
    mrg.add_argument("--place", metavar="TEMPAT", help="tempat pada tanda tangan")


def run(args, workspace) -> int:
    if args.form_command == "export":
        return _export(args)
    if args.form_command == "import":
        return _import(args, workspace)
    return _merge(args, workspace)


def _export(args) -> int:
    from desktop_app.forms.exporting import export_forms

    for form in export_forms(args.output, args.kind, args.year, args.unit, args.run):
        note = f" ({form.prefilled} baris terisi)" if form.prefilled else ""
        print(f"{form.path}\t{form.unit_nama}{note}")
    return 0


def _import(args, workspace) -> int:
    from desktop_app.forms.importing import check_forms, confirmation_text, import_forms

    checks = check_forms(args.files, year=args.year, run_id=args.run)
    problems = [p for check in checks for p in check.problems]
    if problems:
        raise InvalidInput(problems + ["Tidak ada yang diimpor; perbaiki berkasnya lalu "
                                       "impor lagi."])
    pending = [c for c in checks if c.needs_confirmation]
    if pending and not args.replace:
        raise InvalidInput(confirmation_text(pending) + [
            "Tidak ada yang diimpor. Untuk mengganti isian unit tersebut, ulangi dengan "
            "--replace."])
    for result in import_forms(workspace.data_dir, checks,
                               replace=args.replace, run_id=args.run):
        print(f"{result.unit_nama}\t{result.kind.upper()} {result.year}\t{result.rows} baris"
              f"\t{result.status}")
    return 0


def _merge(args, workspace) -> int:
    from desktop_app.forms.merge import write_merged

    _check_target(args.output, ".xlsx")
    if args.pdf:
        _check_target(args.pdf, ".pdf")
    plan = write_merged(args.kind, args.year, args.output, args.pdf, workspace.data_dir,
                        place=args.place)
    rows = sum(len(part.lines) for part in plan.parts)
    print(f"{args.output}: {len(plan.parts)} unit, {rows} baris")
    if plan.missing:
        print(plan.missing_note())
    return 0


def _check_target(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise InvalidInput(f"{path}: nama berkas harus berakhiran {suffix}.")
    if not path.parent.is_dir():
        raise InvalidInput(f"Folder {path.parent} tidak ada; buat dulu atau pilih folder lain.")
    if path.is_dir():
        raise InvalidInput(f"{path} adalah folder; tulis nama berkas.")
