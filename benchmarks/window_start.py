"""One window start, run as its own process by benchmarks/ten_years.py.

usage: window_start.py DATA_DIR PERSON_ID   (the app's main window for that person)
       window_start.py --bare               (the floor: a bare PySide6 main window)

Prints one JSON line: `mapped` (time.time() when the window was first exposed, so the caller
measures from before it started the process), then, after every area was opened once,
`peak_mb` (the process's peak resident memory).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if sys.argv[1] == "--bare":
        window = QMainWindow()
        window.resize(1280, 720)
        window.show()
        QTest.qWaitForWindowExposed(window)
        mapped = time.time()
        print(json.dumps({"mapped": mapped, "peak_mb": round(peak_mb(), 1)}), flush=True)
        return 0
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.office.people import get_person
    from desktop_app.workspace import open_workspace

    workspace = open_workspace(Path(sys.argv[1]))
    window = MainWindow(workspace, get_person(int(sys.argv[2])))
    window.show()
    QTest.qWaitForWindowExposed(window)
    mapped = time.time()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        app.processEvents()
    print(json.dumps({"mapped": mapped, "peak_mb": round(peak_mb(), 1)}), flush=True)
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
