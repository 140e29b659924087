"""Checks for SKR item 6: statistics about people are reported by sex.

Judged statistic by statistic. A number about people (the NLP stage decides what a quantity
measures) passes when its breakdown by sex is given in the same sentence, in the next sentence,
or in a table the sentence refers to ("se tabell 1"). Numbers about money, areas, dates, years,
paragraphs, diarienummer, objects and organisations never reach these checks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from jamlint.checks.common import (
    CAPTION,
    CLAUSE_END,
    MIN_PROSE_WORDS,
    clause_around,
    cues_only_in_goals,
    has_phrase,
    in_sections_of_kind,
    is_statement_block,
    lemma_at,
    lexicon_lines,
    phrases,
    sex_terms_in,
    sexes_beyond_counts,
    within,
)
from jamlint.engine.rule import Check, Hit, RuleContext
from jamlint.model import Block, BlockKind, SectionKind, Table
from jamlint.nlp.lexicons import lexicon_text, parse_tsv
from jamlint.nlp.types import WHEN_MEASURES, AnnotatedBlock, Measure, Quantity, Sentence, TextSpan
from jamlint.nlp.words import ends_in_head

TABLE_REFERENCE = "table_reference"
SPLIT_REFERENCE = "split_references"
TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def _prose(block: Block) -> bool:
    """Running text where a comment can stand: paragraphs, list items, and a table cell that
    holds sentences (a consequence table's "Kommentar" column)."""
    if block.kind in TEXT_KINDS:
        return True
    return block.kind is BlockKind.TABLE_CELL and len(block.text.split()) >= MIN_PROSE_WORDS
SUPPRESSION = "suppression_notes"
FOLLOWUP = "split_followup"
ANALYSIS = "analysis_cues"
CONSEQUENCE = "motivation_back"  # "därför", "därmed": a conclusion drawn
_NUMBER_CELL = re.compile(
    r"^[\s<>≈~ca.]*[-–]?\d[\d\s  ,.]*\s*(%|procent|st\.?)?\s*$", re.IGNORECASE
)
# "K", "M", "Kv", "T" column headers (Kolada style) count as a split when K and M both appear
_KM = {"k", "kv", "kvinnor"}, {"m", "män"}
# a header about money: its column holds amounts, not counts of people
MONEY_HEADER = re.compile(
    r"\b(kr|kronor|tkr|mnkr|mkr|sek|avgift\w*|taxa\w*|kostnad\w*|pris\w*|belopp\w*|budget\w*|"
    r"intäkt\w*|bidrag\w*|lön\w*)\b|kr\)",
    re.IGNORECASE,
)


def people_quantities(ab: AnnotatedBlock) -> list[Quantity]:
    return [q for q in ab.quantities if q.measure is Measure.PEOPLE and not q.sex and not q.limit]


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
    """A table with columns or rows by sex: a header cell or row label names a sex category
    ("Kvinnor", "Sökande män"), not just a name containing one ("Kvinnogruppen Stegen")."""
    cells = table_label_cells(ctx, table_block)
    if any(_sex_category(ctx.blocks[c.index]) for c in cells):
        return True
    labels = {c.text.strip().lower().rstrip(".") for c in cells}
    return bool(labels & _KM[0]) and bool(labels & _KM[1])


def _sex_category(ab: AnnotatedBlock) -> bool:
    categories = set(lexicon_lines("sex_categories"))
    words = {w.lower() for w in re.findall(r"\w+", ab.block.text)}
    return bool(sex_terms_in(ab)) and bool(words & categories)


def table_label_cells(ctx: RuleContext, table_block: Block) -> list[Block]:
    """Header cells and row labels (first column) of a table."""
    out = []
    for b in ctx.document.blocks[table_block.index + 1 :]:
        if b.kind is not BlockKind.TABLE_CELL or b.table_index != table_block.index:
            break
        if b.is_header or b.col == 0:
            out.append(b)
    return out


_TABLE_NUMBER = re.compile(r"\btab(?:ell(?:erna)?|\.)?\s*(\d+)", re.IGNORECASE)


_BESIDES = re.compile(r"\b(?:utöver|förutom|utanför)\b[^.]*$", re.IGNORECASE)


def _referenced_table_split(
    ctx: RuleContext,
    ab: AnnotatedBlock,
    sent: Sentence,
    q: Quantity | None = None,
    own: tuple[AnnotatedBlock, Sentence] | None = None,
) -> bool:
    """The sentence points to a table with columns or rows by sex — for a count q (in `own`,
    when that is another sentence), not a table of shares of another measure ("Tabell 1.
    Andel elever som besöker en lekplats …": the respondents' count is not in it)."""
    if q is not None and not q.is_percent:
        oab, osent = own or (ab, sent)
        return _referenced_table_split(ctx, ab, sent) and not _points_to_shares(ctx, ab, sent, oab, osent)
    refs = [
        r for r in phrases(ab, TABLE_REFERENCE)
        if within(r, sent) and not _BESIDES.search(ab.block.text[max(0, r.start - 30) : r.start])
    ]  # fmt: skip
    if not refs:
        return False  # "Utöver de aktiva i tabellen har klubben 57 barn i kö": not in it
    doc = ctx.document
    if all("bilaga" in r.text.lower() for r in refs):
        # "se bilaga 3": an attachment, which backs the figure only when it is in the document
        return any(
            table_split(ctx, b)
            for b in doc.blocks
            if b.kind is BlockKind.TABLE and "bilaga" in _caption_text(ctx, b).lower()
        )
    named = _named_tables(ctx, sent)  # "se tabell 2": that table, when a caption carries the number
    if named:
        return any(table_split(ctx, t) for t in named)
    # the nearest tables after the sentence first, then before it
    after = [b for b in doc.blocks[ab.block.index :] if b.kind is BlockKind.TABLE]
    before = [b for b in reversed(doc.blocks[: ab.block.index]) if b.kind is BlockKind.TABLE]
    return any(table_split(ctx, t) for t in (after[:3] + before[:1]))


def disaggregated(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    if _split_in_sentence(ab, sent, q) or _wholes_add_up(ab, sent, q):
        return True
    nxt = _next_sentence(ctx, ab, sent)
    siblings = _sentence_figures(ab, sent, q)
    if nxt is not None and _next_splits(ctx, q, sent, ab, nxt, siblings):
        return True
    if nxt is not None and _in_split_table(ctx, nxt[1], q, nxt[0], sent.span.text):
        # "… 1 386 tillsvidareanställda medarbetare. Fördelningen per förvaltning framgår av
        # tabell 1.", a table by sex whose total row is 1 386
        return True
    if siblings and _comparison(ab.block.text, sent, q, siblings):
        # "684 hushåll (tabell 2), jämfört med 641 hushåll 2024": last year's, unless the table
        # by sex the next sentence points to gives it too ("… 7,4 procent 2048, jämfört med 7,9
        # procent 2047. … (se tabell 2)", a table of 2046–2048 by sex)
        in_next = nxt is not None and _in_split_table(ctx, nxt[1], q, nxt[0])
        return in_next or _in_referenced_table(ctx, ab, sent, q)
    return _referenced_table_split(ctx, ab, sent, q) and not _reference_is_anothers(ab, sent, q)


def _wholes_add_up(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """The wholes of the sentence's parts by sex add up to the count ("Av de 24 trainees …
    arbetar 19 kvar, 13 av 15 kvinnor och 6 av 9 män": 15 + 9)."""
    if q.value is None or q.is_percent or q.sex:
        return False
    wholes = [_whole_of(x.span.text) for x in ab.quantities if x.sex and within(x.span, sent)]
    if len(wholes) < 2 or None in wholes:
        return False
    return sum(w for w in wholes if w is not None) == q.value


def _whole_of(text: str) -> float | None:
    """B of "A av B" ("13 av 15" is 15, "fyra av fem" 5)."""
    parts = _part_and_whole(text)
    return parts[1] if parts else None


def _in_split_table(
    ctx: RuleContext, sent: Sentence, q: Quantity, ab: AnnotatedBlock, own: str = ""
) -> bool:
    """A table by sex that the sentence points to has q's value in its total row, or q is the
    share of a row that q's own sentence names (`own`)."""
    if q.value is None or not any(within(r, sent) for r in phrases(ab, TABLE_REFERENCE)):
        return False
    # (or, with no caption numbered, the table right after: "Totalt fick 312 ungdomar en
    # placering. Tabell 1 visar hur de fördelades på verksamhetsområden." before a table whose
    # "Summa" row is 312)
    tables = _named_tables(ctx, sent) or [
        b for b in ctx.document.blocks[ab.block.index + 1 : ab.block.index + 1 + TABLE_REACH]
        if b.kind is BlockKind.TABLE and not _caption_number(ctx, b)
    ][:1]
    return any(
        b.table is not None and table_split(ctx, b) and (
            _total_row_holds(b.table, {q.value})
            or q.is_percent and _row_share_holds(b.table, q.value, own)
        )
        for b in tables
    )  # fmt: skip


def _row_share_holds(table: Table, value: float, own: str) -> bool:
    """A row that the sentence names is this share of the total row ("Av dem betalade 41
    procent ingen avgift" and "Ingen avgift | 397 | 141 | 538" over "Totalt | … | 1 312")."""
    body = table.rows[table.header_rows :]
    totals = [_value_of(row[-1]) for row in body if row and _TOTAL_LABEL.match(row[0])]
    whole = totals[0] if totals else None
    if not whole:
        return False
    words = set(re.findall(r"\w{4,}", own.lower()))
    for row in body:
        part = _value_of(row[-1]) if row else None
        if part is None or _TOTAL_LABEL.match(row[0]) or round(100 * part / whole) != round(value):
            continue
        if words & set(re.findall(r"\w{4,}", row[0].lower())):
            return True
    return False


def _in_referenced_table(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """A figure compared with is in the table by sex that its own sentence points to ("14
    besökare per kväll, jämfört med 41 på Ankaret (se tabell 1)", a row of Ankaret: 41)."""
    if q.value is None or q.is_percent:
        return False
    if not any(within(r, sent) for r in phrases(ab, TABLE_REFERENCE)):
        return False
    for b in _named_tables(ctx, sent):
        if b.table is None:
            continue
        cols = [
            c.col for c in table_label_cells(ctx, b)
            if c.is_header and _sex_category(ctx.blocks[c.index])
        ]  # fmt: skip
        for row in b.table.rows[b.table.header_rows :]:
            sexes = [_value_of(row[k]) for k in cols if k < len(row)]
            # (the row's figures by sex add up to it: not "Riket 88" beside "Kvinnor 87")
            others = {_value_of(c) for k, c in enumerate(row) if k not in cols}
            if sexes and None not in sexes and sum(sexes) == q.value and q.value in others:
                return True
    return False


def _column_sums_hold(table: Table, values: set[float | None]) -> bool:
    """The sums of the table's columns include all these values."""
    sums: list[float] = []
    for col in range(1, max((len(r) for r in table.rows), default=0)):
        cells = [_value_of(r[col]) if col < len(r) else None for r in table.rows[table.header_rows :]]
        if cells and None not in cells:
            sums.append(sum(c for c in cells if c is not None))
    return all(any(v is not None and abs(v - x) < 1 for x in sums) for v in values)


def _total_row_holds(table: Table, values: set[float | None]) -> bool:
    """A row labelled as the total ("Totalt", "Samtliga") has all these values."""
    return any(
        row and _TOTAL_LABEL.match(row[0]) and values <= {_value_of(c) for c in row[1:]}
        for row in table.rows[table.header_rows :]
    )


TABLE_REACH = 3  # blocks from a split's paragraph to a table of the same people (a caption between)
_TOTAL_LABEL = re.compile(r"\s*(?:totalt|total|samtliga|alla|summa)\b", re.IGNORECASE)


_BY_SEX = re.compile(r"\bkön\b", re.IGNORECASE)  # "fördelningen efter ålder och kön"


_ALL_ONE_SEX = re.compile(
    r"\s*(?:samtliga|alla)(?: av dem)?\s+(?:är|var)\s+(?:kvinnor|män|flickor|pojkar)\b",
    re.IGNORECASE,
)


def _next_splits(
    ctx: RuleContext,
    q: Quantity,
    sent: Sentence,
    ab: AnnotatedBlock,
    nxt: tuple[AnnotatedBlock, Sentence],
    siblings: list[Quantity],
) -> bool:
    """The sentence after q's gives its split: in figures, or by pointing to a table with sex
    columns while naming the same people or the split ("Tabell 1 visar låntagarna fördelade
    på kön och ålder", "Fördelningen efter ålder och kön framgår av tabell 2")."""
    nab, nsent = nxt
    if not siblings and _ALL_ONE_SEX.match(nsent.span.text):
        return True  # "… för 23 medarbetare. Samtliga är kvinnor, …"
    nsplit = [x for x in nab.quantities if x.sex and within(x.span, nsent)]
    if _response_rate(ab.block.text, q) and nsplit and all(
        _makeup_share(nab.block.text, x) for x in nsplit
    ):
        # "Svarsfrekvensen var 61 procent …. Av de svarande var 68 procent kvinnor": who
        # answered, not the response rate of each sex
        return False
    if _adds_up_to_another(q, ab, sent, nab, nsent):
        # "Enkäten skickades till 1 046 personer …, och 608 svarade … Av de svarande var 401
        # kvinnor och 207 män": the split is the 608's
        return False
    if q.is_percent and nab is not ab and not _shared(
        _topics(sent.span.text, set()), _topics(nsent.span.text, set())
    ):
        # "Av klienterna var 42 procent under 30 år. ¶ Alkohol var huvudproblemet för 58
        # procent av männen …": a new paragraph on another measure
        return False
    # the only count beside rates ("svarade 412 vårdnadshavare, vilket motsvarar en
    # svarsfrekvens på 37 procent. Av de svarande var 71 procent mammor …")
    only_count = not siblings or not q.is_percent and all(x.is_percent for x in siblings)
    only_count = only_count or _named_by_its_verb(ab.block.text, sent, q, nsent)
    if _splits_same_figure(q, nab, nsent, siblings, sent.span.text) or (
        only_count
        and not _rates_of_own_share(q, nab, nsent)
        and _partitive_of_same(sent, nab, nsent, q, _referenced_captions(ctx, sent))
    ):
        if siblings and _comparison(ab.block.text, sent, q, siblings):
            return False  # "8,9 procent, jämfört med 9,6 procent 2024": the split is the 8,9's
        if siblings and _changed_from(ab.block.text, q, siblings):
            return False  # "ökade från 72,8 procent till 74,6 procent": the split is the 74,6's
        if siblings and _adds_up_to(q, nab, nsent, siblings):
            return True  # "… och 172 sökande fick inget. De som inte fick … var 82 tjejer och 90 killar."
        if siblings and _ANAPHOR_OPENING.match(nsent.span.text) and _nearer_count(
            ab.block.text, sent, q, siblings, nab, nsent
        ):
            # "I Norra Vass, där omkring 1 900 barn … bor, deltog 74 barn i sommarens
            # aktiviteter. Av dem var 22 flickor.": "dem" are the 74
            return False
        split = [x for x in nab.quantities if x.sex and within(x.span, nsent)]
        if q.is_percent and split and all(_rate_among_sex(nab.block.text, x) for x in split):
            # rates among each sex split a rate, not a count beside it ("besvarades av 1 480
            # hushåll, och 71 procent … var nöjda. Andelen nöjda var 74 procent bland de kvinnor
            # som svarade …")
            siblings = [x for x in siblings if x.is_percent]
        return not siblings or _own_place(ab.block.text, sent, q, nsent, siblings)
    if any(
        x.measure is Measure.PEOPLE and not x.sex and within(x.span, nsent) for x in nab.quantities
    ):
        return False  # the next sentence has figures of its own
    if not q.is_percent and nsplit and all(_rate_among_sex(nab.block.text, x) for x in nsplit):
        return False  # rates within each sex split no count ("Arbetslösheten bland kvinnor var …")
    if siblings and _has_split(nab, nsent) and _qualified_for_this(ab.block.text, q, nsent, siblings):
        # (a figure by sex: not "Männen är nästan dubbelt så många som kvinnorna, men kvinnorna
        # finns oftare i osäkra boendelösningar", which only names the sexes)
        return True  # "…, varav drygt 600 inom sfi. Andelen kvinnor bland de studerande i sfi …"
    if any(x.sex and within(x.span, nsent) for x in nab.quantities):
        return False  # its split figures are another figure's
    if not _referenced_table_split(ctx, nab, nsent, q, (ab, sent)):
        return False
    if siblings and _comparison(ab.block.text, sent, q, siblings):
        # "8,4 procent …, jämfört med 9,1 procent 2046. … framgår av tabell 2": the 8,4's
        return False
    if siblings and all(_comparison(ab.block.text, sent, x, [q]) for x in siblings):
        siblings = []  # only what it is compared with beside it
    if siblings:
        # q is one of several: only a pointer that says it splits by sex covers them all
        # ("Totalt svarade 1 512 personer, … 38 procent. Resultaten redovisas uppdelat på kön i
        # tabell 1.")
        return sentence_has_split(nab, nsent)
    names = {p.text.lower() for p in nab.people if within(p, nsent)}
    same = q.unit is not None and any(_same_word(n, q.unit.text.lower()) for n in names)
    by_sex = sentence_has_split(nab, nsent) or _BY_SEX.search(nsent.span.text) is not None
    return same or by_sex


def _split_total(nab: AnnotatedBlock, nsent: Sentence) -> float | None:
    """The sum of a sentence's counts by sex (not rates), when it has two or more and all have a
    value."""
    counts = [x.value for x in nab.quantities if x.sex and not x.is_percent and within(x.span, nsent)]
    if len(counts) < 2 or None in counts:
        return None
    return sum(c for c in counts if c is not None)


_OF_THEM_SHARE = re.compile(r"\bprocent\s+(?:av|bland)\s+(?:dem|dessa)\b", re.IGNORECASE)
_ANAPHOR_OPENING = re.compile(r"\s*(?:av|bland)\s+(?:dem|dessa)\b", re.IGNORECASE)


def _nearer_count(
    text: str,
    sent: Sentence,
    q: Quantity,
    siblings: list[Quantity],
    nab: AnnotatedBlock,
    nsent: Sentence,
) -> bool:
    """A count of people after q in its sentence, not one it is compared with, is what an
    opening "Av dem" refers to, unless the split adds up to q."""
    if q.is_percent:
        return False
    total = _split_total(nab, nsent)
    if total is not None and q.value is not None and abs(total - q.value) <= 1:
        return False
    return any(
        s.measure is Measure.PEOPLE and not s.is_percent and not s.sex
        and s.span.start > q.excerpt.end and not _comparison(text, sent, s, [q])
        and not _changed_from(text, s, [q])
        for s in siblings
    )  # fmt: skip


def _rates_of_own_share(q: Quantity, nab: AnnotatedBlock, nsent: Sentence) -> bool:
    """The next sentence's figures by sex are rates within each sex of a share it gives itself
    ("Av ledarna är 142 yngre än 20 år. Av ledarna har 41 procent gått …, 47 procent av
    kvinnorna och 37 procent av männen"): they split that share, not the count q."""
    if q.is_percent:
        return False
    split = [x for x in nab.quantities if x.sex and within(x.span, nsent)]
    text = nab.block.text
    return bool(split) and all(x.is_percent and _rate_among_sex(text, x) for x in split) and any(
        x.is_percent and not x.sex and within(x.span, nsent) and not _third_category(text, x, split)
        for x in nab.quantities
    )


def _adds_up_to(q: Quantity, nab: AnnotatedBlock, nsent: Sentence, siblings: list[Quantity]) -> bool:
    """The next sentence's counts by sex add up to q and to none of the others."""
    total = _split_total(nab, nsent)
    if total is None or q.value is None or q.is_percent:
        return False
    return abs(total - q.value) <= 1 and not any(
        s.value is not None and abs(total - s.value) <= 1 for s in siblings
    )


def _adds_up_to_another(
    q: Quantity, ab: AnnotatedBlock, sent: Sentence, nab: AnnotatedBlock, nsent: Sentence
) -> bool:
    """The next sentence's counts by sex add up to another count of q's sentence (a bare one
    too: "och 608 svarade"), not to q."""
    total = _split_total(nab, nsent)
    if total is None or q.value is None or q.is_percent or abs(total - q.value) <= 1:
        return False
    return any(
        x is not q and not x.is_percent and not x.sex and x.value is not None
        and abs(total - x.value) <= 1 and within(x.span, sent)
        for x in ab.quantities
    )  # fmt: skip


_WITH_WHAT = re.compile(r"^\s*(?:med|utan)\s+\w+\s+", re.IGNORECASE)
_COORDINATION = frozenset({"och", "resp.", "respektive", "eller", ",", "/", "-", "–", "till"})


def _coordinated(text: str, q: Quantity, o: Quantity) -> bool:
    """ "84 resp. 79 procent för flickor och pojkar": two figures of one split."""
    first, second = (q, o) if q.span.start < o.span.start else (o, q)
    return text[first.span.end : second.span.start].strip() in _COORDINATION


_OF_THE_ONES = re.compile(r"\s*av\s+de\s+(\w+)", re.IGNORECASE)
MIN_VERB = 5


def _named_by_its_verb(text: str, sent: Sentence, q: Quantity, nsent: Sentence) -> bool:
    """The next sentence opens on those who did what q's clause says they did ("Till kommunen
    flyttade 1 412 personer och från kommunen 1 188 personer. Av de inflyttade var 52 procent
    män": the 1 412)."""
    m = _OF_THE_ONES.match(nsent.span.text)
    if m is None:
        return False
    named = m.group(1).lower()
    lead = text[sent.span.start : q.span.start]
    clause = re.split(r"[,;]|\boch\b", lead)[-1]
    return any(len(v) >= MIN_VERB and named.endswith(v) for v in re.findall(r"\w+", clause.lower()))


def _beside(text: str, q: Quantity, o: Quantity) -> bool:
    """Two counts side by side ("23 kvinnor och 31 barn"): another group, not q's total."""
    first, second = (q, o) if q.span.start < o.span.start else (o, q)
    return text[first.excerpt.end : second.span.start].strip() in ("och", "samt")


def _reference_is_anothers(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """ "38 heltidsanställda och 164 i beredskap, varav 10 kvinnor och 154 män (se tabell 1)":
    the table backs the later figure's split, not the figure before it."""
    refs = [p.start for p in phrases(ab, TABLE_REFERENCE) if within(p, sent)]
    if not refs:
        return False
    if max(refs) < q.span.start:
        # "Enkäten besvarades av 1 140 elever (se tabell 1), och svarsfrekvensen var 81
        # procent": the reference stands right after another figure, which it backs
        others = _sentence_figures(ab, sent, q)
        return all(any(o.excerpt.end <= r and _attached(ab, o, r) for o in others) for r in refs)
    if min(refs) < q.span.start:
        return False
    if _changed_from(ab.block.text, q, _sentence_figures(ab, sent, q)):
        return True  # "minskat från 80 procent … till 76 procent (se tabell 2)": the new value's
    return any(
        q.span.end <= o.span.start < min(refs)
        and _split_in_sentence(ab, sent, o)
        for o in _sentence_figures(ab, sent, q)
    )


MAX_ATTACHED_WORDS = 6


def _attached(ab: AnnotatedBlock, o: Quantity, ref: int) -> bool:
    """The pointer at `ref` follows figure o: "61 barn och unga under 21 år (se tabell 1)" —
    the rest of its noun phrase stands between, no other count of people and no clause break."""
    between = ab.block.text[o.excerpt.end : ref].strip(" (,")
    if re.search(r"[,;:]", between) or len(between.split()) > MAX_ATTACHED_WORDS:
        return False
    return not any(
        x.measure is Measure.PEOPLE and o.excerpt.end <= x.span.start < ref for x in ab.quantities
    )


# "Av dem var 61 procent kvinnor", "Av tillståndshavarna är 71 procent kvinnor", "Bland dem med
# nattillsyn är 48 procent kvinnor"
_OF_THEM = re.compile(
    r"\s*(?:av\s+(?:dem|dessa|de\s+\w+|\w+(?:na|en))|bland\s+(?:dem|dessa|de\s+\w+))\b", re.IGNORECASE
)


def _has_split(ab: AnnotatedBlock, sent: Sentence) -> bool:
    return any(q.sex and within(q.span, sent) for q in ab.quantities)


def _sentence_figures(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> list[Quantity]:
    """The other counts of people in q's sentence, not split by sex themselves."""
    return [x for x in people_quantities(ab) if within(x.span, sent) and x.span != q.span]


ROUGH_REACH = 30  # characters from "nästan alla" to the sex term it qualifies

# a new main clause whose subject is one sex: "…, och kvinnorna i den gruppen har …"
_CLAUSE_SUBJECT = re.compile(
    r",\s*(?:och|men|medan)\s+(?:(?:\w+\s+){0,2}?(?:kvinnorna|männen|flickorna|pojkarna)"
    r"|både\s+(?:\w+\s+och\s+)?(?:kvinnor|män|flickor|pojkar|tjejer|killar))\s*$",
    re.IGNORECASE,
)  # (or both sexes: "…, och både flickor och pojkar önskade sms")
# words that give a make-up all the same ("…, och kvinnorna är i majoritet")
_MAKEUP_WORDS = re.compile(
    r"\b(?:fler|färre|flest|majoritet\w*|minoritet\w*|hälften|övervägande|flertalet)\b",
    re.IGNORECASE,
)


def _later_clause(ab: AnnotatedBlock, sent: Sentence, q: Quantity, term: TextSpan) -> bool:
    """The sex term opens a later main clause with no figure of its own, which says something
    of that sex, not how q divides."""
    text = ab.block.text
    if term.start < q.span.end or _CLAUSE_SUBJECT.search(text, q.span.end, term.end) is None:
        return False
    rest = text[term.start : sent.span.end]
    return not _MAKEUP_WORDS.search(rest) and not any(
        within(x.span, sent) and x.span.start > term.start for x in ab.quantities
    )


@cache
def _roughly() -> re.Pattern[str]:
    """A rough quantifier (`context/rough_quantifiers.txt`) right before a word or two."""
    entries = lexicon_lines("context/rough_quantifiers")
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in entries)
    return re.compile(rf"\b(?:{words})\s+(?:\w+\s+)?$", re.IGNORECASE)


def _split_in_sentence(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """The sentence splits this figure by sex, not another figure of it: a split after the
    figure with no other count between ("14 lärare, varav 10 kvinnor och 4 män"), or a split
    before it that no earlier count owns ("Andelen kvinnor bland de 300 anställda")."""
    text = ab.block.text
    # (not a make-up said roughly: "anmälde 46 elever intresse …, nästan alla kvinnor")
    def rough(t: TextSpan) -> bool:
        lo = max(sent.span.start, t.start - ROUGH_REACH)
        return t.start > q.span.end and _roughly().search(text, lo, t.start) is not None

    # (nor the subject of a later clause with no figure: "… arbetar 71 procent inom vård och
    # omsorg, och kvinnorna i den gruppen har oftare tidsbegränsade anställningar")
    # (nor a compound after it that names no group of one sex: "… nio ledamöter, har
    # diskuterat … förslaget om tjejkvällar")
    terms = [
        t.start for t in sex_terms_in(ab, sent)
        if not rough(t) and not _later_clause(ab, sent, q, t)
        and not (t.start >= q.span.end and _names_a_place_or_quality(t.text))
    ]  # fmt: skip
    if not terms:
        return False
    others = [
        o for o in _sentence_figures(ab, sent, q)
        if not _coordinated(ab.block.text, q, o)
        and not _PARTITIVE_TOTAL.fullmatch(ab.block.text, q.span.end, o.span.start)
    ]  # fmt: skip  ("Sex av de sju lärarna är kvinnor": the whole the part is of)
    after = [t for t in terms if t >= q.span.end]
    # "minskade från 8,1 procent till 7,6 procent, 8,6 procent bland kvinnorna …": the split
    # is the new value's
    old_value = _changed_from(ab.block.text, q, _sentence_figures(ab, sent, q))
    if after and not old_value and not any(q.span.end <= o.span.start < after[0] for o in others):
        return not _rates_among_sexes(ab, sent, q)
    if not any(t < q.span.start for t in terms):
        return False
    # (a compound that names no group of one sex is no subject: "Tjejkvällen samlade 35 ungdomar")
    before = [t for t in sex_terms_in(ab, sent) if t.end <= q.span.start and not rough(t)]
    if all(_names_a_place_or_quality(t.text) for t in before):
        return False
    # "14 lärare, varav 10 kvinnor och 4 män, och 3 studiehandledare": counts by sex before
    # the figure, after another count, are that count's split; a sex named before it in any
    # other way is its subject ("männen är knappt en fjärdedel av medarbetarna")
    counted = [
        x for x in ab.quantities if x.sex and within(x.span, sent) and x.span.end <= q.span.start
    ]
    if not counted:
        return True
    last = max(counted, key=lambda x: x.span.end)
    # (past what the last category has: "4 ensamstående män med barn och 10 par")
    gap = _WITH_WHAT.sub("", ab.block.text[last.excerpt.end : q.span.start]).strip()
    if gap in _COORDINATION:
        # "31 kvinnor och 44 barn": two groups side by side, the children unsplit; but "Av
        # hushållen var 69 ensamstående kvinnor, 54 ensamstående män och 41 par": a third
        # category of the same people, with no noun of its own, or the rest ("268 mammor, 139
        # pappor och 5 andra vårdnadshavare")
        first = min(x.span.start for x in counted)
        rest = _REST.match(ab.block.text, q.excerpt.end) is not None
        # (or couples, a household category beside single women and men: "61 ensamstående
        # kvinnor, 63 ensamstående män och 24 sammanboende")
        couples = q.unit is not None and q.unit.text.lower().startswith(_COUPLES)
        return len(counted) >= 2 and (rest or couples or q.unit is not None and q.unit.end <= first)
    if _COMPARED.search(ab.block.text[last.excerpt.end : q.span.start]):
        return False  # "21 procent av kvinnorna och 16 procent av männen, jämfört med 19 procent i riket"
    between = ab.block.text[last.excerpt.end : q.span.start]
    rest = ab.block.text[q.span.end : sent.span.end]
    if _NEW_CLAUSE.search(between) or _NEXT_CLAUSE.match(between) and not _BY_SEX.search(rest):
        # "58 procent av kvinnorna och 71 procent av männen kör bil till arbetet, och 14 procent
        # av de svarande cyklar", "Av barnen var 470 flickor och 490 pojkar, och 210 av dem var
        # under sex år": the split figures are a statement of their own (not a third category:
        # "…, och 4 som inte ville uppge kön")
        return False
    first = min(x.span.start for x in counted)
    return not any(o.span.start < first for o in others)


_INFLECTED = frozenset({"orna", "ornas", "arna", "arnas", "erna", "ernas"})


def _names_a_place_or_quality(term: str) -> bool:
    """A compound on a sex prefix whose head names no group of that sex ("tjejkvällen",
    "kvinnodominerade"), not an inflected sex word ("flickorna") nor a group ("flickgruppen")."""
    word = term.lower()
    rests = [word[len(p) :] for p in lexicon_lines("sex_prefixes") if word.startswith(p)]
    if not rests or any(len(r) < 3 or r in _INFLECTED for r in rests):
        return False
    heads = lexicon_lines("context/sex_group_heads")
    return not any(r.lstrip("-s").startswith(heads) for r in rests)


_REST = re.compile(r"\s+(?:andra|övriga)\b", re.IGNORECASE)
_COUPLES = ("sammanboende", "par", "gifta")
_PARTITIVE_TOTAL = re.compile(r"\s+av\s+(?:de|dessa)\s+", re.IGNORECASE)
_ABOUT_THEM = re.compile(
    # (or a part of them in words: "Flera av de boende har autism …")
    r"\s*(?:(?:flera|många|några|de\s+flesta|alla)\s+)?"
    r"(?:av\s+(?:de|dem|dessa)\b|det\s+motsvarar\b)",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r"\s\w+.*(?:,\s*(?:och|men|medan)\b|;)", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",\s*(?:och|men)\s+$", re.IGNORECASE)
_COUNT_OF = re.compile(r"\d\s+av\s+\d")


def _rates_among_sexes(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """A count followed by shares among each sex of something they did ("besvarades av 612
    elever …, angav 14 procent av flickorna och 29 procent av pojkarna"): another figure."""
    if q.is_percent or _COUNT_OF.search(q.excerpt.text):
        return False  # a share ("151 av 268"), not a count
    later = [x for x in ab.quantities if x.sex and within(x.span, sent) and x.span.start > q.span.end]
    # not "61 procent av deltagarna var kvinnor", the make-up of the count
    return bool(later) and all(_rate_among_sex(ab.block.text, x) for x in later)


_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäö]{2,}\b")



_COMPARED = re.compile(r"jämfört med|jämföra med|jämförelse med|\bmot\b|\bän\b", re.IGNORECASE)


def _segment(text: str, sent: Sentence, q: Quantity, siblings: list[Quantity]) -> tuple[int, int]:
    """The stretch of q's sentence that belongs to q: from the figure before it to the one
    after it ("86 procent av eleverna i årskurs 5 och 78 procent … i årskurs 8")."""
    before = [s.span.end for s in siblings if s.span.end <= q.span.start]
    after = [s.span.start for s in siblings if s.span.start >= q.span.end]
    return max(before, default=sent.span.start), min(after, default=sent.span.end)


_FROM = re.compile(r"\bfrån\s*$", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:[\w/]+\s+){0,3}?till\s*$", re.IGNORECASE)  # "från 80 procent läsåret 2023/24 till"


def _changed_from(text: str, q: Quantity, siblings: list[Quantity]) -> bool:
    """q is the old value of a change ("från 72,8 procent till 74,6 procent")."""
    if not _FROM.search(text[max(0, q.span.start - 8) : q.span.start]):
        return False
    return any(_TO.match(text[q.excerpt.end : s.span.start]) for s in siblings if s.span.start > q.span.start)


def _comparison(text: str, sent: Sentence, q: Quantity, siblings: list[Quantity]) -> bool:
    """q is the figure another is compared with ("jämfört med 9,6 procent 2024")."""
    if not any(s.span.start < q.span.start for s in siblings):
        return False
    start, _ = _segment(text, sent, q, siblings)
    if _COMPARED.search(text[start : q.span.start]) is not None:
        return True
    bracketed = _OPENS_BRACKET.search(text[start : q.span.start]) is not None
    if bracketed and _YEAR_IN_BRACKET.match(text, q.span.end):
        return True  # "Den totala sjukfrånvaron var 7,4 procent (6,9 procent 2051)"
    # a second figure in the same comparison: "jämfört med 84,0 procent året innan och 85,2
    # procent i riket"
    if not _AND_AFTER.search(text[start : q.span.start]):
        return False
    prev = max((x for x in siblings if x.span.end <= start), key=lambda x: x.span.end, default=None)
    return prev is not None and _comparison(text, sent, prev, siblings)


_OPENS_BRACKET = re.compile(r"^\s*\(\s*$")
_YEAR_IN_BRACKET = re.compile(r"[^()]{0,20}?\b(?:19|20)\d\d\s*\)")
_AND_AFTER = re.compile(r"^[^.;:]{0,40}?(?:\boch|\bsamt|,)\s*$", re.IGNORECASE)


_GRADE_WORDS = r"(?:årskurs|åk|klass)"
_GRADE = re.compile(rf"\b{_GRADE_WORDS}\s*\d+", re.IGNORECASE)


def _own_place(
    text: str, sent: Sentence, q: Quantity, nsent: Sentence, siblings: list[Quantity] = ()
) -> bool:
    """With several figures in a sentence, a split in the next one that names a place names
    the figure of that place: "I Nordost är andelen 31 procent, jämfört med 52 procent i
    Centrum. Bland flickorna i Nordost …" splits the 31, not the 52."""
    def qualifiers(t: str) -> set[str]:
        return set(_PROPER.findall(t)) | {g.lower() for g in _GRADE.findall(t)}

    if siblings and _qualified_for_another(text, q, nsent, siblings):
        return False
    names = qualifiers(nsent.span.text) & qualifiers(sent.span.text)
    if not names:
        return True
    start, end = q.span.start - sent.span.start, q.span.end - sent.span.start
    own = sent.span.text
    left = max((m.end() for m in CLAUSE_END.finditer(own, 0, start)), default=0)
    right = next((m.start() for m in CLAUSE_END.finditer(own, end)), len(own))
    if siblings:  # no further than the neighbouring figures
        seg_start, seg_end = _segment(text, sent, q, siblings)
        left = max(left, seg_start - sent.span.start)
        right = min(right, seg_end - sent.span.start)
    segment = own[left:right]
    return any(name in segment or name in segment.lower() for name in names)


def _qualified_for_another(
    text: str, q: Quantity, nsent: Sentence, siblings: list[Quantity]
) -> bool:
    """ "gick 38 procent till arbete och 17 procent till studier. Andelen som gick till arbete
    var 31 procent för kvinnorna …": the next sentence repeats what another figure is of. The
    words between two figures go to the first up to the last "och" or comma, to the second
    after it ("besvarades av 2 661, en svarsfrekvens på 78 procent")."""
    words = _figure_words(text, q, siblings, lead=True)
    theirs = _topics(nsent.span.text, set())
    # (and another figure's own noun, unless it is q's too: "46 procent arbetslösa, … och 9
    # procent föräldralediga. Föräldralediga var 14 procent av kvinnorna …" is the 9's, while
    # "684 hushåll …, jämfört med 702 hushåll 2045. I 401 av hushållen …" is not the 702's)
    noun = _topics(text[q.span.end : q.excerpt.end], set())
    for x in siblings:
        theirs_noun = _topics(text[x.span.end : x.excerpt.end], set())
        words[id(x)] = words[id(x)] | {w for w in theirs_noun if not _shared({w}, noun)}
    if _shared(noun, theirs):
        # its own noun is named too: "… 58 ungdomar och 17 fritidsledare. Av ungdomarna var 39
        # flickor och 19 pojkar, och av fritidsledarna var 11 kvinnor och 6 män"
        return False
    others = any(_shared(words[id(x)], theirs) for x in siblings)
    if _shared(words[id(q)], theirs):
        # (only through the words before the first figure, the predicate of them all, while
        # another figure's own words are named: "Arbetslöshet var det huvudsakliga
        # försörjningshindret för 52 procent …, sjukdom eller ohälsa för 27 procent … Bland
        # kvinnorna var ohälsa ett vanligare försörjningshinder …" is the 27's)
        own = _figure_words(text, q, siblings)[id(q)]
        return others and not _shared(own, theirs)
    return others


def _qualified_for_this(
    text: str, q: Quantity, nsent: Sentence, siblings: list[Quantity]
) -> bool:
    """ "ca 1 450 personer under 2024, varav drygt 600 inom svenska för invandrare. Andelen
    kvinnor bland de studerande i svenska för invandrare är 64 procent": the next sentence
    repeats what q, and no other figure, is of."""
    words = _figure_words(text, q, siblings)
    theirs = _topics(nsent.span.text, set())
    return _shared(words[id(q)], theirs) and not any(_shared(words[id(x)], theirs) for x in siblings)


def _figure_words(
    text: str, q: Quantity, siblings: list[Quantity], lead: bool = False
) -> dict[int, set[str]]:
    """The words that say what each figure of a sentence is of; with `lead`, the words before
    the first figure are the first's when each later figure says what it is of."""
    figures = sorted(siblings + [q], key=lambda x: x.span.start)
    words: dict[int, set[str]] = {id(x): set() for x in figures}
    for first, second in itertools.pairwise(figures):
        gap = text[first.excerpt.end : second.span.start]
        cut = max((m.end() for m in _JOIN.finditer(gap)), default=0)
        words[id(first)] |= _topics(gap[:cut], set())
        words[id(second)] |= _topics(gap[cut:], set())
    last = figures[-1]
    tail = text[last.excerpt.end : last.excerpt.end + QUALIFIER_REACH]
    words[id(last)] |= _topics(re.split(r"[.!?;]\s", tail)[0], set())
    if lead and all(words[id(x)] for x in figures[1:]):
        # each later figure says what it is of, so the words before the first are the first's:
        # "Av dem gick eller cyklade 58 procent till skolan, och 21 procent skjutsades med bil"
        first = figures[0]
        before = text[max(0, first.span.start - QUALIFIER_REACH) : first.span.start]
        words[id(first)] |= _topics(re.split(r"[.!?;]\s", before)[-1], set())
    return words


_JOIN = re.compile(r"\boch\b|\bsamt\b|,")
QUALIFIER_REACH = 40  # characters after the last figure that say what it is of


def _splits_same_figure(
    q: Quantity, nab: AnnotatedBlock, nsent: Sentence, siblings: list[Quantity] = (), own_text: str = ""
) -> bool:
    """The next sentence gives this figure's split, not another figure's: it continues it
    ("Av dessa är …", "varav …"), its split adds up to it, or it names the same people.
    `siblings` are the other counts of q's sentence: a split that adds up to one of them is
    that one's ("ökade från 312 till 348. Av dessa var 221 kvinnor och 127 män")."""
    split = [x for x in nab.quantities if x.sex and within(x.span, nsent)]
    if not split or not sentence_has_split(nab, nsent):
        return False
    if not q.is_percent and all(x.is_percent for x in split) and any(
        x.is_percent and not x.sex and within(x.span, nsent)
        and not _third_category(nab.block.text, x, split)  # "… och 2 procent angav ett annat kön"
        for x in nab.quantities
    ):
        # "svarade 2 046 invånare. Av dem reste 54 procent med bil …, 47 procent av kvinnorna
        # och 61 procent av männen": the split is the share's, not the count's
        return False
    if not q.is_percent and all(_rate_among_sex(nab.block.text, x) for x in split):
        # "träffade 402 elever. Av dem uppgav 38 procent av flickorna och 51 procent av
        # pojkarna att …": a rate within each sex, not the make-up of the 402
        return False
    counts = [x.value for x in split if x.value is not None and not x.is_percent]
    if q.is_percent and len(counts) >= 2 and len(counts) == len(split) and any(
        s.value is not None and not s.is_percent and abs(sum(counts) - s.value) <= 1
        for s in siblings
    ):
        # "187 tillsvidareanställda …, och personalomsättningen var 8,6 procent. Av dem som
        # slutade var 151 kvinnor och 36 män": counts that add up to the count beside the rate
        return False
    if len(counts) >= 2 and not q.is_percent and q.value is not None:
        total = sum(counts)
        if abs(total - q.value) > 1 and any(
            s.value is not None and not s.is_percent and abs(total - s.value) <= 1 for s in siblings
        ):
            return False
    own = [  # a figure of its own that the split belongs to ("38 personer …, varav 31 män"),
        # or another group counted beside it ("tog emot 21 kvinnor och 26 barn"), not q named
        # again ("Av de 64 hushållen var 38 ensamstående kvinnor …")
        x
        for x in nab.quantities
        if x.measure is Measure.PEOPLE
        and not x.sex
        and not x.limit
        and within(x.span, nsent)
        and not (x.is_percent and _third_category(nab.block.text, x, split))
        and not _named_again(q, x)
    ]
    after = all(t.span.start > min(x.span.start for x in split) for t in own)
    if counts and q.value is not None and not q.is_percent and own and after and abs(
        sum(counts) + sum(t.value or 0 for t in own) - q.value
    ) <= 1:
        # "Av dem var 689 tjejer och 641 killar, medan 18 personer angav …" (the other category
        # after the split, not the staff before it: "väntade 12 personer …. ¶ … bemannas av sex
        # undersköterskor och en arbetsterapeut, sex kvinnor och en man")
        return True
    # (within one for rounding when two or more add up; a one-sex part must be the whole: "sex
    # lärare och nio studenter. Av studenterna är sju kvinnor" is not the teachers')
    slack = 1 if len(counts) >= 2 else 0
    adds_up = q.value is not None and not q.is_percent and bool(counts) and abs(sum(counts) - q.value) <= slack
    if adds_up and len(counts) >= 2 and all(t.span.start > max(x.span.end for x in split) for t in own):
        return True  # "960 barn. Av barnen var 470 flickor och 490 pojkar, och 210 av dem …"
    if any(t.is_percent != q.is_percent or t.value != q.value for t in own):
        # "… 94 personer. Under 2023 bodde 38 personer där, varav 31 män …"; "tog emot 64
        # nyanlända elever. Andelen elever som nådde kunskapskraven var 71 procent, 76 procent
        # bland flickorna …"
        return False
    first = min(x.span.start for x in split)
    if any(
        x.value is not None and x.value != q.value and not x.sex and within(x.span, nsent)
        and _VARAV_GAP.match(nab.block.text[x.excerpt.end : first])
        for x in nab.quantities
    ):
        return False  # "Socialsekreterarna … är 22, varav 19 kvinnor och 3 män": the 22's split
    if adds_up and len(counts) >= 2:
        return True  # "212 tillståndshavare … Bland dem som gjorde fler än 100 resor var 96 kvinnor och 116 män"
    if any(
        x.measure in (Measure.OBJECT, Measure.ORGANISATION) and x.span.start < first
        for x in nab.quantities
        if within(x.span, nsent)
    ):
        return False  # "… 148 600 deltagartillfällen i 74 föreningar, varav 41 procent för flickor"
    if _another_group(nab, nsent, own_text):
        return False  # "Arbetslösheten var 7,8 procent …. Bland utrikes födda var arbetslösheten …"
    # "… hade 38 procent berättat det för en vuxen. I årskurs 8 uppgav 11 procent av flickorna …"
    subgroup = _SUBGROUP_OPENING.match(nsent.span.text) or (
        _GRADE_OPENING.match(nsent.span.text) and not _GRADE.search(own_text)
    )
    if q.is_percent and subgroup and all(_rate_among_sex(nab.block.text, x) for x in split):
        # "… var 91 procent. Bland dem som arbetade i park … angav 27 procent av tjejerna …": the
        # rates of a subgroup, another figure
        return False
    if has_phrase(nab, FOLLOWUP, nsent):
        return True
    if adds_up:
        return True
    # people named, not a rate noun ("Nöjdheten var 86 procent bland kvinnorna …" names no group)
    rates = {t.idx for t in nab.doc if t._.jam_rate} if nab.doc is not None else set()
    others = [
        p.text.lower() for p in nab.people
        if within(p, nsent) and not _subgroup(nab, p, q) and p.start not in rates
        and not _SHARE_OF.search(nab.block.text[max(0, p.start - 10) : p.start])
    ]  # fmt: skip  ("Bland männen är andelen ensamboende 88 procent": the measure, not a group)
    if q.unit is not None and any(_same_word(o, q.unit.text.lower()) for o in others):
        return True
    text = nab.block.text
    if not q.is_percent and not others and all(
        x.is_percent and x.unit is not None and _SHARE_OF.search(text[max(0, x.unit.start - 10) : x.unit.start])
        for x in split
    ):
        return True  # "… 2 640 medarbetare. Andelen kvinnor var 79 procent och andelen män 21 procent."
    # a rate split by sex with no other group named: "ökar med 38 procent. Bland kvinnorna är
    # ökningen 31 procent och bland männen 49 procent."
    # …unless the next sentence reports an answer ("en svarsfrekvens på 86 procent. I årskurs 8
    # uppgav 41 procent av flickorna …" is another figure)
    said = set(lexicon_lines("context/speech_verbs"))
    answers = any(w in said for w in re.findall(r"\w+", nsent.span.text.lower()))
    # …but the same measure said again is no other answer ("Andelen … som arbetar heltid var 71
    # procent … Bland kvinnorna arbetade 67 procent heltid …"); answering itself is no measure
    # (the sexes named in both are no measure: "1 366 kvinnor … av kvinnorna")
    sexes = {t.text.lower() for t in sex_terms_in(nab, nsent)}
    measure = _shared(_topics(own_text, set()), _topics(nsent.span.text, sexes)) - {"svarande"}
    # (a short word too, when it names the share: "71 procent … var nöjda. Andelen nöjda var 74
    # procent bland de kvinnor som svarade …")
    named = _NAMED_SHARE.match(nsent.span.text)
    if named and any(_same_word(named.group(1).lower(), w) for w in re.findall(r"\w+", own_text.lower())):
        measure.add(named.group(1).lower())
    # …and a share the next sentence defines for itself is another measure ("Svarsfrekvensen var
    # 74 procent. Andelen som läser böcker på fritiden … var 58 procent bland flickorna …")
    answers = (answers or _DEFINED_SHARE.match(nsent.span.text) is not None) and not measure
    # (a response rate is no measure the next sentence's answers share: "… besvarade 204
    # ungdomar en digital enkät, vilket motsvarar en svarsfrekvens på 65 procent. Andelen som var
    # nöjda med sin praktik var 88 procent bland flickorna …")
    answers = answers or _response_rate(own_text, q) and not _RESPONDENTS.search(nsent.span.text)
    # (a rate noun of another measure: "Personalomsättningen var 9,8 procent. Sjukfrånvaron var
    # 7,9 procent för kvinnor och 4,6 procent för män.")
    their_rates = [
        t.lower_ for t in nab.doc or ()
        if t._.jam_rate and nsent.span.start <= t.idx < nsent.span.end
    ]  # fmt: skip
    own_rate = q.unit.text.lower() if q.unit is not None else ""
    if not any(r.lstrip("=") in own_rate for r in lexicon_lines("rate_nouns")):
        own_rate = ""  # the unit is a people noun ("71 procent av brukarna"), not a rate
    other_measure = bool(own_rate and their_rates) and not any(
        _same_word(own_rate, r) for r in their_rates
    )
    return (
        not other_measure
        and q.is_percent
        and len(split) >= 2
        and all(x.is_percent for x in split)
        and not others
        and not answers
    )


def _response_rate(text: str, q: Quantity) -> bool:
    """q is the response rate: "en svarsfrekvens på 65 procent", "Svarsfrekvensen var 74
    procent"."""
    return bool(q.is_percent) and re.search(
        rf"svarsfrekvens\w*\s+(?:på|var|blev|är)\s+(?:\w+\s+)?{re.escape(q.span.text)}",
        text,
        re.IGNORECASE,
    ) is not None


_OTHER_SEX = re.compile(r"\b(?:annat|inget|okänt)\s+kön\b|\bicke-binär|\bkön\b", re.IGNORECASE)


def _named_again(q: Quantity, x: Quantity) -> bool:
    """x is q again, the same value of the same people ("64 hushåll" … "Av de 64 hushållen")."""
    if q.is_percent or x.is_percent or q.value is None or x.value != q.value:
        return False
    return q.unit is not None and x.unit is not None and _same_word(q.unit.text.lower(), x.unit.text.lower())


def _third_category(text: str, x: Quantity, split: list[Quantity]) -> bool:
    """A rate among those who gave another sex or none, after the rates by sex ("bland
    pojkarna 89 procent och bland dem som angav annat kön 58 procent")."""
    before = [s for s in split if s.span.end <= x.span.start]
    if not before:
        return False
    last = max(before, key=lambda s: s.span.end)
    if _OTHER_SEX.search(text, last.excerpt.end, x.span.start) is not None:
        return True
    # "… 27 procent tjejer och 2 procent angav ett annat kön"
    return _OTHER_SEX.search(text, x.excerpt.end, min(len(text), x.excerpt.end + THIRD_REACH)) is not None


THIRD_REACH = 25  # characters after a figure that may say it is of another sex


_AMONG_GROUP = re.compile(r"\s*bland\s+(?!de\b|dem\b|dessa\b|alla\b|samtliga\b)(\w+)", re.IGNORECASE)


def _another_group(nab: AnnotatedBlock, nsent: Sentence, own_text: str) -> bool:
    """The next sentence opens on a group of its own, not a sex and not named in q's sentence
    ("Bland utrikes födda var arbetslösheten 21,4 procent för kvinnor …")."""
    m = _AMONG_GROUP.match(nsent.span.text)
    if m is None or not own_text:
        return False
    start = nsent.span.start + m.start(1)
    if any(t.start <= start < t.end for t in nab.sex_terms):
        return False  # "Bland kvinnorna var andelen …"
    word = m.group(1).lower()
    return not any(_same_word(word, w) for w in re.findall(r"\w+", own_text.lower()))


_SUBGROUP_OPENING = re.compile(r"\s*(?:bland|av)\s+(?:dem|de)\s+som\b", re.IGNORECASE)
_GRADE_OPENING = re.compile(rf"\s*i\s+{_GRADE_WORDS}\s*\d", re.IGNORECASE)
_NAMED_SHARE = re.compile(r"\s*andelen\s+(?!som\b|av\b|bland\b)(\w+)", re.IGNORECASE)
_DEFINED_SHARE = re.compile(r"\s*andelen\s+(?:\w+\s+){0,3}?som\b", re.IGNORECASE)
_BOUND_AFTER = re.compile(r"\s*(?:än\s+)?(?:ca\s+|cirka\s+)?\d")
_SHARE_OF = re.compile(r"\bandel(?:en)?\s+$", re.IGNORECASE)
_VARAV_GAP = re.compile(r"\s*,?\s*varav\s*$", re.IGNORECASE)
_AMONG_BEFORE = re.compile(r"\b(?:av|bland|för)\s+(?:de\s+)?$", re.IGNORECASE)


def _rate_among_sex(text: str, x: Quantity) -> bool:
    """ "38 procent av flickorna", "7,1 procent bland kvinnorna": a rate within one sex, not
    the make-up of a group ("61 procent av deltagarna var kvinnor", "64 procent kvinnor")."""
    if not (x.sex and x.is_percent and x.unit is not None):
        return False
    if _AMONG_BEFORE.search(text[x.excerpt.start : x.unit.start]) is not None:
        return _sex_kind([x.unit]) is not None  # the word after "av" names a sex
    # the sex named before the figure: "Arbetslösheten bland kvinnor var 7,6 procent och bland
    # män 8,7 procent"
    m = _AMONG_WORD_BEFORE.search(text[max(0, x.span.start - 40) : x.span.start])
    return m is not None and _sex_kind([TextSpan(0, 0, m.group(1))]) is not None


def _makeup_share(text: str, x: Quantity) -> bool:
    """ "57 procent flickor och 43 procent pojkar": the make-up of a group in shares, which a
    comparison of counts comments as well as one of counts ("pojkarna är färre än
    flickorna")."""
    if not (x.sex and x.is_percent):
        return False
    if _OF_THEM_WERE.match(text, x.span.end):
        return True  # "68 procent av dem var flickor": the sex after "av dem var"
    return (
        x.unit is not None and x.span.end <= x.unit.start
        and not text[x.span.end : x.unit.start].strip()
    )  # fmt: skip


_OF_THEM_WERE = re.compile(r"\s+av\s+(?:dem|dessa)\s+(?:var|är)\s+\w", re.IGNORECASE)


# "bland kvinnor var", "bland män": a word after "bland/för/hos" right before a figure
_AMONG_WORD_BEFORE = re.compile(
    r"\b(?:bland|för|hos)\s+(?:de\s+)?(\w+)(?:\s+\w+)?\s*$", re.IGNORECASE
)


# the make-up of a group named before: "Av de svarande var 58 procent kvinnor, 40 procent män …"
_COMPOSITION = re.compile(
    r"\s*av\s+(?:de|dessa|dem)(?:\s+\w+)?\s+(?:var|är)\s+(?:\w+\s+){0,2}?(?=\d)", re.IGNORECASE
)
_OPENING_OF = re.compile(r"\s*av\s+(\w+(?:na|en))\b", re.IGNORECASE)


def _referenced_captions(ctx: RuleContext, sent: Sentence) -> str:
    """The captions of the tables a sentence names by number ("(se tabell 1)")."""
    return " ".join(_caption_text(ctx, b) for b in _named_tables(ctx, sent))


def _partitive_of_same(
    sent: Sentence, nab: AnnotatedBlock, nsent: Sentence, q: Quantity, captions: str = ""
) -> bool:
    """ "1 286 personer hade tillstånd till färdtjänst. Av tillståndshavarna är 71 procent
    kvinnor.": the next sentence opens on the same people, named by what the first says of
    them (or by the caption of the table it points to: "kom 46 ungdomar per kväll (se tabell
    1)" … "Tabell 1. Besökare per kväll" … "Av besökarna var 81 procent pojkar"), and gives
    their split."""
    if not sentence_has_split(nab, nsent):
        return False
    m = _COMPOSITION.match(nsent.span.text)
    split = [x for x in nab.quantities if x.sex and within(x.span, nsent)]
    counts = [x.value for x in split if not x.is_percent and x.value is not None]
    if counts and not q.is_percent and q.value is not None and abs(sum(counts) - q.value) > 1:
        m = None  # "en enkät till 70 vårdnadshavare …, och 48 svarade. Av de svarande var 39 mammor …"
    if m and any(  # … whose first figure is by sex ("71 procent mammor och 27 procent pappor")
        x.span.start == nsent.span.start + m.end() and not _rate_among_sex(nab.block.text, x)
        for x in split
    ):
        return True  # "Webbenkäten besvarades av 784 personer. Av de svarande var 58 procent kvinnor …"
    m = _OPENING_OF.match(nsent.span.text)
    if not m:
        return False
    noun = m.group(1).lower()
    stem = noun[:PARTITIVE_STEM]
    words = re.findall(r"\w+", f"{sent.span.text} {captions}".lower())
    if stem.startswith(_VISITORS) and any(w in lexicon_lines("context/visit_verbs") for w in words):
        return True  # "kom 83 ungdomar per kväll till gårdarna. Av besökarna var …"
    if len(stem) == PARTITIVE_STEM and any(w.startswith(stem) for w in words):
        return True
    return _compound_of_same(noun, q, words)


def _compound_of_same(noun: str, q: Quantity, words: list[str]) -> bool:
    """ "Kvällskurserna hade 214 elever … Av kvällseleverna var …": the opening's noun is q's
    people noun under a first part the first sentence names."""
    if q.unit is None:
        return False
    unit = q.unit.text.lower()
    for cut in range(3, len(noun) - 3):
        head, first = noun[cut:], noun[:cut].removesuffix("s")
        if _same_word(head, unit) and len(first) >= 3:
            return any(w.startswith(first) and w != noun for w in words)
    return False


_VISITORS = "besökar"


PARTITIVE_STEM = 7


def _subgroup(nab: AnnotatedBlock, person: TextSpan, q: Quantity) -> bool:
    """ "Av vårdnadshavarna arbetar 71 procent … Bland de ensamstående vårdnadshavarna finns 24
    kvinnor och 3 män": a qualifier before the people word names a part of them."""
    words = re.findall(r"\w+", nab.block.text[max(0, person.start - 25) : person.start])
    if not words:
        return False
    qualifier = words[-1].lower()
    if qualifier in lexicon_lines("context/determiners") or not qualifier.endswith(("a", "e")):
        return False
    if q.unit is None or qualifier not in q.excerpt.text.lower():
        return True
    # q's own qualifier names q again ("58 feriearbetande ungdomar … Av de feriearbetande
    # ungdomarna var 39 flickor"), unless a qualifier after the word makes a part ("244 inskrivna
    # elever … Av de inskrivna eleverna i årskurs 4–6 är 31 flickor")
    return _QUALIFIED_AFTER.match(nab.block.text, person.end) is not None


_QUALIFIED_AFTER = re.compile(r"\s+(?:i|som|med|från|under|över|utan)\b", re.IGNORECASE)


def _same_word(a: str, b: str) -> bool:
    """Two forms of one noun, by their first letters ("barn" and "barnen", "elever" and
    "eleverna")."""
    n = min(5, len(a), len(b))
    return n >= 3 and a[:n] == b[:n]


def _key(q: Quantity) -> tuple[float | None, str]:
    return q.value, q.unit.text.lower()[:5] if q.unit is not None else ""


def _decided(q: Quantity, decided: set[tuple[float | None, str]]) -> bool:
    """The count names a figure the proposal decides again, by its word or by the head of the
    decided compound ("två arbetsmarknadskonsulenter" … "Två nya konsulenter")."""
    if q.unit is None:
        return False
    own = q.unit.text.lower()
    word = _stem(own)
    return any(
        value == q.value and (unit[:5] == own[:5] or len(word) >= MIN_STEM + 2 and word in unit)
        for value, unit in decided
    )


def _decided_keys(ctx: RuleContext) -> set[tuple[float | None, str]]:
    """Figures of people in the points the proposal decides ("- en gemensam
    skolbiblioteksorganisation med fem skolbibliotekarier inrättas"): named again elsewhere,
    they are the plan, not a count (the whole word, for `_decided`)."""
    doc = ctx.document
    return {
        (q.value, q.unit.text.lower())
        for ab in ctx.blocks
        if ab.block.kind is BlockKind.LIST_ITEM
        and in_sections_of_kind(doc, ab.block, (SectionKind.PROPOSAL,))
        for q in ab.quantities
        if q.measure is Measure.PEOPLE
        and q.unit is not None and q.value is not None and not q.sex
    }  # fmt: skip


_THE = re.compile(r"\b(?:de|dessa)\s+$", re.IGNORECASE)


def _definite_repeat(ctx: RuleContext, ab: AnnotatedBlock, q: Quantity) -> bool:
    """ "I de 46 hushållen med sociala kontrakt bor 58 barn", "De två handledarna kostar 1,3
    miljoner kronor": a definite group of a number named earlier in the document is that
    group again, counted (or planned) there."""
    if q.value is None or q.unit is None or not q.unit.text.lower().endswith(("na", "en")):
        return False
    if not _THE.search(ab.block.text[max(0, q.span.start - 8) : q.span.start]):
        return False
    for other in ctx.blocks:
        if other.block.index > ab.block.index:
            break
        for o in other.quantities:
            if other.block.index == ab.block.index and o.span.start >= q.span.start:
                break
            if o.value != q.value or o.sex:
                continue
            if other.block.index == ab.block.index:
                return True  # "14 avhysningar … I de 14 hushållen som avhystes fanns 9 barn"
            if o.measure is Measure.PEOPLE and o.unit is not None and (
                _same_word(o.unit.text.lower(), q.unit.text.lower())
                or o.unit.text.lower().startswith(("person", "individ"))
            ):
                # "64 barn, varav …" … "till de 64 barnen"; "214 personer …" … "Av de 214
                # brukarna"
                return True
    return False


def _repeats_a_norm(
    q: Quantity, sent: Sentence, norms: set[tuple[float | None, str]], text: str
) -> bool:
    """A norm's figure named again as the subject that opens a sentence ("Tre röstmottagare gör
    det lättare …"); an observation of the same number ("I dag går 25 elever i klassen") is no
    repetition of "högst 25 elever"."""
    if _key(q) not in norms:
        return False
    # or the same staffing of a shift: "Varje natt arbetar tre undersköterskor …" … "bedömer att
    # tre undersköterskor per natt inte räcker"
    return q.span.start == sent.span.start or _per_shift().match(text, q.excerpt.end) is not None


@cache
def _per_shift() -> re.Pattern[str]:
    times = "|".join(map(re.escape, lexicon_lines("context/shift_times")))
    return re.compile(rf"\s+per\s+(?:{times})\b", re.IGNORECASE)


_OF_THE = re.compile(r"\bav\s+(?:de|dessa)\s+$", re.IGNORECASE)


def _names_an_earlier_group(ctx: RuleContext, ab: AnnotatedBlock, q: Quantity) -> bool:
    """ "Under 2025 deltog 74 personer … Av de 74 deltagarna fick 47 anställning": the
    partitive names a group counted before in the same part (and judged there), it counts
    nothing new."""
    if q.value is None or not _OF_THE.search(ab.block.text[max(0, q.span.start - 12) : q.span.start]):
        return False
    for other in ctx.blocks:
        if other.block.index > ab.block.index:
            break
        if other.block.section != ab.block.section:
            continue  # a number that recurs in another part of the document is another group
        for o in people_quantities(other):
            if o.value != q.value or o.sex or (
                other.block.index == ab.block.index and o.span.start >= q.span.start
            ):
                continue
            return True  # flagged there when it is not split: one group, one finding
    # or a figure of a table of people earlier in the part ("15 av de 20 ungdomarna på HVB"
    # after a table whose HVB row holds 20)
    for table, label, _split in people_tables(ctx):
        if label is None or table.index > ab.block.index or table.section != ab.block.section:
            continue
        body = table.table.rows[table.table.header_rows :]
        if any(_value_of(c) == q.value for row in body for c in row[1:]):
            return True
    return False


# (or staff a later clause says the decision changes for: "Hallarna bemannas kvällstid av fyra
# hallvärdar, som efter beslutet slutar kl. 21": those there are now)
_TODAY = re.compile(
    r"\b(?:i\s*dag|idag|för\s+närvarande|just\s+nu|som\s+efter\s+beslutet)\b", re.IGNORECASE
)
_STAFFED_BY = re.compile(r"\b(\w+)\s+(?:av|med)\s+(?:en\s+\w+\s+och\s+)?$", re.IGNORECASE)


# a definite subject with an adjective: "Den samlokaliserade verksamheten", "Det nya teamet"
_SUBJECT_PHRASE = re.compile(r"\s*(?:den|det|de)\s+\w+\s+\w+(?:en|et|na)\b", re.IGNORECASE)
_PROPOSED_WHERE = re.compile(r"\bföreslår\b[^.]*\bdär\s+$", re.IGNORECASE)
_RUNS = re.compile(r"\s+\w+\s+ansvarar\s+för\b", re.IGNORECASE)


# the heading of the section that describes what is proposed (not the decision's own points)
_PROPOSAL_TITLE = re.compile(r"\s*(?:förslaget|förslagets\s+innehåll|beskrivning\s+av\s+förslaget)\b", re.IGNORECASE)


def _of_adults(kind: str | None, ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A comment on women and men, for figures of girls and boys."""
    return kind == "child" and _sex_kind(sex_terms_in(ab, sent)) == "adult"


def _after_staffing_norm(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """The sentence before q's names a norm for the same staff ("ska bemannas med sex
    undersköterskor"), which q's sentence goes on to divide."""
    before = [x for x in ab.sentences if x.span.end <= sent.span.start]
    if not before or q.unit is None:
        return False
    stem = _stem(q.unit.text.lower())
    return any(
        x.limit and x.unit is not None and _stem(x.unit.text.lower()) == stem
        and within(x.span, before[-1])
        for x in ab.quantities
    )  # fmt: skip


def _staff_of_new_unit(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """The staff of a unit or service the proposal creates ("- inrätta en kommungemensam
    bemanningsenhet" … "Enheten leds av en enhetschef och två bemanningsplanerare"), of the
    service described under "Förslaget" or in the office's assessment, or of an organisation the
    office proposes ("… föreslår en gemensam nattorganisation där två undersköterskor …"): the
    plan."""
    before = ab.block.text[sent.span.start : q.span.start]
    m = _STAFFED_BY.search(before)
    passives = lexicon_lines("context/staffing_passives")
    staffed = m is not None and m.group(1).lower().startswith(passives)
    section = ab.block.section
    staff = q.unit is not None and _is_staff(q.unit.text.lower())
    proposal = section is not None and _PROPOSAL_TITLE.match(ctx.document.sections[section].title)
    # (under "Förslaget", staff listed after the verb: "Fritidshemmet bemannas efter närvaron,
    # med tolv medarbetare mellan 13.30 och 16.30, fyra medarbetare mellan …")
    words = re.findall(r"\w+", before)
    staffed = staffed or bool(
        proposal and staff and any(w.lower().startswith(passives) for w in words)
    )
    if staff and _PROPOSED_WHERE.search(before):
        # "Förvaltningen föreslår en gemensam nattorganisation där två undersköterskor bildar …"
        return True
    if staff and proposal and _after_staffing_norm(ab, sent, q):
        # under "Förslaget": "… ska bemannas med sex undersköterskor … per natt. Fyra
        # undersköterskor arbetar på boendena och två bildar ett rörligt team."
        return True
    # "där två medarbetare ansvarar för verksamheten fram till stängning": who runs it
    runs = staff and _RUNS.match(ab.block.text, q.span.end) is not None
    if not staffed and not runs:
        return False
    if proposal:
        # under "Förslaget": "Kvällsstödet bemannas av fyra boendestödjare …" (not the staff
        # there are: "… av fyra hallvärdar, som efter beslutet slutar kl. 22.30")
        return _TODAY.search(sent.span.text) is None
    if in_sections_of_kind(ctx.document, ab.block, (SectionKind.ASSESSMENT,)) and not _TODAY.search(
        sent.span.text
    ):
        return True  # in the office's assessment of the proposal, not "bemannas i dag av …"
    # the unit the decision itself names ("- den samlokaliserade verksamheten bemannas enligt
    # förvaltningens förslag" ↔ "Den samlokaliserade verksamheten bemannas med tio handledare")
    opening = _SUBJECT_PHRASE.match(sent.span.text)
    if opening is not None and _TODAY.search(sent.span.text) is None and any(
        opening.group(0).strip().lower() in b.block.text.lower()
        for b in ctx.blocks
        if in_sections_of_kind(ctx.document, b.block, (SectionKind.PROPOSAL,))
    ):
        return True
    first = re.match(r"\s*(\w+)", sent.span.text)
    if first is None:
        return False
    subject = _stem(first.group(1).lower())
    if len(subject) < MIN_STEM:
        return False
    return any(w.endswith(subject) or _same_topic(w, subject) for w in _created(ctx))


def _created(ctx: RuleContext) -> list[str]:
    """The words after a creating verb in the proposal ("starta ett stödprogram för barn")."""

    def find() -> list[str]:
        verbs = set(lexicon_lines("context/create_verbs"))
        out: list[str] = []
        for b in ctx.blocks:
            if not in_sections_of_kind(ctx.document, b.block, (SectionKind.PROPOSAL,)):
                continue
            words = re.findall(r"\w+", b.block.text.lower())
            for i, w in enumerate(words):
                if w in verbs:
                    out += words[i + 1 : i + 5]
        return out

    return ctx.memo("created_units", find)


def _part_of_organisations(ctx: RuleContext, ab: AnnotatedBlock, q: Quantity) -> bool:
    """ "… 46 fastighetsägare, de flesta bostadsrättsföreningar … representanter för 29 av
    fastighetsägarna": a part of a group judged earlier in the part to be organisations."""
    unit = q.unit.text.lower() if q.unit is not None else ""
    if not unit.endswith(("na", "en")) or not _OF_BEFORE.search(ab.block.text[: q.unit.start]):
        return False
    lemma = lemma_at(ab, q.unit.start) or unit
    return any(
        o.measure is Measure.ORGANISATION and o.unit is not None
        and (lemma_at(other, o.unit.start) or o.unit.text.lower()) == lemma  # not "företag"
        and (other.block.index < ab.block.index or o.span.start < q.span.start)
        for other in ctx.blocks[: ab.block.index + 1]
        if other.block.section == ab.block.section
        for o in other.quantities
    )  # fmt: skip


_OF_BEFORE = re.compile(r"\bav\s+$", re.IGNORECASE)


def _value_of(cell: str) -> float | None:
    """"20", "1 240": a table cell's number."""
    text = re.sub(r"[\s\u00a0\u2009\u202f]", "", cell)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _norm_keys(ctx: RuleContext) -> set[tuple[float | None, str]]:
    """Figures the document states as a norm or limit ("ska finnas minst tre röstmottagare"):
    the same figure repeated later is the norm again, not a count."""
    return {
        _key(q) for ab in ctx.blocks for q in ab.quantities
        if q.limit and q.unit is not None and q.value is not None
    }  # fmt: skip


class PeopleStatistic(Check):
    """JAM201: a number about people in running text with no breakdown by sex."""

    requires = ("quantities", "sentences", "sex_terms", "phrases")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        doc = ctx.document
        norms = _norm_keys(ctx)
        decided = _decided_keys(ctx)
        for ab in ctx.blocks:
            if not is_statement_block(doc, ab.block):
                continue
            for q in people_quantities(ab):
                sent = ab.sentence_at(q.span.start)
                if sent is not None and _repeats_a_norm(q, sent, norms, ab.block.text):
                    continue  # "Tre röstmottagare gör det lättare …"
                if _decided(q, decided):
                    continue  # "fem skolbibliotekarier" again in the assessment: the plan
                if sent is None or has_phrase(ab, SUPPRESSION, sent):
                    continue  # "grupper med färre än fem personer redovisas inte": a rule
                if disaggregated(ctx, ab, sent, q):
                    continue
                if _names_an_earlier_group(ctx, ab, q) or _definite_repeat(ctx, ab, q):
                    continue  # "Av de 74 deltagarna fick 47 anställning …"
                if _staff_of_new_unit(ctx, ab, sent, q):
                    continue  # "Enheten leds av … två bemanningsplanerare" after "inrätta en … enhet"
                if _part_of_organisations(ctx, ab, q):
                    continue  # "29 av fastighetsägarna" after "46 fastighetsägare, de flesta brf"
                if _breakdown_of_split_total(ab, sent, q):
                    continue  # "fem medarbetare, fyra kvinnor och en man: två kuratorer, …"
                yield Hit(block=ab.block.index, start=q.excerpt.start, end=q.excerpt.end)


def _breakdown_of_split_total(ab: AnnotatedBlock, sent: Sentence, q: Quantity) -> bool:
    """Counts after a colon that add up to a total split by sex before it ("fem medarbetare,
    fyra kvinnor och en man: två specialpedagoger, två kuratorer och en socialpedagog"): the
    same people by another category, whose split is given."""
    text = ab.block.text
    colon = text.rfind(":", sent.span.start, q.span.start)
    if colon < 0 or q.value is None:
        return False
    before = [x for x in ab.quantities if within(x.span, sent) and x.span.end <= colon]
    split = [x for x in before if x.sex and not x.is_percent]
    totals = [
        x for x in before
        if not x.sex and not x.is_percent and x.measure is Measure.PEOPLE and x.value is not None
        and split and x.span.end <= split[0].span.start
    ]  # fmt: skip
    parts = [
        x for x in ab.quantities
        if within(x.span, sent) and x.span.start > colon and x.measure is Measure.PEOPLE
        and not x.sex and not x.is_percent
    ]  # fmt: skip
    if not totals or any(x.value is None for x in parts):
        return False
    # (within one: "en socialpedagog" is no figure)
    return 0 <= (totals[-1].value or 0) - sum(x.value or 0 for x in parts) <= 1


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
            i
            for i, cell in enumerate(table.rows[0] if table.header_rows else ())
            if MONEY_HEADER.search(cell)
        }
        if _money_caption(ctx, block):
            # "Tabell 1. Taxor, kronor per timme": the rows are amounts; a column headed by
            # people ("Antal medlemmar") still counts them
            money_cols = set(range(table.n_cols))
        # "Anmälare | Antal anmälningar": the rows name people, but the numbers count things
        things = _counts_things_only(ctx, block)
        label = None
        for cell in table_label_cells(ctx, block):
            if not _names_people(ctx.blocks[cell.index]) or MONEY_HEADER.search(cell.text):
                continue
            if cell.is_header:
                in_money = cell.col in money_cols and _money_caption(ctx, block)
                if in_money and not _counts_people(cell.text):
                    continue
                values = [r[cell.col] for r in table.rows[table.header_rows :] if cell.col < len(r)]
                if cell.col == 0 and (_counts_people(cell.text) or _periods_across(table)):
                    # the corner says what every cell counts ("Antal ungdomar", or "Placerade
                    # barn och unga" over columns of years)
                    values += [c for r in table.rows[table.header_rows :] for c in r[1:]]
            else:
                if things:
                    continue
                row = table.rows[cell.row]
                values = [c for i, c in enumerate(row[1:], 1) if i not in money_cols]
                if _only_a_rate(ctx.blocks[cell.index]):
                    # "Behörighet" with a percentage is a rate about pupils; "Behörigheter i
                    # ekonomisystemet | 31 behörigheter" counts access rights
                    values = [v for v in values if "%" in v or "procent" in v.lower()]
            if any(_NUMBER_CELL.match(v) for v in values if v.strip()):
                label = cell
                break
        yield block, label, table_split(ctx, block)


_PERIOD_CELL = re.compile(r"^\s*(?:(?:19|20)\d\d(?:[/–-]\d{2,4})?|[vV]t|[hH]t|jan|feb|mar|apr|maj|jun|jul|"
                          r"aug|sep|okt|nov|dec|kvartal|tertial)\b", re.IGNORECASE)


def _periods_across(table: Table) -> bool:
    """The header cells after the first are years or periods ("2023 | 2024 | 2025")."""
    if not table.header_rows:
        return False
    cells = [c for c in table.rows[0][1:] if c.strip()]
    return bool(cells) and all(_PERIOD_CELL.match(c) for c in cells)


# a money word as the head of a caption word ("Driftbudget", "Lönekostnader", "Taxor"), not as
# its first part ("Bidragsberättigade föreningar per inriktning")
_MONEY_HEAD = re.compile(
    r"\b(?:kr|kronor|tkr|mnkr|mkr|sek)\b|kr\)"
    r"|\b\w*(?:avgift|tax|kostnad|pris|belopp|budget|intäkt|bidrag|lön)"
    r"(?:a|er|erna|en|et|na|or|orna|ar|arna|n|s)?\b",
    re.IGNORECASE,
)


def _money_caption(ctx: RuleContext, table: Block) -> bool:
    """The caption says the table is of money, and names no people beside it ("Tabell 1.
    Föreningar, medlemmar och bidrag per föreningstyp" lists what its columns hold)."""
    caption = _caption_text(ctx, table)
    if not _MONEY_HEAD.search(caption):
        return False
    return not ctx.blocks[table.index - 1].people


def _counts_things_only(ctx: RuleContext, table: Block) -> bool:
    """Some header cell counts a thing that is not people ("Antal anmälningar", "Ärenden")
    and none counts people."""
    headers = [c for c in table_label_cells(ctx, table) if c.is_header and c.col > 0]
    things = people = False
    for cell in headers:
        ab = ctx.blocks[cell.index]
        if _names_people(ab):
            people = True
        elif ab.doc is not None and any(
            t._.jam_measure not in (None, Measure.PEOPLE) for t in ab.doc
        ):
            things = True
    return things and not people


COUNT_WORDS = re.compile(r"\b(antal|andel)\b", re.IGNORECASE)


def _counts_people(header: str) -> bool:
    """A column header that says it counts ("Antal medlemmar", "Andel kvinnor")."""
    return bool(COUNT_WORDS.search(header))


def _only_a_rate(ab: AnnotatedBlock) -> bool:
    """The cell names people only through a rate noun ("Behörighet", "Sjukfrånvaro")."""
    if ab.doc is None:
        return False
    tokens = [t for t in ab.doc if t._.jam_rate or t._.jam_measure is Measure.PEOPLE]
    return bool(tokens) and all(t._.jam_rate and t._.jam_measure is None for t in tokens)


def _names_people(ab: AnnotatedBlock) -> bool:
    """A label naming people, not only as a rate's base ("Räddningsinsatser per 1 000
    invånare" counts call-outs)."""
    text = ab.block.text
    people = [p for p in ab.people if not _RATE_BASE.search(text[max(0, p.start - 12) : p.start])]
    return bool(people) or any(q.measure is Measure.PEOPLE for q in ab.quantities)


_RATE_BASE = re.compile(r"\bper\s+[\d\s]*$", re.IGNORECASE)


def _caption_number(ctx: RuleContext, table: Block) -> str | None:
    """The number in a caption paragraph just before the table ("Tabell 1. …")."""
    if table.index == 0:
        return None
    before = ctx.document.blocks[table.index - 1]
    m = CAPTION.match(before.text) if before.kind is BlockKind.PARAGRAPH else None
    return m.group(1) if m else None


_SHARES_CAPTION = re.compile(r"^\s*tabell\s+\d+\s*[.:]?\s*andel", re.IGNORECASE)


def _points_to_shares(
    ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, oab: AnnotatedBlock, osent: Sentence
) -> bool:
    """Every table the sentence names by number holds shares of another measure: its caption
    opens on "Andel" and shares no word with the sentence but the people ("Enkäten besvarades
    av 486 elever" ↔ "Tabell 1. Andel elever som besöker en lekplats …"; not "uppfyllde 356
    elever kunskapskravet i simning" ↔ "Andel elever … som uppfyllde kunskapskravet i simning")."""
    named = _named_tables(ctx, sent)
    people = {p.text.lower() for p in oab.people if within(p, osent)}
    ours = {w for w in _topics(osent.span.text, set()) if not any(_same_word(w, p) for p in people)}
    # those who answered, and tables of nothing but percentages: their answers ("svarade 305
    # elever … Svaren … redovisas i tabell 1" ↔ "Går | 36 % | 34 %")
    answered = _RESPONDENTS.search(osent.span.text) is not None
    return bool(named) and all(
        _SHARES_CAPTION.match(caption := _caption_text(ctx, b))
        and not _shared(ours, _topics(caption, set()))
        or answered and b.table is not None and _only_percentages(b.table)
        for b in named
    )


def _only_percentages(table: Table) -> bool:
    cells = [c for row in table.rows[table.header_rows :] for c in row[1:] if _NUMBER_CELL.match(c)]
    return bool(cells) and all(_PERCENT_CELL.search(c) for c in cells)


_PERCENT_CELL = re.compile(r"%|procent", re.IGNORECASE)


def _named_tables(ctx: RuleContext, sent: Sentence) -> list[Block]:
    """The tables whose caption carries a number the sentence names ("(se tabell 2)")."""
    numbers = set(_TABLE_NUMBER.findall(sent.span.text))
    if not numbers:
        return []
    return [
        b for b in ctx.document.blocks
        if b.kind is BlockKind.TABLE and _caption_number(ctx, b) in numbers
    ]  # fmt: skip


def _caption_text(ctx: RuleContext, table: Block) -> str:
    if table.index == 0:
        return ""
    before = ctx.document.blocks[table.index - 1]
    return before.text if before.kind is BlockKind.PARAGRAPH and CAPTION.match(before.text) else ""


TOPIC_PREFIX = 7  # the stem an equivalence entry stands for ("sjukfrånvaro" → "sjukfrå…")
COMPOUND_PREFIX = 10  # long compounds must agree this far to be one topic
LONG_COMPOUND = 12
_WORDS = re.compile(r"[^\W\d_]{6,}")


def _topics(text: str, sex_terms: set[str]) -> set[str]:
    """Content words (6+ letters, not sex terms or stop words); words that name the same
    measure from two sides (heltid/deltid) become one."""
    stop = set(lexicon_lines("topic_stopwords"))
    words = {w.lower() for w in _WORDS.findall(text)}
    same = _equivalents()
    return {same.get(w[:TOPIC_PREFIX], w) for w in words if w not in stop and w not in sex_terms}


@cache
def _equivalents() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lexicon_lines("topic_equivalents"):
        group = line.split()
        for word in group:
            out[word[:TOPIC_PREFIX]] = group[0]
    return out


def _same_topic(a: str, b: str) -> bool:
    """Our word `a` and their word `b` have the same stem ("elever", "eleverna"; "fritidshem",
    "fritidshemmet"), but not two long compounds on the same first part
    ("personalomsättningen", "personalredovisningen")."""
    if a.startswith(b) or b.startswith(a):
        return True
    if _stem(a) == _stem(b):
        return True  # "skadades", "skadas", "skadorna"
    if min(len(a), len(b)) >= LONG_COMPOUND:
        return a[:COMPOUND_PREFIX] == b[:COMPOUND_PREFIX]
    # what a compound of ours counts is its head: "familjebehandlare" are not "familjen" (while
    # "föräldraträffarna" still speak of "föräldrar")
    return a[:TOPIC_PREFIX] == b[:TOPIC_PREFIX] and len(a) - len(b) <= MAX_ENDING


MAX_ENDING = 5  # letters an inflection adds ("medarbetarnas" to "medarbetare" is 2)
_SUFFIXES = ("ades", "ade", "orna", "arna", "erna", "as", "or", "ar", "er", "en", "et", "na", "e")
MIN_STEM = 4


def _stem(word: str) -> str:
    """The word without one inflectional ending, if enough of it is left."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def _shared(a: set[str], b: set[str]) -> set[str]:
    """The topics of a also in b, one word for each ("utbildning" and "utbildningar" are one)."""
    out: set[str] = set()
    for x in sorted(a, key=len):
        if any(_same_topic(x, y) for y in b) and not any(_same_topic(x, o) for o in out):
            out.add(x)
    return out


@dataclass(frozen=True)
class _Split:
    """What a split is of, for telling a comment on it from one on other people or figures."""

    rates: bool = False  # its figures are all rates
    kind: str | None = None  # "child" or "adult", by its sex terms
    respondents: bool = False  # it counts those who answered
    staff: bool | None = None  # its people are all staff (True), none (False), or unnamed
    measures: frozenset[str] = frozenset()  # the rates it measures ("sjukfrånvaro")
    others: bool = False  # a table of people none of whom are staff
    people: frozenset[str] = frozenset()  # stems of the people words around it ("ledamö")
    words: frozenset[str] = frozenset()  # the words of the sentences around it
    # the people a part of whom it splits ("av de sökande antogs 53 kvinnor": "sökande")
    wholes: frozenset[str] = frozenset()


def _not_on(split: _Split, ab: AnnotatedBlock, sent: Sentence) -> bool:
    """An analysing sentence about the sexes that is about other people or another measure."""
    if split.rates and _only_counts_compared(ab, sent):
        return True  # "Männen är fler än kvinnorna i arbetsträning" is not on rates
    if split.kind == "adult" and _sex_kind(sex_terms_in(ab, sent)) == "child":
        return True  # "Flickorna är dubbelt så många som pojkarna" is not on the staff
    if split.respondents and not _on_respondents(ab, sent):
        return True  # what the women and men answered is no comment on who answered
    if split.people and _among_other_people(split, ab, sent):
        return True  # "Männen är fler bland ledarna" is not on the board members
    if split.staff and (
        _names_only_others(ab, sent) or _sexes_among_others(ab, sent)
        or not split.rates and not _names_staff(ab, sent)
        or _staff_only_as_source(ab, sent)
    ):  # fmt: skip
        return True  # "Kvinnorna är två av tre boende" is not on the staff of the boende
    girls_boys = split.kind == "child" and _sex_kind(sex_terms_in(ab, sent)) == "child"
    if (split.kind == "child" or split.others) and _names_only_staff(ab, sent) and not girls_boys:
        # (girls and boys compared are the children's, whoever else the sentence names:
        # "Flickor och pojkar är ungefär lika många i förskolan, och personalen …")
        # "Yrket är starkt kvinnodominerat" is not on the children (girls and boys are no
        # staff: "Av dem var 331 flickor och 356 pojkar")
        return True
    # "Nästan alla medarbetare i förskolan är kvinnor" is not on their sick leave
    return bool(split.measures) and not _names_measure(sent.span.text, split.measures)


def _discussed_in_analysis(
    ctx: RuleContext,
    topics: set[str],
    skip: set[int],
    min_shared: int = 1,
    split: _Split = _Split(),
) -> bool:
    """The document comments on a split elsewhere: a sentence names the sexes, analyses, and
    speaks of the same thing ("Sammanlagt 121 elever har blivit kränkta,
    varav 59 flickor …" ↔ "Flickor och pojkar blir kränkta ungefär lika ofta, men …")."""
    if not topics:
        return False
    for other in ctx.blocks:
        if other.block.index in skip or not _prose(other.block):
            continue
        sex = {t.text.lower() for t in other.sex_terms}
        for k, sent in enumerate(other.sentences):
            if _follows_its_split(other, k) and not _names_other_measure(split, other, k):
                continue
            shared = _shared(topics, _topics(sent.span.text, sex))
            # (or the same rate: "Männen är samtidigt mindre nöjda med dagens mat än kvinnorna")
            measured = bool(split.measures) and _names_measure(sent.span.text, split.measures)
            if len(shared) < min_shared and not measured or not _comments_on_sexes(other, sent):
                continue
            if not _not_on(split, other, sent):
                return True
    return False


def _names_other_measure(split: _Split, ab: AnnotatedBlock, k: int) -> bool:
    """Sentence k names the rate the split measures, which the split right before it does not
    ("… 45 procent av männen mot 36 procent av kvinnorna [use the grant]. Kvinnornas högre
    sjukfrånvaro är …" is on the sick-leave split)."""
    measures = split.measures
    text = ab.sentences[k].span.text
    before = ab.sentences[k - 1].span.text if k > 0 else ""
    return (
        bool(measures) and _names_measure(text, measures)
        and not _names_measure(before, measures)
    )  # fmt: skip


def _follows_its_split(ab: AnnotatedBlock, k: int) -> bool:
    """Sentence k comments the split right before it ("Av de 38 elever som inte fick någon
    praoplats var 27 pojkar. Pojkarna var alltså fler bland dem …"), no other."""
    sents = ab.sentences
    return k > 0 and _has_split(ab, sents[k - 1]) and not _has_split(ab, sents[k])


def _same_people(ours: set[str], theirs: set[str]) -> bool:
    """One word the other's stem with an ending ("medlemmar", "medlemmarna"), not two
    compounds on one stem ("anhöriga", "anhörigkonsulenter")."""
    return any(a.startswith(b) or b.startswith(a) for a in ours for b in theirs)


def _same_service(ab: AnnotatedBlock, sent: Sentence, nouns: set[str], nab: AnnotatedBlock) -> bool:
    """The split's people are named only generically ("486 personer beslut om hemtjänst"),
    and the next paragraph speaks of what their sentence says they have ("nöjda med
    hemtjänsten")."""
    generic = tuple(lexicon_lines("context/generic_people"))
    if not nouns or not all(n.startswith(generic) for n in nouns):
        return False
    sex = {t.text.lower() for t in ab.sex_terms}
    ours = {w for w in _topics(sent.span.text, sex) if not w.startswith(generic)}
    return bool(_shared(ours, _topics(nab.block.text, set())))


def _counts_split(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence splits a count of people by sex, not a rate ("18 pojkar och 13 flickor")."""
    return any(q.sex and not q.is_percent and within(q.span, sent) for q in ab.quantities)


def _follows_another_split(ab: AnnotatedBlock, k: int) -> bool:
    """Sentence k comments the split right before it, which is not a pointer to a table ("…
    58 procent bland flickorna och 37 procent bland pojkarna (se tabell 1). Skillnaden har ökat
    …" comments the table too)."""
    if not _follows_its_split(ab, k):
        return False
    prev = ab.sentences[k - 1]
    return not any(within(r, prev) for r in phrases(ab, TABLE_REFERENCE))


def _rate_words(ab: AnnotatedBlock, sent: Sentence) -> frozenset[str]:
    """The stems of the rates a sentence measures ("Sjukfrånvaron i förskolan var 8,6 procent",
    "Nöjda … var 88 procent av tjejerna")."""
    if ab.doc is None:
        return frozenset()
    start, end = sent.span.start, sent.span.end
    # the word less an ending ("sjukfrånvaron" → "sjukfrånva", in "sjukfrånvaro" too)
    nouns = {
        t.lower_[: max(MIN_STEM, len(t.lower_) - RATE_ENDING)]
        for t in ab.doc if t._.jam_rate and start <= t.idx < end
    }  # fmt: skip
    # and the adjectives that make a share a rate ("Nöjda med sitt feriearbete var …")
    words = re.findall(r"\w+", sent.span.text.lower())
    adjectives = {a for a in lexicon_lines("context/rate_adjectives") for w in words if w.startswith(a)}
    return frozenset(nouns | adjectives)


def _split_measures(ab: AnnotatedBlock, sent: Sentence) -> frozenset[str]:
    """What a rate split measures: its rate words, or else the clause of "Andelen som …"
    ("Andelen som ville delta igen nästa sommar var 90 procent av flickorna …"), less the verbs
    of answering."""
    words = _rate_words(ab, sent)
    if words:
        return words
    # (verbs of answering only: "fullföljde" in "Av föräldrarna fullföljde 71 procent
    # programmet" is what is measured)
    said = set(lexicon_lines("context/opinion_verbs"))
    clause = _measured_clause(sent.span.text)
    if not clause and _SHARE_AGAIN.match(sent.span.text):
        # "… svarade 83 procent av ungdomarna att de skulle rekommendera feriearbete till en
        # kompis. Andelen var 86 procent bland flickorna …": what the sentence before measured
        before = [x for x in ab.sentences if x.span.end <= sent.span.start]
        m = _SAID_THAT.search(before[-1].span.text) if before else None
        clause = _topics(m.group(1), set()) if m else set()
    if not clause:
        clause = _partitive_clause(ab, sent)
    if not clause:
        clause = _predicate(ab, sent)
    # (a past tense less its ending: "passade" is said again as "passar"; not "arbete", which
    # would be in "arbetslösheten" too)
    return frozenset(
        w[: -len(PAST_ENDING)] if w.endswith(PAST_ENDING) and len(w) > MIN_STEM + 2 else w
        for w in clause
        if w not in said
    )  # fmt: skip


def _partitive_clause(ab: AnnotatedBlock, sent: Sentence) -> set[str]:
    """The topic words of what a share of the opening's people did: the verb before the share
    and the words after it up to the first comma ("Av de sökande fick 65 procent ett feriejobb,
    61 procent av flickorna …": "feriejobb"; "Av dem som fick feriejobb fullföljde 93 procent
    hela perioden": "fullföljde", "perioden")."""
    if not _PARTITIVE_OPENING.match(sent.span.text):
        return set()
    figures = [q for q in ab.quantities if q.is_percent and within(q.span, sent)]
    if not figures or figures[0].sex:
        return set()
    share = figures[0]
    text = ab.block.text
    verb = _LAST_WORD.search(text, sent.span.start, share.span.start)
    # (what they did, not what they said or were: "Av dem angav 14 procent att …", "Av de
    # svarande var 47 procent kvinnor")
    said = {*lexicon_lines("context/opinion_verbs"), *_STATE_VERBS}
    if verb is None or verb.group(1).lower() in said:
        return set()
    comma = text.find(",", share.span.end, sent.span.end)
    end = comma if comma >= 0 else sent.span.end
    return _topics(verb.group(1) + " " + text[share.span.end : end], set())


def _predicate(ab: AnnotatedBlock, sent: Sentence) -> set[str]:
    """The words of what the shares did, had or said, when they are the subject after a verb
    of having or saying: the words after the figures up to a comma ("Vid årets slut hade 68
    procent av deltagarna fullföljt insatsen, 78 procent av kvinnorna …": "fullföljt",
    "insatsen"). An answer is worded freely, so its words are kept short and less their endings
    ("uppgav 38 procent av kvinnorna … att de avstår från att gå ut ensamma": "avst",
    "ensam", said again as "Kvinnorna avstår nästan tre gånger så ofta …")."""
    figures = [q for q in ab.quantities if q.is_percent and within(q.span, sent)]
    if not figures:
        return set()
    text = ab.block.text
    verb = _LAST_WORD.search(text, sent.span.start, figures[0].span.start)
    said = verb is not None and verb.group(1).lower() in lexicon_lines("context/opinion_verbs")
    if verb is None or verb.group(1).lower() not in _HAVE_VERBS and not said:
        return set()
    # the text after the first figure, less the figures, up to the first comma after a word
    rest, start = [], figures[0].span.start
    for q in figures:
        rest.append(text[start : q.span.start])
        start = q.excerpt.end
    rest.append(text[start : sent.span.end])
    # (not the verb of a relative clause on the people: "hade 72 procent av dem som fullföljt
    # en anställning" measures the employment)
    match = _UP_TO_COMMA.match(_RELATIVE_VERB.sub(" ", "".join(rest), count=1))
    if said:
        # (the answer in its own short words: "att de kan sova …", "hot eller våld")
        clause = match.group(1).lower()
        sexed = {w for t in sex_terms_in(ab, sent) for w in re.findall(r"\w+", t.text.lower())}
        common = set(lexicon_lines("context/answer_common_words"))
        words = set(re.findall(r"[^\W\d_]{4,}", clause)) - common - sexed
        # (less an ending: "läsa" is said again as "läser", "läsningen")
        return {_less_ending(w) for w in words - _where_or_when(clause)}
    return _topics(match.group(1), set()) - _where_or_when(match.group(1))


def _less_ending(word: str) -> str:
    """A short word less a final vowel ("läsa" → "läs"), a longer one less two letters."""
    if len(word) > SHORT_WORD:
        return word[:-2]
    return word[:-1] if word[-1] in "aeiouyåäö" else word


SHORT_WORD = 5


def _where_or_when(text: str) -> set[str]:
    """The words of a clause that say where or when ("i skolan", "under läsåret"), not what."""
    return {m.lower() for m in _WHERE_WHEN.findall(text)}


_HAVE_VERBS = ("har", "hade")
_RELATIVE_VERB = re.compile(r"^\s*(?:av\s+(?:dem|de\s+\w+)\s+)?som\s+\w+", re.IGNORECASE)
_UP_TO_COMMA = re.compile(r"[\s,]*(?:och\s+)?([^,]*?\w[^,]*)(?:,|$)", re.IGNORECASE)
_WHERE_WHEN = re.compile(r"\b(?:i|på|under|vid|efter|sedan|inom)\s+(\w+)", re.IGNORECASE)


# "Av de sökande", "Av dem som …", "Av föräldrarna" (a definite plural)
_PARTITIVE_OPENING = re.compile(r"\s*av\s+(?:de|dem|dessa|\w+na)\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"(\w+)\s*$")
# what people were or had, not did (the copulas of nlp.quantities are not imported: that module
# loads spaCy, which `jamlint rules` must not pay for)
_STATE_VERBS = ("var", "är", "blev", "blir", "hade", "har")


# a share that refers back ("Andelen var …", "Motsvarande andel var …")
_SHARE_AGAIN = re.compile(r"\s*(?:andelen|motsvarande\s+andel)\s+(?:var|är|blev)\b", re.IGNORECASE)
_SAID_THAT = re.compile(r"\batt\s+(?:de|han|hon)?\s*(.+)$", re.IGNORECASE)


PAST_ENDING = "ade"


RATE_ENDING = 3  # letters an inflection may add to a rate noun ("nöjdheten", "sjukfrånvaron")


def _names_measure(text: str, measures: frozenset[str]) -> bool:
    """A sentence that speaks of one of the rates ("sjukfrånvaron", "korttidssjukfrånvaro"),
    or names it from the other side ("avbryter" for "fullföljde", topic_equivalents)."""
    same = _equivalents()
    words = re.findall(r"\w+", text.lower())
    words += [same[w[:TOPIC_PREFIX]] for w in words if w[:TOPIC_PREFIX] in same]
    return any(m in w for w in words for m in measures)


def _people_words(ab: AnnotatedBlock, sent: Sentence) -> list[str]:
    """The people words of a sentence, its sex terms and rates ("personalomsättningen") not
    counted."""
    sexed = {t.start for t in ab.sex_terms}
    rates = {t.idx for t in ab.doc if t._.jam_rate} if ab.doc is not None else set()
    return [
        p.text.lower() for p in ab.people
        if p.start not in sexed and p.start not in rates and within(p, sent)
    ]  # fmt: skip


def _is_staff(word: str) -> bool:
    """A word for the staff of a service ("förskollärarna", "hemtjänstpersonalen")."""
    return ends_in_head(word, lexicon_lines("context/staff_heads"))


def _names_staff(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence speaks of staff: a staff word, or words for the work ("Yrket är starkt
    kvinnodominerat", "alla som arbetar här")."""
    return any(_is_staff(w) for w in _people_words(ab, sent)) or _speaks_of_work(sent)


def _speaks_of_work(sent: Sentence, cues: str = "context/staff_cues") -> bool:
    """Words for the work rather than the workers ("alla som arbetar här", "yrket")."""
    words = "|".join(re.escape(c) for c in lexicon_lines(cues))
    # (not the labour market: "arbetsträningsplatserna finns inom mansdominerade branscher")
    text = _LABOUR_MARKET.sub(" ", sent.span.text)
    return re.search(rf"\b(?:{words})", text, re.IGNORECASE) is not None


_LABOUR_MARKET = re.compile(
    r"\b(?:kvinno|mans)dominerade\s+(?:bransch|sektor|utbildning|arbetsmarknad)\w*",
    re.IGNORECASE,
)


def _names_only_staff(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence speaks of staff and of no other people."""
    return _names_staff(ab, sent) and all(_is_staff(w) for w in _people_words(ab, sent))


def _all_staff(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The people a sentence names are all staff ("318 medarbetare, varav 301 kvinnor")."""
    words = _people_words(ab, sent)
    return bool(words) and all(_is_staff(w) for w in words)


# "… i kommunens verksamheter, varav"
# "118 medarbetare …, varav 97 kvinnor", or the split in apposition ("sex konsulenter, fyra
# kvinnor och två män")
_VARAV_REACH = re.compile(r"(?:[^.;:]{0,40}?\bvarav|\s*,)\s*$", re.IGNORECASE)


def _counts_staff(ab: AnnotatedBlock, sent: Sentence) -> bool | None:
    """Whether the count a split breaks down is of staff ("Ungdomarna handleddes av 118
    medarbetare …, varav 97 kvinnor och 21 män": the medarbetare, not the ungdomar), or None when
    no count stands right before its "varav"."""
    split = [q for q in ab.quantities if q.sex and within(q.span, sent)]
    if not split:
        return None
    first = min(q.span.start for q in split)
    totals = [
        q for q in ab.quantities
        if within(q.span, sent) and not q.sex and q.measure is Measure.PEOPLE and q.unit is not None
        and q.excerpt.end <= first and _VARAV_REACH.match(ab.block.text[q.excerpt.end : first])
    ]  # fmt: skip
    if not totals:
        return True if _put_in_staff_role(ab, sent, first) else None
    total = totals[-1]
    # (people in a staff role by the verb: "Aktiviteterna leddes av 58 feriearbetande ungdomar,
    # 35 flickor och 23 pojkar", "Till aktiviteterna anställdes 48 ungdomar, …")
    role = _STAFF_ROLE.search(ab.block.text, sent.span.start, total.span.start) is not None
    return role or _is_staff(total.unit.text.lower()) or _put_in_staff_role(ab, sent, first)


def _put_in_staff_role(ab: AnnotatedBlock, sent: Sentence, first: int) -> bool:
    """The people split were put in a staff role by a verb before them: in the split's own
    clause ("Aktiviteterna leddes av 12 fritidsledare och 41 ferieungdomar, varav 27 tjejer",
    "leddes av 38 feriearbetande ungdomar i åldern 16–19 år, 23 tjejer …"), or in the sentence
    before, whose people the split opens with ("… leddes av 58 feriearbetande ungdomar och 17
    fritidsledare. Av de feriearbetande ungdomarna var 39 flickor …")."""
    text = ab.block.text
    role = _ROLE_VERB.search(text, sent.span.start, first)
    # (the people after the verb, with no other verb before the split: not "Gruppen leds av två
    # kuratorer och har 14 deltagare, varav 9 flickor")
    if role and not _OTHER_VERB.search(text, role.end(), first):
        return True
    opening = _OPENING_PEOPLE.match(text, sent.span.start, first)
    before = [x for x in ab.sentences if x.span.end <= sent.span.start][-1:]
    if opening is None or not before:
        return False
    word = _stem(opening.group(1).lower())[:MIN_GROUP_WORD]
    role = _ROLE_VERB.search(text, before[0].span.start, before[0].span.end)
    return role is not None and word in text[role.end() : before[0].span.end].lower()


# the verbs that put the people after them in a staff role
_ROLE_VERBS = r"\b(?:leddes|leds|bemannades|bemannas|anställdes|anställs|rekryterades)\b"
_ROLE_VERB = re.compile(_ROLE_VERBS, re.IGNORECASE)
_OTHER_VERB = re.compile(
    r"\b(?:har|hade|är|var|deltog|deltar|fick|får|fanns|finns|kom|kommer)\b", re.IGNORECASE
)
# "Av de feriearbetande ungdomarna var …", "De feriearbetande var …": the people a split opens
# with
_OPENING_PEOPLE = re.compile(r"\s*(?:av\s+)?de\s+(\w+)(?:\s+\w+)?\s+(?:var|är)\b", re.IGNORECASE)


# a verb that puts the people after it in a staff role
_STAFF_ROLE = re.compile(
    _ROLE_VERBS + r"\s+(?:av\s+)?(?:(?:ca|cirka|drygt|knappt|omkring|totalt|sammanlagt)\s+)?$",
    re.IGNORECASE,
)


def _staff_headcounts(ctx: RuleContext) -> list[tuple[AnnotatedBlock, Sentence, float]]:
    """The document's staff splits by sex in counts, with the people each counts."""
    def counted() -> list[tuple[AnnotatedBlock, Sentence, float]]:
        out = []
        for ab in ctx.blocks:
            if not _prose(ab.block):
                continue
            for sent in ab.sentences:
                counts = [
                    q.value or 0 for q in ab.quantities
                    if q.sex and not q.is_percent and within(q.span, sent)
                ]  # fmt: skip
                if counts and _all_staff(ab, sent):
                    out.append((ab, sent, sum(counts)))
        return out

    return ctx.memo("staff_headcounts", counted)


def _only_staff_split(ctx: RuleContext) -> bool:
    """The document splits its staff by sex in one sentence only, so a comment on the women and
    men among the staff can only be on it."""
    return len(_staff_headcounts(ctx)) == 1


def _all_staff_split(ctx: RuleContext, sent: Sentence) -> bool:
    """The split counts the most staff of all the document's staff splits: the whole staff
    ("1 642 tillsvidareanställda …, 1 297 kvinnor och 345 män", beside 102 chefer)."""
    splits = _staff_headcounts(ctx)
    own = next((n for _, s, n in splits if s is sent), 0)
    return own > 0 and all(n < own for _, s, n in splits if s is not sent)


# the whole staff of the organisation: "Kommunens personal", "samtliga medarbetare"
_WHOLE = re.compile(
    r"\b(?:kommunens|förvaltningens|nämndens|alla|samtliga)\s+(?:(\w+)\s+)?(\w+)", re.IGNORECASE
)


def _names_whole_staff(text: str) -> bool:
    """ "Kommunens personal", "samtliga medarbetare", or the make-up "i förvaltningen" itself
    ("Kvinnorna är i stor majoritet i förvaltningen")."""
    if _IN_THE_ORGANISATION.search(text):
        return True
    return any(
        any(w and _is_staff(w.lower()) for w in m.groups()) for m in _WHOLE.finditer(text)
    )


_IN_THE_ORGANISATION = re.compile(r"\bi\s+(?:förvaltningen|organisationen)\b", re.IGNORECASE)


def _all_staff_discussed(ctx: RuleContext, ab: AnnotatedBlock) -> bool:
    """A sentence elsewhere says who the whole staff are ("Kommunens personal består till
    nästan fyra femtedelar av kvinnor"), with no counts by sex of its own."""
    for other in ctx.blocks:
        if other.block.index == ab.block.index or not _prose(other.block):
            continue
        for sent in other.sentences:
            if any(q.sex and not q.is_percent and within(q.span, sent) for q in other.quantities):
                continue
            makeup = _says_makeup(other, sent) or _majority_said(other, sent)
            if _names_whole_staff(sent.span.text) and makeup:
                return True
    return False


def _whole_staff_words(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The split counts all staff in a word for all staff ("tillsvidareanställda medarbetare",
    "anställda"), not one occupation ("chefer", "yrkeslärare")."""
    whole = tuple(lexicon_lines("context/whole_staff_words"))
    return any(_is_staff(w) and ends_in_head(w, whole) for w in _people_words(ab, sent))


def _staff_measure_discussed(ctx: RuleContext, ab: AnnotatedBlock) -> bool:
    """A sentence elsewhere analyses the women and men in a measure only staff have, with no
    split figures and no other people of its own ("Kvinnornas högre sjukfrånvaro hänger främst
    samman med att de oftare arbetar i hemtjänsten"): another measure of the whole staff."""
    stems = tuple(lexicon_lines("context/staff_measures"))
    for other, sent in _sentences_elsewhere(ctx, ab):
        if any(q.sex and within(q.span, sent) for q in other.quantities):
            continue
        if not any(s in w for w in _WORDS.findall(sent.span.text.lower()) for s in stems):
            continue
        if _names_only_others(other, sent) or _sexes_among_others(other, sent):
            continue
        # (women and men, not mothers and fathers: "Ensamstående mammor … arbetar oftare
        # deltid" is on the households)
        terms = sex_terms_in(other, sent)
        parents = tuple(lexicon_lines("context/parent_sex_stems"))
        plain = not any(t.text.lower().startswith(parents) for t in terms)
        if plain and _sex_kind(terms) == "adult" and _comments_on_sexes(other, sent):
            return True
    return False


def _sentences_elsewhere(
    ctx: RuleContext, ab: AnnotatedBlock
) -> Iterator[tuple[AnnotatedBlock, Sentence]]:
    """The sentences of the document's other running-text blocks."""
    for other in ctx.blocks:
        if other.block.index != ab.block.index and _prose(other.block):
            for sent in other.sentences:
                yield other, sent


def _counts_others_than_staff(ctx: RuleContext, table: Block) -> bool:
    """A table whose caption and labels name people, none of them staff ("Ungdomar med
    feriearbete 2044 per sektor")."""
    blocks = [ctx.blocks[b.index] for b in table_label_cells(ctx, table)]
    if table.index > 0 and _caption_text(ctx, table):
        blocks.append(ctx.blocks[table.index - 1])
    words = [
        p.text.lower() for ab in blocks for p in ab.people
        if p.start not in {t.start for t in ab.sex_terms}
    ]  # fmt: skip
    return bool(words) and not any(_is_staff(w) for w in words)


def _staff_discussed(ctx: RuleContext, ab: AnnotatedBlock, split: Sentence) -> bool:
    """An analysing sentence elsewhere speaks of the women and men among the staff in words of
    its own ("För personalen, som nästan helt består av kvinnor, innebär förslaget …" for "318
    medarbetare, varav 301 kvinnor"), with no split figures of its own; not of another
    occupation only ("vård och barnskötare domineras av kvinnor" for "11 yrkeslärare, varav 6
    kvinnor")."""
    own_staff = {_stem(w) for w in _people_words(ab, split) if _is_staff(w)}
    for other in ctx.blocks:
        if other.block.index == ab.block.index or not _prose(other.block):
            continue
        for sent in other.sentences:
            if own_staff and _other_occupations(other, sent, own_staff):
                continue
            # (a part out of a whole is make-up in figures: "Personalen i förskolan består
            # nästan helt av kvinnor, …, på Solgården 17 av 19")
            own = [q for q in other.quantities if q.sex and within(q.span, sent)]
            if any(_out_of(q.span.text) is None for q in own):
                continue
            if not _names_staff(other, sent):
                continue
            if _says_makeup(other, sent):
                return True
            # an analysis of the work itself ("Hemtjänsten är en av kommunens mest
            # kvinnodominerade arbetsplatser"), about women and men, not girls and boys
            if (
                _speaks_of_work(sent, "context/workforce_cues")
                and _comments_on_sexes(other, sent)
                and _sex_kind(sex_terms_in(other, sent)) == "adult"
            ):
                return True
    return False


def _other_occupations(ab: AnnotatedBlock, sent: Sentence, own: set[str]) -> bool:
    """The staff words of a sentence are all occupations other than the split's own, none a
    word for all staff (`context/whole_staff_words`)."""
    words = [w for w in _people_words(ab, sent) if _is_staff(w)]
    whole = tuple(lexicon_lines("context/whole_staff_words"))
    return bool(words) and not any(
        ends_in_head(w, whole) or any(_stem(w).startswith(o) or o.startswith(_stem(w)) for o in own)
        for w in words
    )


_AMONG_AFTER = re.compile(r"\s+bland\s+(?:de\s+)?(\w+)", re.IGNORECASE)


def _sexes_among_others(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sexes the sentence speaks of are named as among people who are not staff ("männen
    bland besökarna"), and none as among staff."""
    text = ab.block.text
    whose = []
    for t in sex_terms_in(ab, sent):
        m = _AMONG_AFTER.match(text, t.end)
        if m is not None and any(p.start == m.start(1) for p in ab.people):
            whose.append(m.group(1).lower())
    return bool(whose) and not any(_is_staff(w) for w in whose)


_AMONG = re.compile(r"\bbland\s+(?:de\s+|dessa\s+)?(?:(\w+)\s+)?(\w+)", re.IGNORECASE)
MIN_NAMED = 6  # letters of a word after "bland" that names the split's people again
_CLAUSES = re.compile(r",\s*(?:och|men|medan)\s|;", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:vilket|eftersom)\s", re.IGNORECASE)


def _among_other_people(split: _Split, ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence compares the sexes among people other than the split's, in every clause
    that names them ("Kvinnorna är i majoritet både bland de sökande och bland de studerande"
    after a split of those admitted); not when one side is named only generically ("personer")
    unless the comparison is among the whole a part of which the split counts, nor when it also
    compares them among its own ("bland män än bland kvinnor")."""
    text, base = sent.span.text, sent.span.start
    starts = {p.start - base: p.text.lower() for p in ab.people if within(p, sent)}
    sexed = {t.start - base for t in sex_terms_in(ab, sent)}
    among = list(_AMONG.finditer(text))
    if any(m.start(2) in sexed or m.start(1) in sexed for m in among):
        return False  # "… är högre bland män än bland kvinnor": the sexes' own comparison
    whose = [starts[m.start(g)] for m in among for g in (1, 2) if m.start(g) in starts]
    generic = tuple(lexicon_lines("context/generic_people"))
    wholes = any(_whole(split, w) for w in whose)
    if any(p.startswith(generic) for p in split.people) and not wholes:
        return False
    # (the whole a part of which is split is other people: "bland de sökande" after "av de
    # sökande antogs 53 kvinnor")
    if not whose or any(_same_as_split(split, w) and not _whole(split, w) for w in whose):
        return False
    named = [m.group(g).lower() for m in among for g in (1, 2) if m.group(g)]
    if any(len(w) >= MIN_NAMED and w in split.words and not _whole(split, w) for w in named):
        return False  # "… men skillnaden är större bland de placerade": the split's own word
    pos = 0
    for end in [m.start() for m in _CLAUSES.finditer(text)] + [len(text)]:
        # each main clause up to a relative one ("…, vilket följer mönstret där pojkarna …")
        tail = _RELATIVE_CLAUSE.search(text, pos, end)
        head = tail.start() if tail is not None else end
        speaks = any(pos <= x < head for x in sexed)
        if speaks and not any(pos <= m.start() < head for m in among):
            return False  # "Kvinnorna upplever oftare …, vilket … bland medarbetarna"
        pos = end
    return True


def _whole(split: _Split, word: str) -> bool:
    """A people word for the whole a part of which the split counts."""
    stem = _stem(word)
    return any(stem.startswith(w) or w.startswith(stem) for w in split.wholes)


def _wholes(ab: AnnotatedBlock, sent: Sentence) -> frozenset[str]:
    """The stems of the people a part of whom the sentence splits in counts: after "av" and
    before a verb that is no copula and the split figures ("Av de sökande antogs 53 kvinnor och
    11 män"), not a make-up of them all ("Av de sökande var 79 kvinnor")."""
    split = [q for q in ab.quantities if q.sex and within(q.span, sent)]
    if not split or any(q.is_percent for q in split):
        # (rates are of the whole: "hade 68 procent av deltagarna fullföljt insatsen, 78
        # procent av kvinnorna …")
        return frozenset()
    text = ab.block.text
    out = set()
    for p in ab.people:
        if not within(p, sent) or p.start >= split[0].span.start:
            continue
        m = _PART_OF.match(text, p.end, split[0].span.start)
        before = text[max(sent.span.start, p.start - 8) : p.start]
        if m and _OF_WHOLE.search(before) and m.group(1).lower() not in _NOT_A_SELECTION:
            out.add(_stem(p.text.lower()))
    return frozenset(out)


# "av de sökande", "av deltagarna": the whole; then a verb and the split ("antogs 53 kvinnor")
_OF_WHOLE = re.compile(r"\bav\s+(?:de\s+|dem\s+|dessa\s+)?$", re.IGNORECASE)
_PART_OF = re.compile(r"\s+([^\W\d_]+)\b")
# (not a make-up of them all, "Av de sökande var 79 kvinnor", nor more of the whole, "Av de
# sökande i Dalby", "Av de sökande som antogs var …")
_NOT_A_SELECTION = frozenset(
    {*_STATE_VERBS, "i", "på", "från", "till", "med", "som", "och", "under"}
)


def _titles(ctx: RuleContext, ab: AnnotatedBlock) -> tuple[str, ...]:
    """The ärende title and the headings over a block: who the document or its part is about."""
    doc = ctx.document
    return (doc.metadata.title or "", *doc.section_path(ab.block))


def _same_as_split(split: _Split, word: str) -> bool:
    """A people word for the split's people: its word, a compound on it ("yrkesvuxeleverna"), a
    word of the split's own sentences ("de inskrivna"), or only generic ("de äldsta")."""
    stem = _stem(word)
    if word.startswith(tuple(lexicon_lines("context/generic_people"))):
        return True
    return any(stem.endswith(p) or p.startswith(stem) for p in split.people) or any(
        w.startswith(stem) for w in split.words
    )


_SOURCE_BEFORE = re.compile(r"\benligt\s+(?:\w+\s+)?$", re.IGNORECASE)


def _staff_only_as_source(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence names staff only as its source ("Att så få flickor … deltog kan enligt
    personalen på fritidsgården förklaras av …"): it is on others."""
    staff = [p for p in ab.people if within(p, sent) and _is_staff(p.text.lower())]
    return bool(staff) and all(
        _SOURCE_BEFORE.search(ab.block.text, sent.span.start, p.start) is not None for p in staff
    )


def _names_only_others(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence names people and none of them are staff."""
    words = _people_words(ab, sent)
    return bool(words) and not any(_is_staff(w) for w in words)


def _on_respondents(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sentence that names those who answered or says who they are (not only what they
    answered: "… som angav annat kön svarade minst positivt av alla")."""
    text = sent.span.text
    # (not a difference among them: "Bland de svarande utan bil var skillnaden ännu större")
    named = any(
        not _ANSWER_GIVEN.match(text, m.end()) and not _DIFFERENCE_AFTER.search(text, m.end())
        for m in _RESPONDENTS.finditer(text)
    )
    # "Kvinnor var alltså överrepresenterade": who answered, said as a make-up (the subject a
    # sex term, not "… där kvinnor respektive män i dag är underrepresenterade")
    represented = _REPRESENTED.match(text)
    sexed = {t.start - sent.span.start for t in sex_terms_in(ab, sent)}
    return named or _says_makeup(ab, sent) or bool(represented and represented.start(1) in sexed)


_DIFFERENCE_AFTER = re.compile(r"\bskillnade[nr]\b", re.IGNORECASE)
_REPRESENTED = re.compile(
    r"^(?:\w+\s+)?(\w+)\s+(?:var|är)\s+(?:\w+\s+)?(?:över|under)representerade?\b",
    re.IGNORECASE,
)


# what an answer was, after the verb: "svarade minst positivt", "svarade ja", "svarade att …"
_ANSWER_GIVEN = re.compile(
    r"\s+(?:(?:minst|mest|mer|mindre|genomgående|något)\s+)?(?:positivt|negativt)\b"
    r"|\s+(?:ja|nej|att)\b",
    re.IGNORECASE,
)


_DISTRIBUTION = re.compile(
    r"\s*(?:(?:köns)?fördelningen|skillnaden\s+mellan\s+könen)\b", re.IGNORECASE
)  # ("Skillnaden mellan könen är liten och speglar befolkningen": the make-up's comment)
_RESPONDENT_NOUN = re.compile(r"\b(?:de\s+)?svarande\b", re.IGNORECASE)
_OF_RESPONDENTS = re.compile(r"\b(?:av|bland)\s+(?:dem|de)\s+som\s+(?:be)?svara", re.IGNORECASE)
_CONTRAST = re.compile(r"\bdäremot\b", re.IGNORECASE)
_RESPONSE_RATE = re.compile(r"\bsvarsfrekvens", re.IGNORECASE)
_RESPONDENTS = re.compile(
    r"\b(?:be)?svara(?:de|t|nde|ndes|des)\b|\bsvarsfrekvens"
    # "Efter avslutad grupp fyllde 118 föräldrar i en utvärdering"
    r"|\bfyll(?:de|er|t)\s[^.]{0,40}?\bi\s+(?:en\s+|den\s+)?\w*(?:enkät|utvärdering)",
    re.IGNORECASE,
)


# "… vårdnadshavarna är kvinnor", "i dag finns bara en man bland gruppledarna", "Det är oftast
# mammorna som …", "består till största delen av kvinnor" — not a comparison ("är fler än männen
# bland de yngsta brukarna" compares the users, not who answered)
_IS_BEFORE = re.compile(
    r"\b(?:är|var|finns|fanns|(?:består|bestod|utgörs|domineras)\s+(?:\w+\s+){0,4}?av)\s+"
    r"(?:(?!fler\b|färre\b|än\b|att\b|mellan\b|skillnad)\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _says_makeup(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sentence that says who the people are ("24 av de 27 … vårdnadshavarna är kvinnor", "Det
    är oftast mammorna som söker stödet"), not how each sex answered."""
    text = ab.block.text
    return any(
        _IS_BEFORE.search(text, sent.span.start, t.start) and not _DIFFERENCE.match(t.text)
        and not _TO_A_DEGREE.match(text, t.end)
        and not t.text.lower().endswith("s")
        for t in sex_terms_in(ab, sent)
    )  # (not "bland dem är skillnaden mellan kvinnor och män störst"; nor what a sex owns:
    # "lokalerna domineras av pojkarnas spel")


def _majority_said(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sex said to be the majority ("Kvinnorna är i stor majoritet i förvaltningen")."""
    return any(_MAJORITY_AFTER.match(ab.block.text, t.end) for t in sex_terms_in(ab, sent))


# "Kvinnorna är i stor majoritet i förvaltningen", "Männen dominerar bland …"
_MAJORITY_AFTER = re.compile(
    r"\s+(?:(?:är|var)\s+(?:i\s+)?(?:\w+\s+)?majoritet\b|dominerar\b)", re.IGNORECASE
)


# "det är också flickorna som i störst utsträckning känner sig otrygga": who does something
# more, not who they are
_TO_A_DEGREE = re.compile(
    r"\s+som\s+(?:\w+\s+){0,2}?(?:i\s+\w+\s+(?:utsträckning|grad)\b|oftare\b|oftast\b|mer\b|mest\b)",
    re.IGNORECASE,
)


_DIFFERENCE = re.compile(r"(?:köns)?(?:skillnad|fördelning)", re.IGNORECASE)


_MAJORITY = re.compile(r"\b(?:är|var) i (?:majoritet|minoritet)\b", re.IGNORECASE)


def _only_counts_compared(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence's only analysis is how many there are of each sex (or that one sex is the
    majority: "Att kvinnorna är i majoritet bland de svarande speglar …")."""
    m = _COUNT_COMPARISON.search(sent.span.text)
    clause_end = _CLAUSE_END
    if not m:
        m = _MAJORITY.search(sent.span.text)
        # (a majority's group ends at a bare "och" too: "Unga män är i majoritet bland de unga
        # vuxna som har bistånd och saknar oftare än unga kvinnor …" analyses again)
        clause_end = _CLAUSE_OR_AND_END
    if not m:
        return False
    counting = set(lexicon_lines("count_comparison_cues"))
    # the group compared in ("… bland eleverna med behov av extra lästräning") is no analysis
    among = re.compile(r"\bbland\b").search(sent.span.text, m.end())
    group = sent.span.start + among.start() if among else sent.span.end
    # …up to its clause's end: "…, och skillnaden är störst bland de yngsta" analyses again
    after = clause_end.search(sent.span.text, among.end()) if among else None
    resumes = sent.span.start + after.end() if after else sent.span.end
    return all(
        c.text.lower() in counting
        for c in phrases(ab, ANALYSIS)
        if within(c, sent) and (c.start < group or c.start >= resumes)
    )


_CLAUSE_END = re.compile(r",\s*(?:och|men|medan)?\s*")
_CLAUSE_OR_AND_END = re.compile(r",\s*(?:och|men|medan)?\s*|\s+och\s+")


def _on_counts(ab: AnnotatedBlock, k: int) -> bool:
    """Sentence k is about how many there are of each sex, not about rates: its only analysis
    is that, or it compares the counts of the split right before it ("I lovsimmet deltog 64
    barn, 37 flickor och 27 pojkar. Flickorna var fler än pojkarna, eftersom …")."""
    sent = ab.sentences[k]
    if _only_counts_compared(ab, sent):
        return True
    return (
        _follows_its_split(ab, k) and _counts_split(ab, ab.sentences[k - 1])
        and _COUNT_COMPARISON.search(sent.span.text) is not None
    )  # fmt: skip



_NUMBER = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?")


def _table_topics(ctx: RuleContext, table: Block) -> set[str]:
    def label_words(t: Block) -> set[str]:
        return _topics(" ".join(c.text for c in table_label_cells(ctx, t)), set())

    others: set[str] = set()
    for b in ctx.document.blocks:
        if b.kind is BlockKind.TABLE and b.index != table.index:
            others |= label_words(b)
    caption = _topics(CAPTION.sub("", _caption_text(ctx, table)), set())
    return caption | (label_words(table) - others)


ROW_WORD_PREFIX = 5
MIN_ROW_WORDS = 2


def _content_words(ab: AnnotatedBlock, start: int = 0, end: int | None = None) -> set[str]:
    """Word starts of the content words (4+ letters, no stop word, no sex term) in a span."""
    if ab.doc is None:
        return set()
    end = len(ab.block.text) if end is None else end
    return {
        t.lower_[:ROW_WORD_PREFIX]
        for t in ab.doc
        if start <= t.idx < end and t.is_alpha and len(t) >= 4 and not t.is_stop
        and not t._.jam_sex
    }  # fmt: skip


def _row_discussed(ctx: RuleContext, table: Block, others: bool = False) -> bool:
    """A row label shares two content words with an analysing sentence about the sexes (with
    `others`, not one that names only staff). A row label that another table has too ("Vård
    och omsorg" in the tables of sick leave and of turnover) says nothing about which one a
    comment means."""

    def row_words(t: Block) -> list[set[str]]:
        return [
            words for c in table_label_cells(ctx, t)
            if not c.is_header and len(words := _content_words(ctx.blocks[c.index])) >= MIN_ROW_WORDS
        ]  # fmt: skip

    elsewhere = [
        words
        for b in ctx.document.blocks
        if b.kind is BlockKind.TABLE and b.index != table.index
        for words in row_words(b)
    ]
    rows = [words for words in row_words(table) if words not in elsewhere]
    if not rows:
        return False
    for ab in ctx.blocks:
        if not _prose(ab.block):
            continue
        for sent in ab.sentences:
            if not _comments_on_sexes(ab, sent) or others and _names_only_staff(ab, sent):
                continue
            words = _content_words(ab, sent.span.start, sent.span.end)
            if any(len(row & words) >= MIN_ROW_WORDS for row in rows):
                return True
    return False


def _figures_discussed(ctx: RuleContext, figures: set[str], skip: set[int]) -> bool:
    """A sentence elsewhere that compares the sexes and repeats at least two of the figures."""
    wanted = {m.group() for f in figures for m in _NUMBER.finditer(f)}
    # a one-sex share repeated as it is ("varav 81 procent kvinnor" … "Att 81 procent av de
    # anställda är kvinnor innebär att …")
    shares = {f"{n} procent" for n in wanted} if len(figures) == 1 and len(wanted) == 1 else set()
    if len(wanted) < 2 and not (shares and any("procent" in f for f in figures)):
        return False
    for ab in ctx.blocks:
        if ab.block.index in skip or not _prose(ab.block):
            continue
        for sent in ab.sentences:
            found = {m.group() for m in _NUMBER.finditer(sent.span.text)}
            repeated = len(found & wanted) >= 2 or any(x in sent.span.text for x in shares)
            if repeated and _comments_on_sexes(ab, sent):
                return True
    return False


RUN = 3  # words in a row that a comment repeats from the split's sentence


def _said_again(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, split: _Split = _Split()) -> bool:
    """A comment on the sexes elsewhere that repeats what the split measures, word for word
    ("Andelen som ville delta igen var 84 procent bland pojkarna och 71 procent bland flickorna"
    ↔ "Att flickorna i lägre grad ville delta igen tyder på …")."""
    stop = set(lexicon_lines("topic_stopwords"))
    sex = {w for t in sex_terms_in(ab, sent) for w in t.text.lower().split()}
    words = re.findall(r"[^\W\d_]+", sent.span.text.lower())
    runs = {
        tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)
        if any(len(w) >= 4 and w not in stop for w in words[i : i + RUN])
        and not any(w in sex or w.startswith("procent") for w in words[i : i + RUN])
    }  # fmt: skip
    if not runs:
        return False
    for other in ctx.blocks:
        if other.block.index == ab.block.index or not _prose(other.block):
            continue
        for x in other.sentences:
            theirs = re.findall(r"[^\W\d_]+", x.span.text.lower())
            found = {tuple(theirs[i : i + RUN]) for i in range(len(theirs) - RUN + 1)}
            if runs & found and _comments_on_sexes(other, x) and not _not_on(split, other, x):
                return True
    return False


_SEX_IS = re.compile(r"\s+(?:är|var|utgör|utgjorde)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _share_restated(ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A paragraph elsewhere that analyses the sexes and restates a count split as one sex's
    share ("276 våldsutsatta vuxna, varav 231 kvinnor och 45 män" … "Av de våldsutsatta vuxna
    var 84 procent kvinnor, … Hittills har insatserna riktats till de utsatta kvinnorna …")."""
    inside = [q for q in ab.quantities if within(q.span, sent) and not q.is_percent and q.value]
    split = [q for q in inside if q.sex]
    first = min((q.span.start for q in split), default=0)
    # the count the split divides: the nearest before it
    totals = [q for q in inside if q.measure is Measure.PEOPLE and not q.sex and q.span.end <= first]
    # (or a make-up in shares said again: "1 094 inskrivna arbetslösa …, varav 53 procent
    # kvinnor" … "Kvinnor utgör 53 procent av de inskrivna arbetslösa …. Skillnaden beror …")
    made_up = [
        q for q in ab.quantities
        if within(q.span, sent) and q.value and _makeup_share(ab.block.text, q)
    ]  # fmt: skip
    if made_up and not split:
        shares = {f"{round(q.value)} procent" for q in made_up}
        total, values = 0.0, []
    elif not totals or not split:
        return False
    else:
        total = totals[-1].value
        values = [100 * q.value / total for q in split]
        shares = {f"{round(v)} procent" for v in values}
    respondents = _RESPONDENTS.search(sent.span.text) is not None
    for other in ctx.blocks:
        if other.block.index == ab.block.index or not _prose(other.block):
            continue
        if not any(_comments_on_sexes(other, x) for x in other.sentences):
            continue
        for x in other.sentences:
            if not sex_terms_in(other, x):
                continue
            if respondents and not _on_respondents(other, x):
                continue  # who the anhöriga are is no comment on who answered
            # the share of one sex, not a rate among it that happens to be equal ("71 procent
            # bland pojkarna och 52 procent bland flickorna")
            rates = {
                y.span.text for y in other.quantities
                if within(y.span, x) and _rate_among_sex(other.block.text, y)
            }  # fmt: skip
            if any(share in x.span.text and share not in rates for share in shares):
                return True
            if not split:
                continue
            # as a count of the same total: "Tre av de fyra simlärarna är kvinnor" for "fyra
            # simlärare …, tre kvinnor och en man"
            here = [y for y in other.quantities if within(y.span, x) and not y.is_percent]
            if any(y.sex and y.value in {q.value for q in split} for y in here) and any(
                y.value == total and not y.sex for y in here
            ):
                return True
            # as "A av B" of one sex: "Att fyra av fem medarbetare är kvinnor" for "1 312 …, 1 046
            # kvinnor och 266 män"
            terms = sex_terms_in(other, x)
            for y in other.quantities:
                if y.is_percent or not within(y.span, x):
                    continue
                after = [t.text for t in terms if t.start >= y.span.end][:1]
                if not y.sex:
                    # or the sex it is said of: "Kvinnorna är drygt två av tre boende"
                    text = other.block.text
                    after = [t.text for t in terms if _SEX_IS.match(text[t.end : y.span.start])]
                    if y.measure is not Measure.PEOPLE or not after:
                        continue
                ratio = _out_of(y.span.text)
                # (of the split's kind of people: not "nio av tio undersköterskor är kvinnor" for
                # "studerade … 38 personer, 33 kvinnor och 5 män")
                named = [
                    p.text.lower() for p in other.people
                    if y.span.start <= p.start < (terms[-1].start if terms else x.span.end)
                    and not any(t.start == p.start for t in terms)
                ]  # fmt: skip
                unit = totals[-1].unit
                staff = unit is not None and _is_staff(unit.text.lower())
                if named and unit is not None and _is_staff(named[0]) != staff:
                    continue
                if ratio is not None and after and any(
                    abs(ratio - v) <= FRACTION_TOLERANCE and _same_sex(after[0], _sex_word(ab, q))
                    for q, v in zip(split, values, strict=True)
                ):
                    return True
            # in words: "drygt en fjärdedel av medarbetarna är män" for "164 …, varav 118
            # kvinnor och 46 män"
            if any(
                (y.sex or _sex_said_before(other, terms, y) and _same_kind(other, x, y, totals[-1]))
                and y.is_percent and y.value is not None and within(y.span, x)
                and not _DIGIT.search(y.excerpt.text)
                and y.span.text not in rates
                and any(abs(y.value - v) <= FRACTION_TOLERANCE for v in values)
                for y in other.quantities
            ):  # fmt: skip
                return True
    return False


_DIGIT = re.compile(r"\d")  # (a fraction in words: no digits)


def _same_kind(ab: AnnotatedBlock, sent: Sentence, y: Quantity, total: Quantity) -> bool:
    """The people a figure is of are staff just when the split's total counts staff ("två
    tredjedelar av de anhöriga" restates no split of anhörigkonsulenter)."""
    sexed = {t.start for t in ab.sex_terms}
    named = [
        p.text.lower() for p in ab.people
        if y.span.end <= p.start < sent.span.end and p.start not in sexed
    ]  # fmt: skip
    if not named or total.unit is None:
        return True
    return _is_staff(named[0]) == _is_staff(total.unit.text.lower())


def _sex_said_before(ab: AnnotatedBlock, terms: Sequence[TextSpan], y: Quantity) -> bool:
    """The figure is said of a sex before it: "Kvinnorna är drygt två tredjedelar av dem som
    har insatser nattetid"."""
    text = ab.block.text
    return any(t.end <= y.span.start and _SEX_IS.match(text[t.end : y.span.start]) for t in terms)


def _sex_word(ab: AnnotatedBlock, q: Quantity) -> str:
    """The sex term of a figure by sex ("kvinnor" in "1 046 kvinnor")."""
    return next((t.text for t in ab.sex_terms if q.excerpt.start <= t.start < q.excerpt.end), "")


SEX_STEM = 3  # letters two forms of one sex term share ("män"/"männen"), no two sexes do


def _same_sex(a: str, b: str) -> bool:
    """Two forms of one sex term ("kvinnor", "kvinnorna"; "män", "männen")."""
    return len(a) >= SEX_STEM and a[:SEX_STEM].lower() == b[:SEX_STEM].lower()


def _out_of(text: str) -> float | None:
    """The percentage "A av B" says ("fyra av fem" is 80, "drygt två av tre" about 67), in
    digits or number words."""
    parts = _part_and_whole(text)
    if parts is None:
        return None
    a, b = parts
    return 100 * a / b if a is not None and b else None


def _part_and_whole(text: str) -> tuple[float | None, float | None] | None:
    """A and B of "A av B", in digits or number words, after an approximation word if any."""
    parts = text.strip().lower().split()
    if len(parts) == OUT_OF_WORDS + 1 and parts[0] in lexicon_lines("approximations"):
        parts = parts[1:]
    if len(parts) != OUT_OF_WORDS or parts[1] != "av":
        return None
    words = _number_words()
    a, b = (float(w) if w.isdigit() else words.get(w) for w in (parts[0], parts[2]))
    return a, b


OUT_OF_WORDS = 3  # "fyra av fem"


@cache
def _number_words() -> dict[str, float]:
    return {w: float(v) for w, v in parse_tsv(lexicon_text("number_words.tsv"))}


FRACTION_TOLERANCE = 4  # percentage points between "drygt en fjärdedel" and 28 procent


_AMONG_SOME = re.compile(r"\bbland\s+(?:de|dem)\b", re.IGNORECASE)
_COUNT_COMPARISON = re.compile(
    r"\b(?:så|lika) många\b|\b(?:är|var|varit|blir|blev) (?:\w+ ){0,2}?(?:fler|färre) än\b"
    # "Pojkarna var fler bland de anmälda"
    r"|\b(?:är|var) (?:\w+ ){0,2}?(?:fler|färre) bland\b",
    re.IGNORECASE,
)


def _sex_stems(ab: AnnotatedBlock, sent: Sentence, n: int = 4) -> set[str]:
    return {t.text.lower()[:n] for t in sex_terms_in(ab, sent)}


def _counts_compared(
    ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, about: _Split = _Split()
) -> bool:
    """A sentence elsewhere that compares how many there are of the same two sexes and speaks
    of nothing else ("Pojkarna är mer än dubbelt så många som flickorna, vilket …"), and not of
    other people ("Männen är fler än kvinnorna bland dem som har boendestöd" is not on the
    boendestödjare)."""
    stems = _sex_stems(ab, sent)
    if len(stems) < 2:
        return False
    if all(q.is_percent for q in ab.quantities if q.sex and within(q.span, sent)):
        return False  # "Arbetslösheten var 8,4 procent för kvinnor …": rates, not counts
    # a comparison that names the split's own grade, whatever else its paragraph counts
    # ("328 elever i årskurs 3, varav 160 flickor" ↔ "Flickor och pojkar är ungefär lika många i
    # årskurs 3, men …")
    grades = {g.lower() for g in _GRADE.findall(sent.span.text)}
    for other, s2 in _comparisons_elsewhere(ctx, ab, _COUNT_COMPARISON, grades=True) if grades else ():
        same_grade = grades & {g.lower() for g in _GRADE.findall(s2.span.text)}
        if same_grade and stems <= _sex_stems(other, s2):
            return True
    # (figures of its own anywhere in the paragraph make it a statement, not a comment; how
    # many there are of each sex says who answered)
    who = replace(about, respondents=False)
    for other, s2 in _comparisons_elsewhere(ctx, ab, _COUNT_COMPARISON, whole_block=True):
        if _not_on(who, other, s2):
            continue
        if about.respondents and _AMONG_SOME.search(s2.span.text) and not _RESPONDENTS.search(s2.span.text):
            continue  # "Flickorna är fler än pojkarna bland de elever som förlorar rätten …"
        if _among_others(ab, sent, s2):
            continue  # "Pojkarna är fler än flickorna bland de placerade" after "Av barnen var …"
        if stems <= _sex_stems(other, s2):
            return True
        # "21 kvinnor och 37 män" ↔ "Männen var nästan dubbelt så många som kvinnorna i
        # piloten": other forms of the sexes, about the same thing
        sex = {t.text.lower() for t in (*sex_terms_in(ab, sent), *sex_terms_in(other, s2))}
        if _sex_stems(ab, sent, 3) <= _sex_stems(other, s2, 3) and _same_subject(
            sent.span.text, s2.span.text, sex
        ):
            return True
    return False


_AMONG_THE = re.compile(r"\bbland\s+(?:de|dessa)\s+(?!som\b)(\w+)(?:\s+(\w+))?", re.IGNORECASE)
_AMONG_DEFINITE = re.compile(r"\bbland\s+(\w+na)\b", re.IGNORECASE)
MIN_GROUP_WORD = 6


def _among_others(ab: AnnotatedBlock, sent: Sentence, comparison: Sentence) -> bool:
    """A comparison that names its group by a word ("bland de placerade") that neither the
    split's sentence nor the one before it has: other people ("Under 2024 inkom 612
    orosanmälningar om 398 barn. Av barnen var 190 flickor …")."""
    m = _AMONG_THE.search(comparison.span.text)
    # (or a definite plural: "bland besökarna på fritidsgårdarna" after "538 elever")
    m = m or _AMONG_DEFINITE.search(comparison.span.text)
    if m is None or len(m.group(1)) < MIN_GROUP_WORD:
        return False
    if m.group(1).lower().startswith((*lexicon_lines("sex_prefixes"), "män")):
        return False  # "bland flickorna", "bland männen": the sexes, no group
    before = [x for x in ab.sentences if x.span.end <= sent.span.start][-1:]
    # (and the sentence after it, when the split names its people only generically: "164
    # personer …, 71 kvinnor och 93 män. Av deltagarna var …")
    generic = tuple(lexicon_lines("context/generic_people"))
    people = _people_words(ab, sent)
    vague = bool(people) and all(w.startswith(generic) for w in people)
    after = [x for x in ab.sentences if x.span.start >= sent.span.end][:1] if vague else []
    text = " ".join(x.span.text for x in (*before, sent, *after)).lower()
    # (or the noun after it: "bland de medföljande barnen" after "38 barn, 17 flickor …")
    words = [w.lower() for w in m.groups() if w and len(w) >= MIN_STEM]
    # (or by the verb that makes them: "deltog 1 140 barn" ↔ "bland deltagarna")
    agents = set().union(*(_agent_stems(x) for x in (*before, sent, *after)))
    return not any(_stem(w) in text or w.startswith(tuple(agents)) for w in words)


def _comparisons_elsewhere(
    ctx: RuleContext,
    ab: AnnotatedBlock,
    pattern: re.Pattern[str],
    whole_block: bool = False,
    grades: bool = False,
) -> Iterator[tuple[AnnotatedBlock, Sentence]]:
    """Sentences outside `ab` that compare the sexes in words (`pattern`) with no figures of
    their own, in the sentence or, with `whole_block`, in its paragraph (a year is none: "…
    bland deltagarna 2029"; with `grades`, nor is a grade: "i årskurs 3")."""
    for other in ctx.blocks:
        if other.block.index == ab.block.index or not _prose(other.block):
            continue
        for s2 in other.sentences:
            if not pattern.search(s2.span.text) or not _comments_on_sexes(other, s2):
                continue
            figures = [
                x for x in other.quantities
                if (whole_block or within(x.span, s2))
                and not (grades and _GRADE_BEFORE.search(other.block.text, 0, x.span.start))
            ]  # fmt: skip
            references = (Measure.PARAGRAPH, Measure.DNR)  # "5 §", "artikel 3": no figures
            if any(
                x.measure not in WHEN_MEASURES | set(references) and not _no_figure(other, x)
                for x in figures
            ):
                continue
            yield other, s2


def _no_figure(ab: AnnotatedBlock, q: Quantity) -> bool:
    """A number that is part of a comparison of the sexes ("fem gånger så många som
    flickorna") or names things already known ("på de två skolorna"), no figure of a sentence's
    own."""
    text = ab.block.text
    times = _TIMES_AS.match(text, q.excerpt.end)
    if times is not None and any(t.start == times.start(1) for t in ab.sex_terms):
        return True  # (of the bare sexes, not "sju gånger fler än ensamstående män med barn")
    known = q.measure in (Measure.OBJECT, Measure.ORGANISATION)
    return known and _THE_BEFORE.search(text, 0, q.span.start) is not None


_TIMES_AS = re.compile(
    r"\s+gånger\s+(?:så\s+många\s+som|fler\s+än|färre\s+än)\s+(?:de\s+)?(\w+)", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\b(?:de|båda|alla)\s+$", re.IGNORECASE)


_GRADE_BEFORE = re.compile(rf"\b{_GRADE_WORDS}\s*$", re.IGNORECASE)


_DEGREE_COMPARISON = re.compile(
    r"\bi\s+(?:\w+\s+)?(?:lägre|högre|större|mindre)\s+(?:grad|utsträckning)\s+än\b", re.IGNORECASE
)


def _rates_compared(
    ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, about: _Split = _Split()
) -> bool:
    """The document's only split of rates, compared in degree elsewhere with no figures ("61
    procent bland kvinnorna och 52 procent bland männen" ↔ "Männen är i lägre grad än kvinnorna
    nöjda med maten"), on its own measure ("Kvinnorna svarade i något lägre grad än männen" is
    not on sick leave)."""
    split = [q for q in ab.quantities if q.sex and within(q.span, sent)]
    stems = _sex_stems(ab, sent)
    if len(stems) < 2 or not split or not all(q.is_percent for q in split):
        return False
    rate_splits = {
        (b.block.index, x.span.start)
        for b in ctx.blocks for x in b.sentences
        if _prose(b.block) and _has_split(b, x)
        and all(q.is_percent for q in b.quantities if q.sex and within(q.span, x))
    }  # fmt: skip
    if len(rate_splits) != 1:
        return False
    return any(
        stems <= _sex_stems(other, s2) and not _not_on(about, other, s2)
        for other, s2 in _comparisons_elsewhere(ctx, ab, _DEGREE_COMPARISON)
    )


def _same_subject(a: str, b: str, sex: set[str]) -> bool:
    """A content word of one whose stem starts a content word of the other ("pilotåret",
    "piloten"), the sex terms not counted."""
    ours, theirs = _topics(a, sex), _topics(b, sex)
    stems = {_stem(w) for w in theirs if len(_stem(w)) >= MIN_SUBJECT_STEM}
    return any(w.startswith(x) for w in ours for x in stems)


MIN_SUBJECT_STEM = 5


def _comments_on_sexes(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """An analysing sentence about women and men, or about "skillnaden"/"fördelningen"."""
    if cues_only_in_goals(ab, sent):
        return False  # "… delmål: en jämn fördelning av makt …, att mäns våld mot kvinnor …"
    if sex_terms_in(ab, sent):
        return _analyses(ab, sent)
    text = ab.block.text
    # (not a difference between places or groups: "Skillnaden mellan fritidshemmen är stor")
    refs = [
        r for r in phrases(ab, SPLIT_REFERENCE)
        if within(r, sent) and not _BETWEEN_OTHERS.match(text, r.end)
    ]  # fmt: skip
    return bool(refs) and _analyses(ab, sent)


# (in a sentence with no sex term, a difference between anything but "könen" is not the sexes)
_BETWEEN_OTHERS = re.compile(r"\s+mellan\s+(?!könen\b)\w", re.IGNORECASE)


def _sex_kind(terms) -> str | None:
    """ "child" when the sex terms are all girls and boys, "adult" when all women and men."""
    child = tuple(lexicon_lines("child_sex_prefixes"))
    stems = [*lexicon_lines("sex_prefixes"), *(w for w in lexicon_lines("sex_terms") if len(w) >= 4)]
    # "kvinn", "manlig", "mamm" (a lemma's stem: "mammor", "pappor")
    adult = tuple(p[:-1] if p.endswith(("a", "e")) else p for p in stems if not p.startswith(child))
    adult_words = {w for w in lexicon_lines("sex_categories") if not w.startswith(child)}  # "män"
    kinds = set()
    for t in terms:  # a term may be a phrase: "fler pojkar än flickor"
        words = re.findall(r"\w+", t.text.lower())
        if any(w.startswith(child) for w in words):
            kinds.add("child")
        if any(w in adult_words or w.startswith(adult) for w in words):
            kinds.add("adult")
    return kinds.pop() if len(kinds) == 1 else None


def _counts_others(ab: AnnotatedBlock, other: Sentence, sent: Sentence) -> bool:
    """`other` counts people that the split sentence does not name ("… där 94 elever läste
    under 2031. Sfi har 22 lärare, varav 17 kvinnor": the pupils are not the teachers) — not
    when the split opens on them ("Av dem var 151 kvinnor och 95 män, och 58 var …")."""
    if _OF_THEM.match(sent.span.text):
        return False
    ours = {_stem(q.unit.text.lower()) for q in ab.quantities if q.unit and within(q.span, sent)}
    return any(
        q.measure is Measure.PEOPLE and not q.sex and q.unit is not None
        and _stem(q.unit.text.lower()) not in ours
        for q in ab.quantities if within(q.span, other)
    )  # fmt: skip


# "Av de antagna …": those a participle names, with no noun after it
_PARTICIPLE_OPENING = re.compile(r"\s*Av\s+de\s+(\w+?)(?:na|da|ta|ade)\s+(?!\w+(?:are|er|or|ar)\b)")
PARTICIPLE_STEM = 3  # letters a passive and its participle share ("antogs", "antagna")


def _participle_of(sent: Sentence, nab: AnnotatedBlock) -> bool:
    """The next paragraph opens on those the split's passive verb names: "Av de sökande
    antogs 48 deltagare, 35 kvinnor och 13 män." ¶ "Av de antagna fullföljde …"."""
    m = _PARTICIPLE_OPENING.match(nab.block.text)
    if m is None:
        return False
    stem = m.group(1).lower()
    words = re.findall(r"\w+s\b", sent.span.text.lower())
    passives = [w[:-1] for w in words if len(w) > PARTICIPLE_STEM + 2]
    return any(
        w[:PARTICIPLE_STEM] == stem[:PARTICIPLE_STEM] and len(stem) >= PARTICIPLE_STEM
        for w in passives
    )


def _rate_of_the_same(nouns: set[str], ab: AnnotatedBlock, k: int) -> bool:
    """Sentence k compares in degree what the same people did, right after a split of those
    of them who did it ("Sommarsimskolan hade 184 deltagare …" ¶ "Efter kursen klarade 131
    deltagare provet, 74 flickor …. Flickorna klarade provet i högre grad än pojkarna …"): a
    comment on them all, not only on the part."""
    before = _people_stems(ab, ab.sentences[k - 1])
    degree = _DEGREE_COMPARISON.search(ab.sentences[k].span.text)
    return _same_people(nouns, before) and degree is not None


def _others_lead(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence is about people who are not staff, named before its sexes ("Besökarna
    uppskattar aktiviteterna, och männen efterfrågar oftare …"), or its sexes are all parents
    and it names no staff ("Pappor som deltagit har oftare än mammorna efterfrågat …")."""
    terms = sex_terms_in(ab, sent)
    if not terms:
        return False
    parents = tuple(lexicon_lines("context/parent_sex_stems"))
    if all(t.text.lower().startswith(parents) for t in terms) and not _names_staff(ab, sent):
        return True
    sexed = {t.start for t in ab.sex_terms}
    people = [p for p in ab.people if within(p, sent) and p.start not in sexed]
    first = min(t.start for t in terms)
    return _names_only_others(ab, sent) and any(p.start < first for p in people)


def _children_past_adults(kind: str | None, ab: AnnotatedBlock, k: int) -> bool:
    """Sentence k speaks of girls and boys right after a split of women and men, while the
    split it may comment is of girls and boys ("… 402 ungdomar en plats, 221 flickor …" ¶
    "Ungdomarna hade 74 handledare, varav 58 kvinnor …. Flickorna placerades oftare …")."""
    return (
        kind == "child" and _sex_kind(sex_terms_in(ab, ab.sentences[k])) == "child"
        and _sex_kind(sex_terms_in(ab, ab.sentences[k - 1])) == "adult"
    )  # fmt: skip


def _is_rate_stem(word: str) -> bool:
    """A people-word stem that is a rate noun ("svarsfrekvens" of "Svarsfrekvensen")."""
    stems = (_stem(r.lstrip("=")) for r in lexicon_lines("rate_nouns"))
    return any(len(word) >= len(r) and _same_topic(word, r) for r in stems)


def _agent_stems(sent: Sentence) -> set[str]:
    """The people the sentence's verbs make ("deltog" → "deltag", as in "deltagarna")."""
    pairs = dict(line.split() for line in lexicon_lines("agent_nouns"))
    return {pairs[w] for w in re.findall(r"\w+", sent.span.text.lower()) if w in pairs}


def _people_stems(ab: AnnotatedBlock, sent: Sentence | None = None) -> set[str]:
    """Stems of the people words (not the sex terms) of a block or one of its sentences."""
    sexed = {t.start for t in ab.sex_terms}
    return {
        _stem(p.text.lower()) for p in ab.people
        if p.start not in sexed and (sent is None or within(p, sent))
    }  # fmt: skip


_BOTH = re.compile(r"\bbåde\b.+\boch\b", re.IGNORECASE)


def _split_between(ab: AnnotatedBlock, a: Sentence, b: Sentence) -> bool:
    """Another sex-split figure stands between two sentences of a paragraph ("… tre
    anhörigkonsulenter, två kvinnor och en man. … 286 anhöriga, 201 kvinnor och 85 män.
    Kvinnorna var alltså drygt två tredjedelar av de svarande …")."""
    lo, hi = sorted((a.span.start, b.span.start))
    for k, sent in enumerate(ab.sentences):
        if not lo < sent.span.start < hi or sent.span.start == b.span.start:
            continue
        if k > 0 and ab.sentences[k - 1].span == a.span and _RESTATES.match(sent.span.text):
            continue  # "… 12,9 procent …. Det motsvarar 264 elever, 145 flickor …": a again
        # a split of both sexes (not a one-sex subgroup: "… av dem är 35 pojkar")
        if sum(1 for x in ab.quantities if x.sex and within(x.span, sent)) < 2:
            continue
        # (not a split of another kind than the comment speaks of: "… 386 barn, 191 flickor …
        # sex simlärare, fyra kvinnor …. Fördelningen mellan flickor och pojkar … var jämn.")
        theirs = _sex_kind(sex_terms_in(ab, sent))
        said = _sex_kind(sex_terms_in(ab, b))
        if theirs and said and theirs != said and _sex_kind(sex_terms_in(ab, a)) == said:
            continue
        return True
    return False


def _only_their_rates_between(ab: AnnotatedBlock, a: Sentence, b: Sentence) -> bool:
    """Every split between two sentences is of rates, in a sentence that names no people of
    its own but those of the first ("… 684 elever, varav 331 flickor …. Andelen elever i
    årskurs 3 som nådde kravnivån … var 81 procent för flickorna …"): the same people's other
    measure."""
    ours = {_stem(w) for w in _people_words(ab, a)}
    k = next((i for i, x in enumerate(ab.sentences) if x.span == a.span), 0)
    if not ours and k > 0 and _OF_THEM.match(a.span.text):
        # "… gick 412 elever i årskurs 6. Av dem var 201 flickor …": the people before
        ours = {_stem(w) for w in _people_words(ab, ab.sentences[k - 1])}
    for sent in ab.sentences:
        if not a.span.start < sent.span.start < b.span.start:
            continue
        split = [x for x in ab.quantities if x.sex and within(x.span, sent)]
        if split and _RESTATES.match(sent.span.text):
            continue  # "… var andelen 12,9 procent …. Det motsvarar 264 elever, 145 flickor …"
        theirs = {_stem(w) for w in _people_words(ab, sent)}
        part = _OF_A_PART.match(sent.span.text)
        # (all of them named again is no part: "… 418 elever …. Av eleverna nådde 89 procent …")
        again = part is not None and bool(ours) and _same_people(
            ours, {_stem(w.lower()) for w in re.findall(r"\w+", sent.span.text[part.end() :])[:1]}
        )
        if split and (
            not all(x.is_percent for x in split)
            or theirs and not (ours and all(_same_people(ours, {t}) for t in theirs))
            or part and not again
        ):
            return False  # (not a part of them: "Bland utrikes födda var arbetslösheten …")
    return True


# the rate before said again in counts: "Det motsvarar 264 elever, 145 flickor och 119 pojkar"
_RESTATES = re.compile(r"\s*(?:det|detta)\s+motsvarar\b", re.IGNORECASE)
# (not all of them: "Av dem uppfyllde 86 procent av flickorna …")
# (a rate by sex is no part: "Bland flickorna var andelen 12,9 procent …")
_OF_A_PART = re.compile(
    r"\s*(?:bland|av)\s+(?!(?:dem|dessa)\b|(?:flick|pojk|kvinn|män|tjej|kill)\w*\b)",
    re.IGNORECASE,
)


def _draws_consequence(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """What follows for the sexes: "Rekryteringen ska därför även nå kvinnor som kan ta uppdrag
    för ensamkommande flickor" — a sex named outside a figure in a sentence that concludes."""
    return has_phrase(ab, CONSEQUENCE, sent) and sexes_beyond_counts(ab, sent)


def _analysed_here(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """The sentence of a split comments on it: an analysis cue in a clause that names a sex
    ("64 flickor och 56 pojkar, alltså fler flickor"), not one about something else ("fem män
    och två kvinnor, och de flesta var över 70 år")."""
    text = ab.block.text
    terms = sex_terms_in(ab, sent)
    # "Andelen som ansåg att stödet motsvarade deras behov var 74 procent bland kvinnorna …":
    # the words before the figures say what is measured
    figures = [q.span.start for q in ab.quantities if q.sex and within(q.span, sent)]
    measured = _SHARE_WHO.match(sent.span.text) is not None and bool(figures)
    for cue in phrases(ab, ANALYSIS):
        if not within(cue, sent) or has_phrase(ab, SUPPRESSION, sent):
            continue
        after_copula = _COPULA_BEFORE.search(text, sent.span.start, cue.start) is not None
        if measured and cue.end <= min(figures) and not after_copula:
            continue  # (but "Andelen som blev behöriga var alltså högre bland flickorna …")
        if _BOUND_AFTER.match(text, cue.end):
            continue  # "Bland dem som gjorde fler än 100 resor var 96 kvinnor …": a bound
        left, right = clause_around(text, sent, cue)
        if any(left <= t.start < right for t in terms):
            return True
        if terms and _BETWEEN_THE_SEXES.search(text, left, right):
            return True  # "…, och resultatet skiljer sig alltså knappt mellan könen"
        # "86 procent bland flickorna och 84 procent bland pojkarna, alltså nästan lika": an
        # apposition to the split right before it
        before = [t.end for t in terms if t.start < left]
        if before and _SO.match(text, left, cue.start) and text[max(before) : left].strip(" ,") == "":
            return True
    return False


_COPULA_BEFORE = re.compile(r"\s(?:var|är)\s")
_BETWEEN_THE_SEXES = re.compile(r"\bmellan\s+könen\b", re.IGNORECASE)
_MEASURED = re.compile(
    r"\s*andel(?:en)?\s+(?:\w+\s+){0,3}?som\s+(.+?)\s+(?:är|var)\s", re.IGNORECASE
)


def _measured_clause(text: str) -> set[str]:
    """The topic words of what a share measures ("Andelen inskrivna som bor ensamma är …")."""
    m = _MEASURED.match(text)
    return _topics(m.group(1), set()) if m else set()


_SHARE_WHO = re.compile(r"\s*andel(?:en)?\s+(?:\w+\s+){0,3}?som\b", re.IGNORECASE)
_SO = re.compile(r"\s*(?:alltså|dvs\.?|det\s+vill\s+säga)\s", re.IGNORECASE)


def _analyses(ab: AnnotatedBlock, sent: Sentence | None = None) -> bool:
    """A sentence (or any sentence of the block) that comments on figures — not a note that
    small numbers are held back ("färre än fem personer redovisas inte")."""
    sents = [sent] if sent is not None else list(ab.sentences)
    return any(has_phrase(ab, ANALYSIS, s) and not has_phrase(ab, SUPPRESSION, s) for s in sents)


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

    def _text_after(self, ctx: RuleContext, index: int, n: int) -> list[Block]:
        doc = ctx.document
        section = doc.blocks[index].section
        return [
            b
            for b in doc.blocks[index + 1 :]
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and b.section == section
        ][:n]

    @staticmethod
    def _participle_paragraph_comments(
        ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence
    ) -> bool:
        """The next paragraph, under a subheading or not, opens on those the split's verb
        names and comments on the sexes ("… antogs 48 deltagare, 35 kvinnor och 13 män." ¶
        "### Genomförande" ¶ "Av de antagna fullföljde …. Männen avbröt oftare än kvinnorna
        …")."""
        for b in ctx.document.blocks[ab.block.index + 1 :]:
            if b.kind is BlockKind.HEADING:
                continue
            nab = ctx.blocks[b.index]
            return (
                b.kind is BlockKind.PARAGRAPH and _participle_of(sent, nab)
                and any(_comments_on_sexes(nab, x) for x in nab.sentences)
            )  # fmt: skip
        return False

    @staticmethod
    def _after_list(ctx: RuleContext, block: Block) -> list[Block]:
        """For the first list item with a split, the paragraph right after its list ("- 264
        personer …, varav 58 procent kvinnor" commented by "Kvinnorna är i majoritet …")."""
        if block.kind is not BlockKind.LIST_ITEM:
            return []
        for b in reversed(ctx.document.blocks[: block.index]):
            if b.kind is not BlockKind.LIST_ITEM:
                break
            if any(q.sex for q in ctx.blocks[b.index].quantities):
                return []  # the comment below the list speaks of its first split, not this one
        for b in ctx.document.blocks[block.index + 1 :]:
            if b.kind is BlockKind.LIST_ITEM:
                continue
            return [b] if b.kind is BlockKind.PARAGRAPH and b.section == block.section else []
        return []

    def _text_before(self, ctx: RuleContext, table: Block, n: int) -> list[Block]:
        """Text blocks before a table in its section, its caption not counted."""
        doc = ctx.document
        return [
            b
            for b in doc.blocks[: table.index]
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and b.section == table.section
            and not CAPTION.match(b.text)
        ][-n:]

    def _table_commented(self, ctx: RuleContext, table: Block) -> bool:
        """A comment right after the table, or anywhere that names its caption ("Tabell 1
        visar att flickor …")."""
        after = self._text_after(ctx, table.index, 1)
        others = _counts_others_than_staff(ctx, table)
        cells = table_label_cells(ctx, table)
        labels = [t for c in cells for t in sex_terms_in(ctx.blocks[c.index])]
        kind = _sex_kind(labels)  # a table of girls and boys counts no staff
        about = _Split(others=others, kind=kind, staff=False if kind == "child" else None)
        for b in after + self._text_before(ctx, table, 1):
            nab = ctx.blocks[b.index]
            # (before the table, not the comment on the paragraph's own split: "… 301 kvinnor
            # och 237 män. Kvinnorna var fler bland de svarande …"; after a table of children,
            # not the comment on a staff split: "… 27 medarbetare, varav 25 kvinnor …. Som i
            # förskolan i stort är nästan all personal kvinnor")
            if any(
                _comments_on_sexes(nab, sent)
                and not (
                    _follows_another_split(nab, k)
                    and (b not in after or _not_on(about, nab, sent) or _of_adults(kind, nab, sent))
                )
                for k, sent in enumerate(nab.sentences)
            ):
                return True
        # what the table measures, by its caption ("Tabell 1. Ungdomsenkäten 2024 …"), discussed
        # in the gender analysis
        # what the table is about: its caption and its labels, less the labels it shares with
        # the document's other tables (rows repeated across tables say nothing about which one
        # a comment means); two words in common, since one is often the document's subject
        if _discussed_in_analysis(
            ctx, _table_topics(ctx, table), {table.index}, min_shared=2, split=_Split(others=others)
        ):
            return True
        # or an analysing sentence that speaks of one row's subject ("Jag får stöd när jag
        # behöver det" ↔ "Flickorna anser i lägre grad än pojkarna att de får stöd när de
        # behöver det")
        if _row_discussed(ctx, table, others):
            return True
        if self._split_of_total_commented(ctx, table):
            return True
        # or a sentence that repeats the table's own figures while comparing the sexes
        body = table.table.rows[table.table.header_rows :] if table.table else ()
        figures = {c.strip() for row in body for c in row[1:] if _NUMBER_CELL.match(c)}
        if _figures_discussed(ctx, figures, {table.index}):
            return True
        # or a comparison of the sexes that names the table ("i ungdomsenkäten (tabell 1)
        # uppger 21 procent av pojkarna men bara 6 procent av flickorna …")
        caption = _caption_number(ctx, table)
        if caption is None:
            return False
        ref = re.compile(rf"\btabell(?:en)?\s+{caption}\b", re.IGNORECASE)
        for ab in ctx.blocks:
            if ab.block.index == table.index - 1 or ab.block.kind is not BlockKind.PARAGRAPH:
                continue
            for sent in ab.sentences:
                if ref.search(sent.span.text) and _comments_on_sexes(ab, sent):
                    return True
        return False

    def _total_of_commented_table(
        self, ctx: RuleContext, ab: AnnotatedBlock, split: list[Quantity]
    ) -> bool:
        """A table by sex right after the split's paragraph whose total row gives the split's
        figures ("… 264 ungdomar …, 142 tjejer och 122 killar." ¶ Tabell 1 … | Totalt | 142 |
        122 | 264 |) is the same people in more detail: its comment is the split's."""
        values = {q.value for q in split if q.value is not None and not q.is_percent}
        if len(values) < 2:
            return False
        doc = ctx.document
        for b in doc.blocks[ab.block.index + 1 : ab.block.index + 1 + TABLE_REACH]:
            if b.kind is not BlockKind.TABLE or b.table is None:
                continue
            # (or, with no total row, its columns add up to them: "1 128 barn …, 512 flickor och
            # 616 pojkar" ¶ a table of the activities with columns Flickor and Pojkar)
            total = _total_row_holds(b.table, values) or _column_sums_hold(b.table, values)
            return total and table_split(ctx, b) and self._table_commented(ctx, b)
        if sum(values) < self.MIN_REPEATED_TOTAL:
            return False
        # (or anywhere, when the summary's split is the table's total: "Under 2025 deltog 486
        # personer …, varav 262 kvinnor och 224 män" ¶ … ¶ "Tabell 1. Deltagare per insats")
        return any(
            b.kind is BlockKind.TABLE and b.table is not None
            and (_total_row_holds(b.table, values) or _column_sums_hold(b.table, values))
            and table_split(ctx, b) and self._table_commented(ctx, b)
            for b in doc.blocks
        )  # fmt: skip

    def _split_of_total_commented(self, ctx: RuleContext, table: Block) -> bool:
        """The mirror of _total_of_commented_table: a split in the paragraph right before the
        table gives its total row's figures ("2 386 tillsvidareanställda medarbetare, 1 893
        kvinnor och 493 män. Fördelningen per förvaltning framgår av tabell 1."), and that split
        is commented: the table is the same people in more detail."""
        # (once per table: the split's own comment may point back to a table)
        asked: set[int] = ctx.memo("split_of_total_asked", set)
        if table.table is None or table.index in asked:
            return False
        asked.add(table.index)
        try:
            for b in ctx.document.blocks[max(0, table.index - TABLE_REACH) : table.index]:
                if b.kind is not BlockKind.PARAGRAPH:
                    continue
                ab = ctx.blocks[b.index]
                for sent in ab.sentences:
                    split = [q for q in ab.quantities if q.sex and within(q.span, sent)]
                    values = {q.value for q in split if q.value is not None and not q.is_percent}
                    if len(values) < 2:
                        continue
                    same = _total_row_holds(table.table, values) or _column_sums_hold(
                        table.table, values
                    )
                    if same and self._text_commented(ctx, ab, sent, via_table=False):
                        return True
            return False
        finally:
            asked.discard(table.index)

    def _text_commented(
        self,
        ctx: RuleContext,
        ab: AnnotatedBlock,
        sent: Sentence,
        again: bool = True,
        via_table: bool = True,
    ) -> bool:
        """Another sentence of the paragraph analyses it, or the next paragraph does while
        speaking of the same people ("640 medlemmar" … "medlemmarna"), or it points to a
        table of the split that is commented ("286 deltagare, varav 121 kvinnor och 165 män (se
        tabell 2)")."""
        # (or the sentence right after it, with no figures of its own: "… varav 429 kvinnor och
        # 57 män …. Fördelningen per yrkesgrupp framgår av tabell 1.")
        i = next(k for k, x in enumerate(ab.sentences) if x.span == sent.span)
        pointers = [sent] + [
            x for x in ab.sentences[i + 1 : i + 2]
            if not any(q.measure is Measure.PEOPLE and within(q.span, x) for q in ab.quantities)
        ]  # fmt: skip
        for pointer in pointers if via_table else ():
            if not any(within(r, pointer) for r in phrases(ab, TABLE_REFERENCE)):
                continue
            tables = _named_tables(ctx, pointer)
            if any(table_split(ctx, b) and self._table_commented(ctx, b) for b in tables):
                return True
        split = [q for q in ab.quantities if q.sex and within(q.span, sent)]
        if via_table and self._total_of_commented_table(ctx, ab, split):
            return True
        rates = bool(split) and all(q.is_percent for q in split)
        if again and split and not rates and self._their_rates_commented(ctx, ab, i):
            return True
        staff_split = _all_staff(ab, sent)
        adults = _sex_kind(sex_terms_in(ab, sent)) == "adult"
        # (not a part of those who answered: "Av dem som svarade angav 61 vårdnadshavare att de
        # har behov …, 49 mammor och 12 pappor")
        # (who answered as a make-up in shares too: "Av de svarande var 56 procent kvinnor")
        in_shares = [_makeup_share(ab.block.text, x) for x in split]
        made_up, any_made_up = bool(in_shares) and all(in_shares), any(in_shares)
        who_answered = (
            (not rates or made_up) and _RESPONDENTS.search(sent.span.text) is not None
            and not _OF_RESPONDENTS.search(sent.span.text)
        )
        for j, other in enumerate(ab.sentences):
            # (a comment on the response rate by sex, split right after who answered, says who
            # answered too: "… 1 402 kvinnor, 331 män …. Svarsfrekvensen var 75 procent, 77
            # procent bland kvinnorna …. Den lägre svarsfrekvensen bland männen beror …")
            # (or one that names them: "… 201 kvinnor och 85 män. Av kvinnorna uppgav 58 procent
            # …. Kvinnorna var alltså drygt två tredjedelar av de svarande …")
            on_response = who_answered and (
                _RESPONSE_RATE.search(other.span.text) is not None
                or _RESPONDENT_NOUN.search(other.span.text) is not None
            )
            # (unless only rates of the same people stand between: "… 1 860 medarbetare, varav
            # 1 420 kvinnor och 440 män. Sjukfrånvaron var 7,9 procent, 8,8 procent för kvinnor
            # …. Kvinnornas sjukfrånvaro är högre …, där de flesta anställda är kvinnor" comments
            # the headcount too, catalogue "Whose split a comment is on")
            between = other.span != sent.span and _split_between(ab, sent, other)
            # (a comment on both of two splits right before it: "… sökte 863 personer,
            # varav 541 kvinnor …. Av dem antogs 702 personer, 448 kvinnor …. Kvinnorna är
            # alltså fler än männen både bland de sökande och bland de antagna")
            both = (
                between and other.span.start > sent.span.start and _BOTH.search(other.span.text)
                and len([x for x in ab.sentences[i + 1 : j] if _has_split(ab, x)]) == 1
            )  # fmt: skip
            if between and not on_response and not both and not (
                not rates and not who_answered and other.span.start > sent.span.start
                and _only_their_rates_between(ab, sent, other)
            ):
                continue  # the comment is on the split nearer to it, another figure
            if adults and _sex_kind(sex_terms_in(ab, other)) == "child":
                # "… nio elevassistenter, sju kvinnor och två män …. De flesta av eleverna som
                # har en elevassistent är pojkar": girls and boys are not the women and men
                continue
            children = _sex_kind(sex_terms_in(ab, sent)) == "child"
            if children and _sex_kind(sex_terms_in(ab, other)) == "adult" and _names_only_staff(
                ab, other
            ):
                # "… 87 procent bland flickorna …. …, och att de manliga lärarna i lägre grad har
                # legitimation beror på …": the teachers are not the girls and boys
                continue
            # (unless it names what the rates measure: "… oftare bor ensamma …. Andelen inskrivna
            # som bor ensamma är 62 procent bland kvinnorna …")
            measure_named = rates and bool(
                _shared(_measured_clause(sent.span.text), _topics(other.span.text, set()))
            )
            if (
                j < i and _follows_its_split(ab, j) and ab.sentences[j - 1].span != sent.span
                and not measure_named
            ):  # fmt: skip
                # the comment right after an earlier split is that split's ("… besvarades av 96
                # anhöriga, 68 kvinnor och 28 män. Fördelningen … bland de svarande motsvarar
                # …. Andelen som ansåg … var 74 procent bland kvinnorna …")
                continue
            if staff_split and other.span.start < sent.span.start and _names_only_others(ab, other):
                # "… fler män än kvinnor bland deltagarna …. På de två enheterna arbetar 12
                # handledare, varav 7 kvinnor och 5 män": the comment before is on others
                continue
            if staff_split and other.span.start > sent.span.start and _others_lead(ab, other):
                # "… åtta medarbetare, sju kvinnor och en man. … Besökarna uppskattar
                # aktiviteterna, och männen efterfrågar oftare …", "… 12 gruppledare, 10
                # kvinnor …. Pappor som deltagit har efterfrågat …": the comment is on others
                continue
            if staff_split and _sexes_among_others(ab, other):
                # "… tio medarbetare, åtta kvinnor och två män. Personalen beskriver att männen
                # bland besökarna oftare avböjer …": the staff only the source
                continue
            if (
                who_answered and other.span.start > sent.span.start and _has_split(ab, other)
                and _analysed_here(ab, other) and not on_response
                and all(q.is_percent for q in ab.quantities if q.sex and within(q.span, other))
            ):  # fmt: skip
                # "… svarade 74 deltagare, 46 kvinnor och 28 män. Andelen nöjda var 88 procent
                # bland kvinnorna och 86 procent bland männen, alltså nästan lika": the rates' own
                # comment, on what they answered, not on who answered
                continue
            if (
                other.span.start < sent.span.start and _has_split(ab, other)
                and _analysed_here(ab, other)
            ):  # fmt: skip
                # a split sentence's own analysis is its comment ("… 61 kvinnor och 82 män,
                # vilket ungefär motsvarar könsfördelningen bland samtliga ledare. Andelen som
                # fullföljde … var 88 procent bland kvinnorna …")
                continue
            if rates and not any_made_up and other.span != sent.span and (
                _only_counts_compared(ab, other)
            ):
                # "… 38 procent av pojkarna och 52 procent av flickorna. Pojkarna är fler bland
                # de unga som fältassistenterna möter": how many, not the rates (a make-up in
                # shares, "61 procent kvinnor", even beside rates, is a count said as shares)
                continue
            if rates and other.span.start > sent.span.start and _CONTRAST.search(other.span.text):
                # "Bland tjejerna var andelen 91 procent …. Killarna var däremot oftare nöjda med
                # introduktionen": the contrast is with another measure
                continue
            # (the distribution right after the split is theirs: "… Av de svarande var 431
            # kvinnor och 217 män. Fördelningen motsvarar ungefär könsfördelningen …")
            theirs = j == i + 1 and _DISTRIBUTION.match(other.span.text) is not None
            if who_answered and not theirs and not _on_respondents(ab, other):
                # what the women and men answered, in the paragraph, is no comment on who
                # answered either ("… besvarades av 388 personer, 231 kvinnor och 157 män.
                # Kvinnorna önskade i betydligt högre grad än männen …")
                continue
            # "Kvinnorna var alltså nästan dubbelt så många som männen." — not "några har fler
            # än tio uppdrag"
            if other.span != sent.span and _comments_on_sexes(ab, other):
                return True
            # what follows for the sexes, later in the paragraph ("… 5 pojkar och 2 flickor.
            # … Rekryteringen ska därför även nå kvinnor som kan ta uppdrag för flickor")
            if other.span.start > sent.span.start and _draws_consequence(ab, other):
                return True
        nouns = _people_stems(ab, sent) | _agent_stems(sent)
        kind = _sex_kind(sex_terms_in(ab, sent))
        # a make-up in shares is commented by a comparison of counts, unless a count split of
        # the same sexes stands beside it, which that comparison is on ("340 inskrivna
        # deltagare, varav 188 kvinnor …. Av dem [som avslutade] var 41 procent kvinnor.")
        makeup = all(_makeup_share(ab.block.text, x) for x in split) and not any(
            q.sex and not q.is_percent and q.unit is not None
            and _sex_kind([q.unit]) == kind
            for q in ab.quantities
        )  # fmt: skip
        # who answered, in counts or as a make-up ("Av de svarande var 68 procent kvinnor")
        # (or the sentence before, when the split goes on from it: "I utvärderingen svarade 19
        # deltagare. Av dem var 12 kvinnor och 7 män.")
        answered = _RESPONDENTS.search(sent.span.text) is not None or (
            i > 0 and _ANAPHOR_OPENING.match(sent.span.text) is not None
            and _RESPONDENTS.search(ab.sentences[i - 1].span.text) is not None
        )
        respondents = (not rates or makeup) and answered
        for b in self._text_after(ctx, ab.block.index, 1) + self._after_list(ctx, ab.block):
            nab = ctx.blocks[b.index]
            comments = [
                x for k, x in enumerate(nab.sentences)
                if _comments_on_sexes(nab, x)
                and not (adults and _sex_kind(sex_terms_in(nab, x)) == "child")
                and not (rates and not makeup and _on_counts(nab, k))
                and not (
                    kind == "child" and _follows_its_split(nab, k)
                    and _sex_kind(sex_terms_in(nab, x)) == "adult"
                )
                and not (
                    _follows_its_split(nab, k) and _counts_split(nab, nab.sentences[k - 1])
                    and not _same_people(nouns, _people_stems(nab, x))
                    and not _children_past_adults(kind, nab, k)
                    and not _rate_of_the_same(nouns, nab, k)
                )
            ]  # fmt: skip  (not on girls and boys after a split of women and men: "… tre
            # kuratorer, två kvinnor och en man …. ¶ … Flickorna söker oftare stöd …"; nor the
            # comment right after the paragraph's own count split, of other people: "… 18 pojkar
            # och 13 flickor. Pojkarna är fler bland de placerade …"; a rate split's comment is on
            # the same people: "Bland flickorna var andelen 86,2 procent …. Skillnaden …"; nor
            # a comparison of counts on a split of rates: "Flickorna var fler än pojkarna i …";
            # nor, after girls and boys, a comment on women and men right after their own split,
            # though it names the children: "… 41 kvinnor och 17 män. … andelen män är högre …,
            # eftersom eleverna då möter både kvinnliga och manliga vuxna")
            if respondents:
                # what the girls and boys answered is no comment on who answered
                comments = [x for x in comments if _on_respondents(nab, x)]
            if not comments:
                continue  # "… lägre än i länet": a comment, but not on the sexes
            theirs = _people_stems(nab)
            own_split = any(q.sex for q in nab.quantities)  # it comments its own figures
            same = _same_people(nouns, theirs) or _same_service(ab, sent, nouns, nab)
            # (or only the sexes' rates, of the same kind, name them: "… 2 140 elever, 1 046
            # flickor och 1 094 pojkar." ¶ "… svarade 78 procent av flickorna och 84 procent av
            # pojkarna att de känner sig trygga …. Flickorna känner sig alltså mindre trygga")
            their_rates = [q for q in nab.quantities if q.sex]
            named = {w for w in theirs if not _is_rate_stem(w)}
            only_sexes = not named and not rates and bool(their_rates) and all(
                q.is_percent and q.unit is not None and _sex_kind([q.unit]) == kind
                for q in their_rates
            )
            if same or only_sexes or (not theirs and not own_split):
                return True
        if self._participle_paragraph_comments(ctx, ab, sent):
            return True
        sex = {t.text.lower() for t in ab.sex_terms}
        # the sentence and the one before it say what is counted ("Föreningen når ca 260
        # personer per vecka. Av dessa är ungefär 180 män och 80 kvinnor.")
        # the paragraph's opening names its subject, unless it is a split statistic of its own
        # ("… 3 460 elever, varav 1 690 flickor …. Skolbiblioteken sköts av 14 medarbetare, 12
        # kvinnor och 2 män …": the staff are not the pupils)
        own_people = any(
            q.measure is Measure.PEOPLE and not q.sex and within(q.span, sent) for q in ab.quantities
        )
        around = {
            k for k in {0, max(0, i - 1)}
            if k == i or not (
                own_people
                and (_has_split(ab, ab.sentences[k]) or _counts_others(ab, ab.sentences[k], sent))
            )
        }  # fmt: skip
        around.add(i)
        # and the sentences right after it that go on about the same people ("… varav 62 procent
        # kvinnor. Det motsvarar … Av de skadade var 43 procent 65 år eller äldre.")
        for k in range(i + 1, min(i + 3, len(ab.sentences))):
            if not _ABOUT_THEM.match(ab.sentences[k].span.text):
                break
            around.add(k)
        text = " ".join(ab.sentences[k].span.text for k in sorted(around))
        # whether the split counts staff: True, False (other people), or None (no people word)
        staff = _counts_staff(ab, sent)
        if staff is None:
            staff = _all_staff(ab, sent) or (False if _names_only_others(ab, sent) else None)
        around_people = set().union(*(_people_stems(ab, ab.sentences[k]) for k in around))
        about = _Split(
            rates=rates and not makeup,
            kind=kind,
            respondents=respondents,
            staff=staff,
            measures=_split_measures(ab, sent) if rates else frozenset(),
            people=frozenset(around_people | nouns),
            words=frozenset(re.findall(r"\w+", " ".join((text, *_titles(ctx, ab))).lower())),
            wholes=_wholes(ab, sent),
        )
        if _discussed_in_analysis(ctx, _topics(text, sex), {ab.block.index}, split=about):
            return True
        if staff and not rates and _only_staff_split(ctx) and _staff_discussed(ctx, ab, sent):
            return True
        whole = staff and not rates and _all_staff_split(ctx, sent)
        if whole and _all_staff_discussed(ctx, ab):
            return True
        if whole and not respondents and _whole_staff_words(ab, sent) and (
            _staff_measure_discussed(ctx, ab)
        ):
            return True
        figures = {q.span.text for q in ab.quantities if q.sex and within(q.span, sent)}
        if _figures_discussed(ctx, figures, {ab.block.index}):
            return True
        if _share_restated(ctx, ab, sent):
            return True
        if _said_again(ctx, ab, sent, about):
            return True
        if _counts_compared(ctx, ab, sent, about) or _rates_compared(ctx, ab, sent, about):
            return True
        return again and self._split_repeated(ctx, ab, sent)

    MIN_REPEATED_TOTAL = 20

    def _their_rates_commented(self, ctx: RuleContext, ab: AnnotatedBlock, i: int) -> bool:
        """The next sentence splits a rate of the same people, named by "av dem" ("152
        studerande …, 98 kvinnor och 54 män. I juni 2025 hade 77 procent av dem fullföljt …, 82
        procent av kvinnorna …"), and that split is commented: a comment on another measure of the
        same people comments their headcount split too (catalogue, session 12)."""
        if i + 1 >= len(ab.sentences):
            return False
        nxt = ab.sentences[i + 1]
        split = [q for q in ab.quantities if q.sex and within(q.span, nxt)]
        if not split or not all(q.is_percent for q in split):
            return False
        if not _OF_THEM_SHARE.search(nxt.span.text):
            return False
        return self._text_commented(ctx, ab, nxt, again=False)

    def _split_repeated(self, ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence) -> bool:
        """The same total is split elsewhere, and commented there (the summary's "1 046
        tillsvidareanställda, varav 87 procent kvinnor" and the body's "1 046
        tillsvidareanställda medarbetare, varav 912 kvinnor och 134 män. Andelen män har ökat
        …")."""
        totals = {
            q.value for q in ab.quantities
            if q.measure is Measure.PEOPLE and not q.sex and not q.is_percent
            and q.value is not None and q.value >= self.MIN_REPEATED_TOTAL and within(q.span, sent)
        }  # fmt: skip
        # (one total said with more words: "1 046 tillsvidareanställda" and "1 046
        # tillsvidareanställda medarbetare"; a small number may be anyone's)
        stems = [_stem(w) for w in _people_words(ab, sent)]
        if not totals or not stems:
            return False
        for other, x in _sentences_elsewhere(ctx, ab):
            if not _has_split(other, x) or not any(st in x.span.text.lower() for st in stems):
                continue
            theirs = {
                q.value for q in other.quantities
                if q.measure is Measure.PEOPLE and not q.sex and within(q.span, x)
            }  # fmt: skip
            if totals & theirs and (
                _analysed_here(other, x) or self._text_commented(ctx, other, x, again=False)
            ):
                return True
        return False

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        for table, _label, split in people_tables(ctx):
            if not split:
                continue
            if self._table_commented(ctx, table):
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
                total = any(
                    q.measure is Measure.PEOPLE and not q.sex and within(q.span, sent)
                    and not (split and _beside(ab.block.text, split[0], q))
                    for q in ab.quantities
                )  # fmt: skip  (not a group beside it: "placerades 23 kvinnor och 31 barn")
                # two figures by sex, or one beside its total ("64 deltidsbrandmän, varav 5
                # kvinnor") or after a partitive of it ("Av dem var 61 procent kvinnor.")
                one = len(split) == 1 and (total or _OF_THEM.match(sent.span.text))
                if not split or (len(split) < 2 and not one) or _analysed_here(ab, sent):
                    continue
                second = self._second_kind(ctx, ab, sent, split)
                if second is not None:
                    yield second
                if self._text_commented(ctx, ab, sent):
                    continue
                q = split[0]
                yield Hit(block=ab.block.index, start=q.excerpt.start, end=q.excerpt.end)

    def _second_kind(
        self, ctx: RuleContext, ab: AnnotatedBlock, sent: Sentence, split: list[Quantity]
    ) -> Hit | None:
        """A sentence that splits women and men and then girls and boys ("I hushållen fanns 812
        vuxna, 390 kvinnor och 422 män, och 506 barn, 259 flickor och 247 pojkar") holds two
        splits: the second, from the comma after the first, is judged as a sentence of its own
        (the first is judged with the whole sentence)."""
        kinds = [_sex_kind([q.unit]) if q.unit is not None else None for q in split]
        cut = next((k for k in range(1, len(split)) if kinds[k] != kinds[k - 1]), None)
        if cut is None or cut < 2 or len(split) - cut < 2 or None in kinds:
            return None
        if len(set(kinds[cut:])) != 1 or len(set(kinds[:cut])) != 1:
            return None
        text = ab.block.text
        comma = text.find(",", split[cut - 1].excerpt.end, split[cut].span.start)
        if comma < 0:
            return None
        start = comma + 1 + len(text[comma + 1 :]) - len(text[comma + 1 :].lstrip())
        head = Sentence(TextSpan(sent.span.start, comma, text[sent.span.start : comma]))
        tail = Sentence(TextSpan(start, sent.span.end, text[start : sent.span.end]))
        i = ab.sentences.index(sent)
        parted = replace(ab, sentences=(*ab.sentences[:i], head, tail, *ab.sentences[i + 1 :]))
        if _analysed_here(parted, tail) or self._text_commented(ctx, parted, tail):
            return None
        q = split[cut]
        return Hit(block=ab.block.index, start=q.excerpt.start, end=q.excerpt.end)
