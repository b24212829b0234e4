"""The instructions sheet of a unit's form, in Indonesian: what to fill and how to send it."""

from __future__ import annotations

from desktop_app.forms.form_types import (
    FORMULA,
    HIGHER_BETTER,
    LIST_KINDS,
    LIST_NAMES,
    LOWER_BETTER,
    MONEY,
    NUMBER,
    TEXT_MAX,
    FormType,
    GradeBands,
)

_KIND_HELP = {
    NUMBER: "angka 0 atau lebih; desimal boleh (mis. 12,5)",
    MONEY: "rupiah utuh, tanpa titik, koma atau Rp (mis. 1500000)",
    FORMULA: "dihitung sendiri, tidak perlu diisi",
}


def help_lines(form: FormType, year: int, unit: str, bands: GradeBands
               ) -> list[tuple[str, bool]]:
    """(text, bold) lines, top to bottom."""
    lines = [(f"Petunjuk pengisian formulir {form.code} tahun {year}", True),
             (f"Unit: {unit}", False), ("", False),
             ("Cara mengisi", True),
             ("1. Isi lembar \"Formulir\" mulai baris 8, satu baris untuk satu indikator atau "
              "kegiatan. Kolom bertanda * wajib diisi.", False),
             ("2. Sel berwarna abu-abu dan judul kolom terkunci; nomor dan hasil hitungan "
              "terisi sendiri.", False),
             ("3. Jika baris kosong kurang, sisipkan baris (klik kanan nomor baris > Sisipkan "
              "baris). Baris yang dikosongkan tidak ikut dikirim.", False),
             ("4. Jangan mengubah nama lembar, urutan kolom, atau isi baris 1 sampai 7.", False),
             ("", False), ("Kolom", True)]
    for column in form.columns:
        lines.append((f"• {_label(column)}: {_describe(column.kind)}"
                      + ("; wajib diisi" if column.required else ""), False))
    if form.kind == "ekt":
        lines += [("", False), ("Capaian dan predikat", True),
                  (f"Capaian = realisasi ÷ target × 100 untuk indikator \"{HIGHER_BETTER}\"; "
                   f"untuk indikator \"{LOWER_BETTER}\" (mis. jumlah keluhan) dibalik: "
                   "target ÷ realisasi × 100.", False),
                  (f"Predikat: {bands.describe()}.", False)]
    lines += [("", False), ("Mengirim kembali", True),
              ("Simpan sebagai Excel Workbook (.xlsx), bukan .xls, .xlsm atau .ods, tanpa kata "
               "sandi, lalu kirim berkasnya ke perencana kantor.", False),
              ("Berkas ini hanya untuk unit dan tahun di atas; formulir dari unit atau tahun "
               "lain tidak dapat diimpor.", False)]
    return lines


def _label(column) -> str:
    return f"{column.group} {column.header}" if column.group else column.header


def _describe(kind: str) -> str:
    if kind in LIST_KINDS:
        return f"pilih dari daftar {LIST_NAMES[kind]} (panah di sisi sel)"
    return _KIND_HELP.get(kind, f"teks, paling banyak {TEXT_MAX} huruf")
