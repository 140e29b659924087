"""How fast jamlint's parsers read PDF and .docx files, next to the raw extraction lower bounds.

Secretaries lint meeting bundles of 50–100 pages, so the figure that matters is milliseconds per
page, end to end (target: median ≤ 10 ms for a text page; pages with tables may cost more). For
each file the script times

- jamlint's parser (`parse_pdf`, and `parse_docx` when that module exists),
- the raw lower bound: PDF — pypdfium2 `get_textpage().get_text_range()` on every page;
  .docx — unzip `word/document.xml` and join every `w:t` text with lxml,
- for PDFs, pdfplumber `extract_text()` for reference (on the first few pages only: it is slow),

and prints median and p90 ms/page per kind of file, and the parser's overhead over the raw bound.
Each timing is the best of `--repeat` runs after one warm-up, so imports are not counted (the
cold first parse is printed separately).

Usage:
    .venv/bin/python benchmarks/parse.py                 # generate sample documents and time them
    .venv/bin/python benchmarks/parse.py FILE.pdf DIR/   # time these files (DIR: *.pdf, *.docx)
    .venv/bin/python benchmarks/parse.py --docs 5 --pages 40 --repeat 5 -v
"""

from __future__ import annotations

import argparse
import io
import math
import random
import re
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without an installed package
    sys.path.insert(0, str(ROOT))

from jamlint.parsers.errors import DocumentError
from jamlint.parsers.limits import Limits
from jamlint.parsers.pdf import parse_pdf

try:
    from jamlint.parsers.docx import parse_docx
except ImportError:  # the .docx parser is written separately; time what exists
    parse_docx = None

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLUMBER_PAGES = 3  # pdfplumber needs ≈100 ms a page: sample the first pages of each file
LIMITS = Limits(max_pages=10_000)

WORDS = (
    "kommunen",
    "nämnden",
    "förvaltningen",
    "beslut",
    "förslag",
    "elever",
    "invånare",
    "medarbetare",
    "brukare",
    "kvinnor",
    "män",
    "flickor",
    "pojkar",
    "jämställdhet",
    "konsekvenser",
    "verksamheten",
    "ekonomiska",
    "resurser",
    "tillgänglighet",
    "uppföljning",
    "planering",
    "samverkan",
    "barn-",
    "och",
    "utbildningsnämnden",
    "socialtjänsten",
    "äldreomsorgen",
    "fritidsgårdar",
    "föreningar",
    "bidrag",
    "ansökan",
    "prioritering",
    "simhallen",
    "biblioteket",
)


# --- Sample documents ---------------------------------------------------------------------------


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def sample_pdf(pages: int, table_every: int, seed: int) -> bytes:
    """A Word-like case document: running header/footer, headings, full text pages.

    With `table_every` > 0, every that-many-th page also carries a ruled table.
    """
    from fpdf import FPDF

    rng = random.Random(seed)

    class Doc(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 9)
            self.set_y(12)
            self.cell(0, 5, "Sjöbo kommun")
            self.set_x(self.l_margin)
            self.cell(0, 5, "Dnr KS 2024/0123", align="R")
            self.set_y(25)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="C")

    doc = Doc(format="A4")
    doc.core_fonts_encoding = "windows-1252"
    doc.set_margins(25, 25, 25)
    doc.set_auto_page_break(False)
    doc.alias_nb_pages()
    for n in range(pages):
        doc.add_page()
        doc.set_font("Helvetica", "B", 14)
        doc.cell(0, 8, f"{n + 1}. Avsnitt om verksamheten", new_x="LMARGIN", new_y="NEXT")
        doc.ln(2)
        if table_every and n % table_every == table_every - 1:
            _pdf_table(doc, rng)
        doc.set_font("Helvetica", "", 11)
        while doc.get_y() < 240:
            doc.multi_cell(0, 5.5, _paragraph(rng), new_x="LMARGIN", new_y="NEXT")
            doc.ln(3)
    return bytes(doc.output())


def _pdf_table(doc, rng: random.Random) -> None:
    doc.set_font("Helvetica", "", 10)
    with doc.table() as table:
        for label in ("Grupp", "Elever", "Lärare", "Brukare", "Medarbetare", "Deltagare"):
            row = table.row()
            cells = [label, "Kvinnor", "Män", "Totalt"] if label == "Grupp" else None
            if cells is None:
                women, men = rng.randint(10, 500), rng.randint(10, 500)
                cells = [label, str(women), str(men), str(women + men)]
            for text in cells:
                row.cell(text)
    doc.ln(4)


def sample_docx(pages: int, seed: int) -> bytes:
    """A .docx with the same kind of content and an explicit page break per page."""
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Sjöbo kommun\tDnr KS 2024/0123"
    for n in range(pages):
        document.add_heading(f"{n + 1}. Avsnitt om verksamheten", level=1)
        for _ in range(4):
            document.add_paragraph(_paragraph(rng))
        if n % 5 == 4:
            table = document.add_table(rows=3, cols=3)
            for r, row in enumerate(
                [["Grupp", "Kvinnor", "Män"], ["Elever", "12", "14"], ["Lärare", "5", "3"]]
            ):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        if n < pages - 1:
            document.add_page_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def generate(directory: Path, docs: int, pages: int) -> list[Path]:
    """`docs` files of each kind, page counts spread around `pages`."""
    paths = []
    for i in range(docs):
        n = max(1, pages // 2 + (i * pages) // max(1, docs - 1)) if docs > 1 else pages
        for kind, data in (
            ("text", lambda n=n, i=i: sample_pdf(n, 0, i)),
            ("table", lambda n=n, i=i: sample_pdf(n, 5, 100 + i)),
            ("docx", lambda n=n, i=i: sample_docx(n, 200 + i)),
        ):
            suffix = ".docx" if kind == "docx" else ".pdf"
            path = directory / f"{kind}-{i:02d}-{n}p{suffix}"
            path.write_bytes(data())
            paths.append(path)
    return paths


# --- Raw lower bounds --------------------------------------------------------------------------


def raw_pdfium(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        chars = 0
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return chars
    finally:
        pdf.close()


def raw_pdfplumber(data: bytes, max_pages: int) -> tuple[float, int]:
    """Seconds spent in extract_text on the first `max_pages` pages, and how many pages that was."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages[:max_pages]
        start = time.perf_counter()
        for page in pages:
            page.extract_text()
        return time.perf_counter() - start, len(pages)


def raw_docx(data: bytes) -> int:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return len("".join(root.itertext(f"{{{W_NS}}}t")))


def docx_pages(data: bytes, path: Path) -> tuple[int, bool]:
    """Pages of a .docx: the generated count, docProps/app.xml's, or an estimate (400 words)."""
    match = re.search(r"-(\d+)p\.docx$", path.name)
    if match:
        return int(match.group(1)), False
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            app = archive.read("docProps/app.xml").decode("utf-8", "replace")
        except KeyError:
            app = ""
    found = re.search(r"<Pages>(\d+)</Pages>", app)
    if found and int(found.group(1)) > 1:
        return int(found.group(1)), False
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    words = len(" ".join(root.itertext(f"{{{W_NS}}}t")).split())
    return max(1, round(words / 400)), True


# --- Timing ------------------------------------------------------------------------------------


@dataclass
class Row:
    """Per-page milliseconds of one kind of file, one list entry per file."""

    files: int = 0
    pages: int = 0
    ours: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    plumber: list[float] = field(default_factory=list)
    estimated: bool = False


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    fn()  # warm-up: imports, caches
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(paths: Iterable[Path], repeat: int, plumber: bool, verbose: bool) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for path in paths:
        try:
            _measure_file(path, rows, repeat, plumber, verbose)
        except DocumentError as exc:  # a broken or protected file in a directory of samples
            print(f"  skipped {path.name}: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - e.g. a zip bomb the raw .docx reader refuses
            print(f"  skipped {path.name}: {type(exc).__name__}: {exc}")
    return rows


def _measure_file(
    path: Path, rows: dict[str, Row], repeat: int, plumber: bool, verbose: bool
) -> None:
    data = path.read_bytes()
    is_pdf = data[:5] == b"%PDF-"
    kind, pages, estimated, ours, raw = (_time_pdf if is_pdf else _time_docx)(data, path, repeat)
    row = rows.setdefault(kind, Row())
    row.files += 1
    row.pages += pages
    row.estimated |= estimated
    row.ours.append(1000 * ours / pages)
    row.raw.append(1000 * raw / pages)
    if is_pdf and plumber:
        seconds, sampled = raw_pdfplumber(data, PLUMBER_PAGES)
        row.plumber.append(1000 * seconds / max(1, sampled))
    if verbose:
        print(
            f"  {path.name:40s} {pages:4d} p  jamlint {1000 * ours / pages:7.2f}  "
            f"raw {1000 * raw / pages:6.2f} ms/page"
        )


def _time_pdf(data: bytes, path: Path, repeat: int) -> tuple[str, int, bool, float, float]:
    doc = parse_pdf(data, str(path), LIMITS)
    kind = "pdf with tables" if _has_table(doc) else "pdf text only"
    ours = best_of(repeat, partial(parse_pdf, data, str(path), LIMITS))
    raw = best_of(repeat, partial(raw_pdfium, data))
    return kind, doc.pages or 1, False, ours, raw


def _time_docx(data: bytes, path: Path, repeat: int) -> tuple[str, int, bool, float, float]:
    pages, estimated = docx_pages(data, path)
    ours = float("nan")
    if parse_docx is not None:
        ours = best_of(repeat, partial(parse_docx, data, str(path), LIMITS))
    raw = best_of(repeat, partial(raw_docx, data))
    return "docx", pages, estimated, ours, raw


def _has_table(doc) -> bool:
    return any(b.kind.value == "table" for b in doc.blocks)


# --- Report ------------------------------------------------------------------------------------


def p90(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def fmt(value: float) -> str:
    return "     -" if math.isnan(value) else f"{value:6.2f}"


def report(rows: dict[str, Row]) -> None:
    head = (
        f"{'kind':16s} {'files':>5s} {'pages':>6s} | {'jamlint med':>11s} {'p90':>6s} | "
        f"{'raw med':>7s} {'p90':>6s} | {'overhead med':>12s} | {'pdfplumber med':>14s} {'p90':>6s}"
    )
    print(head)
    print("-" * len(head))
    for kind in sorted(rows):
        row = rows[kind]
        ours, raw = statistics.median(row.ours), statistics.median(row.raw)
        plumber_med = statistics.median(row.plumber) if row.plumber else float("nan")
        plumber_p90 = p90(row.plumber) if row.plumber else float("nan")
        pages = f"{row.pages}{'~' if row.estimated else ''}"
        print(
            f"{kind:16s} {row.files:5d} {pages:>6s} | {fmt(ours):>11s} {fmt(p90(row.ours))} | "
            f"{fmt(raw):>7s} {fmt(p90(row.raw))} | {fmt(ours - raw):>12s} | "
            f"{fmt(plumber_med):>14s} {fmt(plumber_p90)}"
        )
    print(
        "\nms per page; median and p90 over files. overhead = jamlint − raw bound. "
        f"pdfplumber = extract_text on the first {PLUMBER_PAGES} pages (reference only)."
    )
    if parse_docx is None:
        print("jamlint.parsers.docx is not there yet: no jamlint figure for .docx.")
    if any(r.estimated for r in rows.values()):
        print("~ some .docx page counts are estimates (400 words a page).")


def cold_parse(path: Path) -> float:
    """The very first parse in this process, imports included (what a one-file CLI run pays)."""
    data = path.read_bytes()
    start = time.perf_counter()
    parse_pdf(data, str(path), LIMITS)
    return time.perf_counter() - start


def collect(args: list[str]) -> list[Path]:
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            paths += sorted(q for q in p.rglob("*") if q.suffix.lower() in (".pdf", ".docx"))
        else:
            paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="PDF/.docx files or directories to time")
    parser.add_argument("--docs", type=int, default=4, help="generated files of each kind")
    parser.add_argument("--pages", type=int, default=30, help="typical generated page count")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per file (best is kept)")
    parser.add_argument("--no-pdfplumber", action="store_true", help="skip the pdfplumber column")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jamlint-bench-") as tmp:
        if args.paths:
            paths = collect(args.paths)
        else:
            print(f"Generating {args.docs} files of each kind (~{args.pages} pages) …")
            paths = generate(Path(tmp), args.docs, args.pages)
        pdfs = [p for p in paths if p.suffix.lower() == ".pdf"]
        if pdfs:
            print(f"cold first parse (imports included): {1000 * cold_parse(pdfs[0]):.0f} ms")
        rows = measure(paths, args.repeat, not args.no_pdfplumber, args.verbose)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
