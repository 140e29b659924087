"""Running the enabled rules on one annotated document and turning hits into findings.

The engine owns everything a check should not have to think about: which rules are enabled for
this file, severity overrides, location, excerpt and context, suppression, and the rule that
crashes (it becomes a JAM908 finding for this file; the other rules still run).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from jamlint.engine.rule import Hit, Rule, RuleContext, RuleDescriptor
from jamlint.engine.suppress import Suppressions
from jamlint.model import (
    BlockKind,
    Document,
    Finding,
    FindingLocation,
    Severity,
)
from jamlint.model.layout import CELL_SEPARATOR, line_col
from jamlint.nlp.types import AnnotatedBlock, AnnotatedDocument

RULE_CRASHED = "JAM908"
MAX_CONTEXT = 400


@dataclass(frozen=True)
class EnabledRule:
    rule: Rule
    severity: Severity


def run_rules(
    annotated: AnnotatedDocument,
    rules: Sequence[EnabledRule],
    suppressions: Suppressions,
    crash_rule: Rule | None = None,
) -> list[Finding]:
    ctx = RuleContext(annotated)
    findings: list[Finding] = []
    for enabled in rules:
        try:
            hits = list(enabled.rule.check.check(ctx))
        except Exception as exc:  # a crashing rule must not end the run (sqlfluff's lesson)
            if crash_rule is not None:
                findings.append(_crash_finding(crash_rule, enabled.rule, exc, annotated.document))
            continue
        findings.extend(to_finding(enabled, hit, annotated) for hit in hits)
    findings = _drop_superseded(findings, rules)
    findings = suppressions.apply(findings)
    findings.sort(key=Finding.sort_key)
    return findings


def _drop_superseded(findings: list[Finding], rules: Sequence[EnabledRule]) -> list[Finding]:
    """Apply `options.superseded-by`: only the most specific gender finding is reported."""
    present = {f.code for f in findings}
    drop: set[str] = set()
    for enabled in rules:
        if present.intersection(enabled.rule.descriptor.superseded_by):
            drop.add(enabled.rule.code)
    return [f for f in findings if f.code not in drop]


def _crash_finding(crash_rule: Rule, rule: Rule, exc: Exception, doc: Document) -> Finding:
    d = crash_rule.descriptor
    message = d.message.format(code=rule.code, error=f"{type(exc).__name__}: {exc}")
    return make_finding(d, d.severity, message, document_location(doc))


def make_finding(
    d: RuleDescriptor,
    severity: Severity,
    message: str,
    location: FindingLocation,
    excerpt: str = "",
    context: str = "",
) -> Finding:
    """A finding of rule `d` (code, name and category come from the descriptor)."""
    return Finding(
        code=d.code,
        name=d.name,
        category=d.category,
        severity=severity,
        message=message,
        location=location,
        excerpt=excerpt,
        context=context,
    )


def document_location(doc: Document) -> FindingLocation:
    block = doc.title_block()
    if block is None:
        return FindingLocation()
    return FindingLocation(
        page=block.page, paragraph=block.paragraph, line=block.line, column=block.column
    )


def to_finding(enabled: EnabledRule, hit: Hit, annotated: AnnotatedDocument) -> Finding:
    d = enabled.rule.descriptor
    doc = annotated.document
    message = hit.message or d.message
    if hit.block is None:
        anchor = doc.title_block()
        context = hit.context if hit.context is not None else (anchor.text if anchor else "")
        return make_finding(
            d, enabled.severity, message, document_location(doc), hit.excerpt or "", context
        )
    ab = annotated.blocks[hit.block]
    block = ab.block
    if hit.excerpt and hit.start == hit.end:
        # an excerpt given as text (a heading without its numbering, "Jämställdhet" in
        # "3.2 Jämställdhet:"): locate it so line and column point at it
        hit = replace(hit, start=_find(block.text, hit.excerpt, hit.start))
    excerpt = hit.excerpt if hit.excerpt is not None else block.text[hit.start : hit.end]
    line, column = line_col(block, hit.start)
    section = " > ".join(doc.section_path(block)) or None
    location = FindingLocation(
        page=block.page, paragraph=block.paragraph, line=line, column=column, section=section
    )
    context = hit.context if hit.context is not None else context_of(ab, hit, annotated)
    return make_finding(d, enabled.severity, message, location, excerpt, context)


def _find(text: str, excerpt: str, default: int) -> int:
    """Where `excerpt` stands in `text`, white space matched loosely (headings fold it)."""
    pattern = r"\s+".join(map(re.escape, excerpt.split()))
    m = re.compile(pattern).search(text, default) if pattern else None
    return m.start() if m else default


def context_of(ab: AnnotatedBlock, hit: Hit, annotated: AnnotatedDocument) -> str:
    """The sentence around the hit, or the table row for a cell."""
    block = ab.block
    if block.kind is BlockKind.TABLE_CELL and block.table_index is not None:
        table = annotated.document.blocks[block.table_index].table
        if table is not None and block.row is not None:
            return CELL_SEPARATOR.join(table.rows[block.row])
    if block.kind is BlockKind.TABLE:
        line_start = block.text.rfind("\n", 0, hit.start) + 1
        line_end = block.text.find("\n", hit.start)
        return block.text[line_start : line_end if line_end >= 0 else None]
    sentence = ab.sentence_at(hit.start)
    text = sentence.span.text if sentence is not None else block.text
    return _clip(" ".join(text.split()))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CONTEXT else text[: MAX_CONTEXT - 1] + "…"


def enabled_rules(
    rules: Iterable[Rule], is_on, severity_overrides: dict[str, Severity]
) -> list[EnabledRule]:
    out = []
    for rule in rules:
        if rule.descriptor.kind == "document-problem" or not is_on(rule):
            continue
        out.append(EnabledRule(rule, severity_overrides.get(rule.code, rule.descriptor.severity)))
    return out
