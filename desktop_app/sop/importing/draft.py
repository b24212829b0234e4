"""The draft an imported document becomes: an SOP plus a note per field on how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.sop.model import Sop

SURE = "pasti"        # read from the document as written
GUESS = "tebakan"     # inferred (from text, position or the usual order); check it
MISSING = "kosong"    # not found; a person must fill it


@dataclass(frozen=True)
class Note:
    """How sure the reader is of one field. `step` is 1-based, None for identity fields."""

    field: str
    certainty: str
    message: str
    step: int | None = None

    def place(self) -> str:
        return f"langkah {self.step}: {self.field}" if self.step else f"identitas: {self.field}"


@dataclass
class Draft:
    sop: Sop
    source_kind: str  # docx | xlsx | pdf | txt
    notes: list[Note] = field(default_factory=list)
    pages: int = 1
    source_text: str = ""  # the document's table and text as read, for the review

    def note(self, field_name: str, certainty: str, message: str, step: int | None = None):
        self.notes.append(Note(field_name, certainty, message, step))

    def uncertain(self) -> list[Note]:
        return [n for n in self.notes if n.certainty != SURE]

    def steps_needing_person(self) -> list[int]:
        """Steps whose lane or symbol could not be read, in order."""
        return sorted({n.step for n in self.uncertain()
                       if n.step and n.field in ("pelaksana", "simbol")})

    def is_complete(self) -> bool:
        return not self.steps_needing_person()

    def field_certainty(self, field_name: str, step: int | None = None) -> str:
        for n in self.notes:
            if n.field == field_name and n.step == step:
                return n.certainty
        return SURE
