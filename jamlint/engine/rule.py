"""What a rule is: a descriptor (data, in rules/) bound to a check (Python behaviour).

A rule's user-facing side — code, slug, category, severity, Swedish message, explanation,
references, examples — lives in a YAML descriptor validated by `RuleDescriptor`. Its behaviour is
a `Check`: either a reusable declarative kind (engine/kinds) configured by the descriptor's
`options`, or a Python check for one structural rule (checks/). A check yields `Hit`s that say
*what* matched and *where in its block*; the engine adds code, severity, message, location,
excerpt, context and suppression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from jamlint.model import Category, SectionKind, Severity
from jamlint.nlp.types import AnnotatedBlock, AnnotatedDocument

CODE_RE = re.compile(r"^[A-Z]{2,8}\d{3}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class Examples(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    fail: str
    pass_: str = Field(alias="pass")


class RuleDescriptor(BaseModel):
    """A rule as declared in a YAML file under rules/ (or a third-party rule directory)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    code: str
    name: str
    category: Category
    severity: Severity
    kind: str
    options: dict[str, Any] = Field(default_factory=dict)
    message: str
    hint: str = ""
    explanation: str
    references: tuple[str, ...] = Field(min_length=1)
    examples: Examples
    enabled: bool = True
    # codes whose findings make this rule's findings redundant on the same document (only the
    # most specific gender finding is reported: see docs/design.md)
    superseded_by: tuple[str, ...] = Field(default=(), alias="superseded-by")

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE_RE.match(v):
            raise ValueError("koden ska vara versaler följda av tre siffror, t.ex. JAM201")
        return v

    @field_validator("name")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG_RE.match(v):
            raise ValueError("namnet ska vara gemener med bindestreck, t.ex. missing-gender-section")
        return v


@dataclass(frozen=True)
class Hit:
    """One match of a check.

    `block` is the index of the block the match is in (None for a document-level finding, which
    the engine anchors on the title). `start`/`end` are offsets into that block's text and give
    the excerpt; `excerpt`/`context`/`message` override what the engine would derive.
    """

    block: int | None
    start: int = 0
    end: int = 0
    excerpt: str | None = None
    context: str | None = None
    message: str | None = None


class NoOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True)
class RuleContext:
    """What a check sees: the annotated document and derived views of it."""

    annotated: AnnotatedDocument
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def document(self):
        return self.annotated.document

    @property
    def blocks(self) -> tuple[AnnotatedBlock, ...]:
        return self.annotated.blocks

    def sections_of_kind(self, kind: SectionKind):
        return [s for s in self.document.sections if kind in s.kinds]

    def memo(self, key: str, compute):
        """Share a derived result between checks of one document (e.g. the gender section)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


class Check:
    """Base class of rule behaviours. Subclasses set `Options` and implement `check`."""

    Options: ClassVar[type[BaseModel]] = NoOptions
    # NLP annotations the check reads (documentation + meta-test)
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, descriptor: RuleDescriptor) -> None:
        self.descriptor = descriptor
        try:
            self.options = self.Options.model_validate(descriptor.options)
        except ValidationError as exc:
            raise RuleError(
                f"{descriptor.code}: ogiltiga options: {_first_error(exc)}"
            ) from None

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        raise NotImplementedError


class RuleError(Exception):
    """A broken rule descriptor or rule pack (the run stops with exit status 2)."""


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    return f"{loc}: {err['msg']}" if loc else err["msg"]


@dataclass(frozen=True)
class Rule:
    """A loaded rule: descriptor plus its instantiated check."""

    descriptor: RuleDescriptor
    check: Check

    @property
    def code(self) -> str:
        return self.descriptor.code
