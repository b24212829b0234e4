"""The one place that wires the window: open the data folder, build the window, show it."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(data_dir: Path) -> int:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.errors import show_error
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.questions import INDONESIAN
    from desktop_app.workspace import open_workspace

    QLocale.setDefault(INDONESIAN)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Pandu SOP")
    app.setOrganizationName("PanduSOP")
    from desktop_app.gui.about_dialog import app_icon

    app.setWindowIcon(app_icon())
    from desktop_app.gui.backup_actions import show_startup_check, take_instance_lock

    lock = take_instance_lock(data_dir)  # a second window on the same data is told plainly
    if lock is None:
        return 1
    with lock:
        try:
            workspace = open_workspace(data_dir)
        except Exception as exc:  # noqa: BLE001 - shown to the user, then we stop
            show_error(None, exc)
            return 1
        try:
            window = MainWindow(workspace)
            window.show()
            show_startup_check(window, workspace)
            if not window.start_session():
                return 0
            window.auto_backup.start()
            return app.exec()
        finally:
            workspace.close()
