"""Small helpers shared by the Python checks: spans within sentences, section membership."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files

from jamlint.model import Block, BlockKind, Document, Section, SectionKind
from jamlint.nlp.types import AnnotatedBlock, Sentence, TextSpan

BODY_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
# Sections whose numbers are references, not statements (lists of documents and addressees).
NON_STATEMENT_SECTIONS = (SectionKind.DECISION_BASIS, SectionKind.DISTRIBUTION)


def within(span: TextSpan, sentence: Sentence) -> bool:
    return sentence.span.start <= span.start < sentence.span.end


def spans_in(spans: Iterable[TextSpan], sentence: Sentence) -> list[TextSpan]:
    return [s for s in spans if within(s, sentence)]


def phrases(ab: AnnotatedBlock, name: str) -> tuple[TextSpan, ...]:
    return ab.phrases.get(name, ())


def has_phrase(ab: AnnotatedBlock, name: str, sentence: Sentence | None = None) -> bool:
    found = phrases(ab, name)
    if sentence is None:
        return bool(found)
    return any(within(s, sentence) for s in found)


CLAUSE_END = re.compile(r"[,;:]|\s–\s")


def clause_around(text: str, sentence: Sentence, span: TextSpan) -> tuple[int, int]:
    """The clause of `sentence` that holds `span`: between the nearest comma, semicolon, colon
    or dash on either side."""
    left = max(
        (m.end() for m in CLAUSE_END.finditer(text, sentence.span.start, span.start)),
        default=sentence.span.start,
    )
    right = next(
        (m.start() for m in CLAUSE_END.finditer(text, span.end, sentence.span.end)),
        sentence.span.end,
    )
    return left, right


GOAL_LEAD = 25  # "jämn fördelning av det | obetalda hem- och omsorgsarbetet"


def cues_only_in_goals(ab: AnnotatedBlock, sentence: Sentence) -> bool:
    """The sentence names the national delmål, and its analysis cues are only the goals' own
    words ("en jämn fördelning av makt och inflytande"), so they analyse nothing."""
    goals = spans_in(phrases(ab, "equality_goals"), sentence)
    if not goals:
        return False
    return all(
        any(g.start - GOAL_LEAD <= cue.start < g.end for g in goals)
        for cue in spans_in(phrases(ab, "analysis_cues"), sentence)
    )


def lemma_at(ab: AnnotatedBlock, offset: int) -> str | None:
    """The lemma of the token that starts at `offset` in the block ("företagarna" → "företagare")."""
    doc = ab.doc
    if doc is None:
        return None
    for token in doc:
        if token.idx == offset:
            return token.lemma_.lower() or None
    return None


def overlaps(a: TextSpan, b: TextSpan) -> bool:
    return a.start < b.end and b.start < a.end


def sex_terms_in(ab: AnnotatedBlock, sentence: Sentence | None = None) -> list[TextSpan]:
    """Sex terms that are not part of a gender-blind phrase ("oavsett kön") or of a role name
    ("gode män" are guardians of either sex)."""
    blind = phrases(ab, "gender_blind") + phrases(ab, "role_phrases")
    terms = ab.sex_terms if sentence is None else spans_in(ab.sex_terms, sentence)
    return [t for t in terms if not any(overlaps(t, b) for b in blind)]


def in_sections_of_kind(doc: Document, block: Block, kinds: Iterable[SectionKind]) -> bool:
    """True when the block's section, or any section above it, has one of `kinds`."""
    wanted = set(kinds)
    idx = block.section
    while idx is not None:
        sec = doc.sections[idx]
        if wanted.intersection(sec.kinds):
            return True
        idx = sec.parent
    return False


# A paragraph this long is prose even under "Beslutet skickas till" (a bilaga whose headings a
# plain-text file does not mark ends up there): lists of documents and addressees are short.
MIN_PROSE_WORDS = 12


def is_statement_block(doc: Document, block: Block) -> bool:
    """A body block whose numbers are statements (not a heading, list of attachments …)."""
    if block.kind not in BODY_KINDS:
        return False
    if is_caption(doc, block):
        return False  # "Tabell 2. Antal medarbetare i de fem största yrkesgrupperna": a title
    if block.kind is BlockKind.LIST_ITEM and in_sections_of_kind(doc, block, (SectionKind.PROPOSAL,)):
        return False  # "- kommunen tar emot 38 nyanlända under 2026": a point decided
    if block.kind is BlockKind.LIST_ITEM and _plan_list(doc, block):
        return False  # "Handlingsplanen innehåller 16 åtgärder: … - utbildning för 120 medarbetare"
    if not in_sections_of_kind(doc, block, NON_STATEMENT_SECTIONS):
        return True
    return block.kind is BlockKind.PARAGRAPH and len(block.text.split()) >= MIN_PROSE_WORDS


CAPTION = re.compile(r"^\s*(?:tab(?:ell|\.)|diagram|figur)\s*(\d+)", re.IGNORECASE)


# the sentence that opens a list of a plan's points ("Handlingsplanen innehåller 16 åtgärder. De
# viktigaste är:"), not of what was done ("Under 2025 genomfördes följande åtgärder:")
PLAN_INTRO = re.compile(
    r"\b\w*(?:planen|programmet|strategin)\s+innehåller\b|\bföreslås\b", re.IGNORECASE
)


def _plan_list(doc: Document, block: Block) -> bool:
    """A list item whose list is introduced as the points of a plan."""
    for prev in reversed(doc.blocks[: block.index]):
        if prev.kind is BlockKind.LIST_ITEM:
            continue
        # a colon-ended lead-in may be read as a run-in heading ("Planen innehåller åtgärder
        # inom fyra områden:")
        lead_in = prev.kind is BlockKind.PARAGRAPH or (
            prev.kind is BlockKind.HEADING and prev.text.rstrip().endswith(":")
        )
        return lead_in and bool(PLAN_INTRO.search(prev.text))
    return False


def is_caption(doc: Document, block: Block) -> bool:
    """A short paragraph naming the table or figure right after it ("Tabell 1. …")."""
    if block.kind is not BlockKind.PARAGRAPH or not CAPTION.match(block.text):
        return False
    nxt = doc.blocks[block.index + 1] if block.index + 1 < len(doc.blocks) else None
    return nxt is not None and nxt.kind is BlockKind.TABLE


def content_blocks(doc: Document, section: Section) -> Iterator[Block]:
    """The blocks under a section heading (subsections included), without the heading."""
    for block in doc.blocks_in(section):
        if block.index != section.heading_block:
            yield block


@cache
def lexicon_lines(name: str) -> tuple[str, ...]:
    """Entries of rules/lexicons/<name>.txt (one a line, '#' comments)."""
    text = files("jamlint._rules").joinpath("lexicons", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def sexes_beyond_counts(ab: AnnotatedBlock, sent: Sentence) -> bool:
    """A sex term in the sentence that is not part of a figure ("5 pojkar och 2 flickor"):
    the sentence says something about the sexes, not only how many."""
    figures = [q.excerpt for q in ab.quantities if q.sex and within(q.span, sent)]
    return any(
        not any(f.start <= t.start < f.end for f in figures) for t in sex_terms_in(ab, sent)
    )
