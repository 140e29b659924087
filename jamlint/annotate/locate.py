"""Where each finding belongs in the parsed document: its block and the text to anchor on.

A finding carries a line and column in the plain-text rendering (`jamlint.model.layout`) and an
excerpt. Writing a comment back into the file needs the block those point at (a paragraph, a
heading, a table cell) and the excerpt's place inside the block's text. Format-specific code
(`docx.py`, `pdf.py`) then finds the same text in the file itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jamlint.model import Block, BlockKind, Document, Finding

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Anchor:
    """A finding placed in the document.

    `excerpt` is the text to anchor on ("" anchors the whole block: document-level findings sit
    on the title or first heading). `offset` is where the finding starts in `block.text`; it
    chooses between two occurrences of the same excerpt. `paragraphs` is the comment's text,
    one string a paragraph.
    """

    finding: Finding
    block: Block
    offset: int
    excerpt: str
    paragraphs: tuple[str, ...]


def excerpt_pattern(excerpt: str) -> re.Pattern[str]:
    """The excerpt as a pattern that lets any run of white space stand for any other."""
    return re.compile(r"\s+".join(re.escape(word) for word in excerpt.split()))


def locate(document: Document, finding: Finding, paragraphs: tuple[str, ...]) -> Anchor | None:
    """The anchor of one finding, or None when the document has no blocks at all."""
    loc = finding.location
    excerpt = " ".join(finding.excerpt.split())
    block = None if loc.line is None else block_at(document, loc.line, loc.column or 1)
    if block is None:
        block = document.title_block()
        if block is None:
            return None
        return Anchor(finding, block, 0, excerpt if _contains(block, excerpt) else "", paragraphs)
    offset = offset_in(block, loc.line or block.line, loc.column or 1)
    if excerpt and not _contains(block, excerpt):
        # the location and the excerpt disagree (a table finding located at its table, an
        # excerpt that the rule rewrote): trust the excerpt, nearest to where the finding points
        found = _nearest_containing(document, block, excerpt)
        if found is not None:
            block, offset = found
    return Anchor(finding, block, offset, excerpt, paragraphs)


def block_at(document: Document, line: int, column: int) -> Block | None:
    """The block whose rendering holds (line, column): a table cell before its table."""
    container: Block | None = None
    for block in document.blocks:
        if block.kind is BlockKind.TABLE_CELL:
            if block.line == line and block.column <= column <= block.column + len(block.text):
                return block
            continue
        if block.line <= line <= block.line + block.text.count("\n"):
            container = block
    if container is not None and container.kind is BlockKind.TABLE:
        return _cell_on_row(document, container, line, column) or container
    return container


def _cell_on_row(document: Document, table: Block, line: int, column: int) -> Block | None:
    """The cell of `table` on `line` that starts nearest before `column`."""
    best: Block | None = None
    for block in document.blocks[table.index + 1 :]:
        if block.kind is not BlockKind.TABLE_CELL or block.table_index != table.index:
            break
        if block.line == line and block.column <= column:
            best = block
    return best


def offset_in(block: Block, line: int, column: int) -> int:
    """The inverse of `layout.line_col`: the offset in `block.text` of (line, column)."""
    if line <= block.line:
        offset = column - block.column
    else:
        lines = block.text.split("\n")
        offset = sum(len(text) + 1 for text in lines[: line - block.line]) + column - 1
    return max(0, min(offset, len(block.text)))


def _contains(block: Block, excerpt: str) -> bool:
    return bool(excerpt) and excerpt_pattern(excerpt).search(block.text) is not None


def _nearest_containing(document: Document, near: Block, excerpt: str) -> tuple[Block, int] | None:
    """The block holding `excerpt` nearest to `near` (cells before their table), and where."""
    pattern = excerpt_pattern(excerpt)
    best: tuple[int, Block, int] | None = None
    for block in document.blocks:
        if block.kind is BlockKind.TABLE:
            continue  # its cells hold the same text, and a comment belongs in the cell
        match = pattern.search(block.text)
        if match is None:
            continue
        distance = abs(block.index - near.index)
        if best is None or distance < best[0]:
            best = (distance, block, match.start())
    return None if best is None else (best[1], best[2])
