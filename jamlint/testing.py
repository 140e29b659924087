"""The rule-case harness: run short Swedish snippets through one rule, as pytest cases.

Shipped with jamlint so that third-party rule packs test their rules the same way. A case file
(YAML) names a rule and lists snippets (Markdown, so headings can be written inline) that must
pass, or must fail with exactly the given excerpts:

    rule: JAM201
    cases:
      - name: count without a split
        text: I kommunen går 120 elever i årskurs 9.
        fail: ["120 elever"]
      - name: money is not about people
        text: Kostnaden är 12 000 kronor.
        pass: true
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from jamlint.api import Linter
from jamlint.config import Config
from jamlint.model import Finding


class RuleCase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    name: str
    text: str
    fail: tuple[str, ...] | None = None
    pass_: bool | None = Field(default=None, alias="pass")

    @model_validator(mode="after")
    def _one_expectation(self) -> RuleCase:
        if (self.fail is None) == (self.pass_ is None):
            raise ValueError(f"{self.name}: ange antingen 'fail' eller 'pass'")
        return self


class CaseFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    cases: tuple[RuleCase, ...]


def load_case_file(path: Path) -> CaseFile:
    return CaseFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass
class RuleTester:
    """Lints snippets with one shared linter (the NLP pipeline is built once)."""

    linter: Linter

    @classmethod
    def create(cls, config: Config | None = None) -> RuleTester:
        return cls(Linter(config or Config()))

    def findings(self, text: str, code: str | None = None) -> list[Finding]:
        doc = self.linter.parse(text.encode("utf-8"), "snippet.md")
        result = self.linter.lint_document(doc, "snippet.md")
        return [f for f in result.findings if code is None or f.code == code]

    def excerpts(self, text: str, code: str) -> list[str]:
        return [f.excerpt for f in self.findings(text, code)]

    def assert_case(self, code: str, case: RuleCase) -> None:
        got = self.excerpts(case.text, code)
        if case.pass_:
            assert not got, f"{code} {case.name!r}: väntade inga fynd, fick {got}"
            return
        expected = Counter(case.fail or ())
        assert Counter(got) == expected, (
            f"{code} {case.name!r}: väntade {sorted(expected.elements())}, fick {sorted(got)}"
        )


def case_params(case_dir: Path) -> list[Any]:
    """pytest parameters (code, case) for every case file in `case_dir`, with readable ids."""
    import pytest

    params = []
    for path in sorted(case_dir.glob("*.yaml")):
        cf = load_case_file(path)
        for case in cf.cases:
            params.append(pytest.param(cf.rule, case, id=f"{cf.rule}-{case.name}"))
    return params


# --- corpus expectations ---------------------------------------------------------------------

NOT_DOCUMENTS = (".yaml", ".yml", ".py", ".toml")


def expected_path(doc: Path) -> Path:
    """`<stem>.expected.yaml` beside the document (one file serves every format of a stem)."""
    return doc.with_name(doc.name.split(".")[0] + ".expected.yaml")


def load_expected(path: Path) -> Counter[tuple[str, str]]:
    """The hand-written expected findings as a multiset of (code, excerpt)."""
    return Counter(
        (str(f["code"]), str(f.get("excerpt", ""))) for f in _expected_entries(path)
    )


def load_known_gaps(path: Path) -> Counter[tuple[str, str]]:
    """Expected findings that jamlint is known to miss (`known-gap: <why>` on the entry).

    They stay expected — the accuracy benchmark counts them as misses — but the golden test
    lets them be missing, and fails when one starts being found (so the marker is removed).
    """
    return Counter(
        (str(f["code"]), str(f.get("excerpt", "")))
        for f in _expected_entries(path)
        if f.get("known-gap")
    )


def _expected_entries(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get("findings") or [])


def corpus_documents(root: Path) -> list[tuple[Path, Path]]:
    """Every file under `root` (sources in src/ excepted) that has an expected-findings file."""
    out = []
    for doc in sorted(root.rglob("*")):
        if not doc.is_file() or doc.name.endswith(NOT_DOCUMENTS):
            continue
        if "src" in doc.relative_to(root).parts:
            continue
        exp = expected_path(doc)
        if exp.is_file():
            out.append((doc, exp))
    return out


def compare(expected: Counter, got: Counter) -> tuple[Counter, Counter]:
    """(missing, unexpected) multisets."""
    return expected - got, got - expected
