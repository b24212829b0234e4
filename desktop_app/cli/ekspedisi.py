"""`pandu ekspedisi print|tanda-terima|list`: the buku ekspedisi without the window."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop_app.cli.output import check_writable
from desktop_app.common.atomic_write import write_atomically
from desktop_app.common.errors import InvalidInput
from desktop_app.common.paper import PAPER_NAMES

NAME = "ekspedisi"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal {text} tidak dikenal; tulis TTTT-BB-HH, misalnya 2026-01-31") from None


def register(commands) -> None:
    eks = commands.add_parser(NAME, help="buku ekspedisi: cetak buku dan tanda terima, "
                                         "daftar pengiriman").add_subparsers(
        dest="ekspedisi_command", metavar="SUBPERINTAH", required=True)
    for name, text in (("print", "cetak buku ekspedisi untuk rentang tanggal kirim ke PDF"),
                       ("tanda-terima", "cetak slip tanda terima untuk rentang tanggal kirim")):
        sub = eks.add_parser(name, help=text)
        sub.add_argument("--from", dest="date_from", type=_date, required=True,
                         metavar="TTTT-BB-HH")
        sub.add_argument("--to", dest="date_to", type=_date, required=True, metavar="TTTT-BB-HH")
        sub.add_argument("-o", dest="output", type=Path, required=True, metavar="FILE.pdf")
        sub.add_argument("--paper", choices=PAPER_NAMES, type=str.upper,
                         help="ukuran kertas (bawaan: pengaturan kantor)")
    lst = eks.add_parser("list", help="daftar pengiriman: nomor, tanggal kirim, status, tujuan, "
                                      "perihal")
    lst.add_argument("--menunggu", type=int, metavar="HARI",
                     help="hanya yang belum ada tanda terima setelah HARI hari kerja")


def run(args, workspace) -> int:
    from desktop_app.expedition import printing, views

    if args.ekspedisi_command == "list":
        if args.menunggu is not None:
            for waiting in views.awaiting_receipt(args.menunggu):
                d = waiting.delivery
                print(f"{d.book_number}\t{d.tanggal_kirim.isoformat()}\t"
                      f"{waiting.working_days} hari kerja\t{d.tujuan}\t{d.main.title}")
            return 0
        for d in views.list_deliveries():
            received = (f" ({d.nama_penerima}, {d.tanggal_terima.isoformat()})"
                        if d.status == "diterima" else "")
            print(f"{d.book_number}\t{d.tanggal_kirim.isoformat()}\t{d.status_label}{received}"
                  f"\t{d.tujuan}\t{d.main.title}")
        return 0
    check_writable(args.output, "ekspedisi.pdf")
    found = views.list_deliveries(args.date_from, args.date_to)
    if args.ekspedisi_command == "print":
        data = printing.book_for_range(args.date_from, args.date_to, args.paper,
                                       workspace.data_dir)
        what = "Buku ekspedisi"
    else:
        if not found:
            raise InvalidInput("Tidak ada pengiriman pada rentang tanggal itu.")
        data = printing.slips_pdf([d.id for d in found], args.paper, workspace.data_dir)
        what = "Tanda terima"
    _write(args.output, data)
    print(f"{what}: {len(found)} pengiriman, {printing.range_text(args.date_from, args.date_to)}"
          f" -> {args.output}")
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise InvalidInput(f"Berkas {path} tidak dapat ditulis: {exc.strerror}.") from exc
