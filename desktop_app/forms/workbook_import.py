"""Reading a filled unit form: refuse files that are not our .xlsx (macros, passwords,
damage, size), read the hidden record, then check every row. Touches no database."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.common.errors import InvalidInput
from desktop_app.common.file_store import read_limited
from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.cell_values import cell_value
from desktop_app.forms.form_types import FORM_TYPES, FORMAT, FormType, PlanLine

MAX_BYTES = 20 * 2**20
MAX_ROWS = 5000
MAX_UNPACKED = 250 * 2**20  # a small zip that unpacks to gigabytes is refused
MAX_LISTED = 100  # problems listed per file; the rest are counted
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACRO_TYPE = "application/vnd.ms-excel.sheet.macroEnabled"


class FileRefused(Exception):
    """The file as a whole cannot be read as a form; the message says why, in Indonesian."""


@dataclass(frozen=True)
class FormMeta:
    kind: str
    year: int
    unit: str
    unit_id: int | None
    office: str
    run_id: int | None


@dataclass(frozen=True)
class ReadForm:
    """A form file as read: its record and rows, or the problems that stop its import."""

    name: str
    data: bytes = field(repr=False)
    meta: FormMeta | None
    lines: tuple[PlanLine, ...] = ()
    rows: tuple[int, ...] = ()  # the sheet row of each line
    problems: tuple[str, ...] = ()


def read_form(path: Path) -> ReadForm:
    name = path.name
    try:
        data = _read_bytes(path)
        _check_package(data)
        book = _open_book(data)
    except FileRefused as exc:
        return ReadForm(name, b"", None, problems=(f"{name}: {exc}",))
    try:
        meta = read_meta(book)
        lines, rows, problems = _read_rows(book[sl.DATA_SHEET], FORM_TYPES[meta.kind],
                                           meta.unit)
    except FileRefused as exc:
        return ReadForm(name, data, None, problems=(f"{name}: {exc}",))
    except Exception:  # a damaged sheet is only parsed while its rows are read
        return ReadForm(name, data, None, problems=(f"{name}: berkas rusak dan tidak dapat "
                                                    "dibaca. Minta unit menyimpan ulang lalu "
                                                    "mengirim lagi.",))
    finally:
        book.close()
    return ReadForm(name, data, meta, lines, rows, problems)


def _read_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix == ".xlsm":
        raise FileRefused("berkas berisi makro (.xlsm) tidak diterima. Simpan sebagai Excel "
                          "Workbook (.xlsx), lalu impor lagi.")
    if suffix in (".xls", ".ods", ".csv"):
        raise FileRefused(f"berkas {suffix} tidak diterima. Buka di Excel atau LibreOffice, "
                          "simpan sebagai Excel Workbook (.xlsx), lalu impor lagi.")
    if suffix != ".xlsx":
        raise FileRefused("bukan berkas Excel .xlsx. Pilih formulir yang diisi unit "
                          "(berakhiran .xlsx).")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FileRefused(f"berkas lebih dari {MAX_BYTES // 2**20} MB; formulir isian "
                              "tidak sebesar itu. Periksa apakah berkasnya benar.")
        return read_limited(path, MAX_BYTES)
    except InvalidInput as exc:
        raise FileRefused(str(exc)) from exc
    except OSError as exc:
        raise FileRefused(f"berkas tidak dapat dibaca ({exc.strerror}).") from exc


def _check_package(data: bytes) -> None:
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
            raise FileRefused("berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                              "(File > Info > Lindungi Buku Kerja), simpan, lalu impor lagi.")
        raise FileRefused("berkas Excel lama (.xls). Simpan sebagai Excel Workbook (.xlsx), "
                          "lalu impor lagi.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            names = {info.filename for info in infos}
            types = (package.read("[Content_Types].xml").decode("utf-8", "replace")
                     if "[Content_Types].xml" in names else "")
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
        raise FileRefused("berkas rusak atau bukan berkas Excel .xlsx. Minta unit "
                          "menyimpan ulang lalu mengirim lagi.") from exc
    if _MACRO_TYPE in types or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise FileRefused("berkas berisi makro tidak diterima. Simpan sebagai Excel Workbook "
                          "(.xlsx) tanpa makro, lalu impor lagi.")
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise FileRefused("isi berkas terlalu besar untuk formulir isian.")


def _open_book(data: bytes):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                             keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged parts
        raise FileRefused("berkas rusak dan tidak dapat dibuka sebagai .xlsx. Minta unit "
                          "menyimpan ulang lalu mengirim lagi.") from exc


def read_meta(book) -> FormMeta:
    """The hidden record of what the workbook is."""
    if sl.META_SHEET not in book.sheetnames or sl.DATA_SHEET not in book.sheetnames:
        raise FileRefused("bukan formulir isian dari Pandu SOP (catatan formulir tidak ada). "
                          "Gunakan formulir yang diekspor dari aplikasi ini.")
    values = {}
    for key, value, *_ in book[sl.META_SHEET].iter_rows(min_row=1, max_row=40, max_col=2,
                                                        values_only=True):
        if isinstance(key, str):
            values[key.strip()] = value
    if values.get("format") != FORMAT:
        raise FileRefused(f"format formulir \"{values.get('format')}\" tidak dikenal; ekspor "
                          "formulir baru dari aplikasi ini.")
    kind = str(values.get("jenis", ""))
    form = FORM_TYPES.get(kind)
    if form is None or values.get("kolom") != ",".join(c.key for c in form.columns):
        raise FileRefused("susunan kolom formulir tidak dikenal; ekspor formulir baru.")
    year, unit_id, run_id = (_int(values.get(k)) for k in ("tahun", "unit_id", "proses"))
    if year is None or not str(values.get("unit") or "").strip():
        raise FileRefused("catatan formulir (tahun, unit) rusak; ekspor formulir baru.")
    return FormMeta(kind, year, str(values["unit"]).strip(), unit_id,
                    str(values.get("kantor") or "").strip(), run_id)


def _int(value) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _read_rows(sheet, form: FormType, unit: str):
    if hasattr(sheet, "reset_dimensions"):  # read every row, whatever <dimension> claims
        sheet.reset_dimensions()
    _check_header(sheet, form)
    lines, rows, problems, extra = [], [], [], 0
    columns = form.columns
    for cells in sheet.iter_rows(min_row=sl.FIRST_DATA_ROW, max_col=len(columns)):
        cells = {c.key: cell for c, cell in zip(columns, cells, strict=False)}
        if all(_blank(cells.get(c.key)) for c in form.inputs):
            continue
        if len(lines) >= MAX_ROWS:
            raise FileRefused(f"formulir berisi lebih dari {MAX_ROWS:,} baris".replace(",", ".")
                              + "; bagi isinya atau periksa berkasnya.")
        row = next(cell.row for cell in cells.values() if hasattr(cell, "row"))
        line, found = _line(cells, form)
        for column_header, problem in found:
            if len(problems) < MAX_LISTED:
                problems.append(f"{unit}, baris {row}, kolom {column_header}: {problem}")
            else:
                extra += 1
        lines.append(line)
        rows.append(row)
    if extra:
        problems.append(f"{unit}: dan {extra} masalah lain")
    if not lines and not problems:
        problems.append(f"{unit}: formulir masih kosong; belum ada baris yang diisi")
    return tuple(lines), tuple(rows), tuple(problems)


def _blank(cell) -> bool:
    value = getattr(cell, "value", None)
    return value is None or (isinstance(value, str) and not value.strip())


def _line(cells: dict, form: FormType) -> tuple[PlanLine, list[tuple[str, str]]]:
    values, found = {}, []
    for column in form.inputs:
        cell = cells.get(column.key)
        if cell is not None and cell.data_type == "f":
            found.append((column.header, "berisi rumus; isi dengan nilainya saja"))
            continue
        if cell is not None and cell.data_type == "e":
            found.append((column.header, f"berisi galat {cell.value}; isi dengan nilainya"))
            continue
        value, problem = cell_value(column.kind, getattr(cell, "value", None))
        if problem:
            found.append((column.header, problem))
        elif column.required and value in ("", None):
            found.append((column.header, "belum diisi"))
        else:
            values[column.key] = value
    for first, second in form.paired:
        if values.get(first) not in ("", None) and values.get(second) in ("", None) \
                and not any(h == form.column(second).header for h, _ in found):
            found.append((form.column(second).header,
                          f"belum diisi ({form.column(first).header} sudah diisi)"))
    return PlanLine(**{k: v for k, v in values.items() if v is not None}), found


def _check_header(sheet, form: FormType) -> None:
    top, sub = (list(r) for r in sheet.iter_rows(min_row=sl.HEADER_ROW,
                                                  max_row=sl.HEADER_ROW + 1,
                                                  max_col=len(form.columns), values_only=True))
    for number, column in enumerate(form.columns):
        row = sub if column.group else top
        found = row[number] if number < len(row) else None
        if _norm(found) != _norm(column.header):
            raise FileRefused(f"judul kolom {number + 1} berubah (\"{found or ''}\", "
                              f"seharusnya \"{column.header}\"). Jangan mengubah judul atau "
                              "urutan kolom; isi ulang formulir yang asli.")


def _norm(text) -> str:
    return " ".join(str(text or "").replace("*", " ").split()).casefold()
