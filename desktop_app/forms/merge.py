"""The office's plan merged from every unit's latest form: which units sent theirs, the
merged plan as data, and the same plan as a workbook (live formulas) and as a PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop_app.common.dates import tanggal
from desktop_app.common.errors import InvalidInput
from desktop_app.common.nip import spaced_nip
from desktop_app.forms.cell_values import format_number, format_percent
from desktop_app.forms.form_types import (
    FORMULA,
    MONEY,
    NUMBER,
    FormType,
    GradeBands,
    PlanLine,
    capaian,
    form_type,
)
from desktop_app.forms.store import grade_bands, latest_by_unit, submission_lines
from desktop_app.office.profile import Official, load_profile

TOTALLED = ("anggaran", "pagu", "pagu_maju")  # money columns summed under the table


@dataclass(frozen=True)
class UnitStatus:
    unit_id: int
    unit_nama: str
    sent: bool
    number: int | None = None  # which submission counts
    imported_at: datetime | None = None  # UTC
    source_name: str = ""
    rows: int = 0


@dataclass(frozen=True)
class UnitPart:
    unit_nama: str
    lines: tuple[PlanLine, ...]


@dataclass(frozen=True)
class MergedPlan:
    form: FormType
    year: int
    pemerintah: str
    office: str
    parts: tuple[UnitPart, ...]
    missing: tuple[str, ...]  # units that have not sent their form
    bands: GradeBands
    signer: Official | None
    place: str
    on: date
    paper: str

    @property
    def title(self) -> str:
        return f"{self.form.title.upper()} ({self.form.code.upper()})"

    @property
    def lines(self) -> list[tuple[str, PlanLine]]:
        return [(part.unit_nama, line) for part in self.parts for line in part.lines]

    def printed_rows(self) -> list[tuple[str, PlanLine]]:
        """The rows as printed: with Kode (Renja), a program or kegiatan several units plan
        appears once (its units named together), followed by the rows under it, in Kode
        order; rows without Kode keep their unit order, after them."""
        if not self.form.has("kode"):
            return self.lines
        first: dict[str, tuple[list[str], PlanLine]] = {}
        coded: list[tuple[str, PlanLine]] = []
        plain: list[tuple[str, PlanLine]] = []
        parents = parent_codes(line.kode for _, line in self.lines)
        for unit, line in self.lines:
            kode = line.kode.strip().strip(".")
            if not kode:
                plain.append((unit, line))
            elif kode in parents:  # a program or kegiatan: once, with every unit's name
                if kode in first:
                    if unit not in first[kode][0]:
                        first[kode][0].append(unit)
                else:
                    first[kode] = ([unit], line)
            else:
                coded.append((unit, line))
        rows = [(", ".join(units), line) for units, line in first.values()] + coded
        rows.sort(key=lambda row: code_order(row[1].kode))
        return rows + plain

    def totals(self) -> dict[str, int]:
        """Money summed over the rows that carry it: with Kode, only the lowest level (a row
        with no row under it, e.g. the sub kegiatan), so a program's pagu, which is the sum
        of its kegiatan, is not counted again."""
        parents = parent_codes(line.kode for _, line in self.lines) if self.form.has(
            "kode") else set()
        counted = [line for _, line in self.lines if line.kode.strip().strip(".") not in parents]
        return {key: sum(getattr(line, key) or 0 for line in counted)
                for key in TOTALLED if self.form.has(key)}

    def average_capaian(self) -> float | None:
        values = [c for _, line in self.lines if (c := line_capaian(line)) is not None]
        return sum(values) / len(values) if values else None

    def missing_note(self) -> str:
        if not self.missing:
            return "Semua unit sudah mengirim formulir."
        return "Unit yang belum mengirim formulir: " + ", ".join(self.missing) + "."


def code_order(kode: str) -> tuple:
    """ "7.01.01.2.01.0001" in the order of its parts, as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in kode.strip().strip(".").split("."))


def parent_codes(codes) -> set[str]:
    """The Kode of every row another row stands under ("7.01.01" of "7.01.01.2.01")."""
    codes = {kode.strip().strip(".") for kode in codes if kode.strip()}
    parents = set()
    for kode in codes:
        parts = kode.split(".")
        for end in range(1, len(parts)):
            prefix = ".".join(parts[:end])
            if prefix in codes:
                parents.add(prefix)
    return parents


def is_blank(line: PlanLine) -> bool:
    """A row the unit left empty (a blank form sent back as it was)."""
    return all(value in (None, "") for value in vars(line).values())


def line_capaian(line: PlanLine) -> float | None:
    return capaian(line.target, line.realisasi, line.polaritas)


def plan_status(kind: str, year: int) -> list[UnitStatus]:
    """Every unit of the profile, in its order, and whether its form was imported."""
    form = form_type(kind)
    latest = latest_by_unit(form.kind, year)
    statuses = []
    for unit in load_profile().units:
        info = latest.get(unit.id)
        statuses.append(UnitStatus(unit.id, unit.nama, True, info.number, info.imported_at,
                                   info.source_name, info.rows) if info
                        else UnitStatus(unit.id, unit.nama, False))
    return statuses


def merged_plan(kind: str, year: int, place: str | None = None, on: date | None = None
                ) -> MergedPlan:
    """The plan from each unit's latest form, in the profile's unit order."""
    form = form_type(kind)
    profile = load_profile()
    latest = latest_by_unit(form.kind, year)
    parts, missing = [], []
    for unit in profile.units:
        info = latest.get(unit.id)
        if info is None:
            missing.append(unit.nama)
        else:
            parts.append(UnitPart(unit.nama, tuple(line for line in submission_lines(info.id)
                                                   if not is_blank(line))))
    if not parts:
        raise InvalidInput(f"Belum ada formulir {form.code} {year} yang diimpor. Impor dulu "
                           "formulir yang diisi unit.")
    return MergedPlan(form, year, profile.pemerintah, profile.nama_kantor, tuple(parts),
                      tuple(missing), grade_bands(),
                      profile.officials[0] if profile.officials else None,
                      default_place(profile.nama_kantor) if place is None else place,
                      on or date.today(), profile.paper)


def default_place(office: str) -> str:
    """"KECAMATAN NGARGOYOSO" -> "Ngargoyoso" (the place on the signature); else ""."""
    words = office.split()
    if len(words) > 1 and words[0].casefold() == "kecamatan":
        return " ".join(word.capitalize() for word in words[1:])
    return ""


def signature_lines(plan: MergedPlan) -> tuple[str, str, str, str, str]:
    """Place and date, jabatan, nama, pangkat, NIP of the signature block."""
    signer = plan.signer or Official("Camat")
    when = f"{plan.place}, {tanggal(plan.on)}" if plan.place else tanggal(plan.on)
    nip = f"NIP. {spaced_nip(signer.nip)}" if signer.nip else ""
    return when, signer.jabatan, signer.nama, signer.pangkat_golongan, nip


def write_merged(kind: str, year: int, xlsx_path: Path | None = None,
                 pdf_path: Path | None = None, data_dir: Path | None = None,
                 place: str | None = None, on: date | None = None) -> MergedPlan:
    """Write the merged plan as a workbook and/or a PDF; returns the plan written."""
    from desktop_app.forms.exporting import write_file
    from desktop_app.forms.merge_workbook import merged_workbook

    plan = merged_plan(kind, year, place, on)
    if xlsx_path is not None:
        write_file(xlsx_path, merged_workbook(plan))
    if pdf_path is not None:
        write_file(pdf_path, merged_pdf(plan, data_dir))
    return plan


# --- PDF ----------------------------------------------------------------------------------

def merged_pdf(plan: MergedPlan, data_dir: Path | None = None) -> bytes:
    from desktop_app.office.kop import office_kop
    from desktop_app.render.pdf.table_report import (
        Signature,
        TableReport,
        render_table_report,
    )

    columns = [c for c in plan.form.columns if c.key != "no"]
    headers = ["No"] + [f"{c.header} ({c.group.lower()})" if c.group else c.header
                        for c in columns] + ["Unit"]
    rows = [[str(number), *(_pdf_cell(c, line, plan.bands) for c in columns), unit]
            for number, (unit, line) in enumerate(plan.printed_rows(), start=1)]
    rows.append(_pdf_total(plan, columns))
    when, jabatan, nama, pangkat, nip = signature_lines(plan)
    notes = []  # which units sent their form is for the screen, not for the signed page
    if plan.form.kind == "ekt":
        notes.append(f"Predikat: {plan.bands.describe()}.")
    centred = (0, *(n for n, c in enumerate(columns, start=1)
                    if c.kind in (NUMBER, MONEY, FORMULA)))
    report = TableReport(
        f"{plan.title} TAHUN {plan.year}", "", headers, rows,
        [6] + [max(c.width, len(c.header) * 1.3) for c in columns] + [18],
        numbered_header=True, centred=centred,
        signature=Signature(when, jabatan, nama, nip.removeprefix("NIP. "), pangkat),
        notes=notes)
    return render_table_report(report, office_kop("", data_dir), plan.paper)


def _pdf_cell(column, line: PlanLine, bands: GradeBands) -> str:
    if column.key == "capaian":
        return format_percent(line_capaian(line))
    if column.key == "predikat":
        return bands.grade(line_capaian(line))
    value = getattr(line, column.key)
    if column.kind in (NUMBER, MONEY):
        return format_number(value)
    return "" if column.kind == FORMULA else str(value)


def _pdf_total(plan: MergedPlan, columns) -> list[str]:
    totals = plan.totals()
    row = ["", "Jumlah" if totals else "Rata-rata capaian"]
    row += [""] * (len(columns) - 1) + [""]
    for index, column in enumerate(columns, start=1):
        if column.key in totals:
            row[index] = format_number(totals[column.key])
        if plan.form.kind == "ekt" and column.key == "capaian":
            row[index] = format_percent(plan.average_capaian())
        if plan.form.kind == "ekt" and column.key == "predikat":
            row[index] = plan.bands.grade(plan.average_capaian())
    return row
