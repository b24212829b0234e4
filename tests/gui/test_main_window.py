"""The first window lists the SOP library."""

from __future__ import annotations

from desktop_app.gui.main_window import MainWindow


def test_main_window_lists_the_library(qtbot, workspace, tmp_path):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Pandu SOP"
    assert window.sop_model.rowCount() == 6
    names = [window.sop_model.index(r, 1).data() for r in range(window.sop_model.rowCount())]
    assert any("Renja" in name for name in names)
