r"""Plain text and Markdown → `Document`, for drafts kept as text and for rule test snippets.

Markdown (a practical subset): ATX (`#`…`######`) and setext (`===`, `---`) headings, a line
that is only bold (`**Jämställdhet**`) as a level-2 heading, list items (`-`, `*`, `+`, `1.`),
GitHub pipe tables, fenced code, block quotes; YAML front matter is skipped. Emphasis, code and link markup is removed
from the text; `[Beskriv …]` placeholders without a link target stay as written.

Plain text: paragraphs are separated by blank lines. A short line is a heading when it looks
like one in a tjänsteskrivelse: a known section heading (the patterns of `rules/sections.yaml`,
matched at the start of the normalised line), a numbered heading ("3.2 Jämställdhet"), a line
in UPPER CASE, or a short line ending with ":". Lines with bullets or "1." are list items. A
block of two or more tab-separated lines with the same number of columns is a table.

Line breaks inside a paragraph: Markdown joins soft-wrapped lines with a space and keeps hard
breaks (two trailing spaces or "\"). Plain text joins a line to the next with a space, unless
the line is short (under 40 characters) and the next line does not go on in lower case: that
is a deliberate break (header fields, an address) and is kept as "\n". Joining wrapped lines
matters more than keeping source line numbers: a number and its noun wrapped onto two lines
("drygt 300\nnyanlända elever") must be one excerpt, and locations refer to the plain-text
rendering anyway (docs/design.md).

A form feed (\f, as pdftotext writes between pages) advances the page counter: blocks get the
page of their first line and `Document.pages` is set; without form feeds `page` is None.
Blocks are returned unnumbered; `jamlint.model.layout.finalize` numbers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from jamlint.model.document import Block, BlockKind, DocFormat, Document, Table
from jamlint.model.layout import render_table
from jamlint.parsers.detect import decode_text
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits

MSG_TOO_MANY_PAGES = (
    "Textfilen har {pages} sidor (sidbrytningar), fler än gränsen {limit}. Dela upp den eller "
    "höj gränsen med inställningen max-pages."
)
MSG_TOO_LARGE = "Filen är {mb:.0f} MB, större än gränsen {limit:.0f} MB."

# a line shorter than this that is followed by another line of the same paragraph ends with a
# deliberate line break (plain text only)
SHORT_LINE = 40
MAX_HEADING_WORDS = 10


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    page: int | None


# --- heading vocabulary ------------------------------------------------------------------------


def compile_heading_patterns(
    variants: Mapping[str, Sequence[str]], excluded: Sequence[str] = ()
) -> re.Pattern[str]:
    """One pattern for all heading variants (kind → regexes, the shape of rules/sections.yaml),
    matching nothing that one of `excluded` matches (a nämnd's name: "Barn- och
    utbildningsnämnden beslutar att" is no "Barn…" heading)."""
    alternatives = [f"(?:{p})" for patterns in variants.values() for p in patterns]
    if not alternatives:
        return re.compile(r"(?!)")  # an empty vocabulary must match nothing, not everything
    guard = f"(?!.*(?:{'|'.join(excluded)}))" if excluded else ""
    return re.compile(f"^{guard}(?:{'|'.join(alternatives)})")


@lru_cache(maxsize=1)
def default_heading_patterns() -> re.Pattern[str]:
    """The built-in heading variants from rules/sections.yaml, compiled once."""
    from jamlint.parsers.sections import load_heading_variants, load_not_section_patterns

    return compile_heading_patterns(load_heading_variants(), load_not_section_patterns())


def normalise_heading(text: str) -> str:
    """Lower case, without numbering and a trailing colon (the form the patterns are written for)."""
    from jamlint.parsers.sections import normalise_heading as normalise

    return normalise(text)


def is_known_heading(text: str, patterns: re.Pattern[str]) -> bool:
    """True when a heading pattern matches the normalised line fully or at its start."""
    return patterns.match(normalise_heading(text)) is not None


# --- entry point -------------------------------------------------------------------------------


def parse_text(
    data: bytes,
    path: str,
    limits: Limits,
    markdown: bool = False,
    heading_patterns: re.Pattern[str] | None = None,
) -> Document:
    """Parse a text or Markdown file into (unfinalized) blocks."""
    if len(data) > limits.max_file_bytes:
        mb, cap = len(data) / 2**20, limits.max_file_bytes / 2**20
        raise DocumentError(ProblemKind.TOO_LARGE, MSG_TOO_LARGE.format(mb=mb, limit=cap))
    lines, pages = split_lines(decode_text(data))
    if pages is not None and pages > limits.max_pages:
        message = MSG_TOO_MANY_PAGES.format(pages=pages, limit=limits.max_pages)
        raise DocumentError(ProblemKind.TOO_LARGE, message)
    if markdown:
        blocks = _MarkdownReader(lines).read()
    else:
        patterns = heading_patterns if heading_patterns is not None else default_heading_patterns()
        blocks = _parse_plain(lines, patterns)
    fmt = DocFormat.MARKDOWN if markdown else DocFormat.TEXT
    return Document(path=path, format=fmt, pages=pages, blocks=tuple(blocks))


def split_lines(text: str) -> tuple[list[_Line], int | None]:
    """Lines with their page (form feeds separate pages); the page count, or None."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    if "\f" not in text:
        return [_Line(line, None) for line in text.split("\n")], None
    lines: list[_Line] = []
    chunks = text.split("\f")
    for number, chunk in enumerate(chunks, start=1):
        lines.extend(_Line(line, number) for line in chunk.split("\n"))
    # a form feed at the very end closes the last page, it does not open a new one
    pages = len(chunks) - (1 if not chunks[-1].strip() else 0)
    return lines, max(pages, 1)


# --- inline Markdown ---------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_INLINE_RULES = (
    (re.compile(r"`+([^`]+?)`+"), r"\1"),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
# escaped characters are parked in the Private Use Area while the markup is removed
_PARK = 0xE000


def strip_inline_markdown(text: str) -> str:
    """Text without emphasis, code and link markup; backslash escapes resolved."""
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - _PARK), text).strip()


# --- shared helpers ----------------------------------------------------------------------------


def _heading(text: str, level: int, page: int | None) -> Block:
    return Block(kind=BlockKind.HEADING, text=text, level=level, page=page)


def _table_blocks(rows: list[list[str]], header_rows: int, page: int | None) -> Iterator[Block]:
    table = Table(rows=tuple(tuple(r) for r in rows), header_rows=header_rows)
    yield Block(kind=BlockKind.TABLE, text=render_table(table), table=table, page=page)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell:
                yield Block(
                    kind=BlockKind.TABLE_CELL,
                    text=cell,
                    row=r,
                    col=c,
                    is_header=r < header_rows,
                    page=page,
                )


def _is_upper_case(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


# --- plain text --------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*[-*+•–·▪◦]\s+(?P<body>\S.*)$")
_ENUMERATED = re.compile(r"^\s*(?:\d{1,3}[.)]|[a-z]\))\s+(?P<body>\S.*)$")
_MULTI_NUMBERED = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
_SINGLE_NUMBERED = re.compile(r"^\s*\d{1,2}\s+[A-ZÅÄÖ]")
_NUMBERING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s")
_NOT_A_HEADING_END = (".", "!", "?", ";", ",")
_NUMBERED_CELL = re.compile(r"^[-+−]?\d[\d\s\u00a0.,]*%?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _parse_plain(lines: list[_Line], patterns: re.Pattern[str]) -> list[Block]:
    runs = _runs(lines)
    blocks: list[Block] = []
    for i, run in enumerate(runs):
        following = runs[i + 1] if i + 1 < len(runs) else None
        blocks.extend(_plain_run(run, following, patterns))
    return _plain_heading_levels(blocks)


def _runs(lines: list[_Line]) -> list[list[_Line]]:
    """Groups of consecutive non-blank lines."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _plain_run(
    run: list[_Line], following: list[_Line] | None, patterns: re.Pattern[str]
) -> list[Block]:
    first = run[0]
    if len(run) == 1 and _is_lone_heading(first.text, following, patterns):
        return [_heading(first.text.strip(), 0, first.page)]
    blocks: list[Block] = []
    body = run
    if len(run) > 1 and _is_leading_heading(first.text, run[1].text, patterns):
        blocks.append(_heading(first.text.strip(), 0, first.page))
        body = run[1:]
    trailing: Block | None = None
    if len(body) > 1 and _is_trailing_heading(body[-1].text, body[-2].text, patterns):
        trailing = _heading(body[-1].text.strip(), 0, body[-1].page)
        body = body[:-1]
    blocks.extend(_plain_body(body))
    if trailing is not None:
        blocks.append(trailing)
    return blocks


def _heading_shape(text: str) -> bool:
    """Short, has letters, and does not end like a sentence."""
    stripped = text.strip()
    words = stripped.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and any(ch.isalpha() for ch in stripped)
        and not stripped.endswith(_NOT_A_HEADING_END)
    )


def _is_lone_heading(text: str, following: list[_Line] | None, patterns: re.Pattern[str]) -> bool:
    """A line alone in its paragraph: is it a heading?"""
    if not _heading_shape(text) or _BULLET.match(text):
        return False
    known = is_known_heading(text, patterns)
    if _ENUMERATED.match(text):
        return known  # "1. Bakgrund" is a heading, "1. Nämnden beslutar …" a list item
    if known or _MULTI_NUMBERED.match(text) or _SINGLE_NUMBERED.match(text):
        return True
    if _is_upper_case(text):
        return True
    return text.rstrip().endswith(":") and len(text.split()) <= 6 and not _opens_list(following)


def _opens_list(run: list[_Line] | None) -> bool:
    """True when a run starts like the items of a list introduced by "… besluta:"."""
    if not run:
        return False
    first = run[0].text.strip()
    return bool(_BULLET.match(first) or _ENUMERATED.match(first) or first[:1].islower())


def _starts_new_sentence(text: str) -> bool:
    first = text.strip()[:1]
    return first.isupper() or first.isdigit() or first in '"”«–-•*'


def _is_leading_heading(text: str, next_text: str, patterns: re.Pattern[str]) -> bool:
    """The first line of a paragraph as a heading: "Sammanfattning\\nÄrendet avser …"."""
    if not _heading_shape(text) or len(text.split()) > 8 or _BULLET.match(text):
        return False
    if _ENUMERATED.match(text) and not is_known_heading(text, patterns):
        return False
    if not _starts_new_sentence(next_text):
        return False  # a wrapped sentence continues in lower case
    return bool(
        is_known_heading(text, patterns) or _MULTI_NUMBERED.match(text) or _is_upper_case(text)
    )


def _is_trailing_heading(text: str, previous: str, patterns: re.Pattern[str]) -> bool:
    """The last line of a paragraph, right after a finished sentence, that is a known heading."""
    if not previous.rstrip().endswith((".", ":", "!", "?")):
        return False
    if not _heading_shape(text) or len(text.split()) > 6 or _BULLET.match(text):
        return False
    return is_known_heading(text, patterns) or bool(_MULTI_NUMBERED.match(text))


def _plain_body(lines: list[_Line]) -> list[Block]:
    """Paragraphs, list items and tab-separated tables of one run."""
    blocks: list[Block] = []
    paragraph: list[_Line] = []
    i = 0
    while i < len(lines):
        table_rows = _tab_table(lines, i)
        if table_rows:
            blocks.extend(_flush_plain_paragraph(paragraph))
            width = len(_tab_cells(lines[i].text))
            rows = [_tab_cells(line.text, width) for line in lines[i : i + table_rows]]
            blocks.extend(_table_blocks(rows, _tab_header_rows(rows), lines[i].page))
            i += table_rows
            continue
        marker = _BULLET.match(lines[i].text) or _ENUMERATED.match(lines[i].text)
        if marker is None:
            paragraph.append(lines[i])
            i += 1
            continue
        blocks.extend(_flush_plain_paragraph(paragraph))
        item = [_Line(marker.group("body"), lines[i].page)]
        i += 1
        while i < len(lines) and _continues_item(lines[i].text):
            item.append(lines[i])
            i += 1
        blocks.append(Block(kind=BlockKind.LIST_ITEM, text=_join_plain(item), page=item[0].page))
    blocks.extend(_flush_plain_paragraph(paragraph))
    return blocks


def _continues_item(text: str) -> bool:
    if _BULLET.match(text) or _ENUMERATED.match(text) or "\t" in text.strip():
        return False
    return text[:1].isspace() or text.strip()[:1].islower()


def _flush_plain_paragraph(paragraph: list[_Line]) -> list[Block]:
    if not paragraph:
        return []
    block = Block(kind=BlockKind.PARAGRAPH, text=_join_plain(paragraph), page=paragraph[0].page)
    paragraph.clear()
    return [block]


def _join_plain(lines: list[_Line]) -> str:
    parts: list[str] = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if i:
            previous = lines[i - 1].text.strip()
            # a short line ends deliberately, unless the next one goes on in lower case
            deliberate = len(previous) < SHORT_LINE and not text[:1].islower()
            parts.append("\n" if deliberate else " ")
        parts.append(text)
    return "".join(parts)


def _tab_cells(text: str, width: int | None = None) -> list[str]:
    # runs of tabs are one separator: people align columns with several tabs
    cells = [cell.strip() for cell in re.split(r"\t+", text.lstrip(" ").rstrip())]
    if width is not None and len(cells) == width - 1 and text.rstrip(" \r\n").endswith("\t"):
        cells.append("")  # "Jämställdhet\t": a template row left unfilled
    return cells


def _tab_table(lines: list[_Line], start: int) -> int:
    """How many lines from `start` form a tab-separated table (0 when fewer than two)."""
    if "\t" not in lines[start].text.strip():
        return 0
    width = len(_tab_cells(lines[start].text))
    if width < 2:
        return 0
    end = start + 1
    while end < len(lines) and "\t" in lines[end].text.lstrip():
        if len(_tab_cells(lines[end].text, width)) != width:
            break
        end += 1
    return end - start if end - start >= 2 else 0


def _tab_header_rows(rows: list[list[str]]) -> int:
    """1 when the first row reads as column headers (words, or years), else 0."""
    for cell in rows[0]:
        if _NUMBERED_CELL.match(cell) and not _YEAR.match(cell):
            return 0
    return 1


def _plain_heading_levels(blocks: list[Block]) -> list[Block]:
    """Numbered headings get their depth; UPPER CASE headings are above mixed-case ones."""
    headings = [b for b in blocks if b.kind is BlockKind.HEADING]
    has_upper = any(_is_upper_case(b.text) for b in headings)
    out: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            block = block.model_copy(update={"level": _plain_level(block.text, has_upper)})
        out.append(block)
    return out


def _plain_level(text: str, has_upper: bool) -> int:
    numbering = _NUMBERING.match(text)
    if numbering:
        return numbering.group(1).count(".") + 1
    if _is_upper_case(text) or not has_upper:
        return 1
    return 2


# --- Markdown ----------------------------------------------------------------------------------

_MD_BLOCKQUOTE = re.compile(r"^ {0,3}>[ ]?")
_MD_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<body>\S.*)$")
_MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1\s*:?\s*$")
_MD_COMMENT = re.compile(r"^\s*<!--")
_MD_HARD_BREAK = re.compile(r"(?:  |\\)$")


class _MarkdownReader:
    """A line-at-a-time reader for the Markdown subset in the module docstring."""

    def __init__(self, lines: list[_Line]) -> None:
        # block quotes are read as their content: the quote marker carries no meaning here
        self.lines = [_Line(_MD_BLOCKQUOTE.sub("", line.text), line.page) for line in lines]
        self.pos = _front_matter_end(self.lines)
        self.blocks: list[Block] = []

    def read(self) -> list[Block]:
        while self.pos < len(self.lines):
            text = self.lines[self.pos].text
            if not text.strip():
                self.pos += 1
            elif _MD_FENCE.match(text):
                self._fenced_code()
            elif _MD_COMMENT.match(text):
                self._comment()
            elif _MD_ATX.match(text):
                self._atx_heading()
            elif _MD_THEMATIC.match(text):
                self.pos += 1
            elif self._table_width(self.pos):
                self._table()
            elif _MD_LIST.match(text):
                self._list_item()
            else:
                self._paragraph()
        return self.blocks

    def _text(self, i: int) -> str:
        return self.lines[i].text

    def _page(self, i: int) -> int | None:
        return self.lines[i].page

    def _starts_block(self, i: int) -> bool:
        text = self._text(i)
        return bool(
            not text.strip()
            or _MD_FENCE.match(text)
            or _MD_ATX.match(text)
            or _MD_THEMATIC.match(text)
            or _MD_LIST.match(text)
            or self._table_width(i)
        )

    def _fenced_code(self) -> None:
        start = self.pos
        fence = _MD_FENCE.match(self._text(start)).group(1)  # type: ignore[union-attr]
        body: list[str] = []
        self.pos += 1
        while self.pos < len(self.lines) and not self._text(self.pos).strip().startswith(fence):
            body.append(self._text(self.pos))
            self.pos += 1
        self.pos += 1  # the closing fence
        code = "\n".join(body).strip("\n")
        if code.strip():
            self.blocks.append(Block(kind=BlockKind.PARAGRAPH, text=code, page=self._page(start)))

    def _comment(self) -> None:
        while self.pos < len(self.lines) and "-->" not in self._text(self.pos):
            self.pos += 1
        self.pos += 1

    def _atx_heading(self) -> None:
        match = _MD_ATX.match(self._text(self.pos))
        assert match is not None
        text = strip_inline_markdown(match.group(2) or "")
        if text:
            self.blocks.append(_heading(text, len(match.group(1)), self._page(self.pos)))
        self.pos += 1

    def _table_width(self, i: int) -> int:
        """The number of columns when a pipe table starts at line i, else 0."""
        if i + 1 >= len(self.lines) or "|" not in self._text(i):
            return 0
        separator = self._text(i + 1)
        if not _MD_TABLE_SEPARATOR.match(separator) or "-" not in separator:
            return 0
        width = len(_pipe_cells(self._text(i)))
        if width == 1 and "|" not in separator:
            return 0  # "text |" over "---" is a setext heading
        return width if len(_pipe_cells(separator)) == width else 0

    def _table(self) -> None:
        start = self.pos
        width = self._table_width(start)
        rows = [_pipe_cells(self._text(start))]
        self.pos += 2
        while self.pos < len(self.lines):
            text = self._text(self.pos)
            if not text.strip() or "|" not in text:
                break
            cells = _pipe_cells(text)[:width]
            rows.append(cells + [""] * (width - len(cells)))
            self.pos += 1
        self.blocks.extend(_table_blocks(rows, 1, self._page(start)))

    def _list_item(self) -> None:
        start = self.pos
        match = _MD_LIST.match(self._text(start))
        assert match is not None
        parts = [match.group("body")]
        self.pos += 1
        while self.pos < len(self.lines) and not self._starts_block(self.pos):
            parts.append(self._text(self.pos))
            self.pos += 1
        text = strip_inline_markdown(_join_markdown(parts))
        if text:
            self.blocks.append(Block(kind=BlockKind.LIST_ITEM, text=text, page=self._page(start)))

    def _paragraph(self) -> None:
        start = self.pos
        parts = [self._text(start)]
        self.pos += 1
        while self.pos < len(self.lines):
            setext = _MD_SETEXT.match(self._text(self.pos))
            if setext:
                level = 1 if setext.group(1).startswith("=") else 2
                text = strip_inline_markdown(_join_markdown(parts))
                self.blocks.append(_heading(text, level, self._page(start)))
                self.pos += 1
                return
            if self._starts_block(self.pos):
                break
            parts.append(self._text(self.pos))
            self.pos += 1
        self._emit_paragraph(parts, start)

    def _emit_paragraph(self, parts: list[str], start: int) -> None:
        page = self._page(start)
        bold = _MD_BOLD_LINE.match(parts[0])
        if bold and _heading_shape(bold.group("text")):
            self.blocks.append(_heading(strip_inline_markdown(bold.group("text")), 2, page))
            parts = parts[1:]
        text = strip_inline_markdown(_join_markdown(parts)) if parts else ""
        if text:
            self.blocks.append(Block(kind=BlockKind.PARAGRAPH, text=text, page=page))


_FRONT_MATTER_KEY = re.compile(r"^[\w-]+\s*:(?:\s|$)")
_FRONT_MATTER_FENCE = {"---", "..."}


def _front_matter_end(lines: list[_Line]) -> int:
    """The line after YAML front matter ("---", key: value lines, "---"), or 0 when none.

    Front matter is data about the file (Jekyll, Hugo, Obsidian), not text to lint; read as
    Markdown it would turn into a setext heading.
    """
    if not lines or lines[0].text.strip() != "---":
        return 0
    for i in range(1, len(lines)):
        text = lines[i].text
        if text.strip() in _FRONT_MATTER_FENCE:
            return i + 1 if i > 1 else 0
        if text.strip() and not (_FRONT_MATTER_KEY.match(text) or text[:1] in " \t-#"):
            return 0
    return 0


def _join_markdown(parts: list[str]) -> str:
    """Soft line breaks become spaces; hard breaks (two spaces or a backslash) stay."""
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            hard = _MD_HARD_BREAK.search(parts[i - 1])
            out.append("\n" if hard else " ")
        text = part.strip()
        if i < len(parts) - 1 and text.endswith("\\"):
            text = text[:-1].rstrip()
        out.append(text)
    return "".join(out)


def _pipe_cells(text: str) -> list[str]:
    text = text.strip()
    text = text.removeprefix("|")
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells = re.split(r"(?<!\\)\|", text)
    return [strip_inline_markdown(cell.replace("\\|", "|")) for cell in cells]
