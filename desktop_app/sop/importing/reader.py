"""One entry point: a document file in, a draft SOP out, or a plain message why not."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.importing.builder import build_drafts
from desktop_app.sop.importing.draft import Draft
from desktop_app.sop.importing.grid import Grid
from desktop_app.sop.intake import MAX_SOP_INPUT_BYTES, read_sop_input

MAX_DOCUMENT_BYTES = MAX_SOP_INPUT_BYTES  # as for pandu-sop/1 files: sop/intake.py
MAX_PAGES = 200
MAX_UNPACKED = 100 * 2**20  # a small Word/Excel file that unpacks to gigabytes is refused
SUFFIXES = (".docx", ".xlsx", ".pdf", ".txt")


def read_document(path: Path) -> Draft:
    """Read a .docx, .xlsx, .pdf (with a text layer) or .txt SOP into a draft (the first SOP
    when the file holds several)."""
    return read_documents(path)[0]


def read_documents(path: Path) -> list[Draft]:
    """Every SOP in a .docx, .xlsx, .pdf (with a text layer) or .txt file, each as a draft."""
    data = read_sop_input(path)
    kind = _kind(path, data)
    if kind == "txt":
        drafts = _scanned(_decode(data, path.name), path.name)
        if drafts:
            return drafts
    grid = _grid(kind, data, path.name)
    if grid.pages > MAX_PAGES:
        raise InvalidInput(f"{path.name} terlalu panjang untuk sebuah SOP (lebih dari "
                           f"{MAX_PAGES} halaman).")
    try:
        drafts = build_drafts(grid)
    except InvalidInput as exc:
        raise InvalidInput(f"{path.name}: {exc}") from exc
    text = grid_text(grid)
    for draft in drafts:
        draft.source_text = text
    return drafts


def _scanned(text: str, name: str) -> list[Draft]:
    """The OCR text of a scanned form (no cells, the columns run together on each line)."""
    from desktop_app.sop.importing.scanned import looks_scanned, read_scanned

    if not looks_scanned(text):
        return []
    drafts = read_scanned(text)
    for draft in drafts:
        draft.source_text = text
    return drafts


def grid_text(grid: Grid) -> str:
    """The rows as read, one line each, cells apart by tabs (lines within a cell by " / ",
    a drawn symbol as [its name])."""
    lines = []
    for row in grid.rows:
        cells = [" / ".join(part.strip() for part in c.text.splitlines() if part.strip())
                 or ("[" + ", ".join(c.symbols) + "]" if c.symbols else "") for c in row]
        if any(cells):
            lines.append("\t".join(cells).rstrip())
    return "\n".join(lines)


def _kind(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        names = _package_names(data, path.name)
        if suffix in (".docx", ".xlsx"):
            return suffix[1:]
        return _zip_kind(names, path.name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidInput(f"{path.name} adalah berkas Word/Excel lama (.doc/.xls) atau "
                           "terkunci kata sandi. Buka di Word/Excel, hapus kata sandinya, lalu "
                           "simpan sebagai .docx atau .xlsx.")
    if suffix in (".txt", "") or b"\x00" not in data[:4096]:
        return "txt"
    raise InvalidInput(f"{path.name} bukan dokumen SOP yang dapat dibaca; pilih berkas "
                       ".docx, .xlsx, .pdf atau .txt.")


def _package_names(data: bytes, name: str) -> list[str]:
    """The parts of a Word/Excel package, after checking it opens and is not a zip bomb."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
        raise InvalidInput(f"{name} rusak (arsip tidak utuh). Buka di Word/Excel, simpan "
                           "ulang, lalu impor lagi.") from exc
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise InvalidInput(f"{name} terlalu besar setelah dibuka (isinya lebih dari 100 MB). "
                           "Simpan ulang tanpa gambar besar, atau bagi per SOP.")
    return [info.filename for info in infos]


def _zip_kind(names: list[str], name: str) -> str:
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise InvalidInput(f"{name} bukan dokumen Word atau Excel.")


def _grid(kind: str, data: bytes, name: str) -> Grid:
    if kind == "txt":
        from desktop_app.sop.importing.text import read_text

        return read_text(_decode(data, name))
    if kind == "docx":
        from desktop_app.sop.importing.docx import read_docx

        return read_docx(data, name)
    if kind == "xlsx":
        from desktop_app.sop.importing.xlsx import read_xlsx

        return read_xlsx(data, name)
    from desktop_app.sop.importing.pdf import read_pdf

    return read_pdf(data, name)


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    return data.decode("cp1252", errors="replace")
