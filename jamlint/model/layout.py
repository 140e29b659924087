"""Numbering and the plain-text rendering that locations refer to.

Every format is rendered the same way: body blocks one after another, separated by a blank
line; a table is rendered one row a line with cells joined by " | ". A block's `line`/`column` is
where its first character sits in that rendering, so a finding in a PDF, a .docx or a .txt points
at a place a person can find in `jamlint render`-style text.
"""

from __future__ import annotations

from collections.abc import Sequence

from jamlint.model.document import Block, BlockKind, Table

CELL_SEPARATOR = " | "


def render_table(table: Table) -> str:
    return "\n".join(CELL_SEPARATOR.join(row) for row in table.rows)


def finalize(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Give parsed blocks their index, paragraph number, line and column.

    Parsers emit a TABLE block followed by its TABLE_CELL blocks (with `row`/`col` set and
    `table_index` pointing at nothing yet); here cells get the index of their table.
    """
    out: list[Block] = []
    line = 1
    paragraph = 0
    table_block: Block | None = None
    for block in blocks:
        if block.kind is BlockKind.TABLE_CELL:
            if table_block is None or table_block.table is None:
                raise ValueError("table cell without a preceding table block")
            row = block.row or 0
            col = block.col or 0
            cells = table_block.table.rows[row]
            column = 1 + sum(len(c) + len(CELL_SEPARATOR) for c in cells[:col])
            out.append(
                block.model_copy(
                    update={
                        "index": len(out),
                        "paragraph": table_block.paragraph,
                        "line": table_block.line + row,
                        "column": column,
                        "table_index": table_block.index,
                        "page": block.page if block.page is not None else table_block.page,
                    }
                )
            )
            continue
        paragraph += 1
        text = render_table(block.table) if block.table is not None else block.text
        new = block.model_copy(
            update={
                "index": len(out),
                "paragraph": paragraph,
                "line": line,
                "column": 1,
                "text": text,
            }
        )
        out.append(new)
        table_block = new if block.kind is BlockKind.TABLE else None
        line += text.count("\n") + 2  # the block's own lines plus one blank line
    return tuple(out)


def line_col(block: Block, offset: int) -> tuple[int, int]:
    """Line and column of character `offset` of `block.text` in the plain-text rendering."""
    offset = max(0, min(offset, len(block.text)))
    before = block.text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return block.line, block.column + offset
    return block.line + newlines, offset - before.rfind("\n")


def render(blocks: Sequence[Block]) -> str:
    """The plain-text rendering itself (what `line`/`column` count in)."""
    return "\n\n".join(b.text for b in blocks if b.kind is not BlockKind.TABLE_CELL) + "\n"
