"""What one Swedish word is, for our purposes: its lemma and whether it names people or the sexes.

This is the lemmatizer's knowledge without spaCy: a lookup in forms.tsv, then compound analysis
("gymnasieeleverna" -> "gymnasieelev", "Malmöborna" -> "malmöbo"), then sex prefixes
("kvinnodominerade", "pojklag"). Results are memoised per process because the same words recur
in every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from jamlint.nlp.lexicons import (
    COMPOUND_HEADS,
    PEOPLE,
    RATE_NOUNS,
    SEX_AMBIGUOUS,
    SEX_TERMS,
    UNIT_MEASURES,
    Lexicons,
)
from jamlint.nlp.types import Measure

SHARE = "share"  # category for share nouns ("andelen", "antalet")
MIN_PREFIX = 3  # a compound's first part has at least this many characters
MIN_HEAD = 2  # …and its head at least this many ("bo" in "Malmöbo")
STAFF_ENDING = 5  # letters an inflection adds to a staff head ("medarbetarnas" to "medarbetar")


def ends_in_head(word: str, heads) -> bool:
    """A staff head at the end of a word, with at most an ending after it ("förskollärarna",
    "hemtjänstpersonalen", "undersköterskor")."""
    for head in heads:
        at = word.rfind(head)
        if at >= 0 and len(word) - at - len(head) <= STAFF_ENDING:
            return True
    return False


_AGE_GROUP = re.compile(r"^\d+(?:[-–]\d+)?-?åring(?:ar|arna|arnas|ars|en|ens|s)?$")


@dataclass(frozen=True, slots=True)
class WordInfo:
    """The classification of one word form (lower-cased)."""

    lemma: str
    people: bool = False  # a gender-blind noun for people ("elever", "brukarna")
    sex: bool = False  # a sex term ("kvinnor", "pojklag", "mannen")
    ambiguous: bool = False  # sex term only as a noun in context ("man", "far")
    rate: bool = False  # a rate about people ("sjukfrånvaron")
    share: bool = False  # introduces a share or count ("andelen", "antalet")
    measure: Measure | None = None  # what a number before this word measures
    compound: bool = False  # found by compound analysis

    @property
    def counted(self) -> bool:
        """A number right before this word counts or measures it."""
        return self.measure is not None or self.rate


class WordClassifier:
    """Classifies lower-cased word forms with the lexicons; cheap to build, memoised lookups."""

    def __init__(self, lexicons: Lexicons, cache_size: int = 100_000) -> None:
        self.lexicons = lexicons
        self._forms = lexicons.forms
        self._lemma_cats = lexicons.lemma_categories()
        self._form_cats = lexicons.form_categories()
        for share in lexicons.ctx("share_nouns"):
            self._form_cats.setdefault(share, set()).add(SHARE)
        self._blocked_heads = lexicons.compound_head_blocklist
        self._prefixes = tuple(sorted(lexicons.sex_prefixes, key=len, reverse=True))
        self._exceptions = lexicons.sex_exceptions
        self.info = lru_cache(maxsize=cache_size)(self._classify)

    # -- direct lookups -------------------------------------------------------------------
    def _categories(self, form: str) -> tuple[str, set[str]] | None:
        """Lemma and categories of a form listed in the lexicons or forms.tsv."""
        if form in self._form_cats:
            return self._forms.get(form, form), self._form_cats[form]
        lemma = self._forms.get(form)
        if lemma is None:
            lemma = form if form in self._lemma_cats else None
        if lemma is None:
            return None
        return lemma, self._lemma_cats.get(lemma, set())

    @staticmethod
    def _info(lemma: str, form: str, cats: set[str], as_head: bool) -> WordInfo:
        sex = SEX_TERMS in cats or SEX_AMBIGUOUS in cats
        ambiguous = SEX_AMBIGUOUS in cats and form == lemma and not as_head
        if as_head and SEX_AMBIGUOUS in cats:
            # "tjänsteman", "ombudsmännen": a title for anyone, not a sex term
            sex = False
            people = True
        else:
            people = PEOPLE in cats or (as_head and COMPOUND_HEADS in cats)
        measure = None
        if people or sex:
            measure = Measure.PEOPLE
        else:
            for m in UNIT_MEASURES:
                if m.value in cats:
                    measure = m
                    break
        return WordInfo(
            lemma=lemma,
            people=people and not sex,
            sex=sex,
            ambiguous=ambiguous,
            rate=RATE_NOUNS in cats,
            share=SHARE in cats,
            measure=measure,
        )

    # -- analysis -------------------------------------------------------------------------
    def _classify(self, form: str, title: bool = False) -> WordInfo | None:
        """Classify a lower-cased form; `title` when the token was capitalised (names)."""
        found = self._categories(form)
        if found is not None:
            lemma, cats = found
            info = self._info(lemma, form, cats, as_head=False)
            if cats:
                return info
            if not self.sex_prefixed(form):
                return info  # known form without categories (e.g. the verb "bor")
        if _AGE_GROUP.match(form):
            return WordInfo(lemma=form, people=True, measure=Measure.PEOPLE)
        compound = self._compound(form, title)
        if self.sex_prefixed(form):
            base = compound or WordInfo(lemma=form)
            return replace(base, sex=True, people=False, compound=True)
        return compound

    def head_lemma(self, form: str) -> str | None:
        """The lemma of the head the compound analysis finds in `form`, if any."""
        split = self._head_split(form, False)
        if split is None:
            return None
        found = self._categories(form[split:])
        return found[0] if found is not None else None

    def _compound(self, form: str, title: bool) -> WordInfo | None:
        """Longest known head after a first part of at least MIN_PREFIX characters."""
        split = self._head_split(form, title)
        if split is None:
            return None
        head = form[split:]
        found = self._categories(head)
        assert found is not None
        lemma, cats = found
        info = self._info(lemma, head, cats, as_head=True)
        return replace(info, lemma=form[:split] + lemma, compound=True)

    def _head_split(self, form: str, title: bool) -> int | None:
        """Where the longest known head of a compound starts."""
        for split in range(MIN_PREFIX, len(form) - MIN_HEAD + 1):
            head = form[split:]
            found = self._categories(head)
            if found is None:
                continue
            lemma, cats = found
            if not cats or lemma in self._blocked_heads:
                continue
            if title and SEX_AMBIGUOUS in cats:
                continue  # "Bergman", "Lindman": surnames, not titles
            if COMPOUND_HEADS in cats or len(head) >= 3:
                return split
        return None

    def sex_prefixed(self, form: str) -> bool:
        """A compound whose first part names a sex ("kvinnodominerade", "kvinno-")."""
        for prefix in self._prefixes:
            if form.startswith(prefix):
                rest = form[len(prefix) :]
                if rest != "-" and len(rest) < 3:
                    return False
                return not form.startswith(self._exceptions)
        return False
