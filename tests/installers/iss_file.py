"""Reading installers/windows/PanduSOP.iss the way ISCC would, as far as the tests need."""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

from installers import bundle

ISS = bundle.ROOT / "installers" / "windows" / "PanduSOP.iss"
_DEFINE = re.compile(r'^\s*#define\s+(\w+)\s+"([^"]*)"\s*$')
_APP_PATH = re.compile(r'\{app\}\\([^"\s;,]+)')


def read_iss(text: str | None = None) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(#define name -> literal value, section -> its lines with {#name} filled in)."""
    text = ISS.read_text(encoding="utf-8") if text is None else text
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if match := _DEFINE.match(line):
            defines.setdefault(match.group(1), match.group(2))
            continue
        if not line or line.startswith((";", "#")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    filled = {name: [expand(line, defines) for line in lines] for name, lines in sections.items()}
    return defines, filled


def expand(line: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), line)


def app_paths(sections: dict[str, list[str]]) -> set[str]:
    """Every file under the install folder the script names, as a POSIX path."""
    found = set()
    for lines in sections.values():
        for line in lines:
            for match in _APP_PATH.finditer(line):
                found.add(str(PurePosixPath(*PureWindowsPath(match.group(1)).parts)))
    return found


def entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "value"; Other: value` entries as dictionaries."""
    parsed = []
    for line in lines:
        fields = {}
        for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
            fields[part[0]] = part[1].strip().strip('"')
        parsed.append(fields)
    return parsed


def setup_value(sections: dict[str, list[str]], key: str) -> str:
    for line in sections["Setup"]:
        name, _, value = line.partition("=")
        if name.strip() == key:
            return value.strip()
    raise KeyError(key)
