"""The frozen programs' entry point: the command line, or a double-clicked SOP file."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from installers import bundle

spec = importlib.util.spec_from_file_location("pandu_main", bundle.ENTRY_SCRIPT)
pandu_main = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pandu_main)


def test_arguments_go_to_the_command_line(capsys):
    assert pandu_main.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("Pandu SOP ")


def test_a_toml_that_is_not_a_file_is_a_command_line_argument(tmp_path, capsys):
    assert pandu_main.main([str(tmp_path / "absent.pandu-sop.toml")]) == 2
    assert "Perintah tidak dapat dipahami" in capsys.readouterr().err


@pytest.fixture
def office_ready(monkeypatch, tmp_path):
    """A data folder whose profile is done and nobody needs to log in: no dialogs."""
    monkeypatch.setenv("PANDU_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("desktop_app.office.profile.is_configured", lambda: True)
    monkeypatch.setattr("desktop_app.office.people.has_admin", lambda *a, **k: True)
    monkeypatch.setattr("desktop_app.office.people.list_people", lambda *a, **k: [])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


def test_an_sop_file_opens_the_window_and_is_imported(qtbot, qapp, office_ready, tmp_path,
                                                      valid_sop, monkeypatch):
    import tomli_w

    from desktop_app.sop import library

    valid_sop["identitas"]["nama"] = "Uji buka berkas SOP dari Explorer"
    source = tmp_path / "renja.pandu-sop.toml"
    source.write_text(tomli_w.dumps(valid_sop), encoding="utf-8")
    seen = []

    def run_event_loop(app):
        qtbot.waitUntil(lambda: any(s.nama == valid_sop["identitas"]["nama"]
                                    for s in library.list_sops()), timeout=10000)
        seen.extend(w for w in app.topLevelWidgets() if w.isVisible())
        for widget in seen:
            widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_event_loop)
    assert pandu_main.main([str(source)]) == 0
    window = next(w for w in seen if type(w).__name__ == "MainWindow")
    assert window.pages.currentWidget() is window.library
