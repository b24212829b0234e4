"""The office's kop (letterhead) from its settings."""

from __future__ import annotations

from pathlib import Path

from desktop_app.office.profile import logo_file
from desktop_app.office.settings import get_setting
from desktop_app.render.letterhead import Kop


def office_kop(instansi: str = "", data_dir: Path | None = None) -> Kop:
    """The office's kop from its settings; `instansi` replaces the office name (the printed
    SOP sheet no longer uses it: it keeps this office's kop and names the SOP's source).

    The logo is included only when the data folder it lives in is given.
    """
    contact = [
        f"Telp. {get_setting('telepon')}" if get_setting("telepon") else "",
        f"Email: {get_setting('email')}" if get_setting("email") else "",
        f"Laman: {get_setting('laman')}" if get_setting("laman") else "",
        f"Kode Pos {get_setting('kode_pos')}" if get_setting("kode_pos") else "",
    ]
    return Kop(
        pemerintah=get_setting("pemerintah"),
        instansi=instansi or get_setting("nama_kantor"),
        alamat=get_setting("alamat"),
        kontak="  ".join(part for part in contact if part),
        logo=logo_file(data_dir, get_setting("logo")) if data_dir is not None else None,
    )
