"""Render the corpus sources (corpus/src/*.md) into the test documents jamlint is judged on.

Each source is one tjänsteskrivelse written in a small Markdown subset with YAML front matter
(the format is described in corpus/README.md). This script turns it into the formats the front
matter lists, written beside this file as corpus/<stem>.docx, .pdf and .txt:

- .docx (python-docx): header part with the municipality and the case number, a first block with
  "TJÄNSTESKRIVELSE", Datum, Diarienummer, Handläggare and the receiving nämnd, headings made in one
  of four ways (real Heading styles, bold paragraphs, numbered bold paragraphs, "Rubrik:" lines),
  real Word tables, "List Bullet" items, a "Sida X av Y" footer with PAGE/NUMPAGES fields;
- .pdf (fpdf2, core font Helvetica in cp1252): running header and "Sida N av M" footer on every
  page, bold larger title and headings, justified body text with optional hyphenation points,
  bordered tables, real page breaks;
- .txt: UTF-8 plain text, header fields at the top, headings on their own short lines, tables as
  tab-separated lines.

Rendering is deterministic (fixed creation dates, fixed zip timestamps) so that re-rendering an
unchanged source does not change the files under version control.

Usage:  .venv/bin/python corpus/render.py [--check] [STEM ...]
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

CORPUS_DIR = Path(__file__).resolve().parent
SOURCE_DIR = CORPUS_DIR / "src"

FORMATS = ("docx", "pdf", "txt")
HEADING_MODES = ("styles", "bold", "numbered", "colon")
REQUIRED_META = ("kommun", "forvaltning", "namnd", "dnr", "datum", "handlaggare", "formats")
OPTIONAL_META = ("docx_headings", "dokumenttyp")

PAGEBREAK = "[[pagebreak]]"
SHY_MARK = "[[shy]]"  # an optional hyphenation point inside a word
SOFT_HYPHEN = "\u00ad"
BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
# Word zip entries get one fixed timestamp so that re-rendering does not churn git.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class SourceError(ValueError):
    """A corpus source that does not follow the documented format."""


# --------------------------------------------------------------------------- source model


@dataclass(frozen=True)
class Meta:
    kommun: str
    forvaltning: str
    namnd: str
    dnr: str
    datum: str
    handlaggare: str
    formats: tuple[str, ...]
    docx_headings: str = "styles"
    dokumenttyp: str = "TJÄNSTESKRIVELSE"

    @property
    def timestamp(self) -> datetime:
        """The document's fixed creation time: its date, 09:00 UTC."""
        d = date.fromisoformat(self.datum)
        return datetime(d.year, d.month, d.day, 9, 0, 0, tzinfo=UTC)

    @property
    def author(self) -> str:
        return self.handlaggare.split(",")[0].strip()


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = title, 2 = "##", 3 = "###"
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str  # may hold **bold** spans and [[shy]] marks


@dataclass(frozen=True)
class ListItem:
    text: str


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[str, ...], ...]  # first row is the header


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | ListItem | TableBlock | PageBreak


@dataclass(frozen=True)
class Source:
    stem: str
    meta: Meta
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        first = self.blocks[0]
        assert isinstance(first, Heading)
        return plain(first.text)


# --------------------------------------------------------------------------- parsing


def plain(text: str) -> str:
    """The text a reader sees: bold markers and hyphenation marks removed."""
    return BOLD_RE.sub(r"\1", text).replace(SHY_MARK, "")


def split_front_matter(raw: str, name: str) -> tuple[dict, list[str]]:
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SourceError(f"{name}: källan måste börja med front matter (---)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise SourceError(f"{name}: front matter avslutas inte med ---") from None
    data = yaml.safe_load("\n".join(lines[1:end])) or {}
    if not isinstance(data, dict):
        raise SourceError(f"{name}: front matter måste vara en YAML-mappning")
    return data, lines[end + 1 :]


def parse_meta(data: dict, name: str) -> Meta:
    missing = [k for k in REQUIRED_META if k not in data]
    unknown = [k for k in data if k not in REQUIRED_META + OPTIONAL_META]
    if missing:
        raise SourceError(f"{name}: front matter saknar {', '.join(missing)}")
    if unknown:
        raise SourceError(f"{name}: okända nycklar i front matter: {', '.join(unknown)}")
    formats = tuple(data["formats"])
    if not formats or any(f not in FORMATS for f in formats):
        raise SourceError(f"{name}: formats ska vara en lista med {', '.join(FORMATS)}")
    mode = data.get("docx_headings", "styles")
    if mode not in HEADING_MODES:
        raise SourceError(f"{name}: docx_headings ska vara en av {', '.join(HEADING_MODES)}")
    fields = {k: str(data[k]) for k in REQUIRED_META if k != "formats"}
    date.fromisoformat(fields["datum"])  # raises on a malformed date
    return Meta(
        **fields,
        formats=formats,
        docx_headings=mode,
        dokumenttyp=str(data.get("dokumenttyp", "TJÄNSTESKRIVELSE")),
    )


def parse_table_row(line: str) -> tuple[str, ...] | None:
    """Cells of a pipe-table row, or None for the |---|---| separator row."""
    inner = line.strip().strip("|")
    cells = tuple(c.strip() for c in inner.split("|"))
    if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
        return None
    return cells


def parse_body(lines: Sequence[str], name: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    para: list[str] = []
    table: list[tuple[str, ...]] = []

    def flush() -> None:
        if para:
            blocks.append(Paragraph(" ".join(para)))
            para.clear()
        if table:
            widths = {len(r) for r in table}
            if len(widths) != 1:
                raise SourceError(f"{name}: tabellrader med olika antal celler: {table[0]}")
            blocks.append(TableBlock(tuple(table)))
            table.clear()

    for raw in lines:
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped == PAGEBREAK:
            flush()
            blocks.append(PageBreak())
        elif m := re.match(r"^(#{1,3}) +(.+)$", stripped):
            flush()
            blocks.append(Heading(len(m.group(1)), m.group(2).strip()))
        elif stripped.startswith("|"):
            if para:
                flush()
            row = parse_table_row(stripped)
            if row is not None:
                table.append(row)
        elif stripped.startswith("- "):
            flush()
            blocks.append(ListItem(stripped[2:].strip()))
        else:
            if table:
                flush()
            para.append(stripped)
    flush()
    titles = [b for b in blocks if isinstance(b, Heading) and b.level == 1]
    if not blocks or not isinstance(blocks[0], Heading) or blocks[0].level != 1:
        raise SourceError(f"{name}: första blocket ska vara rubriken (# Titel)")
    if len(titles) != 1:
        raise SourceError(f"{name}: exakt en rubrik på nivå 1 (# Titel) krävs")
    return tuple(blocks)


# Invisible characters make excerpts in the expected files impossible to read or type; sources
# write [[shy]] for an optional hyphen and plain spaces in numbers instead.
INVISIBLE = {"\u00ad": "[[shy]]", "\u00a0": "ett vanligt mellanslag", "\u200b": "ingenting"}


def check_visible(raw: str, name: str) -> None:
    for ch, instead in INVISIBLE.items():
        if ch in raw:
            line = raw[: raw.index(ch)].count("\n") + 1
            raise SourceError(f"{name}:{line}: osynligt tecken U+{ord(ch):04X}, skriv {instead}")


def load_source(path: Path) -> Source:
    raw = path.read_text(encoding="utf-8")
    check_visible(raw, path.name)
    data, body = split_front_matter(raw, path.name)
    return Source(
        stem=path.stem, meta=parse_meta(data, path.name), blocks=parse_body(body, path.name)
    )


def load_sources(src_dir: Path = SOURCE_DIR) -> list[Source]:
    return [load_source(p) for p in sorted(src_dir.glob("*.md"))]


def header_fields(meta: Meta) -> list[tuple[str, str]]:
    return [
        ("Datum", meta.datum),
        ("Diarienummer", meta.dnr),
        ("Handläggare", meta.handlaggare),
    ]


def numbered_headings(blocks: Sequence[Block]) -> Iterator[tuple[Heading, str]]:
    """Yield each heading with its section number ("3", "3.2"; "" for the title)."""
    top = sub = 0
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        if block.level == 1:
            yield block, ""
        elif block.level == 2:
            top, sub = top + 1, 0
            yield block, str(top)
        else:
            sub += 1
            yield block, f"{max(top, 1)}.{sub}"


# --------------------------------------------------------------------------- text


def render_txt(source: Source) -> str:
    meta = source.meta
    out: list[str] = [meta.kommun.upper(), meta.forvaltning, "", meta.dokumenttyp]
    out += [f"{label}: {value}" for label, value in header_fields(meta)]
    out += ["", meta.namnd, ""]
    for block in source.blocks:
        if isinstance(block, (Heading, Paragraph)):
            out += [plain(block.text), ""]
        elif isinstance(block, ListItem):
            # list items stay on consecutive lines; the blank line after the list ends it
            if out and out[-1] == "" and len(out) > 1 and out[-2].startswith("- "):
                out.pop()
            out += [f"- {plain(block.text)}", ""]
        elif isinstance(block, TableBlock):
            out += ["\t".join(plain(c) for c in row) for row in block.rows]
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- docx


def _docx_runs(paragraph, text: str, bold: bool = False, size: float | None = None) -> None:
    """Add runs for text with **bold** spans; [[shy]] becomes a Word optional hyphen."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    pos = 0
    for m in list(BOLD_RE.finditer(text)) + [None]:
        chunk = text[pos : m.start()] if m else text[pos:]
        spans = [(chunk, bold)]
        if m:
            spans.append((m.group(1), True))
            pos = m.end()
        for span, is_bold in spans:
            if not span:
                continue
            run = paragraph.add_run()
            run.bold = is_bold or None
            if size:
                run.font.size = Pt(size)
            for i, piece in enumerate(span.split(SHY_MARK)):
                if i:
                    run._r.append(OxmlElement("w:softHyphen"))
                if piece:
                    t = OxmlElement("w:t")
                    t.text = piece
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    run._r.append(t)


def _docx_field(paragraph, instruction: str) -> None:
    """Append a complex field (PAGE, NUMPAGES) with a cached result of 1."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def add(tag: str, **attrs: str):
        run = paragraph.add_run()
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        run._r.append(el)
        return el

    add("w:fldChar", **{"w:fldCharType": "begin"})
    instr = add("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    add("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1")
    add("w:fldChar", **{"w:fldCharType": "end"})


def _docx_header_footer(doc, meta: Meta) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Pt

    section = doc.sections[0]
    header = section.header
    first = header.paragraphs[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    first.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    run = first.add_run(meta.kommun)
    run.bold = True
    # the Header style has its own centre tab first; the second tab reaches the right margin
    first.add_run(f"\t\tDiarienummer {meta.dnr}")
    second = header.add_paragraph(meta.forvaltning)
    for p in (first, second):
        for r in p.runs:
            r.font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Sida ")
    _docx_field(footer, "PAGE")
    footer.add_run(" av ")
    _docx_field(footer, "NUMPAGES")


def _docx_first_block(doc, meta: Meta) -> None:
    p = doc.add_paragraph()
    _docx_runs(p, meta.dokumenttyp, bold=True, size=12)
    for label, value in header_fields(meta):
        doc.add_paragraph(f"{label}: {value}")
    doc.add_paragraph(meta.namnd)


def _docx_heading(doc, heading: Heading, number: str, mode: str) -> None:
    text = plain(heading.text)
    if mode == "styles":
        doc.add_heading(text, level=heading.level)
        return
    p = doc.add_paragraph()
    if heading.level == 1:
        _docx_runs(p, text, bold=True, size=16 if mode != "colon" else 14)
    elif mode == "bold":
        _docx_runs(p, text, bold=True, size=12 if heading.level == 2 else None)
    elif mode == "numbered":
        _docx_runs(p, f"{number} {text}", bold=True, size=12 if heading.level == 2 else None)
    else:  # colon: level 2 bold, level 3 plain
        _docx_runs(p, f"{text}:", bold=heading.level == 2)


def _docx_table(doc, block: TableBlock) -> None:
    from docx.shared import Cm

    n_cols = len(block.rows[0])
    table = doc.add_table(rows=len(block.rows), cols=n_cols)
    table.style = "Table Grid"
    table.autofit = False
    # a wide label column, the rest shared, as officers usually lay out such tables
    first = 16.0 * (0.4 if n_cols > 2 else 0.35) if n_cols > 1 else 16.0
    widths = [first] + [(16.0 - first) / (n_cols - 1)] * (n_cols - 1)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice reads
    for r, row in enumerate(block.rows):
        for c, cell_text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Cm(widths[c])
            _docx_runs(cell.paragraphs[0], cell_text, bold=(r == 0))


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a .docx zip with fixed entry timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


def render_docx(source: Source) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    meta = source.meta
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not the template's Letter
    section.left_margin = section.right_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    _docx_header_footer(doc, meta)
    _docx_first_block(doc, meta)
    numbers = {id(h): n for h, n in numbered_headings(source.blocks)}
    for block in source.blocks:
        if isinstance(block, Heading):
            _docx_heading(doc, block, numbers[id(block)], meta.docx_headings)
        elif isinstance(block, Paragraph):
            _docx_runs(doc.add_paragraph(), block.text)
        elif isinstance(block, ListItem):
            _docx_runs(doc.add_paragraph(style="List Bullet"), block.text)
        elif isinstance(block, TableBlock):
            _docx_table(doc, block)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    props = doc.core_properties
    props.title = source.title
    props.author = meta.author
    props.last_modified_by = meta.author
    props.created = meta.timestamp.replace(tzinfo=None)
    props.modified = meta.timestamp.replace(tzinfo=None)
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    props.subject = meta.dnr
    buf = io.BytesIO()
    doc.save(buf)
    return _deterministic_zip(buf.getvalue())


# --------------------------------------------------------------------------- pdf

PDF_BODY = 10.5
PDF_LINE = 5.2
PDF_ENCODING = "windows-1252"


def _pdf_text(text: str, keep_bold: bool = False) -> str:
    """Text for fpdf2: hyphenation marks become soft hyphens, bold markers kept or dropped."""
    text = text if keep_bold else BOLD_RE.sub(r"\1", text)
    return text.replace(SHY_MARK, SOFT_HYPHEN)


def _make_pdf_class():
    from fpdf import FPDF

    class MemoPDF(FPDF):
        """An A4 document with the municipality's running header and a page-count footer."""

        def __init__(self, meta: Meta) -> None:
            super().__init__(format="A4", unit="mm")
            self.meta = meta
            self.core_fonts_encoding = PDF_ENCODING
            self.set_margins(25, 28, 22)
            self.set_auto_page_break(True, margin=22)

        def header(self) -> None:
            self.set_y(10)
            self.set_font("Helvetica", "B", 9)
            self.cell(80, 5, self.meta.kommun)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 5, f"{self.meta.dokumenttyp}   Dnr {self.meta.dnr}", align="R")
            self.ln(5)
            self.cell(0, 5, self.meta.forvaltning)
            self.line(25, 21, 188, 21)
            self.set_y(28)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="R")

    return MemoPDF


def _pdf_paragraph(pdf, text: str, indent: float = 0.0) -> None:
    from fpdf.enums import XPos, YPos

    pdf.set_font("Helvetica", "", PDF_BODY)
    pdf.set_x(pdf.l_margin + indent)
    bold = "**" in text
    pdf.multi_cell(
        pdf.epw - indent,
        PDF_LINE,
        _pdf_text(text, keep_bold=bold),
        align="J",
        markdown=bold,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def _pdf_heading(pdf, heading: Heading) -> None:
    from fpdf.enums import XPos, YPos

    size = {1: 15.0, 2: 12.5, 3: 11.0}[heading.level]
    # Like Word's "keep with next": never leave a heading alone at the foot of a page.
    if pdf.get_y() + 22 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(3 if heading.level > 1 else 6)
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(
        0, size * 0.5, _pdf_text(heading.text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(1.5)


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(r"[-–]?[\d ,.%]+|[-–*]|<\s?\d+", cell.strip()))


def _pdf_table(pdf, block: TableBlock) -> None:
    header, body = block.rows[0], block.rows[1:]
    numeric = [
        any(r[c].strip() for r in body) and all(_is_number(r[c]) for r in body if r[c].strip())
        for c in range(len(header))
    ]
    first = max(len(r[0]) for r in block.rows)
    rest = len(header) - 1
    first_w = min(pdf.epw * 0.55, max(35.0, first * 2.1)) if rest else pdf.epw
    widths = [first_w] + [(pdf.epw - first_w) / rest] * rest if rest else [first_w]
    align = tuple("RIGHT" if n else "LEFT" for n in numeric)
    pdf.set_font("Helvetica", "", 9.5)
    pdf.ln(1)
    with pdf.table(
        col_widths=widths,
        width=pdf.epw,
        text_align=align,
        line_height=5,
        first_row_as_headings=True,
        borders_layout="ALL",
    ) as table:
        for row in block.rows:
            cells = table.row()
            for cell in row:
                cells.cell(_pdf_text(cell))
    pdf.ln(2)


def _pdf_first_block(pdf, meta: Meta) -> None:
    from fpdf.enums import XPos, YPos

    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 6, meta.dokumenttyp, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    for label, value in header_fields(meta):
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(32, 5, label)
        pdf.set_font("Helvetica", "", PDF_BODY)
        pdf.cell(0, 5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", PDF_BODY)
    pdf.cell(0, 5, meta.namnd, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render_pdf(source: Source) -> bytes:
    meta = source.meta
    pdf = _make_pdf_class()(meta)
    pdf.set_creation_date(meta.timestamp)
    pdf.set_title(source.title)
    pdf.set_author(meta.author)
    pdf.set_subject(meta.dnr)
    pdf.set_creator("jamlint corpus/render.py")
    pdf.set_lang("sv-SE")
    pdf.add_page()
    _pdf_first_block(pdf, meta)
    for block in source.blocks:
        if isinstance(block, Heading):
            _pdf_heading(pdf, block)
        elif isinstance(block, Paragraph):
            _pdf_paragraph(pdf, block.text)
            pdf.ln(2.2)
        elif isinstance(block, ListItem):
            pdf.set_font("Helvetica", "", PDF_BODY)
            pdf.cell(6, PDF_LINE, "\u2022")
            _pdf_paragraph(pdf, block.text, indent=6)
            pdf.ln(0.8)
        elif isinstance(block, TableBlock):
            _pdf_table(pdf, block)
        elif isinstance(block, PageBreak):
            pdf.add_page()
    return bytes(pdf.output())


# --------------------------------------------------------------------------- driver

RENDERERS = {
    "docx": render_docx,
    "pdf": render_pdf,
    "txt": lambda s: render_txt(s).encode("utf-8"),
}


def check_encodable(source: Source) -> None:
    """PDF core fonts know only cp1252: fail early, naming the character and the source."""
    if "pdf" not in source.meta.formats:
        return
    texts = [source.meta.kommun, source.meta.forvaltning, source.meta.namnd, source.meta.dnr]
    for block in source.blocks:
        if isinstance(block, (Heading, Paragraph, ListItem)):
            texts.append(block.text)
        elif isinstance(block, TableBlock):
            texts += [c for row in block.rows for c in row]
    for text in texts:
        for ch in _pdf_text(text):
            try:
                ch.encode(PDF_ENCODING)
            except UnicodeEncodeError:
                raise SourceError(
                    f"{source.stem}: tecknet {ch!r} (U+{ord(ch):04X}) finns inte i cp1252 "
                    "och kan inte skrivas i PDF:en"
                ) from None


def render_source(source: Source, out_dir: Path) -> list[Path]:
    check_encodable(source)
    written = []
    for fmt in source.meta.formats:
        path = out_dir / f"{source.stem}.{fmt}"
        data = RENDERERS[fmt](source)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        written.append(path)
    return written


def render_all(src_dir: Path = SOURCE_DIR, out_dir: Path = CORPUS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in load_sources(src_dir):
        written += render_source(source, out_dir)
    return written


def stale_files(src_dir: Path = SOURCE_DIR, out_dir: Path = CORPUS_DIR) -> list[str]:
    """Rendered files that are missing or differ from what the sources render to now."""
    stale = []
    for source in load_sources(src_dir):
        for fmt in source.meta.formats:
            path = out_dir / f"{source.stem}.{fmt}"
            if not path.exists() or path.read_bytes() != RENDERERS[fmt](source):
                stale.append(path.name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rendera korpusens källor till docx/pdf/txt.")
    parser.add_argument("stems", nargs="*", help="bara dessa källor (filnamn utan .md)")
    parser.add_argument("--check", action="store_true", help="rendera inte; lista inaktuella filer")
    parser.add_argument("--src", type=Path, default=SOURCE_DIR, help="katalog med källor")
    parser.add_argument("--out", type=Path, default=None, help="katalog för renderade filer")
    args = parser.parse_args(argv)
    out_dir = args.out or (CORPUS_DIR if args.src == SOURCE_DIR else args.src.parent)
    try:
        if args.check:
            stale = stale_files(args.src, out_dir)
            for name in stale:
                print(f"inaktuell: {name}")
            return 1 if stale else 0
        sources = load_sources(args.src)
        if args.stems:
            sources = [s for s in sources if s.stem in set(args.stems)]
        out_dir.mkdir(parents=True, exist_ok=True)
        for source in sources:
            for path in render_source(source, out_dir):
                print(path)
    except SourceError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
