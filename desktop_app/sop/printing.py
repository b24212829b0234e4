"""Printing an SOP of the library: the official sheet as a PDF file."""

from __future__ import annotations

from pathlib import Path

from desktop_app.common.atomic_write import write_atomically
from desktop_app.office.kop import office_kop
from desktop_app.office.settings import get_setting
from desktop_app.sop.library import get_sop
from desktop_app.sop.model import Sop


def sop_sheet_pdf(sop: Sop, paper: str | None = None, data_dir: Path | None = None,
                  approved: bool = False) -> bytes:
    """The SOP sheet as PDF bytes, on `paper` or the office's default paper. With the data
    folder, the kop carries the office's logo. `approved`: the library's approval record of
    this revision (`library.is_approved`); otherwise the sheet is marked as a draft."""
    from desktop_app.flowchart.layout import layout_flowchart
    from desktop_app.render.pdf.fonts import text_width_mm
    from desktop_app.sop.sheet_pdf import render_sop_sheet

    paper = (paper or get_setting("paper")).upper()
    layout = layout_flowchart(sop, paper, text_width_mm)
    kop = office_kop(sop.identitas.instansi, data_dir)
    from desktop_app.sop.approval_signature import statement_for

    return render_sop_sheet(sop, kop, paper, layout, approved,
                            statement_for(sop) if approved else None)


def print_sop(sop_id: int, path: Path, paper: str | None = None,
              data_dir: Path | None = None, approved: bool | None = None) -> None:
    """Write the sheet of SOP `sop_id` to `path` (atomically: never a half-written PDF).
    Draft or approved as the library's approval record says (`approved` only overrides it
    for tests of the sheet's layout)."""
    from desktop_app.sop.library import is_approved

    if approved is None:
        approved = is_approved(sop_id)
    data = sop_sheet_pdf(get_sop(sop_id), paper, data_dir, approved)
    write_atomically(path, data)
