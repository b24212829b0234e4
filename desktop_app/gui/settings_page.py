"""The Pengaturan area: the office profile at a glance, and the wizard to change it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui import policy
from desktop_app.office.permissions import OP
from desktop_app.office.profile import load_profile


class SettingsPage(QWidget):
    edit_requested = Signal()

    def __init__(self, person_provider=lambda: None):
        super().__init__()
        self.person_provider = person_provider
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.read_only_note = QLabel(wordWrap=True)
        button = self.edit_button = QPushButton("&Ubah profil kantor…")
        button.clicked.connect(self.edit_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Pengaturan</h2>"))
        layout.addWidget(self.summary)
        layout.addWidget(self.read_only_note)
        layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.refresh()

    def apply_policy(self) -> None:
        person = self.person_provider()
        policy.apply(person, OP.EDIT_PROFILE, self.edit_button)
        self.read_only_note.setText(policy.note(person, OP.EDIT_PROFILE))

    def refresh(self) -> None:
        p = load_profile()
        officials = "".join(f"<li>{escape(o.jabatan)}: {escape(o.nama)} (NIP {escape(o.nip)})"
                            "</li>" for o in p.officials) or "<li>(belum ada)</li>"
        units = ", ".join(escape(u.nama) for u in p.units) or "(belum ada)"
        self.summary.setText(
            f"<b>{escape(p.pemerintah) or '(pemerintah belum diisi)'}</b><br>"
            f"<b>{escape(p.nama_kantor) or '(nama kantor belum diisi)'}</b><br>"
            f"{escape(p.alamat)}<br><br><b>Pejabat</b><ul>{officials}</ul>"
            f"<b>Unit kerja:</b> {units}<br><b>Kertas:</b> {p.paper} &nbsp; "
            f"<b>Kode unit nomor surat:</b> {escape(p.kode_unit) or '-'}")
