"""The agenda surat keluar and the buku ekspedisi show a letter's Hal, not the title the office
gave it inside the app; both number their pages over the whole document (issue 17)."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber

from desktop_app.expedition import deliveries
from desktop_app.expedition.printing import book_for_range, slips_pdf
from desktop_app.naskah import workflow
from desktop_app.office import letter_numbers as ln
from desktop_app.office.kop import office_kop
from desktop_app.office.signoff import set_route
from tests.expedition.conftest import SIGNED_ON, sign
from tests.naskah.test_workflow import routed  # noqa: F401 - the fixture
from tests.pdf_checks import check_pdf
from tests.runs.conftest import office  # noqa: F401 - the fixture

INTERNAL = "konsep undangan (jangan dicetak)"
HAL = "Undangan Rapat Koordinasi Musrenbang"


def text_of(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)


def test_register_and_book_show_the_hal(routed, tmp_path):  # noqa: F811
    o = routed
    _db, data = o.workspace.database, o.workspace.data_dir
    set_route("surat_dinas", [(o.kasubag.id, "paraf"), (o.sekcam.id, "paraf"),
                                  (o.camat.id, "tanda_tangan")])
    doc = workflow.create_document(
        data, "surat_dinas", INTERNAL,
        {"tempat": "Karanganyar", "kepada": "Kepala Desa", "di": "Tempat",
         "klasifikasi": "000.7.2.10", "hal": HAL, "paragraphs": ["Dengan hormat."]}, o.staf.id)
    sign(o, doc)
    register = ln.register_pdf(SIGNED_ON.year, office_kop("", data), "F4")
    assert HAL in text_of(register) and INTERNAL not in text_of(register)
    assert "Halaman 1 dari 1" in text_of(register)
    delivery = deliveries.add_delivery(
        deliveries.NewDelivery(doc, "Kepala Desa", SIGNED_ON, o.staf.id), o.staf.id)
    book = book_for_range(date(2026, 1, 1), date(2026, 1, 31), "F4", data)
    assert HAL in text_of(book) and INTERNAL not in text_of(book)
    slips = slips_pdf([delivery], "A4", data)
    for pdf in (register, book, slips):
        assert check_pdf(pdf, tmp_path) == []
