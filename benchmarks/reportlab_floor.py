"""The floor of `pandu sop print`, run as its own process by benchmarks/print_sheets.py: a bare
reportlab process drawing the same pages (every word at its place and size, every line and
box) with the same two fonts, read from a JSON file that print_sheets.py extracted from the
command's own PDF.

usage: reportlab_floor.py PAGES.json OUT.pdf
"""

import json
import sys

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    for name, path in spec["fonts"].items():
        pdfmetrics.registerFont(TTFont(name, path))
    canvas = Canvas(sys.argv[2])
    for page in spec["pages"]:
        canvas.setPageSize((page["width"], page["height"]))
        for x0, y0, x1, y1 in page["lines"]:
            canvas.line(x0, y0, x1, y1)
        for x, y, w, h in page["rects"]:
            canvas.rect(x, y, w, h)
        for text, x, y, size, bold in page["words"]:
            canvas.setFont("B" if bold else "R", size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
