"""Indonesian for Qt's own strings (standard buttons, the text fields' context menu, the file
dialog, the wizard's buttons): Qt ships no Indonesian, so resources/i18n/qt_id.ts is compiled
to qt_id.qm (pyside6-lrelease) and loaded once at start."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.common.paths import resources_dir

QM_FILE = "qt_id.qm"


def qm_path():
    return resources_dir() / "i18n" / QM_FILE


def install_translations() -> bool:
    """Load the Indonesian Qt strings into the application (once); False if the file is
    missing (then Qt speaks English, nothing else breaks)."""
    app = QApplication.instance()
    if app is None:
        return False
    if getattr(app, "_pandu_translator", None) is not None:
        return True
    translator = QTranslator(app)
    if not translator.load(str(qm_path())):
        return False
    app.installTranslator(translator)
    app._pandu_translator = translator
    return True
