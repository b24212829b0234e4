"""The review of an imported draft before it is saved: which fields are still uncertain, the
steps a person must look at first, a lane assigned by a click, and the save itself. Qt-free:
the review window only shows this state and forwards clicks and edits to it."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.sop import editing
from desktop_app.sop.importing.draft import Draft, Note
from desktop_app.sop.model import Sop

# fields a person settles by touching them; "kolom" (misaligned row) by any of its columns
_STEP_FIELDS = ("kegiatan", "pelaksana", "simbol", "kelengkapan", "waktu", "output",
                "keterangan", "jika_ya", "jika_tidak", "dokumen")
_COLUMNS = ("kelengkapan", "waktu", "output", "keterangan")
NEEDING = ("pelaksana", "simbol")


@dataclass
class ImportReview:
    """A draft under review: the SOP as the person has it now, and the fields they settled."""

    draft: Draft
    source: Path
    sop: Sop = field(init=False)
    settled: set[tuple[int | None, str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.sop = copy.deepcopy(self.draft.sop)
        self.first = self.draft.steps_needing_person()

    # what to show ----------------------------------------------------------------------
    def order(self) -> list[int]:
        """Step numbers (1-based) for the lane grid: those whose lane or symbol could not be
        read first (as read, the order stays put while the person works), then the rest."""
        count = len(self.sop.langkah)
        first = [n for n in self.first if n <= count]
        return first + [n for n in range(1, count + 1) if n not in first]

    def open_notes(self) -> list[Note]:
        """The uncertain fields nobody has settled yet, in the document's order."""
        return [n for n in self.draft.uncertain() if (n.step, n.field) not in self.settled
                and (n.step is None or n.step <= len(self.sop.langkah))]

    def is_uncertain(self, field_name: str, step: int | None = None) -> bool:
        return any(n.field == field_name and n.step == step for n in self.open_notes()) or (
            step is not None and field_name in _COLUMNS
            and any(n.field == "kolom" and n.step == step for n in self.open_notes()))

    def needs_person(self, step: int) -> bool:
        return any(self.is_uncertain(name, step) for name in NEEDING)

    def steps_needing_person(self) -> list[int]:
        return [n for n in self.order() if self.needs_person(n)]

    def is_changed(self) -> bool:
        return bool(self.settled) or self.sop != self.draft.sop

    # what a person does ----------------------------------------------------------------
    def assign_lane(self, step: int, lane_index: int) -> None:
        """A click in the lane grid: this step is done by that lane (its only pelaksana). A
        click on the lane it already has confirms it."""
        kode = self.sop.pelaksana[lane_index].kode
        current = self.sop.langkah[step - 1].pelaksana
        if current[:1] != [kode]:
            self.sop = editing.update_step(self.sop, step - 1, pelaksana=[kode])
        self.settled.add((step, "pelaksana"))

    def set_symbol(self, step: int, simbol: str) -> None:
        fields = {"simbol": simbol}
        if simbol != "keputusan":
            fields.update(jika_ya=None, jika_tidak=None)
        elif self.sop.langkah[step - 1].jika_tidak is None and step > 1:
            fields["jika_tidak"] = step - 1
        self.sop = editing.update_step(self.sop, step - 1, **fields)
        self.settled.add((step, "simbol"))

    def update(self, new: Sop) -> None:
        """An edit made in the editor's panels: every field it changed counts as settled."""
        old, self.sop = self.sop, new
        for key in (f.name for f in dataclasses.fields(old.identitas)):
            if getattr(old.identitas, key) != getattr(new.identitas, key):
                self.settled.add((None, key))
        if len(old.langkah) != len(new.langkah):
            return
        for number, (a, b) in enumerate(zip(old.langkah, new.langkah, strict=True), start=1):
            for key in _STEP_FIELDS:
                if getattr(a, key) != getattr(b, key):
                    self.settled.add((number, key))
                    if key in _COLUMNS:
                        self.settled.add((number, "kolom"))

    def save(self, data_dir: Path, person_id: int | None = None) -> int:
        """Save as a new draft SOP (never approved) with its source file in the archive."""
        from desktop_app.sop import library

        return library.save_imported(self.sop, self.source, data_dir, person_id)
