"""The document model every parser produces and every rule reads.

A parser turns a file into a `Document`: metadata plus `Block`s in reading order. Parsers fill in
what they know (kind, text, heading level, page, table cells); `jamlint.model.layout.finalize`
then numbers paragraphs, computes line/column in the plain-text rendering and assigns sections, so
every format gets the same locations. This module imports nothing else from jamlint.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for data that crosses a stage: immutable and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    TABLE_CELL = "table_cell"


class DocFormat(str, Enum):
    DOCX = "docx"
    PDF = "pdf"
    TEXT = "text"
    MARKDOWN = "markdown"
    UNKNOWN = "unknown"


class Comment(Frozen):
    """A review comment anchored on a block (Word comments); used for in-document suppression."""

    author: str = ""
    text: str
    anchor: str = ""  # the commented text, when the file records it


class Table(Frozen):
    """A table as rows of cell texts. `header_rows` rows at the top are column headers."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


class Block(Frozen):
    """One unit of the body in reading order.

    Parsers set `kind`, `text`, `level`, `page`, `table`/`row`/`col`/`is_header`, `comments` and
    `source`.
    `finalize` sets `index`, `paragraph`, `line`, `column`, `section`.
    """

    kind: BlockKind
    text: str
    level: int | None = None  # heading level, 1 = top
    page: int | None = None  # 1-based, None when the format does not record pages
    # table structure: a TABLE block carries `table`; each TABLE_CELL block names its table
    # (index of the TABLE block), row and column (0-based) and whether it is a header cell.
    table: Table | None = None
    table_index: int | None = None
    row: int | None = None
    col: int | None = None
    is_header: bool = False
    comments: tuple[Comment, ...] = ()
    # where the block stands in the source file, for writing back into it (`jamlint annotate`):
    # for .docx "p:N", "tc:N" or "tbl:N", the N-th w:p / w:tc / w:tbl among the body's
    # descendants in document order; None when the parser does not record it
    source: str | None = None
    # set by finalize()
    index: int = -1
    paragraph: int | None = None  # 1-based count of body blocks (table cells share their table's)
    line: int = 0  # 1-based line of the block's first character in the plain-text rendering
    column: int = 0  # 1-based column there
    section: int | None = None  # index into Document.sections


class SectionKind(str, Enum):
    """What a section is about, from its heading (variants are data in rules/sections.yaml)."""

    PROPOSAL = "proposal"
    SUMMARY = "summary"
    BACKGROUND = "background"
    ASSESSMENT = "assessment"
    CONSEQUENCES = "consequences"
    GENDER = "gender"
    CHILDREN = "children"
    ECONOMY = "economy"
    ENVIRONMENT = "environment"
    PUBLIC_HEALTH = "public_health"
    DECISION_BASIS = "decision_basis"
    DISTRIBUTION = "distribution"
    OTHER = "other"


class Section(Frozen):
    """A heading and the blocks under it, up to the next heading of the same or higher level."""

    index: int
    title: str
    level: int
    heading_block: int | None  # index of the heading block; None for the untitled front matter
    parent: int | None
    kinds: tuple[SectionKind, ...] = ()
    start: int  # first block index (the heading itself, when there is one)
    end: int  # one past the last block index, including subsections

    @property
    def path_title(self) -> str:
        return self.title


class Metadata(Frozen):
    """Facts the header of a case document reveals, when present."""

    title: str | None = None
    diarienummer: str | None = None
    datum: str | None = None
    namnd: str | None = None
    handlaggare: str | None = None


class Document(Frozen):
    path: str
    format: DocFormat
    pages: int | None = None
    metadata: Metadata = Field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    # running headers/footers and footnotes, kept apart from the body
    headers: tuple[str, ...] = ()
    footers: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()
    # True when the file had pages but no extractable text (a scan)
    no_text_layer: bool = False

    def section_of(self, block: Block) -> Section | None:
        return None if block.section is None else self.sections[block.section]

    def section_path(self, block: Block) -> tuple[str, ...]:
        """Titles from the outermost section down to the block's own."""
        path: list[str] = []
        idx = block.section
        while idx is not None:
            sec = self.sections[idx]
            if sec.heading_block is not None:
                path.append(sec.title)
            idx = sec.parent
        return tuple(reversed(path))

    def blocks_in(self, section: Section) -> tuple[Block, ...]:
        return self.blocks[section.start : section.end]

    def title_block(self) -> Block | None:
        """Where document-level findings sit: the block holding the ärende title the header
        reading found (not a kommun name that happens to be a text file's first line), else
        the first heading, else the first block."""
        if self.metadata.title:
            wanted = " ".join(self.metadata.title.split())
            for block in self.blocks:
                if block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and (
                    " ".join(block.text.split()) == wanted
                ):
                    return block
        for block in self.blocks:
            if block.kind is BlockKind.HEADING:
                return block
        return self.blocks[0] if self.blocks else None

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.kind is not BlockKind.TABLE_CELL)
