"""The kind behind JAM9xx rules: problems with the file itself, reported by the engine.

These rules never run on a document's content; the API emits them when a file cannot be read
(`options.problem` names the `ProblemKind`). Having them as descriptors gives them codes,
messages and explanations like every other rule, and lets `--select`/`--ignore` see them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from jamlint.engine.rule import Check, Hit, RuleContext


class DocumentProblem(Check):
    class Options(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")
        problem: str

    def check(self, ctx: RuleContext) -> Iterator[Hit]:
        return iter(())
