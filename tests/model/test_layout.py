"""Locations in the plain-text rendering: every format gets the same line/column."""

from jamlint.model import Block, BlockKind, Table
from jamlint.model.layout import finalize, line_col, render


def test_blocks_numbered_and_located():
    blocks = finalize(
        [
            Block(kind=BlockKind.HEADING, text="Bakgrund", level=1),
            Block(kind=BlockKind.PARAGRAPH, text="Första raden\nandra raden med 120 elever."),
            Block(kind=BlockKind.TABLE, text="", table=Table(rows=(("Kön", "Antal"), ("Flickor", "64")), header_rows=1)),
            Block(kind=BlockKind.TABLE_CELL, text="Kön", row=0, col=0, is_header=True),
            Block(kind=BlockKind.TABLE_CELL, text="64", row=1, col=1),
            Block(kind=BlockKind.PARAGRAPH, text="Sist."),
        ]
    )
    text = render(blocks)
    lines = text.split("\n")
    assert [b.index for b in blocks] == list(range(6))
    assert [b.paragraph for b in blocks] == [1, 2, 3, 3, 3, 4]
    heading, para, table, c1, c2, last = blocks
    assert (heading.line, para.line, table.line, last.line) == (1, 3, 6, 9)
    assert table.text == "Kön | Antal\nFlickor | 64"
    assert (c1.line, c1.column, c1.table_index) == (6, 1, 2)
    assert (c2.line, c2.column) == (7, 11)
    assert lines[c2.line - 1][c2.column - 1 : c2.column + 1] == "64"
    offset = para.text.index("120")
    line, col = line_col(para, offset)
    assert lines[line - 1][col - 1 : col + 2] == "120"
    assert lines[last.line - 1] == "Sist."
