"""The identity block of an SOP document: scalar fields, the paired list boxes, the signer."""

from __future__ import annotations

import re

from desktop_app.sop.importing import fields as f
from desktop_app.sop.importing.draft import GUESS, MISSING, Draft
from desktop_app.sop.importing.grid import Cell
from desktop_app.sop.importing.labels import IDENTITY_LABELS, match_exact, match_prefix
from desktop_app.sop.model import IDENTITY_LISTS, Identity, Official

_LISTS = {key for key, _label in IDENTITY_LISTS}
_DATES = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_pengesahan")
_INSTANSI = re.compile(r"^(INSPEKTORAT|DINAS|KECAMATAN|BADAN|SEKRETARIAT|KANTOR|BAGIAN|"
                       r"KELURAHAN|RUMAH SAKIT|PUSKESMAS)\b.*", re.IGNORECASE)
_SMALL = {"dan", "di", "ke", "dari", "atau", "serta", "yang", "untuk", "pada"}


def read_identity(rows: list[list[Cell]], draft: Draft) -> Identity:
    values: dict[str, str] = {}
    texts = [[c.text for c in row if c.text.strip(" \t:")] for row in rows]
    for r, row in enumerate(texts):
        labels = [match_exact(t, IDENTITY_LABELS) for t in row]
        if len(row) >= 2 and all(k in _LISTS for k in labels):
            following = [t for later in texts[r + 1:] for t in later][:len(row)]
            for key, value in zip(labels, following, strict=False):
                if match_prefix(value, IDENTITY_LABELS) is None:
                    values.setdefault(key, value)
            continue
        for i, text in enumerate(row):
            hit = match_prefix(text, IDENTITY_LABELS)
            if hit is None:
                continue
            key, rest = hit
            if not rest.strip(" :") and i + 1 < len(row) and \
                    match_prefix(row[i + 1], IDENTITY_LABELS) is None:
                rest = row[i + 1]
            elif not rest.strip(" :") and key in _LISTS and i + 1 == len(row) and \
                    r + 1 < len(texts) and texts[r + 1] and \
                    match_prefix(texts[r + 1][0], IDENTITY_LABELS) is None:
                rest = texts[r + 1][0]
            values.setdefault(key, rest.strip().lstrip(":").strip())
    return _identity(values, texts, draft)


def identity_from_values(values: dict[str, str], texts: list[list[str]], draft: Draft
                         ) -> Identity:
    """The identity from the label -> text pairs a reader found itself (and the text around
    them, for the office's name and the signer)."""
    return _identity(values, texts, draft)


def _identity(values: dict[str, str], texts: list[list[str]], draft: Draft) -> Identity:
    nama = f.clean(values.get("nama", ""))
    if not nama:
        nama = _title_line(texts)
        draft.note("nama", GUESS if nama else MISSING,
                   "nama SOP tidak ditemukan di kotak identitas" +
                   ("; diambil dari judul tabel" if nama else "; isi nama SOP"))
    ident = Identity(nama=nama or "SOP tanpa nama")
    nomor = f.clean(values.get("nomor", ""))
    ident.nomor = nomor if re.search(r"\d", nomor) else ""
    # "-" or a dotted line to write the number in (our sheet, for an SOP without one)
    if nomor not in ("", "-") and not re.fullmatch(r"[.…\s]+", nomor) and not ident.nomor:
        draft.note("nomor", GUESS, f'nomor SOP "{nomor}" tidak berisi angka; dikosongkan')
    for key in _DATES:
        raw = f.clean(values.get(key, ""))
        value = f.parse_date(raw)
        setattr(ident, key, value)
        if raw and raw not in ("-",) and value is None:
            draft.note(key, GUESS, f'tanggal "{raw}" tidak dapat dibaca; tulis misalnya '
                       '"28 Desember 2023"')
    made, approved = ident.tanggal_pembuatan, ident.tanggal_pengesahan
    if made and approved and approved < made:
        draft.note("tanggal_pengesahan", GUESS, f"tanggal pengesahan {approved:%d-%m-%Y} "
                   f"lebih awal dari tanggal pembuatan {made:%d-%m-%Y}; periksa tahunnya")
    for key in _LISTS:
        setattr(ident, key, f.split_list(values.get(key, "")))
    ident.instansi = f.clean(values.get("instansi", "")) or _instansi(texts)
    ident.disahkan_oleh = _signer(values.get("disahkan_oleh", ""), texts)
    return ident


def _title_line(texts: list[list[str]]) -> str:
    for row in texts:
        for text in row:
            match = re.match(r"^\s*SOP\s*:?\s*(.+)$", f.clean(text))
            if match:
                return match[1].strip()
    return ""


def _instansi(texts: list[list[str]]) -> str:
    lines = [f.clean(line) for row in texts for text in row
             for line in text.replace("**", "").splitlines()]
    for k, line in enumerate(lines):
        if _INSTANSI.match(line) and line.isupper() and len(line) < 120:
            k += 1
            while k < len(lines) and (line.endswith(",") or _continues(lines[k])):
                line, k = f"{line} {lines[k]}", k + 1
            return title_case(line)
    return ""


def _continues(line: str) -> bool:
    """A short upper-case line under the office name is the rest of it ("MAGETAN")."""
    return (line.isupper() and len(line.split()) <= 4 and not _INSTANSI.match(line)
            and not re.match(r"^(STANDAR|SOP|PEMERINTAH|JL|JALAN|TELP)\b", line))


def title_case(text: str) -> str:
    if not text.isupper():
        return text
    words = text.title().split(" ")
    return " ".join(w.lower() if k and w.lower() in _SMALL else w for k, w in enumerate(words))


def _signer(cell: str, texts: list[list[str]]) -> Official | None:
    official = f.parse_official(cell) if cell.strip() else Official()
    official.jabatan = title_case(official.jabatan)
    block = _signature_block(texts)
    if block is not None:
        official.nama = official.nama or block.nama
        official.pangkat = official.pangkat or block.pangkat
        official.nip = official.nip or block.nip
        official.jabatan = official.jabatan or title_case(block.jabatan)
    return None if official.is_empty() else official


def _signature_block(texts: list[list[str]]) -> Official | None:
    """The block under the table: jabatan, nama, pangkat and NIP on their own lines."""
    lines = [f.clean(line) for row in texts for cell in row for line in cell.splitlines()]
    lines = [line for line in lines if line]
    for k, line in enumerate(lines):
        if not re.match(r"^NIP\.?\s*:?\s*[\d ]{18,}", line, re.IGNORECASE):
            continue
        nip = re.sub(r"\D", "", line)[:18]
        before = lines[max(0, k - 4):k]
        pangkat = next((b for b in before if b in f.PANGKAT), "")
        rest = [b for b in before if b != pangkat and not re.search(r"\d{4}$", b)]
        nama = rest[-1] if rest else ""
        jabatan = rest[-2].rstrip(",") if len(rest) >= 2 else ""
        return Official(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)
    return None
