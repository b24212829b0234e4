"""From the expedition list to paper: the Buku Ekspedisi for a date range or a batch (the
deliveries a kurir takes on one trip), and the tanda terima slips."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from desktop_app.common.dates import tanggal
from desktop_app.common.errors import InvalidInput
from desktop_app.expedition.views import DeliveryView, list_deliveries


def book_rows(deliveries: list[DeliveryView]):
    from desktop_app.expedition.book_pdf import BookRow

    rows = []
    for d in deliveries:
        penerima = (f"{d.nama_penerima}\n{tanggal(d.tanggal_terima)}" if d.status == "diterima"
                    else "")
        notes = [d.keterangan] if d.keterangan else []
        notes.append(f"Diantar: {d.kurir}" if d.kurir else "")
        if d.status == "diterima":
            notes.append(f"Diterima {tanggal(d.tanggal_terima)}")
        rows.append(BookRow(str(d.sequence), tanggal(d.tanggal_kirim), d.letter, d.isi_singkat,
                            d.tujuan, penerima, "\n".join(n for n in notes if n)))
    return tuple(rows)


def book_pdf(deliveries: list[DeliveryView], subtitle: str, paper: str | None = None,
             data_dir: Path | None = None, today: date | None = None) -> bytes:
    from desktop_app.expedition.book_pdf import Book, render_book

    book = Book(subtitle, book_rows(deliveries), f"Dicetak {tanggal(today or date.today())}")
    return render_book(book, _kop(data_dir), _paper(paper))


def book_for_range(date_from: date, date_to: date, paper: str | None = None,
                   data_dir: Path | None = None) -> bytes:
    """The book pages of every delivery with a tanggal kirim in the range (inclusive)."""
    if date_to < date_from:
        raise InvalidInput("Tanggal akhir tidak boleh sebelum tanggal awal.")
    return book_pdf(list_deliveries(date_from, date_to), range_text(date_from, date_to),
                    paper, data_dir)


def book_for_batch(delivery_ids: Iterable[int], paper: str | None = None,
                   data_dir: Path | None = None) -> bytes:
    deliveries = list_deliveries(ids=list(delivery_ids))
    if not deliveries:
        raise InvalidInput("Pilih sedikitnya satu pengiriman untuk dicetak.")
    days = sorted({d.tanggal_kirim for d in deliveries})
    subtitle = (f"Tanggal kirim {tanggal(days[0])}" if len(days) == 1
                else range_text(days[0], days[-1]))
    return book_pdf(deliveries, f"{subtitle} ({len(deliveries)} pengiriman)", paper, data_dir)


def slips_pdf(delivery_ids: Iterable[int], paper: str | None = None,
              data_dir: Path | None = None) -> bytes:
    """One tanda terima slip per delivery, two to a page."""
    from desktop_app.expedition.slip_pdf import Slip, render_slips
    from desktop_app.office.settings import get_setting

    deliveries = list_deliveries(ids=list(delivery_ids))
    if not deliveries:
        raise InvalidInput("Pilih sedikitnya satu pengiriman untuk dicetak tanda terimanya.")
    office = get_setting("nama_kantor") or "Kantor"
    slips = []
    for d in deliveries:
        items = [_item_line(d.main.label, d.main.tanggal), *d.main.contents]
        items += [_item_line("Lampiran: " + (sent.title if sent.source == "berkas"
                                             else sent.label), sent.tanggal if sent.nomor else None)
                  for sent in d.lampiran]
        received = d.status == "diterima"
        slips.append(Slip(d.book_number, office, tuple(items), d.tujuan,
                          tanggal(d.tanggal_kirim), d.kurir,
                          d.nama_penerima if received else "",
                          tanggal(d.tanggal_terima) if received else ""))
    return render_slips(slips, _kop(data_dir), _paper(paper))


def range_text(date_from: date, date_to: date) -> str:
    if date_from == date_to:
        return f"Tanggal kirim {tanggal(date_from)}"
    return f"Tanggal kirim {tanggal(date_from)} s.d. {tanggal(date_to)}"


def _item_line(label: str, when: date | None) -> str:
    return f"{label}, tanggal {tanggal(when)}" if when else label


def _kop(data_dir: Path | None):
    from desktop_app.office.kop import office_kop

    return office_kop("", data_dir)


def _paper(paper: str | None) -> str:
    from desktop_app.office.settings import get_setting

    return paper or get_setting("paper")
