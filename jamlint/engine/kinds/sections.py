"""Declarative kinds about sections: must exist, must not be empty, must not be only boilerplate.

Used by rule descriptors with `kind: section-required | section-not-empty |
section-not-boilerplate` and typed `options` (the section kind from rules/sections.yaml and the
phrase lexicons to use), so a municipality can add e.g. "Barnperspektiv must not be only
'Ej aktuellt'" as a YAML file without Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from jamlint.engine.rule import Check, Hit, RuleContext
from jamlint.model import BlockKind, Document, Section, SectionKind
from jamlint.nlp.types import AnnotatedBlock, Sentence

_WORD = re.compile(r"\w+")
NEGATION = re.compile(r"\b(inte|ej|inga|ingen|inget|icke|saknar)\b", re.IGNORECASE)


class _Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def titled_sections(ctx: RuleContext, kind: SectionKind) -> list[Section]:
    return [s for s in ctx.sections_of_kind(kind) if s.heading_block is not None]


def section_sentences(ctx: RuleContext, section: Section) -> list[tuple[AnnotatedBlock, Sentence]]:
    """Sentences of the text under a heading (subsections included; tables and headings not)."""
    out = []
    for block in ctx.document.blocks_in(section):
        if block.index == section.heading_block or block.kind in (
            BlockKind.HEADING, BlockKind.TABLE, BlockKind.TABLE_CELL
        ):
            continue
        ab = ctx.blocks[block.index]
        out.extend((ab, s) for s in ab.sentences if s.span.text.strip())
    return out


def has_content(doc: Document, section: Section) -> bool:
    return any(
        b.index != section.heading_block and b.text.strip() for b in doc.blocks_in(section)
    )


def phrase_in(ab: AnnotatedBlock, lexicon: str, sentence: Sentence) -> list:
    return [
        s for s in ab.phrases.get(lexicon, ())
        if sentence.span.start <= s.start < sentence.span.end
    ]


def has_reason(ab: AnnotatedBlock, sentence: Sentence, lexicon: str, min_words: int) -> bool:
    """A reason phrase followed by at least `min_words` words in the same sentence."""
    for span in phrase_in(ab, lexicon, sentence):
        rest = sentence.span.text[span.end - sentence.span.start :]
        if len(_WORD.findall(rest)) >= min_words:
            return True
    return False


def boilerplate_sentence(
    pairs: list[tuple[AnnotatedBlock, Sentence]],
    lexicon: str,
    reason_lexicon: str | None,
    max_filler_words: int = 2,
    min_reason_words: int = 3,
) -> tuple[AnnotatedBlock, Sentence] | None:
    """The claim sentence when a text is only boilerplate, else None.

    Boilerplate: every sentence is a claim from `lexicon` or a filler of at most
    `max_filler_words` words ("–", "Se ovan"), and no sentence gives a reason.
    """
    if not pairs:
        return None
    claims = []
    for ab, s in pairs:
        if reason_lexicon and has_reason(ab, s, reason_lexicon, min_reason_words):
            return None
        if phrase_in(ab, lexicon, s):
            claims.append((ab, s))
        elif len(_WORD.findall(s.span.text)) > max_filler_words:
            return None
    # the claim that says "no" ("Inga … har identifierats") rather than "har beaktats"
    negated = [c for c in claims if NEGATION.search(c[1].span.text)]
    return (negated or claims or pairs)[0]


def sentence_hit(ab: AnnotatedBlock, s: Sentence) -> Hit:
    text = ab.block.text
    start, end = s.span.start, s.span.end
    label = re.match(r"\s*[^\s.:!?]{2,}(?:[ \-][^\s.:!?]+){0,4}\s*:\s+", text[start:end])
    if label:
        start += label.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Hit(block=ab.block.index, start=start, end=end)


def heading_hit(section: Section) -> Hit:
    return Hit(block=section.heading_block, start=0, end=0, excerpt=section.title)


class SectionRequired(Check):
    """The document must have a section of `options.section` (a document-level finding)."""

    class Options(_Options):
        section: SectionKind

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        if not titled_sections(ctx, self.options.section):
            yield Hit(block=None, excerpt="")


class SectionNotEmpty(Check):
    """Every section of `options.section` must have text under its heading."""

    class Options(_Options):
        section: SectionKind

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        for section in titled_sections(ctx, self.options.section):
            if not has_content(ctx.document, section):
                yield heading_hit(section)


class SectionNotBoilerplate(Check):
    """A section of `options.section` must not be only claims from `options.lexicon`
    ("Ej aktuellt.") unless a reason from `options.reason_lexicon` follows."""

    class Options(_Options):
        section: SectionKind
        lexicon: str
        reason_lexicon: str | None = Field(default=None, alias="reason-lexicon")
        min_reason_words: int = Field(default=3, alias="min-reason-words")

    requires = ("sentences", "phrases")

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        o = self.options
        for section in titled_sections(ctx, o.section):
            pairs = section_sentences(ctx, section)
            found = boilerplate_sentence(pairs, o.lexicon, o.reason_lexicon, 2, o.min_reason_words)
            if found is not None:
                yield sentence_hit(*found)
