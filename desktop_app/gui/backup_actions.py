"""The window's data-safety pieces: automatic backups (once a day while open, and on close),
"Cadangkan ke flashdisk…", "Pulihkan dari cadangan…" with a preview, the start-up check and
the one-window lock. The work itself is in desktop_app.safety; tests patch `choose_folder`,
`choose_backup_file`, `RestorePreviewDialog.ask`, `inform` and `warn`."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.errors import error_text
from desktop_app.safety import integrity
from desktop_app.safety.backup import BackupInfo, auto_backup, backup_due, copy_to_folder
from desktop_app.safety.inspection import BackupInspection, inspect_backup
from desktop_app.safety.instance_lock import DataInUse, InstanceLock, acquire
from desktop_app.safety.restore import RestoreResult, restore
from desktop_app.safety.storage import storage_error

log = logging.getLogger(__name__)
TITLE = "Pandu SOP"
DAY_CHECK_MS = 30 * 60 * 1000  # how often "is today's backup made?" is asked
FIRST_CHECK_MS = 2 * 60 * 1000  # the first time, a little after the window opens


def message_for(exc: BaseException) -> str:
    """A full disk or read-only folder in plain words; otherwise the usual error text."""
    return error_text(storage_error(exc) or exc)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


# --- automatic backups ------------------------------------------------------------------------

class AutoBackup(QObject):
    """Backs up `data_dir` once a day while the window is open (on a worker thread) and, when
    asked, on close (waiting for it). Never touches widgets from the worker."""

    done = Signal(str)  # a line for the status bar
    failed = Signal(str)  # a plain message of what went wrong
    _finished = Signal(bool, str)  # worker -> this object, queued to the window's thread

    def __init__(self, data_dir: Path, parent: QObject | None = None,
                 interval_ms: int = DAY_CHECK_MS):
        super().__init__(parent)
        self.data_dir = data_dir
        self.running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._finished.connect(self._on_finished)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self.timer.start()
        QTimer.singleShot(first_check_ms, self.check)

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> bool:
        """Start today's backup in the background if it was not made yet."""
        if self.running or not backup_due(self.data_dir):
            return False
        self.running = True
        self._pool.start(self._work)
        return True

    def _work(self) -> None:
        try:
            info = auto_backup(self.data_dir)
        except Exception as exc:  # noqa: BLE001 - reported to the window
            self._finished.emit(False, "Cadangan otomatis gagal: " + message_for(exc))
            return
        self._finished.emit(True, f"Cadangan otomatis dibuat: {info.path.name}")

    def _on_finished(self, ok: bool, text: str) -> None:
        self.running = False
        (self.done if ok else self.failed).emit(text)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for a background backup to end (before closing or restoring)."""
        return self._pool.waitForDone(msecs)

    def backup_on_close(self) -> str | None:
        """Back up now, synchronously; None when done, else the message to show."""
        self.stop()
        self.wait()
        try:
            with busy():
                auto_backup(self.data_dir)
        except Exception as exc:  # noqa: BLE001 - shown by the caller
            return ("Cadangan otomatis saat menutup gagal: " + message_for(exc)
                    + "\nData yang sudah disimpan tidak hilang.")
        return None


@contextmanager
def busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class _Progress:
    """A progress dialog fed by a core function's progress(done, total) callback."""

    def __init__(self, parent: QWidget | None, text: str):
        self.dialog = QProgressDialog(text, "", 0, 0, parent)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowTitle(TITLE)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)

    def __call__(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        QApplication.processEvents()

    def close(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()


# --- "Cadangkan ke flashdisk…" ------------------------------------------------------------------

def choose_folder(parent: QWidget | None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, "Pilih flashdisk atau folder untuk menyimpan cadangan")
    return Path(folder) if folder else None


def backup_to_folder(parent: QWidget | None, data_dir: Path) -> BackupInfo | None:
    folder = choose_folder(parent)
    if folder is None:
        return None
    progress = _Progress(parent, "Membuat cadangan…")
    try:
        with busy():
            info = copy_to_folder(data_dir, folder, progress=progress)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        warn(parent, TITLE, message_for(exc))
        return None
    finally:
        progress.close()
    c = info.manifest.counts
    inform(parent, "Cadangan tersimpan",
           f"Cadangan disimpan di:\n{info.path}\n\nIsi: {c['sop']} SOP, {c['proses']} proses, "
           f"{c['naskah']} naskah, {c['berkas']} berkas (sudah diperiksa terbaca dengan "
           "benar).\n\nLepaskan flashdisk dengan aman (Safely Remove), lalu simpan di tempat "
           "yang terpisah dari komputer ini." + _left_out(info.warnings))
    return info


def _left_out(warnings: tuple[str, ...]) -> str:
    """The stored files a backup could not carry, named (empty when there are none)."""
    if not warnings:
        return ""
    shown = "\n".join(f"• {warning}" for warning in warnings[:5])
    more = f"\n• … dan {len(warnings) - 5} berkas lain" if len(warnings) > 5 else ""
    return (f"\n\nPerhatian: berkas berikut tidak ikut dicadangkan:\n{shown}{more}\n"
            "Jalankan pemeriksaan data (pandu check) dan lampirkan ulang berkas aslinya.")


# --- "Pulihkan dari cadangan…" ------------------------------------------------------------------

def choose_backup_file(parent: QWidget | None, start: Path) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, "Pilih berkas cadangan", str(start), "Cadangan Pandu SOP (*.zip)")
    return Path(path) if path else None


class RestorePreviewDialog(QDialog):
    """What the backup holds, and what restoring it does, before anything changes."""

    def __init__(self, parent: QWidget | None, summary: BackupInspection):
        super().__init__(parent)
        self.setWindowTitle("Pulihkan dari cadangan")
        layout = QVBoxLayout(self)
        facts = QLabel("\n".join(summary.lines()))
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(facts)
        layout.addWidget(QLabel(
            "Data yang ada sekarang akan diganti dengan isi cadangan ini.\n"
            "Sebelumnya, data sekarang dicadangkan dulu ke folder \"cadangan\",\n"
            "sehingga dapat dikembalikan bila diperlukan.\n"
            "Setelah selesai, Pandu SOP ditutup; bukalah kembali."))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("&Pulihkan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setEnabled(not summary.refused and not summary.other_office)
        self.confirm_other = None
        if summary.other_office and not summary.refused:
            self.confirm_other = QCheckBox(
                f"Saya yakin: ganti seluruh data \"{summary.current_office}\" dengan cadangan "
                f"kantor \"{summary.office}\".")
            self.confirm_other.toggled.connect(self.restore_button.setEnabled)
            layout.insertWidget(layout.count() - 1, self.confirm_other)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, summary: BackupInspection) -> bool:
        """True when staff chose to restore (for another office's backup: confirmed)."""
        return cls(parent, summary).exec() == QDialog.DialogCode.Accepted


def restore_from_backup(parent: QWidget | None, workspace,
                        auto: AutoBackup | None = None, actor=None) -> RestoreResult | None:
    """Choose, preview, restore. On success the caller closes the window (every open page
    shows the old data); returns None when nothing changed."""
    path = choose_backup_file(parent, workspace.backup_dir)
    if path is None:
        return None
    try:
        summary = inspect_backup(path, workspace.data_dir)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        warn(parent, TITLE, message_for(exc))
        return None
    if not RestorePreviewDialog.ask(parent, summary):
        return None
    if auto is not None:
        auto.stop()
        auto.wait()
    progress = _Progress(parent, "Memulihkan data…")
    try:
        with busy():
            result = restore(workspace.data_dir, path, workspace.database, progress=progress,
                             other_office=summary.other_office, actor=actor)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        warn(parent, TITLE, message_for(exc) + "\nData sekarang tidak berubah.")
        return None
    finally:
        progress.close()
    kept = (f"\n\nData sebelum pemulihan disimpan di:\n{result.safety_backup}"
            if result.safety_backup else "")
    inform(parent, "Data dipulihkan",
           f"Data dipulihkan dari cadangan tanggal {summary.made_on}."
           f"{kept}\n\nPandu SOP akan ditutup sekarang; bukalah kembali untuk melanjutkan.")
    return result


# --- start-up ---------------------------------------------------------------------------------

def startup_check(workspace) -> str | None:
    """The quick check at start as one plain message (what is wrong, what to do), or None."""
    try:
        return integrity.startup_message(workspace.data_dir)
    except Exception as exc:  # noqa: BLE001 - the check itself must never stop the app
        log.exception("start-up check failed")
        return f"Pemeriksaan data saat mulai tidak dapat dijalankan: {message_for(exc)}"


def show_startup_check(parent: QWidget | None, workspace) -> str | None:
    message = startup_check(workspace)
    if message:
        warn(parent, "Pemeriksaan data", message)
    return message


def take_instance_lock(data_dir: Path, parent: QWidget | None = None) -> InstanceLock | None:
    """The data folder's lock for this window, or None after telling the user plainly that
    another window has the data open (or that the folder cannot be written)."""
    try:
        return acquire(data_dir)
    except DataInUse as exc:
        warn(parent, "Data sedang dipakai", str(exc))
    except Exception as exc:  # noqa: BLE001 - a read-only or missing folder
        warn(parent, TITLE, message_for(exc))
    return None
