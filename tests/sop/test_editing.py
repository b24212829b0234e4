"""Editing operations on an SOP draft: inputs stay unchanged, decision targets follow steps."""

from __future__ import annotations

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.sop import editing
from desktop_app.sop.sopfile import sop_from_dict
from desktop_app.sop.validation import sop_problems


@pytest.fixture
def sop(valid_sop):
    return sop_from_dict(valid_sop)


def test_edits_leave_the_input_unchanged(sop):
    before = repr(sop)
    editing.update_step(sop, 1, kegiatan="Baru")
    editing.insert_step(sop, 0)
    editing.delete_step(sop, 3)
    editing.move_step(sop, 1, 1)
    editing.add_lane(sop, "Sekcam")
    editing.set_identity(sop, nama="Lain")
    assert repr(sop) == before


def test_insert_step_keeps_decision_targets(sop):
    new = editing.insert_step(sop, 1)  # before step 2
    assert new.langkah[1].kegiatan == "Kegiatan baru"
    assert new.langkah[3].jika_tidak == 3  # the decision (now 4) still returns to the old 2
    assert sop_problems(new) == []


def test_delete_step_renumbers_and_flags_lost_targets(sop):
    new = editing.delete_step(sop, 0)
    assert new.langkah[1].jika_tidak == 1
    lost = editing.delete_step(sop, 1)  # the decision's target
    assert lost.langkah[1].jika_tidak is None
    assert any("wajib memiliki jika_tidak" in p for p in sop_problems(lost))


def test_move_step_keeps_targets(sop):
    new = editing.move_step(sop, 1, -1)  # step 2 up to position 1
    assert new.langkah[0].kegiatan == "Menyusun konsep Renja"
    assert new.langkah[2].jika_tidak == 1
    assert editing.move_step(sop, 0, -1) is sop  # nothing to move


def test_lanes(sop):
    new = editing.add_lane(sop, "Kasubag Umum")
    assert new.pelaksana[-1].kode == "kasubag_umum"
    assert editing.add_lane(new, "Kasubag Umum").pelaksana[-1].kode == "kasubag_umum_2"
    assert editing.rename_lane(new, 2, "Kasubag TU").pelaksana[2].nama == "Kasubag TU"
    assert [lane.kode for lane in editing.move_lane(new, 2, -2).pelaksana][0] == "kasubag_umum"
    assert len(editing.remove_lane(new, 2).pelaksana) == 2
    with pytest.raises(InvalidInput, match='"Camat" masih dipakai langkah 1, 3, 4'):
        editing.remove_lane(sop, 0)
