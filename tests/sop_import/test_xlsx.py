"""Excel SOPs with the flowchart drawn as shapes and connectors over the lane cells."""

from __future__ import annotations

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.sop.importing.reader import read_document
from tests.sop_import.office_xlsx import write_xlsx
from tests.sop_import.similar import differences
from tests.sop_import.test_docx import lanes_and_symbols, template


@pytest.mark.parametrize("name", ["01", "02", "04", "05", "06"])
def test_xlsx_with_drawn_symbols_imports_every_lane_symbol_and_target(tmp_path, name):
    want = template(name)
    draft = read_document(write_xlsx(want, tmp_path / "sop.xlsx"))
    assert lanes_and_symbols(draft.sop) == lanes_and_symbols(want)
    assert draft.is_complete(), draft.uncertain()
    assert not [n for n in draft.uncertain() if n.field == "jika_tidak"]
    assert differences(draft.sop, want) == []


def test_a_workbook_without_an_sop_is_refused(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Indikator", "Target", "Realisasi"])
    book.save(tmp_path / "ekt.xlsx")
    with pytest.raises(InvalidInput, match="tidak berisi SOP"):
        read_document(tmp_path / "ekt.xlsx")
