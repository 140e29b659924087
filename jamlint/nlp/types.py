"""What the Swedish NLP stage adds to a document, in a form rules can read without spaCy.

All offsets are character offsets into `Block.text` of the annotated block.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from jamlint.model import Block, Document

if TYPE_CHECKING:  # spaCy is imported lazily: `jamlint --version` must not pay for it
    from spacy.tokens import Doc


class Measure(str, Enum):
    """What a quantity measures."""

    PEOPLE = "people"
    MONEY = "money"
    AREA = "area"
    LENGTH = "length"
    TIME = "time"  # durations: år, månader, timmar …
    DATE = "date"  # 2024-01-25, "den 3 mars"
    YEAR = "year"  # 2023, "år 2025"
    PARAGRAPH = "paragraph"  # § 12, 3 kap.
    DNR = "dnr"  # KS 2024/0123
    OBJECT = "object"  # böcker, fordon, lag, boenden, ärenden
    ORGANISATION = "organisation"  # kommuner, skolenheter, föreningar
    OTHER = "other"  # a number whose unit is not known


# measures of when, not of how many: "2029", "den 3 mars", "tre år"
WHEN_MEASURES = frozenset({Measure.TIME, Measure.DATE, Measure.YEAR})


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number expression and what it counts.

    `span` is the number expression itself ("1 240", "45 procent", "drygt 300", "hälften",
    "ett tjugotal"); `unit` the noun or unit it counts/measures ("elever", "kr"), when found;
    `excerpt` the text a finding about it should quote (see docs/design.md, JAM201).
    `sex` is True when the counted noun is itself a sex term ("64 flickor") or the figure is a
    share of a sex ("nio av tio av föräldrarna är kvinnor"). `limit` is True for a norm, limit
    or capacity rather than an observed count ("högst tre personer", "kapacitet för 260
    elever").
    """

    span: TextSpan
    measure: Measure
    excerpt: TextSpan
    unit: TextSpan | None = None
    is_percent: bool = False
    sex: bool = False
    value: float | None = None
    limit: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    span: TextSpan


@dataclass(frozen=True)
class AnnotatedBlock:
    block: Block
    sentences: tuple[Sentence, ...]
    quantities: tuple[Quantity, ...]
    sex_terms: tuple[TextSpan, ...]
    people: tuple[TextSpan, ...]
    # phrase-lexicon matches: lexicon name -> spans (see nlp.lexicons / rules/lexicons)
    phrases: dict[str, tuple[TextSpan, ...]]
    doc: Doc | Any = None

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.span.start <= offset < s.span.end:
                return s
        return None


@dataclass(frozen=True)
class AnnotatedDocument:
    document: Document
    blocks: tuple[AnnotatedBlock, ...]  # aligned with document.blocks
