"""Read the Swedish word lists and phrase lists of the NLP stage from rules/lexicons.

Lexicons are data, shipped in the wheel as `jamlint._rules` and read with importlib.resources,
so a municipality can read, review and extend them without touching code. File formats:

- `*.txt`: one entry a line; `#` starts a comment. In the word lexicons an entry is a lemma, or
  `=form` for one exact surface form ("=boenden" is a facility, while the lemma "boende" is
  people). Word lexicons hold single words only.
- `*.tsv`: `key<TAB>value` lines (number words, share words, the generated `forms.tsv`).
- `phrases/<name>.txt`: one phrase a line, compiled into a PhraseMatcher named `<name>`.

Everything here is plain Python (no spaCy), cheap to load (a few milliseconds), and loaded once
per pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jamlint.nlp.inflect import guess_forms
from jamlint.nlp.types import Measure

# Word lexicons a caller may extend at build time, keyed by the name used in
# `build_pipeline(extra_lexicon_words=...)`. Measure lexicons are named by their Measure value.
PEOPLE = "people"
RATE_NOUNS = "rate_nouns"
SEX_TERMS = "sex_terms"
SEX_AMBIGUOUS = "sex_ambiguous"
COMPOUND_HEADS = "people_compound_heads"
UNIT_MEASURES: tuple[Measure, ...] = (
    Measure.MONEY,
    Measure.AREA,
    Measure.LENGTH,
    Measure.TIME,
    Measure.OBJECT,
    Measure.ORGANISATION,
)
WORD_LEXICONS: tuple[str, ...] = (
    PEOPLE,
    RATE_NOUNS,
    SEX_TERMS,
    SEX_AMBIGUOUS,
    COMPOUND_HEADS,
    *(m.value for m in UNIT_MEASURES),
)
# Other line lists a caller may extend (no inflection is generated for these).
LIST_LEXICONS: tuple[str, ...] = ("sex_prefixes", "sex_exceptions", "abbreviations")
CONTEXT_LISTS: tuple[str, ...] = (
    "grade_words",
    "paragraph_words",
    "dnr_words",
    "year_words",
    "share_nouns",
    "determiners",
    "noun_determiners",
    "adjectives",
    "modifiers",
    "prepositions",
    "phrase_prepositions",
    "volume_periods",
    "plan_verbs",
    "noting_verbs",
    "proposed_markers",
    "plan_openers",
    "estimate_verbs",
    "effect_verbs",
    "registration_verbs",
    "street_suffixes",
    "sex_table_labels",
    "bullets",
    "people_pronouns",
    "percent_nouns",
    "guardianship_people",
    "guardianship_cues",
    "figure_anaphors",
    "group_anaphors",
    "limit_words",
    "limit_adverbs",
    "hypothetical_openers",
    "speech_verbs",
    "norm_modals",
    "norm_nouns",
    "held_by_people",
    "people_states",
    "shift_times",
    "neutral_sex_pairs",
    "size_bounds",
    "average_words",
    "bare_count_verbs",
    "change_nouns",
    "when_words",
    "staffing_stems",
    "threshold_verbs",
    "modals",
    "attribute_prepositions",
    "comparatives",
    "needs",
    "periods",
    "two_person_procedures",
    "two_person_staffing",
    "people_experiences",
    "clause_adverbs",
    "goal_words",
    "plan_passives",
    "staffing_passives",
    "reason_nouns",
    "plan_presents",
    "year_prepositions",
    "achieved_verbs",
    "times_of_day",
    "cost_stems",
    "staff_heads",
    "staff_cues",
    "count_qualifiers",
    "couple_nouns",
    "standalone_adjectives",
    "sum_words",
    "capacity_predicates",
    "workforce_cues",
    "occasions",
    "visit_verbs",
    "certain_children",
    "rate_adjectives",
    "adult_education",
    "whole_staff_words",
    "staff_measures",
    "relative_time_adverbs",
    "opinion_verbs",
    "rough_quantifiers",
    "generic_people",
    "parent_sex_stems",
    "need_passives",
    "staff_increase_words",
    "frequency_adverbs",
    "time_and_cost_things",
    "article_words",
    "outcome_destinations",
)


def rules_root() -> Traversable:
    """The installed rules directory (rules/ in a checkout, jamlint/_rules in a wheel)."""
    return resources.files("jamlint._rules")


def lexicon_root() -> Traversable:
    return rules_root() / "lexicons"


def lexicon_text(name: str) -> str:
    """The text of one file under rules/lexicons ("months.txt", "number_words.tsv")."""
    return _read(lexicon_root() / name)


def parse_lines(text: str) -> list[str]:
    """Entries of a one-entry-a-line file: comments and blank lines dropped, spaces collapsed."""
    out: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split("#", 1)[0].split())
        if line:
            out.append(line)
    return out


def parse_tsv(text: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.rstrip("\n").split("\t")
        if len(parts) != 2:
            raise ValueError(f"expected two tab-separated columns: {raw!r}")
        rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def _read(path: Traversable) -> str:
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class WordList:
    """A word lexicon: lemma entries and exact-form entries (`=form` lines)."""

    lemmas: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, entries: Iterable[str], source: str = "") -> WordList:
        lemmas: set[str] = set()
        forms: set[str] = set()
        for entry in entries:
            if " " in entry:
                raise ValueError(f"{source}: word lexicons hold single words, not {entry!r}")
            if entry.startswith("="):
                forms.add(entry[1:].lower())
            else:
                lemmas.add(entry.lower())
        return cls(frozenset(lemmas), frozenset(forms))

    def extended(self, words: Iterable[str], source: str = "") -> WordList:
        more = WordList.parse(words, source)
        return WordList(self.lemmas | more.lemmas, self.forms | more.forms)


@dataclass(frozen=True)
class Lexicons:
    """Everything the NLP components read from rules/lexicons, immutable once loaded."""

    words: Mapping[str, WordList]  # WORD_LEXICONS name -> entries
    forms: Mapping[str, str]  # lower-case surface form -> lemma
    compound_head_blocklist: frozenset[str]
    sex_prefixes: tuple[str, ...]
    sex_exceptions: tuple[str, ...]
    approximations: tuple[tuple[str, ...], ...]  # longest first
    number_words: Mapping[str, float]
    multipliers: Mapping[str, float]
    fractions: Mapping[str, float]
    ordinals: Mapping[str, float]
    months: frozenset[str]
    abbreviations: Mapping[str, bool]  # abbreviation -> may end a sentence
    context: Mapping[str, frozenset[str]]
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # spaCy Matcher token patterns that add matches to a phrase lexicon (<name>.patterns.yaml)
    patterns: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)

    def ctx(self, name: str) -> frozenset[str]:
        return self.context[name]

    def lemma_categories(self) -> dict[str, set[str]]:
        """Lemma -> names of the word lexicons that list it."""
        out: dict[str, set[str]] = {}
        for name, wl in self.words.items():
            for lemma in wl.lemmas:
                out.setdefault(lemma, set()).add(name)
        return out

    def form_categories(self) -> dict[str, set[str]]:
        """Exact surface form (`=form` entries) -> names of the word lexicons that list it."""
        out: dict[str, set[str]] = {}
        for name, wl in self.words.items():
            for form in wl.forms:
                out.setdefault(form, set()).add(name)
        return out


def word_file(name: str) -> str:
    if name in {m.value for m in UNIT_MEASURES}:
        return f"units/{name}.txt"
    return f"{name}.txt"


PATTERN_SUFFIX = ".patterns.yaml"


def _load_phrases(
    dirs: Sequence[Traversable | Path],
) -> tuple[dict[str, list[str]], dict[str, list[Any]]]:
    """Phrase lists (<name>.txt) and token patterns (<name>.patterns.yaml) by lexicon name."""
    phrases: dict[str, list[str]] = {}
    patterns: dict[str, list[Any]] = {}
    for directory in dirs:
        for entry in sorted(directory.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".txt"):
                name = entry.name[: -len(".txt")]
                phrases.setdefault(name, []).extend(parse_lines(_read(entry)))
            elif entry.name.endswith(PATTERN_SUFFIX):
                name = entry.name[: -len(PATTERN_SUFFIX)]
                patterns.setdefault(name, []).extend(_read_patterns(entry))
    return phrases, patterns


def _read_patterns(path: Traversable | Path) -> list[Any]:
    """A YAML list of spaCy Matcher patterns (each a list of token dicts)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(_read(path), Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(data, list) or not all(
        isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in data
    ):
        raise ValueError(f"{path}: expected a list of token patterns (lists of mappings)")
    return data


def load_lexicons(
    extra_words: Mapping[str, Sequence[str]] | None = None,
    extra_phrase_dirs: Sequence[Path] = (),
    root: Traversable | None = None,
) -> Lexicons:
    """Read all lexicons, then add a caller's extra words.

    `extra_words` keys are word lexicon names (`WORD_LEXICONS`, e.g. "people", "money"), list
    lexicons (`LIST_LEXICONS`), context lists, or any other name, which is taken as a phrase
    lexicon (created when it does not exist, e.g. a municipality's "gender_headings"). Extra
    words in word lexicons get guessed inflections (see `jamlint.nlp.inflect`).
    """
    base = root if root is not None else lexicon_root()
    extra = {k: list(v) for k, v in (extra_words or {}).items()}

    words: dict[str, WordList] = {}
    for name in WORD_LEXICONS:
        wl = WordList.parse(parse_lines(_read(base / word_file(name))), name)
        if name in extra:
            wl = wl.extended(extra.pop(name), name)
        words[name] = wl

    forms = {form: lemma for form, lemma in parse_tsv(_read(base / "forms.tsv"))}
    for wl in words.values():
        for lemma in wl.lemmas:
            if lemma not in forms:  # an extra word (or a lexicon newer than forms.tsv)
                for form in guess_forms(lemma):
                    forms.setdefault(form, lemma)

    lists = {name: parse_lines(_read(base / f"{name}.txt")) for name in LIST_LEXICONS}
    for name in LIST_LEXICONS:
        lists[name].extend(extra.pop(name, ()))
    context = {}
    for name in CONTEXT_LISTS:
        entries = parse_lines(_read(base / "context" / f"{name}.txt")) + extra.pop(name, [])
        context[name] = frozenset(e if name == "sex_table_labels" else e.lower() for e in entries)

    abbreviations: dict[str, bool] = {}
    for entry in lists["abbreviations"]:
        text, _, flag = entry.partition(" ")
        abbreviations[text] = flag.strip() == "final"

    phrase_lists, pattern_lists = _load_phrases([base / "phrases", *extra_phrase_dirs])
    for name, more in extra.items():  # anything left is a phrase lexicon
        phrase_lists.setdefault(name, []).extend(more)

    approximations = sorted(
        (tuple(e.lower().split()) for e in parse_lines(_read(base / "approximations.txt"))),
        key=len,
        reverse=True,
    )
    return Lexicons(
        words=MappingProxyType(words),
        forms=MappingProxyType(forms),
        compound_head_blocklist=frozenset(parse_lines(_read(base / "compound_head_blocklist.txt"))),
        sex_prefixes=tuple(e.lower() for e in lists["sex_prefixes"]),
        sex_exceptions=tuple(e.lower() for e in lists["sex_exceptions"]),
        approximations=tuple(approximations),
        number_words=_floats(base / "number_words.tsv"),
        multipliers=_floats(base / "multipliers.tsv"),
        fractions=_floats(base / "fractions.tsv"),
        ordinals=_floats(base / "ordinals.tsv"),
        months=frozenset(e.lower() for e in parse_lines(_read(base / "months.txt"))),
        abbreviations=MappingProxyType(abbreviations),
        context=MappingProxyType(context),
        phrases=MappingProxyType({k: tuple(v) for k, v in phrase_lists.items()}),
        patterns=MappingProxyType({k: tuple(v) for k, v in pattern_lists.items()}),
    )


def _floats(path: Traversable) -> Mapping[str, float]:
    return MappingProxyType({k.lower(): float(v) for k, v in parse_tsv(_read(path))})
