"""Finding the rules: built-in descriptors, `--rules DIR` directories and entry-point packs.

Discovery happens when asked (`load_rules`), never at import. The result is an immutable
`RuleSet`. A broken descriptor or pack raises `RuleError` naming the file or the pack, and the
CLI exits with status 2: a half-loaded rule set would silently lint less than promised.

A third-party pack is a Python package exposing, in the entry-point group `jamlint.rules`, a
callable that returns a `RulePack`: a directory of YAML descriptors and the Python kinds those
descriptors use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml
from pydantic import ValidationError

from jamlint.engine.rule import Check, Rule, RuleDescriptor, RuleError, _first_error

# libyaml's loader when PyYAML was built with it (rule files are read on every start-up)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

ENTRY_POINT_GROUP = "jamlint.rules"
DESCRIPTOR_DIRS = ("consequences", "statistics", "language", "document")

# Built-in kinds: name -> "module:Class". Imported only when a descriptor uses the kind.
BUILTIN_KINDS: Mapping[str, str] = {
    "phrase-present": "jamlint.engine.kinds.lexical:PhrasePresent",
    "section-not-empty": "jamlint.engine.kinds.sections:SectionNotEmpty",
    "section-not-boilerplate": "jamlint.engine.kinds.sections:SectionNotBoilerplate",
    "section-required": "jamlint.engine.kinds.sections:SectionRequired",
    "document-problem": "jamlint.engine.kinds.document:DocumentProblem",
    "gender-description-missing": "jamlint.checks.consequences:GenderDescriptionMissing",
    "unmotivated-not-relevant": "jamlint.checks.consequences:UnmotivatedNotRelevant",
    "empty-gender-description": "jamlint.checks.consequences:EmptyGenderDescription",
    "gender-blind-claim": "jamlint.checks.consequences:GenderBlindClaim",
    "children-without-girls-boys": "jamlint.checks.consequences:ChildrenWithoutGirlsBoys",
    "analysis-lacks": "jamlint.checks.consequences:AnalysisLacks",
    "people-statistic": "jamlint.checks.statistics:PeopleStatistic",
    "people-table": "jamlint.checks.statistics:PeopleTable",
    "sex-statistics-not-analysed": "jamlint.checks.statistics:SexStatisticsNotAnalysed",
}


@dataclass(frozen=True)
class RulePack:
    """What a third-party package contributes: descriptors and the kinds they use."""

    name: str
    descriptors: Traversable | Path | None = None
    kinds: Mapping[str, type[Check]] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    # extra phrase-lexicon directories contributed by rule directories/packs
    phrase_dirs: tuple[Path, ...] = ()

    def by_code(self) -> dict[str, Rule]:
        return {r.code: r for r in self.rules}

    def get(self, code: str) -> Rule | None:
        return self.by_code().get(code)


def _iter_yaml(root: Traversable | Path) -> Iterable[Traversable | Path]:
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            if entry.name not in ("lexicons", "presets", "__pycache__"):
                yield from _iter_yaml(entry)
        elif entry.name.endswith((".yaml", ".yml")):
            yield entry


def read_descriptors(root: Traversable | Path, origin: str) -> list[RuleDescriptor]:
    out = []
    for entry in _iter_yaml(root):
        try:
            data = yaml.load(entry.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        except yaml.YAMLError as exc:
            raise RuleError(f"{origin}: {entry.name}: ogiltig YAML: {exc}") from None
        if not isinstance(data, dict) or "code" not in data:
            continue  # data files beside descriptors (lexicons, notes) are not rules
        try:
            out.append(RuleDescriptor.model_validate(data))
        except ValidationError as exc:
            raise RuleError(f"{origin}: {entry.name}: {_first_error(exc)}") from None
    return out


def builtin_descriptors() -> list[RuleDescriptor]:
    root = files("jamlint._rules")
    out: list[RuleDescriptor] = []
    for sub in DESCRIPTOR_DIRS:
        d = root.joinpath(sub)
        if d.is_dir():
            out.extend(read_descriptors(d, "inbyggda regler"))
    return out


def _import_kind(spec: str) -> type[Check]:
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def _entry_point_packs() -> list[RulePack]:
    packs = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            factory: Callable[[], RulePack] = ep.load()
            pack = factory()
        except Exception as exc:  # a broken pack must be named, not crash the CLI
            raise RuleError(f"regelpaketet '{ep.name}' kan inte laddas: {exc}") from None
        if not isinstance(pack, RulePack):
            raise RuleError(f"regelpaketet '{ep.name}' returnerar inte ett RulePack")
        packs.append(pack)
    return packs


def load_rules(rule_dirs: Iterable[str | Path] = (), use_entry_points: bool = True) -> RuleSet:
    """Built-in rules, then every `rule_dirs` directory, then entry-point packs."""
    descriptors: list[tuple[RuleDescriptor, str]] = [
        (d, "inbyggda regler") for d in builtin_descriptors()
    ]
    kinds: dict[str, type[Check] | str] = dict(BUILTIN_KINDS)
    phrase_dirs: list[Path] = []
    for rd in rule_dirs:
        path = Path(rd)
        if not path.is_dir():
            raise RuleError(f"regelkatalogen finns inte: {path}")
        descriptors.extend((d, str(path)) for d in read_descriptors(path, str(path)))
        if (path / "lexicons" / "phrases").is_dir():
            phrase_dirs.append(path / "lexicons" / "phrases")
    for pack in _entry_point_packs() if use_entry_points else []:
        for name, kind in pack.kinds.items():
            if name in kinds:
                raise RuleError(f"regelpaketet '{pack.name}': regeltypen '{name}' finns redan")
            kinds[name] = kind
        if pack.descriptors is not None:
            descriptors.extend((d, pack.name) for d in read_descriptors(pack.descriptors, pack.name))
            phrases = pack.descriptors.joinpath("lexicons").joinpath("phrases")
            if isinstance(phrases, Path) and phrases.is_dir():
                phrase_dirs.append(phrases)

    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for desc, origin in descriptors:
        if desc.code in seen:
            raise RuleError(f"{origin}: koden {desc.code} används redan ({seen[desc.code]})")
        seen[desc.code] = origin
        kind = kinds.get(desc.kind)
        if kind is None:
            raise RuleError(f"{origin}: {desc.code}: okänd regeltyp '{desc.kind}'")
        cls = _import_kind(kind) if isinstance(kind, str) else kind
        rules.append(Rule(desc, cls(desc)))
    rules.sort(key=lambda r: r.code)
    return RuleSet(tuple(rules), tuple(phrase_dirs))
