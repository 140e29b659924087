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
from jamlint.engine.runner import (
    RULE_CRASHED,
    EnabledRule,
    enabled_rules,
    make_finding,
    run_rules,
)
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
from jamlint.parsers.load import STDIN, parse_bytes, read_input
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
    use_cache: bool = False
    cache_dir: Path | None = None
    _pipeline: Any = None
    _classifier: HeadingClassifier | None = None
    _cache: Any = None

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
        if self.use_cache:
            from jamlint.cache import ResultCache, default_cache_dir, ruleset_fingerprint

            salt = ruleset_fingerprint(tuple(self.config.rules)) + self.config.model_dump_json()
            self._cache = ResultCache(self.cache_dir or default_cache_dir(), salt)

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
            data = read_input(path, self.limits)
        except DocumentError as exc:
            return self._problem_result(path, exc.kind, exc.message)
        key = None
        if self._cache is not None and path != STDIN:
            from jamlint.engine.suppress import sidecar_path

            side = sidecar_path(path)
            sidecar = side.read_bytes() if side.is_file() else b""
            enabled = tuple(e.rule.code for e in self.rules_for(path))
            key = self._cache.key(data, sidecar, enabled)
            cached = self._cache.get(key, path)
            if cached is not None:
                return cached
        result = self._lint_bytes(data, path)
        if key is not None:
            self._cache.put(key, result)
        return result

    def parse(self, data: bytes, path: str) -> Document:
        """Parse a file's bytes with this configuration's limits and heading variants (raises
        DocumentError for a file that cannot be read)."""
        return parse_bytes(data, path, self.limits, self._classifier)

    def _lint_bytes(self, data: bytes, path: str) -> FileResult:
        try:
            document = self.parse(data, path)
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
        return [make_finding(d, sev, p.message, p.location, p.excerpt) for p in sups.problems]

    def _problem_result(
        self, path: str, kind: ProblemKind, message: str, document: Document | None = None
    ) -> FileResult:
        rule = self._problem_rules.get(kind.value)
        findings: tuple[Finding, ...] = ()
        if rule is not None:
            d = rule.descriptor
            findings = (make_finding(d, d.severity, message, FindingLocation()),)
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
    jobs: int = 1,
    use_cache: bool = False,
    on_start: Callable[[int], None] | None = None,
) -> RunResult:
    """Lint files and directories; `on_file` is called after each file (for progress).

    With `jobs` > 1 the files are spread over worker processes, each building its own linter
    and NLP pipeline once. `on_start` is told how many files there are.
    """
    config = config or Config()
    targets = collect_targets(paths, config)
    if on_start is not None:
        on_start(len(targets))
    if jobs > 1 and len(targets) >= MIN_FILES_FOR_POOL and STDIN not in {t.path for t in targets}:
        results = _lint_parallel(targets, config, jobs, use_cache, on_file)
    else:
        linter = linter or Linter(config, use_cache=use_cache)
        results = []
        for target in targets:
            result = linter.lint_target(target)
            results.append(result)
            if on_file is not None:
                on_file(result)
    return RunResult(version=__version__, files=tuple(results))


# Below this many files a process pool costs more (spaCy start-up per worker) than it saves.
MIN_FILES_FOR_POOL = 4

# One linter per worker process, built by the pool's initializer: the standard way to give each
# process its own expensive state (the NLP pipeline) without rebuilding it per file.
_worker_linter: Linter | None = None


def _init_worker(config: Config, use_cache: bool) -> None:
    global _worker_linter
    _worker_linter = Linter(config, use_cache=use_cache)


def _lint_in_worker(target: Target) -> FileResult:
    assert _worker_linter is not None
    return _worker_linter.lint_target(target)


def _lint_parallel(
    targets: list[Target],
    config: Config,
    jobs: int,
    use_cache: bool,
    on_file: Callable[[FileResult], None] | None,
) -> list[FileResult]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: list[FileResult | None] = [None] * len(targets)
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(config, use_cache)
    ) as pool:
        futures = {pool.submit(_lint_in_worker, t): i for i, t in enumerate(targets)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # a worker that died must not end the run
                result = FileResult(
                    path=targets[i].path,
                    status=FileStatus.ERROR,
                    error=f"Internt fel vid granskning: {type(exc).__name__}: {exc}",
                )
            results[i] = result
            if on_file is not None:
                on_file(result)
    return [r for r in results if r is not None]


def iter_codes(results: Iterable[FileResult]) -> Iterator[str]:
    for fr in results:
        for f in fr.findings:
            yield f.code
