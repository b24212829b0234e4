"""Which flowchart symbol a drawn shape is: DrawingML preset names and VML shape types."""

from __future__ import annotations

from desktop_app.sop.importing.grid import CONNECTOR, DECISION, PROCESS, TERMINATOR

PRESETS = {
    "flowchartprocess": PROCESS, "rect": PROCESS, "flowchartpredefinedprocess": PROCESS,
    "flowchartdocument": PROCESS, "flowchartmanualoperation": PROCESS,
    "flowchartdecision": DECISION, "diamond": DECISION,
    "flowchartterminator": TERMINATOR, "roundrect": TERMINATOR, "ellipse": TERMINATOR,
    "flowchartalternateprocess": TERMINATOR, "flowchartconnector": TERMINATOR,
    "flowchartoffpageconnector": CONNECTOR, "homeplate": CONNECTOR, "pentagon": CONNECTOR,
}
LINE_PRESETS = {"line", "straightconnector1", "bentconnector2", "bentconnector3",
                "bentconnector4", "bentconnector5", "curvedconnector3", "elbowconnector"}
# VML o:spt numbers (the "#_x0000_tNNN" shape types)
VML_TYPES = {1: PROCESS, 109: PROCESS, 112: PROCESS, 110: DECISION, 4: DECISION,
             116: TERMINATOR, 2: TERMINATOR, 3: TERMINATOR, 176: TERMINATOR,
             177: CONNECTOR, 15: CONNECTOR}
VML_LINES = {20, 32, 33, 34, 38}


def symbol_of_preset(name: str) -> str | None:
    return PRESETS.get(name.lower())


def is_line_preset(name: str) -> bool:
    return name.lower() in LINE_PRESETS


def symbol_of_vml(tag: str, spt: int | None) -> str | None:
    """`tag` is the local VML element name (rect, roundrect, oval, shape, line)."""
    if tag == "rect":
        return PROCESS
    if tag in ("roundrect", "oval"):
        return TERMINATOR
    if spt is not None:
        return VML_TYPES.get(spt)
    return None


def is_vml_line(tag: str, spt: int | None) -> bool:
    return tag in ("line", "polyline") or (spt in VML_LINES)


def vml_spt(type_attr: str | None, spt_attr: str | None) -> int | None:
    """"#_x0000_t110" or o:spt="110" -> 110."""
    for value in (spt_attr, (type_attr or "").rsplit("_t", 1)[-1] if type_attr else None):
        if value:
            try:
                return int(float(value))
            except ValueError:
                continue
    return None
