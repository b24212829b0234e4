"""The sheet `pandu sop print` makes imports back to an equal SOP: identity, lanes, steps,
symbols and decision targets, for every template and for generated SOPs, on F4 and A4."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.sop import library
from desktop_app.sop.importing.reader import read_document
from desktop_app.sop.printing import print_sop
from tests.factories import generated_sop


def apart(sop, step) -> bool:
    """Roles of one step that are not neighbours: today's sheet draws one symbol over the
    lanes between them (issue 17 draws one symbol per role); what it drew is read."""
    columns = sorted(sop.lane_index(k) for k in step.pelaksana)
    return columns != list(range(columns[0], columns[0] + len(columns)))


def exact_differences(got, want) -> list[str]:
    """Everything the sheet prints must come back as it was. Not printed: `dokumen`; the kop
    prints the instansi in capitals, so it is compared without case."""
    out = []
    g, w = dataclasses.asdict(got.identitas), dataclasses.asdict(want.identitas)
    if g.pop("instansi").lower() != w.pop("instansi").lower():
        out.append(f"instansi: {got.identitas.instansi!r}")
    out += [f"identitas.{k}: {g[k]!r} != {w[k]!r}" for k in w if g[k] != w[k]]
    got_lanes = [lane.nama for lane in got.pelaksana]
    if got_lanes != [lane.nama for lane in want.pelaksana]:
        out.append(f"pelaksana: {got_lanes}")
        return out
    kode = {lane.kode: lane.nama for lane in want.pelaksana}
    got_kode = {lane.kode: lane.nama for lane in got.pelaksana}
    if len(got.langkah) != len(want.langkah):
        return out + [f"{len(got.langkah)} langkah, bukan {len(want.langkah)}"]
    for n, (a, b) in enumerate(zip(got.langkah, want.langkah, strict=True), start=1):
        if [got_kode[k] for k in a.pelaksana] != [kode[k] for k in b.pelaksana] and not (
                apart(want, b) and got_kode[a.pelaksana[0]] == kode[b.pelaksana[0]]):
            out.append(f"langkah {n} pelaksana: {a.pelaksana} != {b.pelaksana}")
        for key in ("kegiatan", "simbol", "kelengkapan", "waktu", "output", "keterangan",
                    "jika_tidak"):
            if getattr(a, key) != getattr(b, key):
                out.append(f"langkah {n} {key}: {getattr(a, key)!r} != {getattr(b, key)!r}")
        if got.next_on_yes(n) != want.next_on_yes(n):
            out.append(f"langkah {n} jika_ya: {got.next_on_yes(n)} != {want.next_on_yes(n)}")
    return out


@pytest.mark.parametrize("paper", ["F4", "A4"])
def test_every_template_comes_back_equal(workspace, tmp_path, paper):
    for item in library.list_sops():
        want = library.get_sop(item.id)
        path = tmp_path / f"sop{item.id}-{paper}.pdf"
        print_sop(item.id, path, paper, approved=True)  # its approval printed, and read back
        draft = read_document(path)
        assert exact_differences(draft.sop, want) == [], (item.nama, paper)
        assert draft.is_complete(), draft.uncertain()


def side_by_side(sop):
    """Steps of several roles done by neighbouring lanes: the sheet draws them as one symbol
    across those lanes. (Roles apart get one symbol each, joined by a plain line: the drawing
    of issue 17; today's sheet still draws one symbol over the lanes between.)"""
    kodes = [lane.kode for lane in sop.pelaksana]
    for step in sop.langkah:
        if len(step.pelaksana) > 1:
            main = kodes.index(step.pelaksana[0])
            step.pelaksana = [kodes[main], kodes[main + 1 if main + 1 < len(kodes) else main - 1]]
    return sop


# (steps, lanes, decisions, seed, steps with two roles), on F4 and A4. Twelve lanes on A4
# leave columns so narrow that words are broken between characters: the sheet marks each
# broken part with "-", so "perencanaan" / "disposisi" reads back as two words.
GENERATED = [(40, 12, 6, 1, 3, "F4"), (40, 12, 6, 1, 3, "A4"), (20, 12, 3, 4, 0, "A4"),
             (40, 9, 6, 1, 3, "A4"), (40, 8, 5, 7, 2, "A4")] + [
    (*case, paper) for case in ((40, 3, 8, 2, 2), (25, 6, 4, 3, 4), (12, 1, 0, 4, 0),
                                (33, 9, 5, 5, 3), (3, 2, 0, 6, 0)) for paper in ("F4", "A4")]

@pytest.mark.parametrize(("steps", "lanes", "decisions", "seed", "multi", "paper"), GENERATED)
def test_generated_sops_come_back_equal(workspace, tmp_path, paper, steps, lanes, decisions,
                                        seed, multi):
    want = side_by_side(generated_sop(steps, lanes, decisions, seed=seed, multi_lane=multi))
    sop_id = library.add_sop(want)
    path = tmp_path / f"gen-{paper}.pdf"
    print_sop(sop_id, path, paper)
    draft = read_document(path)
    assert exact_differences(draft.sop, library.get_sop(sop_id)) == []
    assert draft.is_complete(), draft.uncertain()


def test_a_word_broken_between_characters_is_marked_and_read_back_whole():
    from desktop_app.flowchart.text import wrap

    def measure(text, _size, _bold):
        return len(text)

    assert wrap("perencanaan disposisi", 6, 7, measure) == ["peren-", "canaan", "dispo-",
                                                            "sisi"]
    # a word's own hyphen stays: the reader drops one mark at the end of a part
    assert wrap("masing-masing", 7, 7, measure) == ["masing-", "-masing"]
    for word in ("masing-masing", "masing-masingnya"):  # at syllables (pyphen) or characters
        parts = wrap(word, 7, 7, measure)
        assert all(len(p) <= 7 for p in parts) and all(p.endswith("-") for p in parts[:-1])
        assert "".join(p.removesuffix("-") for p in parts[:-1]) + parts[-1] == word
