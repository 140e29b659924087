"""Checks for SKR item 6: statistics about people are reported by sex.

Judged statistic by statistic. A number about people (the NLP stage decides what a quantity
measures) passes when its breakdown by sex is given in the same sentence, in the next sentence,
or in a table the sentence refers to ("se tabell 1"). Numbers about money, areas, dates, years,
paragraphs, diarienummer, objects and organisations never reach these checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamlint.checks.common import (
    has_phrase,
    is_statement_block,
    sex_terms_in,
    within,
)
from jamlint.engine.rule import Check, Hit, RuleContext
from jamlint.model import Block, BlockKind, Table
from jamlint.nlp.types import AnnotatedBlock, Measure, Quantity, Sentence

TABLE_REFERENCE = "table_reference"
FOLLOWUP = "split_followup"
ANALYSIS = "analysis_cues"
_NUMBER_CELL = re.compile(r"^[\s<>≈~ca.]*[-–]?\d[\d\s  ,.]*\s*(%|procent|st\.?)?\s*$", re.I)
# "K", "M", "Kv", "T" column headers (Kolada style) count as a split when K and M both appear
_KM = {"k", "kv", "kvinnor"}, {"m", "män"}
# a header about money: its column holds amounts, not counts of people
MONEY_HEADER = re.compile(
    r"\b(kr|kronor|tkr|mnkr|mkr|sek|avgift\w*|taxa\w*|kostnad\w*|pris\w*|belopp\w*|budget\w*|"
    r"intäkt\w*|bidrag\w*|lön\w*)\b|kr\)",
    re.IGNORECASE,
)


def people_quantities(ab: AnnotatedBlock) -> list[Quantity]:
    return [q for q in ab.quantities if q.measure is Measure.PEOPLE and not q.sex]


def sentence_has_split(ab: AnnotatedBlock, sent: Sentence) -> bool:
    return bool(sex_terms_in(ab, sent))


def _next_sentence(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence):
    """The sentence after `sent`: later in the block, or the first of the next body block."""
    sents = ab.sentences
    for i, s in enumerate(sents):
        if s is sent or s.span == sent.span:
            if i + 1 < len(sents):
                return ab, sents[i + 1]
            break
    for nxt in ctx.blocks[ab.block.index + 1 :]:
        if nxt.block.kind is BlockKind.TABLE_CELL:
            continue
        if nxt.block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and nxt.sentences:
            return nxt, nxt.sentences[0]
        return None
    return None


def table_split(ctx: RuleContext, table_block: Block) -> bool:
    """A table with columns or rows by sex (a header cell or row label that is a sex term)."""
    cells = table_label_cells(ctx, table_block)
    if any(sex_terms_in(ctx.blocks[c.index]) for c in cells):
        return True
    labels = {c.text.strip().lower().rstrip(".") for c in cells}
    return bool(labels & _KM[0]) and bool(labels & _KM[1])


def table_label_cells(ctx: RuleContext, table_block: Block) -> list[Block]:
    """Header cells and row labels (first column) of a table."""
    out = []
    for b in ctx.document.blocks[table_block.index + 1 :]:
        if b.kind is not BlockKind.TABLE_CELL or b.table_index != table_block.index:
            break
        if b.is_header or b.col == 0:
            out.append(b)
    return out


def _referenced_table_split(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence) -> bool:
    if not has_phrase(ab, TABLE_REFERENCE, sent):
        return False
    doc = ctx.document
    # the nearest tables after the sentence first, then before it
    after = [b for b in doc.blocks[ab.block.index :] if b.kind is BlockKind.TABLE]
    before = [b for b in reversed(doc.blocks[: ab.block.index]) if b.kind is BlockKind.TABLE]
    return any(table_split(ctx, t) for t in (after[:3] + before[:1]))


def disaggregated(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    if sentence_has_split(ab, sent):
        return True
    nxt = _next_sentence(ctx, ab, sent)
    if nxt is not None and _splits_same_figure(q, *nxt):
        return True
    return _referenced_table_split(ctx, ab, sent)


def _splits_same_figure(q: Quantity, nab: AnnotatedBlock, nsent: Sentence) -> bool:
    """The next sentence gives this figure's split, not another figure's: it continues it
    ("Av dessa är …", "varav …"), its split adds up to it, or it names the same people."""
    split = [x for x in nab.quantities if x.sex and within(x.span, nsent)]
    if not split or not sentence_has_split(nab, nsent):
        return False
    if has_phrase(nab, FOLLOWUP, nsent):
        return True
    values = [x.value for x in split if x.value is not None and not x.is_percent]
    if q.value is not None and not q.is_percent and values and abs(sum(values) - q.value) <= 1:
        return True
    if q.unit is not None:
        noun = q.unit.text.lower()
        others = [p.text.lower() for p in nab.people if within(p, nsent)]
        return any(o[:5] == noun[:5] for o in others)
    return False


class PeopleStatistic(Check):
    """JAM201: a number about people in running text with no breakdown by sex."""

    requires = ("quantities", "sentences", "sex_terms", "phrases")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        doc = ctx.document
        for ab in ctx.blocks:
            if not is_statement_block(doc, ab.block):
                continue
            for q in people_quantities(ab):
                sent = ab.sentence_at(q.span.start)
                if sent is None or disaggregated(ctx, ab, sent, q):
                    continue
                yield Hit(block=ab.block.index, start=q.excerpt.start, end=q.excerpt.end)


def people_tables(ctx: RuleContext) -> Iterator[tuple[Block, Block | None, bool]]:
    """Every table with numbers: (table block, people label cell or None, split by sex?).

    The label is a header cell naming people over a column of numbers that are not money, or a
    row label naming people in a row with such numbers ("Antal elever", "Deltagare").
    """
    for block in ctx.document.blocks:
        if block.kind is not BlockKind.TABLE or block.table is None:
            continue
        table = block.table
        if not _has_numbers(table):
            continue
        money_cols = {
            i for i, cell in enumerate(table.rows[0] if table.header_rows else ())
            if MONEY_HEADER.search(cell)
        }
        label = None
        for cell in table_label_cells(ctx, block):
            if not _names_people(ctx.blocks[cell.index]) or MONEY_HEADER.search(cell.text):
                continue
            if cell.is_header:
                values = [r[cell.col] for r in table.rows[table.header_rows :] if cell.col < len(r)]
            else:
                row = table.rows[cell.row]
                values = [c for i, c in enumerate(row[1:], 1) if i not in money_cols]
            if any(_NUMBER_CELL.match(v) for v in values if v.strip()):
                label = cell
                break
        yield block, label, table_split(ctx, block)


def _names_people(ab: AnnotatedBlock) -> bool:
    return bool(ab.people) or any(q.measure is Measure.PEOPLE for q in ab.quantities)


def _has_numbers(table: Table) -> bool:
    body = table.rows[table.header_rows :]
    return any(_NUMBER_CELL.match(c) for row in body for c in row[1:] if c.strip())


class PeopleTable(Check):
    """JAM202: a table that counts people without columns or rows by sex."""

    requires = ("people", "sex_terms")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        for _table, label, split in people_tables(ctx):
            if label is not None and not split:
                yield Hit(block=label.index, start=0, end=len(label.text))


class SexStatisticsNotAnalysed(Check):
    """JAM203: figures by sex with no comment on the difference (SKR's "kommenterar och
    analyserar"). Looks for an analysing sentence in the same block and its neighbours."""

    requires = ("quantities", "sex_terms", "phrases")

    def _commented(self, ctx: RuleContext, index: int) -> bool:
        """An analysing sentence in the block itself, the text block before it or the two
        after it (table cells skipped), within the same section."""
        doc = ctx.document
        section = doc.blocks[index].section
        text_blocks = [
            b for b in doc.blocks
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and b.section == section
        ]
        before = [b for b in text_blocks if b.index < index][-1:]
        after = [b for b in text_blocks if b.index > index][:2]
        own = [doc.blocks[index]] if doc.blocks[index].kind is not BlockKind.TABLE else []
        for b in before + own + after:
            ab = ctx.blocks[b.index]
            if has_phrase(ab, ANALYSIS):
                return True
        return False

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        for table, _label, split in people_tables(ctx):
            if not split:
                continue
            if self._commented(ctx, table.index):
                continue
            sex_cell = next(
                (c for c in table_label_cells(ctx, table) if sex_terms_in(ctx.blocks[c.index])),
                None,
            )
            if sex_cell is not None:
                yield Hit(block=sex_cell.index, start=0, end=len(sex_cell.text))
        doc = ctx.document
        for ab in ctx.blocks:
            if not is_statement_block(doc, ab.block):
                continue
            for sent in ab.sentences:
                split = [q for q in ab.quantities if q.sex and within(q.span, sent)]
                if len(split) < 2 or has_phrase(ab, ANALYSIS, sent):
                    continue
                if self._commented(ctx, ab.block.index):
                    continue
                q = split[0]
                yield Hit(block=ab.block.index, start=q.excerpt.start, end=q.excerpt.end)

