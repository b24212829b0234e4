"""The window's safety pieces (pytest-qt): the daily and on-close backup, the flash-disk copy,
restore with its preview, the start-up check and the one-window lock."""

from __future__ import annotations

import errno

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from db import models as m  # noqa: E402
from desktop_app.gui import backup_actions as ba  # noqa: E402
from desktop_app.safety import backup  # noqa: E402
from desktop_app.sop import library  # noqa: E402


@pytest.fixture
def shown(monkeypatch):
    """Messages the user would see, instead of message boxes."""
    seen = []
    monkeypatch.setattr(ba, "inform", lambda parent, title, text: seen.append(("i", text)))
    monkeypatch.setattr(ba, "warn", lambda parent, title, text: seen.append(("w", text)))
    return seen


def test_daily_backup_in_the_background_then_on_close(qtbot, workspace):
    auto = ba.AutoBackup(workspace.data_dir)
    with qtbot.waitSignal(auto.done, timeout=10_000) as signal:
        assert auto.check()
    assert "Cadangan otomatis dibuat" in signal.args[0]
    assert not auto.running
    assert not auto.check()  # today's backup is made
    assert auto.backup_on_close() is None
    assert len(list((workspace.data_dir / "cadangan").glob("otomatis-*.zip"))) == 1  # same day


def test_the_timer_asks_again_later(qtbot, workspace):
    auto = ba.AutoBackup(workspace.data_dir, interval_ms=50)
    with qtbot.waitSignal(auto.done, timeout=10_000):
        auto.start(first_check_ms=10)
    auto.stop()
    assert not backup.backup_due(workspace.data_dir)


def test_a_failed_backup_is_reported_plainly(qtbot, workspace, monkeypatch):
    def full(data_dir, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ba, "auto_backup", full)
    auto = ba.AutoBackup(workspace.data_dir)
    with qtbot.waitSignal(auto.failed, timeout=10_000) as signal:
        auto.check()
    assert signal.args[0].startswith("Cadangan otomatis gagal: Disk penuh")
    message = auto.backup_on_close()
    assert "Disk penuh" in message and "tidak hilang" in message


def test_backup_to_a_flash_disk(qtbot, filled, tmp_path, monkeypatch, shown):
    flash = tmp_path / "FLASHDISK"
    flash.mkdir()
    monkeypatch.setattr(ba, "choose_folder", lambda parent: flash)
    info = ba.backup_to_folder(None, filled.data_dir)
    assert info.path.parent == flash and info.path.exists()
    assert shown[0][0] == "i" and "Safely Remove" in shown[0][1] and "1 proses" in shown[0][1]
    monkeypatch.setattr(ba, "choose_folder", lambda parent: None)
    assert ba.backup_to_folder(None, filled.data_dir) is None  # cancelled


def test_restore_with_preview(qtbot, filled, tmp_path, monkeypatch, shown):
    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    library.duplicate_sop(filled.office.sop_id, "SOP Sesudahnya")
    count = m.Sop.select().count()
    monkeypatch.setattr(ba, "choose_backup_file", lambda parent, start: saved)
    previews = []

    def decline(parent, summary):
        previews.append(summary)
        return False

    monkeypatch.setattr(ba.RestorePreviewDialog, "ask", classmethod(
        lambda cls, parent, summary: decline(parent, summary)))
    assert ba.restore_from_backup(None, filled.workspace) is None
    assert m.Sop.select().count() == count  # declined: nothing changed
    assert previews[0].counts["proses"] == 1

    monkeypatch.setattr(ba.RestorePreviewDialog, "ask", classmethod(lambda cls, p, s: True))
    result = ba.restore_from_backup(None, filled.workspace)
    assert result is not None and m.Sop.select().count() == count - 1
    assert "Data dipulihkan" in shown[-1][1] and "ditutup" in shown[-1][1]


def test_the_preview_dialog(qtbot, filled, tmp_path):
    from desktop_app.safety.inspection import inspect_backup

    summary = inspect_backup(backup.create_backup(filled.data_dir, tmp_path / "b.zip").path,
                             filled.data_dir)
    dialog = ba.RestorePreviewDialog(None, summary)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.isEnabled()
    from dataclasses import replace

    newer = ba.RestorePreviewDialog(None, replace(summary, newer=True))
    qtbot.addWidget(newer)
    assert not newer.restore_button.isEnabled()


def test_startup_check(qtbot, filled, shown):
    assert ba.show_startup_check(None, filled.workspace) is None and shown == []
    filled.attachment.unlink()
    message = ba.show_startup_check(None, filled.workspace)
    assert "hilang" in message and shown == [("w", message)]


def test_second_window_is_told_the_data_is_in_use(qtbot, data_dir, shown):
    lock = ba.take_instance_lock(data_dir)
    assert lock is not None
    assert ba.take_instance_lock(data_dir) is None
    assert "sedang dipakai" in shown[0][1]
    lock.release()
    ba.take_instance_lock(data_dir).release()


def test_the_preview_dialog_of_another_office_needs_the_box_ticked(qtbot, filled, tmp_path):
    from desktop_app.safety.inspection import inspect_backup
    from tests.safety.test_restore import craft

    saved = backup.create_backup(filled.data_dir, tmp_path / "b.zip").path
    other = craft(saved, tmp_path / "lain.zip", "UPDATE office_setting SET value = "
                  "'KECAMATAN JENAWI' WHERE key = 'nama_kantor'")
    dialog = ba.RestorePreviewDialog(None, inspect_backup(other, filled.data_dir))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "KECAMATAN JENAWI" in dialog.confirm_other.text()
    qtbot.mouseClick(dialog.confirm_other, Qt.MouseButton.LeftButton)
    assert dialog.confirm_other.isChecked() and dialog.restore_button.isEnabled()

    broken = craft(saved, tmp_path / "rusak.zip", "DROP TABLE archive_dirty")
    refused = ba.RestorePreviewDialog(None, inspect_backup(broken, filled.data_dir))
    qtbot.addWidget(refused)
    assert not refused.restore_button.isEnabled() and refused.confirm_other is None


def test_flashdisk_backup_names_the_files_left_out(qtbot, filled, tmp_path, monkeypatch, shown):
    flash = tmp_path / "FLASHDISK"
    flash.mkdir()
    filled.attachment.unlink()
    monkeypatch.setattr(ba, "choose_folder", lambda parent: flash)
    ba.backup_to_folder(None, filled.data_dir)
    assert "tidak ikut dicadangkan" in shown[-1][1] and "notulen rapat.pdf" in shown[-1][1]
