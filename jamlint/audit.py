"""Batch audit of case documents: the figures a nämndsekreterare reports to the analysis group.

`build_audit` turns a `RunResult` into an `Audit`: one `CaseSummary` per file (nämnd,
diarienummer, worst finding, counts, whether it describes gender consequences and whether its
statistics about people are broken down by sex), the summary figures, counts per rule and per
nämnd, and a suggested self-assessment for SKR's checklist items 6 and 7. The audit's CSV
(one row per case) and JSON live here too; the HTML report is `jamlint.reporters.html`.

Pure functions over the model only — reporters import this module, so it must not import the
engine, the parsers or the NLP stage.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any, TextIO

from jamlint.model import Category, FileResult, FileStatus, Finding, RunResult, Severity
from jamlint.model.document import Metadata
from jamlint.model.finding import RuleInfo
from jamlint.model.spreadsheet import text_cell

# A case "has a gender-consequence description" when none of these was reported (SKR item 7) …
CONSEQUENCE_CODES: tuple[str, ...] = ("JAM101", "JAM102", "JAM103", "JAM104", "JAM105")
# … and "has statistics not broken down by sex" when one of these was (SKR item 6).
STATISTICS_CODES: tuple[str, ...] = ("JAM201", "JAM202")

# Suggested score from the share of readable cases that meet the criterion: (minimum %, score).
THRESHOLDS: tuple[tuple[int, int], ...] = ((90, 3), (50, 2))
LOWEST_SCORE = 1
SCORE_LABELS: Mapping[int, str] = {1: "ej påbörjat", 2: "behöver utvecklas", 3: "genomfört"}

UNKNOWN_NAMND = "okänd"

# Which finding is "worst" when severities tie: a file that could not be read, then a missing
# gender description (item 7), then statistics (item 6), then language.
_CATEGORY_WEIGHT: Mapping[Category, int] = {
    Category.DOCUMENT: 3,
    Category.CONSEQUENCES: 2,
    Category.STATISTICS: 1,
    Category.LANGUAGE: 0,
}
CATEGORY_ORDER: tuple[Category, ...] = (
    Category.CONSEQUENCES,
    Category.STATISTICS,
    Category.LANGUAGE,
    Category.DOCUMENT,
)
CATEGORY_LABELS: Mapping[Category, str] = {
    Category.CONSEQUENCES: "konsekvenser",
    Category.STATISTICS: "statistik",
    Category.LANGUAGE: "språk",
    Category.DOCUMENT: "dokument",
}
SEVERITY_LABELS: Mapping[Severity, str] = {
    Severity.ERROR: "fel",
    Severity.WARNING: "varning",
    Severity.INFO: "tips",
}

# The letters of a diarienummer before the first space, digit, dash, dot or slash:
# "KS 2024/0123" → "KS", "BN-2024-00013" → "BN", "SN 2023.456" → "SN".
_DNR_PREFIX = re.compile(r"\s*([^\W\d_]+)(?=[\s\d\-./:]|$)")


@dataclass(frozen=True)
class SeverityCounts:
    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> SeverityCounts:
        c = Counter(f.severity for f in findings)
        return cls(c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO])

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info

    def __add__(self, other: SeverityCounts) -> SeverityCounts:
        return SeverityCounts(
            self.error + other.error, self.warning + other.warning, self.info + other.info
        )

    def to_json_dict(self) -> dict[str, int]:
        return {"error": self.error, "warning": self.warning, "info": self.info}


@dataclass(frozen=True)
class CaseSummary:
    """One file of the batch, as the audit sees it."""

    path: str
    title: str
    namnd: str
    diarienummer: str
    format: str
    pages: int | None
    readable: bool
    error: str | None
    findings: tuple[Finding, ...]
    worst: Finding | None
    severities: SeverityCounts
    categories: tuple[int, ...]  # finding counts in CATEGORY_ORDER
    # None for a file that could not be read: it is counted apart, not as compliant or not
    has_description: bool | None
    statistics_problem: bool | None

    @property
    def worst_rank(self) -> int:
        """A number that orders cases by their worst finding (higher is worse; 0 = none)."""
        if self.worst is None:
            return 0
        return (self.worst.severity.rank + 1) * 10 + _CATEGORY_WEIGHT[self.worst.category]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "namnd": self.namnd,
            "diarienummer": self.diarienummer,
            "format": self.format,
            "pages": self.pages,
            "readable": self.readable,
            "error": self.error,
            "has_description": self.has_description,
            "statistics_problem": self.statistics_problem,
            "worst": self.worst.code if self.worst else None,
            "by_severity": self.severities.to_json_dict(),
            "by_category": {
                c.value: n for c, n in zip(CATEGORY_ORDER, self.categories, strict=True)
            },
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }


@dataclass(frozen=True)
class RuleCount:
    code: str
    description: str
    category: Category
    severity: Severity  # the highest severity the rule's findings had in this batch
    cases: int
    findings: int


@dataclass(frozen=True)
class NamndCount:
    namnd: str
    cases: int
    readable: int
    with_description: int
    statistics_problem: int
    severities: SeverityCounts

    @property
    def unreadable(self) -> int:
        return self.cases - self.readable


@dataclass(frozen=True)
class Assessment:
    """A suggested score for one SKR checklist item, from the share of compliant cases."""

    item: int
    criterion: str  # what SKR's item asks, in Swedish
    measure: str  # how jamlint measured it, in Swedish
    compliant: int
    base: int  # readable cases
    score: int | None  # None when nothing could be measured
    rules_off: tuple[str, ...] = ()  # criterion rules that were not run

    @property
    def share(self) -> float | None:
        return self.compliant / self.base if self.base else None

    @property
    def score_label(self) -> str:
        return SCORE_LABELS[self.score] if self.score is not None else "kan inte bedömas"


@dataclass(frozen=True)
class Summary:
    cases: int
    readable: int
    unreadable: int
    with_description: int
    statistics_problem: int
    findings: int

    @property
    def without_description(self) -> int:
        return self.readable - self.with_description


@dataclass(frozen=True)
class Audit:
    version: str
    generated: str  # local time, ISO 8601 to the minute
    summary: Summary
    assessments: tuple[Assessment, ...]
    rules: tuple[RuleCount, ...]
    namnder: tuple[NamndCount, ...]
    cases: tuple[CaseSummary, ...]

    def to_json_dict(self) -> dict[str, Any]:
        s = self.summary
        return {
            "jamlint": self.version,
            "generated": self.generated,
            "summary": {
                "cases": s.cases,
                "readable": s.readable,
                "unreadable": s.unreadable,
                "with_description": s.with_description,
                "without_description": s.without_description,
                "statistics_problem": s.statistics_problem,
                "findings": s.findings,
            },
            "self_assessment": {
                "thresholds": [{"min_percent": p, "score": sc} for p, sc in THRESHOLDS]
                + [{"min_percent": 0, "score": LOWEST_SCORE}],
                "scores": {str(k): v for k, v in SCORE_LABELS.items()},
                "items": [_assessment_json(a) for a in self.assessments],
            },
            "by_rule": [
                {
                    "code": r.code,
                    "description": r.description,
                    "category": r.category.value,
                    "severity": r.severity.value,
                    "cases": r.cases,
                    "findings": r.findings,
                }
                for r in self.rules
            ],
            "by_namnd": [
                {
                    "namnd": n.namnd,
                    "cases": n.cases,
                    "readable": n.readable,
                    "unreadable": n.unreadable,
                    "with_description": n.with_description,
                    "statistics_problem": n.statistics_problem,
                    "findings": n.severities.to_json_dict(),
                }
                for n in self.namnder
            ],
            "cases": [c.to_json_dict() for c in self.cases],
        }


def _assessment_json(a: Assessment) -> dict[str, Any]:
    return {
        "item": a.item,
        "criterion": a.criterion,
        "measure": a.measure,
        "compliant": a.compliant,
        "readable_cases": a.base,
        "share": None if a.share is None else round(a.share, 4),
        "suggested_score": a.score,
        "suggested_label": a.score_label,
        "rules_off": list(a.rules_off),
    }


# ---------------------------------------------------------------------------------------------
# Building blocks (pure, table-tested)


def dnr_prefix(diarienummer: str | None) -> str | None:
    """The nämnd's letters at the start of a diarienummer, upper-cased; None if there are none."""
    if not diarienummer:
        return None
    m = _DNR_PREFIX.match(diarienummer)
    return m.group(1).upper() if m else None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def prefix_names(metadata: Iterable[Metadata]) -> dict[str, str]:
    """Diarienummer prefix → the nämnd name most often written beside it in this batch.

    So that a case whose header names no nämnd joins the cases that do ("KS 2024/12" →
    "Kommunstyrelsen") instead of forming a group of its own.
    """
    seen: dict[str, Counter[str]] = {}
    for md in metadata:
        prefix, name = dnr_prefix(md.diarienummer), _clean(md.namnd)
        if prefix and name:
            seen.setdefault(prefix, Counter())[name] += 1
    return {p: c.most_common(1)[0][0] for p, c in seen.items()}


def namnd_of(metadata: Metadata, known: Mapping[str, str]) -> str:
    """The nämnd from the header, else from the diarienummer prefix, else "okänd"."""
    name = _clean(metadata.namnd)
    if name:
        return name
    prefix = dnr_prefix(metadata.diarienummer)
    if prefix:
        return known.get(prefix, prefix)
    return UNKNOWN_NAMND


def worst_finding(findings: Iterable[Finding]) -> Finding | None:
    """The most severe finding; ties go to the category that matters most, then document order."""
    best: Finding | None = None
    for f in findings:
        if best is None or _worse(f, best):
            best = f
    return best


def _worse(a: Finding, b: Finding) -> bool:
    ka = (a.severity.rank, _CATEGORY_WEIGHT[a.category])
    kb = (b.severity.rank, _CATEGORY_WEIGHT[b.category])
    return ka > kb


def suggest_score(compliant: int, base: int) -> int | None:
    """SKR score suggested by the share `compliant / base` (integer arithmetic: 90 % is 90 %)."""
    if base <= 0:
        return None
    for min_percent, score in THRESHOLDS:
        if compliant * 100 >= min_percent * base:
            return score
    return LOWEST_SCORE


def summarize_case(fr: FileResult, known: Mapping[str, str]) -> CaseSummary:
    findings = tuple(sorted(fr.findings, key=Finding.sort_key))
    readable = fr.status is FileStatus.OK
    codes = {f.code for f in findings}
    by_category = Counter(f.category for f in findings)
    return CaseSummary(
        path=fr.path,
        title=_clean(fr.metadata.title) or PurePath(fr.path).name,
        namnd=namnd_of(fr.metadata, known),
        diarienummer=_clean(fr.metadata.diarienummer),
        format=fr.format.value,
        pages=fr.pages,
        readable=readable,
        error=fr.error,
        findings=findings,
        worst=worst_finding(findings),
        severities=SeverityCounts.of(findings),
        categories=tuple(by_category[c] for c in CATEGORY_ORDER),
        has_description=not codes.intersection(CONSEQUENCE_CODES) if readable else None,
        statistics_problem=bool(codes.intersection(STATISTICS_CODES)) if readable else None,
    )


def count_rules(
    cases: Sequence[CaseSummary], rules: Sequence[RuleInfo] = ()
) -> tuple[RuleCount, ...]:
    """Findings and cases per rule code, in code order."""
    described = {r.code: r.message for r in rules}
    n_findings: Counter[str] = Counter()
    n_cases: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    severity: dict[str, Severity] = {}
    for case in cases:
        for f in case.findings:
            n_findings[f.code] += 1
            first.setdefault(f.code, f)
            if f.code not in severity or f.severity.rank > severity[f.code].rank:
                severity[f.code] = f.severity
        n_cases.update({f.code for f in case.findings})
    return tuple(
        RuleCount(
            code=code,
            description=described.get(code) or first[code].message,
            category=first[code].category,
            severity=severity[code],
            cases=n_cases[code],
            findings=n_findings[code],
        )
        for code in sorted(n_findings)
    )


def count_namnder(cases: Sequence[CaseSummary]) -> tuple[NamndCount, ...]:
    """Per nämnd: cases, readable, compliant, findings — most cases first, "okänd" last."""
    groups: dict[str, list[CaseSummary]] = {}
    for case in cases:
        groups.setdefault(case.namnd, []).append(case)
    out = [
        NamndCount(
            namnd=name,
            cases=len(group),
            readable=sum(1 for c in group if c.readable),
            with_description=sum(1 for c in group if c.has_description),
            statistics_problem=sum(1 for c in group if c.statistics_problem),
            severities=sum((c.severities for c in group), SeverityCounts()),
        )
        for name, group in groups.items()
    ]
    out.sort(key=lambda n: (n.namnd == UNKNOWN_NAMND, -n.cases, n.namnd.casefold()))
    return tuple(out)


def assess(
    cases: Sequence[CaseSummary], enabled: frozenset[str] | None = None
) -> tuple[Assessment, ...]:
    """Suggested scores for SKR items 6 and 7. `enabled`: the rule codes that were run."""
    readable = [c for c in cases if c.readable]
    base = len(readable)
    stats_ok = sum(1 for c in readable if not c.statistics_problem)
    described = sum(1 for c in readable if c.has_description)
    return (
        _assessment(
            6,
            "All individbaserad statistik redovisas och analyseras med kön som indelningsgrund.",
            "Andel läsbara ärenden utan statistik om personer som saknar uppdelning på kön "
            f"({', '.join(STATISTICS_CODES)}). Ärenden utan statistik om personer räknas som "
            "uppfyllda.",
            stats_ok,
            base,
            _rules_off(STATISTICS_CODES, enabled),
            len(STATISTICS_CODES),
        ),
        _assessment(
            7,
            "I beslutsunderlag finns en beskrivning av konsekvenser för kvinnor och män, "
            "flickor och pojkar.",
            "Andel läsbara ärenden med en beskrivning av konsekvenserna för kvinnor och män, "
            f"flickor och pojkar (ingen av {CONSEQUENCE_CODES[0]}–{CONSEQUENCE_CODES[-1]}).",
            described,
            base,
            _rules_off(CONSEQUENCE_CODES, enabled),
            len(CONSEQUENCE_CODES),
        ),
    )


def _rules_off(codes: Sequence[str], enabled: frozenset[str] | None) -> tuple[str, ...]:
    return () if enabled is None else tuple(c for c in codes if c not in enabled)


def _assessment(
    item: int,
    criterion: str,
    measure: str,
    compliant: int,
    base: int,
    rules_off: tuple[str, ...],
    n_rules: int,
) -> Assessment:
    # with every criterion rule switched off, every case would look compliant: no score
    measured = len(rules_off) < n_rules
    score = suggest_score(compliant, base) if measured else None
    return Assessment(item, criterion, measure, compliant, base, score, rules_off)


def build_audit(
    result: RunResult,
    rules: Sequence[RuleInfo] = (),
    enabled: frozenset[str] | None = None,
    generated: datetime | None = None,
) -> Audit:
    """The whole audit of a run. `rules` describes the codes; `enabled` lists the codes run."""
    known = prefix_names(fr.metadata for fr in result.files)
    cases = tuple(summarize_case(fr, known) for fr in result.files)
    readable = [c for c in cases if c.readable]
    summary = Summary(
        cases=len(cases),
        readable=len(readable),
        unreadable=len(cases) - len(readable),
        with_description=sum(1 for c in readable if c.has_description),
        statistics_problem=sum(1 for c in readable if c.statistics_problem),
        findings=sum(len(c.findings) for c in cases),
    )
    when = generated or datetime.now()
    return Audit(
        version=result.version,
        generated=when.strftime("%Y-%m-%d %H:%M"),
        summary=summary,
        assessments=assess(cases, enabled),
        rules=count_rules(cases, rules),
        namnder=count_namnder(cases),
        cases=cases,
    )


# ---------------------------------------------------------------------------------------------
# Presentation helpers shared by the CLI, the CSV and the HTML report


def percent(share: float | None) -> str:
    """A share as a Swedish percentage, rounded *down* to one decimal ("89,9 %", "50 %").

    Rounding down keeps the figure honest against the thresholds: 89.96 % is not shown as 90 %.
    """
    if share is None:
        return "–"
    tenths = math.floor(share * 1000 + 1e-9)
    whole, frac = divmod(tenths, 10)
    return f"{whole} %" if frac == 0 else f"{whole},{frac} %"


def yes_no(value: bool | None) -> str:
    return "–" if value is None else ("ja" if value else "nej")


# ---------------------------------------------------------------------------------------------
# CSV: one row per case, for Swedish Excel (same conventions as jamlint.reporters.csv)

BOM = "\ufeff"
CASE_HEADER: tuple[str, ...] = (
    "fil",
    "ärende",
    "nämnd",
    "diarienummer",
    "format",
    "sidor",
    "status",
    "värsta kod",
    "värsta grad",
    "värsta meddelande",
    "anmärkningar",
    "fel",
    "varningar",
    "tips",
    *(f"anmärkningar {CATEGORY_LABELS[c]}" for c in CATEGORY_ORDER),
    "konsekvensbeskrivning",
    "statistik ej uppdelad på kön",
    "felmeddelande",
)


def case_rows(audit: Audit) -> Iterator[list[str]]:
    for c in audit.cases:
        w = c.worst
        yield [
            text_cell(c.path),
            text_cell(c.title),
            text_cell(c.namnd),
            text_cell(c.diarienummer),
            c.format,
            "" if c.pages is None else str(c.pages),
            "läsbar" if c.readable else "kunde inte läsas",
            w.code if w else "",
            SEVERITY_LABELS[w.severity] if w else "",
            w.message if w else "",
            str(c.severities.total),
            str(c.severities.error),
            str(c.severities.warning),
            str(c.severities.info),
            *(str(n) for n in c.categories),
            yes_no(c.has_description),
            yes_no(c.statistics_problem),
            c.error or "",
        ]


def write_cases_csv(audit: Audit, out: TextIO) -> None:
    """UTF-8 BOM first, `;` separators, CRLF: Swedish Excel opens it with å ä ö intact."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CASE_HEADER)
    writer.writerows(case_rows(audit))
