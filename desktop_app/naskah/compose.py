"""From a document's stored form content to its PDF: the naskah data, the signatory (the last
person of the route, with the office's specimen signature and cap if given), the kop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from db import models as m
from desktop_app.common.file_store import stored_path
from desktop_app.naskah import content as n
from desktop_app.office.kop import office_kop
from desktop_app.office.profile import load_profile
from desktop_app.office.settings import get_setting
from desktop_app.office.signoff import RouteStep


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def page_setup() -> n.PageSetup:
    """Paper, margins and font size of letters, from the office settings."""
    def number(key: str) -> float:
        try:
            return float(get_setting(key))
        except ValueError:
            return float(n.PageSetup.__dataclass_fields__[_FIELDS[key]].default)

    return n.PageSetup(get_setting("paper"), *(number(k) for k in _FIELDS))


_FIELDS = {"margin_kiri": "margin_left", "margin_kanan": "margin_right",
           "margin_atas": "margin_top", "margin_bawah": "margin_bottom",
           "ukuran_huruf": "font_size"}


def signatory(step: RouteStep, data_dir: Path | None, signed: bool = False) -> n.Signatory:
    """The signer's block; the specimen signature and cap only on what `signed` (final) and
    only when the specimen is this person's own."""
    person = m.Person.get_by_id(step.person_id)
    pangkat = next((o.pangkat_golongan for o in load_profile().officials
                    if person.nip and o.nip == person.nip), "")
    signature = stamp = None
    if (signed and data_dir is not None and person.role == "pejabat"
            and get_setting("spesimen_orang") == str(person.id)):
        signature = stored_path(data_dir, get_setting("spesimen_ttd"))
        stamp = stored_path(data_dir, get_setting("cap_dinas"))
    return n.Signatory(person.jabatan, person.nama, pangkat, person.nip, signature, stamp)


def render_document(kind: str, content: dict, signer: RouteStep, number: str,
                    code: str | None, data_dir: Path | None = None,
                    signed_on: date | None = None, slot: dict | None = None) -> bytes:
    """The PDF; a final one (with `code`) is dated `signed_on` when the form left it empty.
    Without `code` it is a draft: KONSEP across it, no number, no specimen, no cap. With
    `slot`, the QR is left for the signed statement (signing.pades) and `slot` says where
    it is."""
    from desktop_app.naskah import pdf

    c = content
    sig = signatory(signer, data_dir, signed=code is not None)
    number = number if code else ""
    tanggal = _date(c.get("tanggal")) or (signed_on if code else None)
    kop = office_kop("", data_dir)
    setup = page_setup()
    verification = n.Verification(code, f"PANDU-SOP:{code}") if code else None
    if code and slot is not None:
        verification = n.Verification(code, "", n.SIGNED_NOTE, slot)
    if kind == "surat_dinas":
        doc = n.SuratDinas(c.get("tempat", ""), tanggal, number, c.get("sifat", "Biasa"),
                           c.get("lampiran", "-"), c.get("hal", ""), c.get("kepada", ""),
                           c.get("di", ""), tuple(c.get("paragraphs", ())), sig,
                           tuple(c.get("tembusan", ())))
        return pdf.render_surat_dinas(doc, kop, setup, verification)
    if kind == "surat_pengantar":
        items = tuple(n.PengantarItem(i.get("naskah", ""), i.get("banyaknya", ""),
                                      i.get("keterangan", "")) for i in c.get("items", ()))
        doc = n.SuratPengantar(c.get("tempat", ""), tanggal, number, c.get("kepada", ""),
                               c.get("di", ""), items, sig)
        return pdf.render_surat_pengantar(doc, kop, setup, verification)
    if kind == "nota_dinas":
        doc = n.NotaDinas(c.get("kepada", ""), c.get("dari", ""), tuple(c.get("tembusan", ())),
                          tanggal, number, c.get("sifat", "Biasa"), c.get("lampiran", "-"),
                          c.get("hal", ""), tuple(c.get("paragraphs", ())), sig)
        return pdf.render_nota_dinas(doc, kop, setup, verification)
    doc = n.LembarDisposisi(
        c.get("surat_dari", ""), c.get("nomor_surat", ""), _date(c.get("tanggal_surat")),
        _date(c.get("diterima_tanggal")), c.get("nomor_agenda", ""), c.get("sifat", "biasa"),
        c.get("hal", ""), tuple((name, bool(on)) for name, on in c.get("diteruskan_kepada", ())),
        tuple((text, bool(on)) for text, on in c.get("harapan", ())) or n.DEFAULT_HARAPAN,
        c.get("catatan", ""), sig.jabatan, sig.nama)
    return pdf.render_disposisi(doc, kop, setup, verification)
