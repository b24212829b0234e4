"""What changed between a unit's rows already imported and a new file, in Indonesian lines."""

from __future__ import annotations

from collections import defaultdict, deque

from desktop_app.forms.cell_values import format_number
from desktop_app.forms.form_types import MONEY, NUMBER, FormType, PlanLine

MAX_LISTED = 60


def line_changes(form: FormType, old: tuple[PlanLine, ...], new: tuple[PlanLine, ...]
                 ) -> list[str]:
    """Rows added, removed and changed, matched by the form's key columns (indikator, …);
    a row moved up or down is no change. Empty when the two are the same."""
    waiting: dict[tuple, deque[PlanLine]] = defaultdict(deque)
    for line in old:
        waiting[_key(form, line)].append(line)
    changes, added = [], []
    for line in new:
        queue = waiting.get(_key(form, line))
        if queue:
            before = queue.popleft()
            changes += [f"diubah: {_label(form, line)}: {part}"
                        for part in _differences(form, before, line)]
        else:
            added.append(f"ditambah: {_label(form, line)}")
    removed = [f"dihapus: {_label(form, line)}" for queue in waiting.values() for line in queue]
    everything = added + removed + changes
    if len(everything) > MAX_LISTED:
        rest = len(everything) - MAX_LISTED
        everything = everything[:MAX_LISTED] + [f"dan {rest} perubahan lain"]
    return everything


def _key(form: FormType, line: PlanLine) -> tuple:
    return tuple(" ".join(str(getattr(line, k)).split()).casefold() for k in form.key_fields)


def _label(form: FormType, line: PlanLine) -> str:
    return '"' + " / ".join(_short(str(getattr(line, k)), 60) for k in form.key_fields
                            if getattr(line, k)) + '"'


def _differences(form: FormType, before: PlanLine, after: PlanLine) -> list[str]:
    parts = []
    for column in form.inputs:
        old, new = getattr(before, column.key), getattr(after, column.key)
        if old != new:
            name = f"{column.group} {column.header}" if column.group else column.header
            parts.append(f"{name} {_show(column.kind, old)} → {_show(column.kind, new)}")
    return parts


def _show(kind: str, value) -> str:
    if value in (None, ""):
        return "(kosong)"
    if kind == MONEY:
        return f"Rp {format_number(value)}"
    if kind == NUMBER:
        return format_number(value)
    return f'"{_short(str(value), 40)}"'


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
