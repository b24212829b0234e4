"""Every bundled template survives export -> import -> export unchanged."""

from __future__ import annotations

import pytest

from desktop_app.common.paths import templates_dir
from desktop_app.sop import library
from desktop_app.sop.sopfile import FILE_SUFFIX, read_sop_file

TEMPLATES = sorted(templates_dir().glob("*" + FILE_SUFFIX))


def test_six_templates_are_bundled():
    assert len(TEMPLATES) == 6


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_round_trip(workspace, tmp_path, path):
    original = read_sop_file(path)
    first_id = library.import_sop(path)
    assert library.get_sop(first_id) == original
    exported = tmp_path / "first.pandu-sop.toml"
    library.export_sop(first_id, exported)
    second_id = library.import_sop(exported)
    assert library.get_sop(second_id) == original
    again = tmp_path / "second.pandu-sop.toml"
    library.export_sop(second_id, again)
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_is_shaped_like_the_official_form(path):
    sop = read_sop_file(path)
    assert sop.langkah[0].simbol == "mulai"
    assert sop.langkah[-1].simbol == "selesai"
    assert all(step.waktu and step.output for step in sop.langkah)


def test_new_data_folder_starts_with_the_templates(workspace):
    names = [item.nama for item in library.list_sops()]
    assert len(names) == 6
    assert all(item.is_template for item in library.list_sops())
