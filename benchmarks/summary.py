"""The last step of `make bench`: every measurement against its goal, in one table.

Reads what the benchmark scripts wrote to build/bench/*.json and prints one line per goal of
issue 19 (ratios against the floors measured in the same run, times, statement counts,
memory), then writes the table to build/bench/summary.json. A missing file is reported, not
skipped silently.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "build" / "bench"


def load(name: str):
    path = BENCH / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def lines() -> list[dict]:
    out = []

    def add(what, value, goal, ok):
        out.append({"what": what, "value": value, "goal": goal, "ok": bool(ok)})

    years = load("ten_years")
    if years is None:
        add("ten_years.json", "tidak ada", "jalankan benchmarks/ten_years.py", False)
    else:
        top = max(row["runs"] for row in years)
        for row in years:
            label = f"{row['what']} ({row['runs']} proses)"
            if "ratio" in row and row.get("goal_ratio"):
                add(label, f"{row['s']:.3f} s = {row['ratio']}x lantai {row['floor_s']:.3f} s",
                    f"<= {row['goal_ratio']}x", row["ratio"] <= row["goal_ratio"])
            elif "mb" in row:
                add(label, f"{row['mb']} MB", f"<= {row['goal_mb']} MB",
                    row["mb"] <= row["goal_mb"])
            elif "ms" in row and row["runs"] == top:
                add(label, f"{row['ms']} ms, {row['statements']} SQL", f"<= {row['goal_ms']} ms",
                    row["ms"] <= row["goal_ms"])
        counts: dict[str, set[int]] = {}
        for row in years:
            if "statements" in row:
                counts.setdefault(row["what"], set()).add(row["statements"])
        for what, found in counts.items():
            add(f"SQL {what} 10..{top} proses", ", ".join(map(str, sorted(found))), "tetap",
                len(found) == 1)
    sheets = load("print_sheets")
    if sheets:
        add("pandu sop print", f"{sheets['sop_print_s']:.3f} s = {sheets['ratio']}x lantai "
            f"{sheets['floor_s']:.3f} s", f"<= {sheets['goal_ratio']}x",
            sheets["ratio"] <= sheets["goal_ratio"])
    forms = load("forms")
    if forms:
        for what in ("export", "import"):
            add(f"formulir {what} 30 unit", f"{forms[what + '_s']:.2f} s = "
                f"{forms[what + '_ratio']}x openpyxl {forms[what + '_floor_s']:.2f} s",
                f"<= {forms['goal_ratio']}x", forms[what + "_ratio"] <= forms["goal_ratio"])
    archive = load("archive_search")
    for row in archive or []:
        add(f"cari arsip {row['letters']:,} surat".replace(",", "."),
            f"terburuk {row['worst_ms']} ms (sqlite3 FTS5 {row['floor_ms']} ms)",
            f"< {row['goal_worst_ms']} ms", row["worst_ms"] < row["goal_worst_ms"])
    imports = load("import_docs")
    if imports:
        for row in imports:
            add(f"impor dokumen {row['kind']}", f"{row['s_per_page']:.3f} s/halaman",
                f"<= {row['goal_s_per_page']} s", row["s_per_page"] <= row["goal_s_per_page"])
    return out


def main() -> int:
    table = lines()
    width = max(len(row["what"]) for row in table)
    print(f"\n{'ukuran':<{width}}  {'hasil':<48} {'sasaran':<14} tercapai")
    for row in table:
        print(f"{row['what']:<{width}}  {row['value']:<48} {row['goal']:<14} "
              f"{'ya' if row['ok'] else 'BELUM'}")
    BENCH.mkdir(parents=True, exist_ok=True)
    (BENCH / "summary.json").write_text(json.dumps(table, indent=2, ensure_ascii=False),
                                        encoding="utf-8")
    print(f"JSON: {BENCH / 'summary.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
