"""The review before saving, without a window: the steps a person must look at come first,
a click assigns a lane, an edit settles the fields it touched, saving makes an unapproved
draft with its source."""

from __future__ import annotations

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.sop import editing, library
from desktop_app.sop.importing.reader import read_document
from desktop_app.sop.importing.review import ImportReview
from tests.sop_import.office_files import write_docx
from tests.sop_import.test_docx import template
from tests.sop_import.test_seed_texts import SEEDS


def review_of(tmp_path, **options) -> tuple[ImportReview, object]:
    want = template("01")
    path = write_docx(want, tmp_path / "sop.docx", **options)
    return ImportReview(read_document(path), path), want


def test_steps_needing_a_person_come_first_and_stay_put(tmp_path):
    review, want = review_of(tmp_path, blank_steps=(3, 7))
    count = len(want.langkah)
    assert review.order() == [3, 7] + [n for n in range(1, count + 1) if n not in (3, 7)]
    assert review.steps_needing_person() == [3, 7]
    assert review.is_uncertain("pelaksana", 3) and not review.is_uncertain("pelaksana", 4)
    assert not review.is_changed()
    lane = review.sop.lane_index(want.langkah[2].pelaksana[0])
    review.assign_lane(3, lane)
    assert review.sop.langkah[2].pelaksana == want.langkah[2].pelaksana
    assert not review.is_uncertain("pelaksana", 3)
    assert review.is_uncertain("simbol", 3)  # the symbol is still a guess
    review.set_symbol(3, want.langkah[2].simbol)
    assert review.steps_needing_person() == [7]
    assert review.order()[:2] == [3, 7]  # the list does not jump under the mouse
    assert review.is_changed()
    # the draft as read is kept apart (its guess: the first lane)
    assert review.draft.sop.langkah[2].pelaksana == [review.draft.sop.pelaksana[0].kode]


def test_a_click_on_the_lane_it_has_confirms_it(tmp_path):
    review, _want = review_of(tmp_path, blank_steps=(2,))
    guessed = review.sop.langkah[1].pelaksana[0]
    review.assign_lane(2, review.sop.lane_index(guessed))
    assert review.sop == review.draft.sop
    assert not review.is_uncertain("pelaksana", 2) and review.is_changed()


def test_edits_in_the_panels_settle_what_they_touch(tmp_path):
    review = ImportReview(read_document(SEEDS / "000_7006fc043873cab1.txt"),
                          SEEDS / "000_7006fc043873cab1.txt")
    assert review.steps_needing_person() == list(range(1, 11))
    sop = editing.update_step(review.sop, 0, pelaksana=[review.sop.pelaksana[2].kode])
    review.update(sop)
    assert not review.is_uncertain("pelaksana", 1) and review.is_uncertain("simbol", 1)
    review.update(editing.set_identity(review.sop, nomor="800/1/2016"))
    assert (None, "nomor") in review.settled


def test_a_decision_chosen_in_the_grid_returns_to_the_step_before(tmp_path):
    review, _want = review_of(tmp_path, mark_steps=(5,))
    review.set_symbol(5, "keputusan")
    assert review.sop.langkah[4].jika_tidak == 4
    review.set_symbol(5, "proses")
    assert review.sop.langkah[4].jika_tidak is None


def test_saving_makes_an_unapproved_draft_with_its_source(workspace, tmp_path):
    review, want = review_of(tmp_path, blank_steps=(3,))
    review.assign_lane(3, review.sop.lane_index(want.langkah[2].pelaksana[0]))
    sop_id = review.save(workspace.data_dir)
    assert library.get_sop(sop_id) == review.sop and not library.is_approved(sop_id)
    assert list((workspace.data_dir / "berkas").glob("*.docx"))


def test_an_invalid_review_saves_nothing(workspace, tmp_path):
    review, _want = review_of(tmp_path)
    review.update(editing.set_identity(review.sop, nama=""))
    before = len(library.list_sops())
    with pytest.raises(InvalidInput):
        review.save(workspace.data_dir)
    assert len(library.list_sops()) == before
