"""Controls follow the core's policy (office.permissions): what the logged-in person may not
do is greyed out (or hidden) with a tooltip saying who may. The services check again."""

from __future__ import annotations

from desktop_app.office.permissions import Operation, allowed, who_may


def apply(person, op: Operation, *widgets, hide: bool = False) -> bool:
    """Enable (or show) `widgets` only if `person` may do `op`; whether they may."""
    ok = allowed(person, op)
    tip = "" if ok else f"Hanya {who_may(op)} yang dapat {op.value}."
    for widget in widgets:
        if hide:
            widget.setVisible(ok)
        else:
            widget.setEnabled(ok)
        widget.setToolTip(tip)
    return ok


def note(person, *ops: Operation) -> str:
    """A line for the top of a page the person may only look at, or ""."""
    refused = [op for op in ops if not allowed(person, op)]
    if not refused:
        return ""
    return ("Hanya dapat dilihat. " + "; ".join(
        f"hanya {who_may(op)} yang dapat {op.value}" for op in refused).capitalize() + ".")
