"""The one place that wires the window: open the data folder, build the window, show it."""

from __future__ import annotations

import sys
from pathlib import Path

# The window's system libraries on Linux (Qt's xcb platform plugin) and their Debian packages.
WINDOW_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
}


def missing_window_packages(environ=None, load=None) -> list[str]:
    """The Debian packages missing for the window to open (only when Qt will use xcb)."""
    import os

    environ = os.environ if environ is None else environ
    platform = environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or (platform and not platform.startswith("xcb")):
        return []
    if not platform and environ.get("WAYLAND_DISPLAY"):
        return []  # Qt opens a Wayland window instead

    def can_load(name: str) -> bool:
        import ctypes

        try:
            ctypes.CDLL(name)
        except OSError:
            return False
        return True

    load = load or can_load
    return [package for library, package in WINDOW_LIBRARIES.items() if not load(library)]


def window_packages_message(packages: list[str]) -> str:
    return ("Jendela Pandu SOP tidak dapat dibuka: pustaka sistem untuk jendela belum "
            "terpasang di komputer ini.\nPasang dahulu (perlu hak admin), lalu buka lagi:\n\n"
            f"    sudo apt-get install {' '.join(packages)}\n\n"
            "Dari folder program: make window-deps")


def run_gui(data_dir: Path) -> int:
    missing = missing_window_packages()
    if missing:
        print(window_packages_message(missing), file=sys.stderr)
        return 1
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
    from desktop_app.gui.i18n import install_translations
    from desktop_app.gui.prefs import install_screen_fit

    install_translations()  # before the first dialog (the startup check, the wizard)
    install_screen_fit()
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
