"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps) and SARIF viewers.

One run. `tool.driver.rules` describes every loaded rule (from `ReportOptions.rules`, which the
CLI fills because `render.needs_rules` is set) plus any code a finding carries that is not among
them, so every result's `ruleIndex` points at its rule.

Results are matched between runs by `partialFingerprints["jamlint/v1"]`, computed from the rule
code, the finding's context and its excerpt, normalised — never from line numbers: a .docx is a
zip whose plain-text rendering shifts as soon as a paragraph is added above the finding. Identical
fingerprints within one file get an occurrence counter so that each stays unique.

Files that could not be read get a `toolExecutionNotifications` entry besides their JAM9xx result,
and `executionSuccessful` is false then, as the CLI's exit status 2 says.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from jamlint.model import FileResult, FileStatus, Finding, RunResult, Severity
from jamlint.model.finding import RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "jamlint/v1"
SRCROOT = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(result: RunResult, out: TextIO, options) -> None:
    json.dump(build_log(result, options.rules), out, ensure_ascii=False, indent=2)
    out.write("\n")


render.needs_rules = True  # type: ignore[attr-defined]


def build_log(result: RunResult, rules: tuple[RuleInfo, ...] = ()) -> dict[str, Any]:
    """The whole SARIF log as plain JSON data."""
    descriptors = _rule_table(result, rules)
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results: list[dict[str, Any]] = []
    for fr in result.files:
        for finding, fp in zip(fr.findings, file_fingerprints(fr.findings), strict=True):
            results.append(_result(fr, finding, fp, index[finding.code]))
    notifications = [
        _notification(fr, index) for fr in result.files if fr.status is FileStatus.ERROR
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "jamlint", "version": result.version, "rules": descriptors}},
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "language": "sv-SE",
        # columns count characters of the plain-text rendering (Python str offsets)
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


# --- rules -------------------------------------------------------------------------------------


def _rule_table(result: RunResult, rules: tuple[RuleInfo, ...]) -> list[dict[str, Any]]:
    """Descriptors for the loaded rules, then for codes found but not loaded (e.g. a caller that
    passed no rules), so that every result has a rule to point at."""
    known = {r.code: r for r in rules}
    for fr in result.files:
        for f in fr.findings:
            if f.code not in known:
                known[f.code] = RuleInfo(
                    code=f.code,
                    name=f.name,
                    category=f.category,
                    severity=f.severity,
                    message=f.message,
                )
    return [_descriptor(known[code]) for code in sorted(known)]


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
    }
    explanation = rule.explanation.strip()
    if explanation:
        d["fullDescription"] = {"text": explanation}
    help_text = _help_text(explanation, rule.hint.strip())
    if help_text:
        d["help"] = {"text": help_text}
    d["defaultConfiguration"] = {"level": _LEVELS[rule.severity]}
    d["properties"] = {
        "category": rule.category.value,
        "references": list(rule.references),
        "tags": [rule.category.value],
    }
    return d


def _help_text(explanation: str, hint: str) -> str:
    parts = [explanation] if explanation else []
    if hint:
        parts.append(f"Skriv i stället: {hint}")
    return "\n\n".join(parts)


# --- results -----------------------------------------------------------------------------------


def _result(fr: FileResult, f: Finding, fingerprint: str, rule_index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(fr.path)}
    region = _region(f)
    if region:
        physical["region"] = region
    r: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity],
        "message": {"text": f.message + (f" «{f.excerpt}»" if f.excerpt else "")},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    # where the finding is in the document's own terms, which a SARIF region cannot say
    where = {
        "page": f.location.page,
        "paragraph": f.location.paragraph,
        "section": f.location.section,
    }
    properties = {k: v for k, v in where.items() if v is not None}
    if properties:
        r["properties"] = properties
    return r


def _region(f: Finding) -> dict[str, int] | None:
    """startLine/startColumn when known; SARIF counts from 1, and a document-level finding
    without a line gets no region at all."""
    line, column = f.location.line, f.location.column
    if line is None or line < 1:
        return None
    region = {"startLine": line}
    if column is not None and column >= 1:
        region["startColumn"] = column
    return region


def _notification(fr: FileResult, index: dict[str, int]) -> dict[str, Any]:
    problem = fr.findings[0] if fr.findings else None
    text = fr.error or (problem.message if problem else "Filen kunde inte läsas.")
    n: dict[str, Any] = {
        "level": "error",
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(fr.path)}}],
    }
    if problem is not None:
        n["associatedRule"] = {"id": problem.code, "index": index[problem.code]}
    return n


# --- locations and fingerprints ----------------------------------------------------------------


def artifact_location(path: str) -> dict[str, str]:
    """A path as given, as a URI: relative paths percent-encoded against %SRCROOT%, absolute
    ones as file: URIs."""
    pure: PurePath = PureWindowsPath(path) if _is_windows_path(path) else PurePosixPath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _is_windows_path(path: str) -> bool:
    return "\\" in path or (len(path) > 1 and path[1] == ":" and path[0].isalpha())


def normalise(text: str) -> str:
    """Lower-case, whitespace collapsed to single spaces; digits kept (a changed number is a
    changed finding)."""
    return " ".join(text.lower().split())


def fingerprint(f: Finding) -> str:
    key = "\0".join((f.code, normalise(f.context), normalise(f.excerpt)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def file_fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    """One fingerprint per finding of one file; the second identical one gets ":2", and so on,
    so that the first keeps its fingerprint when a duplicate appears."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        fp = fingerprint(f)
        seen[fp] += 1
        out.append(fp if seen[fp] == 1 else f"{fp}:{seen[fp]}")
    return out
