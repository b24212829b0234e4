"""Entry point of the frozen programs PanduSOP and pandu: the `pandu` command line.

Existing `.toml` files given alone (a double-click on an SOP file, *.pandu-sop.toml, once the
optional association is on; Windows associates by the last extension only) open the window
and are imported into the library once it is up and nobody is logging in; a file that is not
an SOP gets the library's usual message.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if argv and all(arg.lower().endswith(".toml") and Path(arg).is_file() for arg in argv):
        return open_files([Path(arg) for arg in argv])
    from desktop_app.cli import main as cli_main

    return cli_main(argv)


def open_files(paths: list[Path]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.app import run_gui
    from desktop_app.common.paths import default_data_dir

    app = QApplication.instance() or QApplication(sys.argv)

    def import_when_ready() -> None:
        from desktop_app.gui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible() or app.activeModalWidget() is not None:
            QTimer.singleShot(300, import_when_ready)  # still setting up or logging in
            return
        windows[0].show_area("SOP")
        for path in paths:
            windows[0].library.import_path(path)

    QTimer.singleShot(0, import_when_ready)
    return run_gui(default_data_dir())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
