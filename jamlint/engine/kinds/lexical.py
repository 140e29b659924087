"""Declarative kind `phrase-present`: report every occurrence of a phrase lexicon or a pattern.

Options: `lexicon` (a phrase lexicon in rules/lexicons/phrases), `pattern` (a regular expression
over block text), and `sections` (limit to sections of these kinds; default: everywhere). Used by
JAM105 (template prompts left in place) and by third-party packs for word lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from jamlint.engine.rule import Check, Hit, RuleContext
from jamlint.model import BlockKind, SectionKind


class PhrasePresent(Check):
    class Options(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
        lexicon: str | None = None
        pattern: str | None = None
        sections: tuple[SectionKind, ...] = ()

    requires = ("phrases",)

    def __init__(self, descriptor) -> None:
        super().__init__(descriptor)
        self._pattern = re.compile(self.options.pattern) if self.options.pattern else None

    def _in_scope(self, ctx: RuleContext, block) -> bool:
        wanted = set(self.options.sections)
        if not wanted:
            return True
        idx = block.section
        while idx is not None:
            sec = ctx.document.sections[idx]
            if wanted.intersection(sec.kinds):
                return True
            idx = sec.parent
        return False

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        for ab in ctx.blocks:
            block = ab.block
            if block.kind is BlockKind.TABLE or not self._in_scope(ctx, block):
                continue
            spans: list[tuple[int, int]] = []
            if self._pattern is not None:
                spans.extend(m.span() for m in self._pattern.finditer(block.text))
            if self.options.lexicon:
                spans.extend((s.start, s.end) for s in ab.phrases.get(self.options.lexicon, ()))
            taken: list[tuple[int, int]] = []
            for start, end in sorted(spans):
                if any(start < e and s < end for s, e in taken):
                    continue  # one finding for overlapping matches
                taken.append((start, end))
                yield Hit(block=block.index, start=start, end=end)
