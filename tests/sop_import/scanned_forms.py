"""The text OCR gives of a printed SOP form (as seed 003): no cells, each line of print one
line of text with the columns run together, stray marks where the symbols were drawn, the
waktu between kelengkapan and output, and the table's header again on every page."""

from __future__ import annotations

import random

from desktop_app.sop.model import Sop


def wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def scanned_text(sop: Sop, widths=(14, 18, 12), per_page: int = 6, seed: int = 1) -> str:
    """`widths`: characters of the Kegiatan, Kelengkapan and Output columns."""
    rnd = random.Random(seed)
    ident = sop.identitas
    out = [" Nama SOP :", ident.nama, "", "Dasar Hukum", "", "Kualifikasi Pelaksana", ""]
    out += [f"{n}. {item}" for n, item in enumerate(ident.dasar_hukum, 1)] + [""]
    out += [f"{n}. {item}" for n, item in enumerate(ident.kualifikasi_pelaksana, 1)]
    out += ["", "", "", "", f"Standar Operasional Prosedur (SOP) {ident.nama}", ""]
    lanes = " ".join(lane.nama for lane in sop.pelaksana)
    header = ["Pelaksana Mutu Baku", f"No Aktifitas {lanes} Persyaratan/ Waktu Output",
              "Kelengkapan", ""]
    out += header
    for number, step in enumerate(sop.langkah, 1):
        columns = (wrap(step.kegiatan, widths[0]), wrap(", ".join(step.kelengkapan), widths[1]),
                   wrap(step.output, widths[2]))
        for k in range(max(map(len, columns))):
            parts = [columns[0][k] if k < len(columns[0]) else ""]
            if k == 0 or rnd.random() < 0.2:
                parts.append(rnd.choice(["v", "Q", "[", "l", "‘"]))  # a drawn symbol, misread
            parts.append(columns[1][k] if k < len(columns[1]) else "")
            if k == 0 and step.waktu:
                parts.append(f"| {step.waktu} |")
            parts.append(columns[2][k] if k < len(columns[2]) else "")
            line = " ".join(part for part in parts if part)
            out.append(f"{number}. | {line}" if k == 0 else line)
        out.append("")
        if number % per_page == 0 and number < len(sop.langkah):
            out += ["", "", "", ""] + header
    return "\n".join(out) + "\n"
