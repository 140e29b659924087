"""The library entry point: lint paths with a configuration and get a `RunResult`.

No click, no printing. One `Linter` holds what is built once per process — the rule set, the
heading classifier, and the spaCy pipeline (built lazily, on the first document that needs it) —
and lints files one by one. Every problem with one file becomes findings in that file's result;
the run always goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from jamlint import __version__
from jamlint.config import Config
from jamlint.engine.loader import RuleSet, load_rules
from jamlint.engine.rule import Rule
from jamlint.engine.runner import RULE_CRASHED, EnabledRule, enabled_rules, run_rules
from jamlint.engine.suppress import SUPPRESSION_CODE, Suppressions
from jamlint.model import (
    DocFormat,
    Document,
    FileResult,
    FileStatus,
    Finding,
    FindingLocation,
    RunResult,
)
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits
from jamlint.parsers.load import STDIN, load_document
from jamlint.parsers.sections import HeadingClassifier
from jamlint.selection import is_enabled, per_file_ignored

LOCK_FILE_PREFIXES = ("~$", ".~lock.")


@dataclass(frozen=True)
class Target:
    """A path to lint, or a problem found while collecting paths (missing, empty folder)."""

    path: str
    problem: ProblemKind | None = None
    message: str = ""


def collect_targets(paths: Sequence[str], config: Config) -> list[Target]:
    """Expand directories recursively (include/exclude globs, no lock files), in sorted order."""
    out: list[Target] = []
    for raw in paths:
        if raw == STDIN:
            out.append(Target(STDIN))
            continue
        p = Path(raw)
        if not p.exists():
            out.append(Target(raw, ProblemKind.NOT_FOUND, f"Filen eller katalogen finns inte: {raw}"))
        elif p.is_dir():
            found = list(_walk(p, config))
            if not found:
                out.append(
                    Target(
                        raw,
                        ProblemKind.NO_DOCUMENTS,
                        "Katalogen innehåller inga dokument som jamlint kan läsa "
                        f"({', '.join(config.include)}).",
                    )
                )
            out.extend(Target(f) for f in found)
        elif not _excluded(p, config):
            out.append(Target(raw))
    return out


def _excluded(p: Path, config: Config) -> bool:
    name = p.name
    if name.startswith(LOCK_FILE_PREFIXES) or name.endswith(".jamlint.docx"):
        return True
    posix = p.as_posix()
    return any(fnmatch(posix, pat) or fnmatch(name, pat) or p.match(pat) for pat in config.exclude)


def _walk(root: Path, config: Config) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if not any(fnmatch(name.lower(), pat.lower()) for pat in config.include):
                continue
            if not _excluded(p, config):
                yield str(p)


@dataclass
class Linter:
    """Lints files with one configuration; build once, reuse for every file."""

    config: Config = field(default_factory=Config)
    rules: RuleSet | None = None
    _pipeline: Any = None
    _classifier: HeadingClassifier | None = None

    def __post_init__(self) -> None:
        if self.rules is None:
            self.rules = load_rules(self.config.rules)
        extra = {k.value: list(v) for k, v in self.config.extra_headings.items()}
        self._classifier = HeadingClassifier.load(extra)
        self._by_code = self.rules.by_code()
        self._problem_rules: dict[str, Rule] = {
            r.descriptor.options["problem"]: r
            for r in self.rules.rules
            if r.descriptor.kind == "document-problem"
        }

    @property
    def limits(self) -> Limits:
        return Limits(
            max_pages=self.config.max_pages,
            max_file_bytes=self.config.max_file_mb * 1024 * 1024,
        )

    @property
    def pipeline(self):
        """The Swedish NLP pipeline, built once on first use."""
        if self._pipeline is None:
            from jamlint.nlp.pipeline import build_pipeline

            self._pipeline = build_pipeline(
                extra_lexicon_words={k: list(v) for k, v in self.config.extra_lexicon_words.items()},
                extra_phrase_dirs=self.rules.phrase_dirs,
            )
        return self._pipeline

    def is_on(self, rule: Rule, path: str) -> bool:
        c = self.config
        ignore = tuple(c.ignore) + per_file_ignored(path, c.per_file_ignores)
        return is_enabled(rule.code, rule.descriptor.enabled, c.select, c.extend_select, ignore)

    def rules_for(self, path: str) -> list[EnabledRule]:
        return enabled_rules(self.rules.rules, lambda r: self.is_on(r, path), self.config.severity)

    def lint_target(self, target: Target) -> FileResult:
        if target.problem is not None:
            return self._problem_result(target.path, target.problem, target.message)
        return self.lint_file(target.path)

    def lint_file(self, path: str) -> FileResult:
        try:
            document = load_document(path, self.limits, self._classifier)
        except DocumentError as exc:
            return self._problem_result(path, exc.kind, exc.message)
        except Exception as exc:  # a parser bug on one file must not end the run
            return self._problem_result(
                path, ProblemKind.UNREADABLE, f"Filen kunde inte tolkas ({type(exc).__name__}: {exc})."
            )
        if document.no_text_layer:
            return self._problem_result(
                path,
                ProblemKind.NO_TEXT_LAYER,
                "PDF-filen har sidor men inget textlager (troligen inskannad). jamlint kan inte "
                "granska den: exportera dokumentet som PDF från Word eller kör OCR först.",
                document,
            )
        return self.lint_document(document, path)

    def lint_document(self, document: Document, path: str) -> FileResult:
        annotated = self.pipeline.annotate(document)
        suppressions = Suppressions.load(path, document)
        findings = run_rules(
            annotated, self.rules_for(path), suppressions, self._by_code.get(RULE_CRASHED)
        )
        findings.extend(self._suppression_problems(suppressions, path))
        findings = [f for f in findings if f.severity.rank >= self.config.min_severity.rank]
        return FileResult(
            path=path,
            format=document.format,
            pages=document.pages,
            metadata=document.metadata,
            findings=tuple(findings),
        )

    def _suppression_problems(self, sups: Suppressions, path: str) -> list[Finding]:
        rule = self._by_code.get(SUPPRESSION_CODE)
        if rule is None or not self.is_on(rule, path):
            return []
        d = rule.descriptor
        sev = self.config.severity.get(d.code, d.severity)
        return [
            Finding(
                code=d.code,
                name=d.name,
                category=d.category,
                severity=sev,
                message=p.message,
                location=p.location,
                excerpt=p.excerpt,
            )
            for p in sups.problems
        ]

    def _problem_result(
        self, path: str, kind: ProblemKind, message: str, document: Document | None = None
    ) -> FileResult:
        rule = self._problem_rules.get(kind.value)
        findings: tuple[Finding, ...] = ()
        if rule is not None:
            d = rule.descriptor
            findings = (
                Finding(
                    code=d.code,
                    name=d.name,
                    category=d.category,
                    severity=d.severity,
                    message=message,
                    location=FindingLocation(),
                ),
            )
        return FileResult(
            path=path,
            format=document.format if document else DocFormat.UNKNOWN,
            status=FileStatus.ERROR,
            error=message,
            pages=document.pages if document else None,
            findings=findings,
        )


def lint_paths(
    paths: Sequence[str],
    config: Config | None = None,
    linter: Linter | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> RunResult:
    """Lint files and directories; `on_file` is called after each file (for progress)."""
    config = config or Config()
    linter = linter or Linter(config)
    results: list[FileResult] = []
    for target in collect_targets(paths, config):
        result = linter.lint_target(target)
        results.append(result)
        if on_file is not None:
            on_file(result)
    return RunResult(version=__version__, files=tuple(results))


def iter_codes(results: Iterable[FileResult]) -> Iterator[str]:
    for fr in results:
        for f in fr.findings:
            yield f.code
