"""Phrase lexicons: every rules/lexicons/phrases/<name>.txt becomes matches named <name>.

All phrases are compiled once per pipeline into two spaCy PhraseMatchers: one on lower case and
one on lemmas (so "lika för kvinnorna och männen" matches "lika för kvinnor och män"); the lemma
matcher only holds phrases whose lemmas differ from their lower-case words. Matches contained in
a longer match of the same lexicon are dropped. A lexicon can also have token patterns
(`<name>.patterns.yaml`, spaCy `Matcher` syntax) for what a list of phrases cannot say
compactly: "inte ha/få/medföra någon/några påverkan/konsekvenser/effekter" in every
combination. Their matches join the lexicon's phrase matches.

Two lexicons also change token marks: `sex_breakdown` matches ("fördelat på kön", "andelen
kvinnor") are sex terms, and sex terms inside `gender_blind` matches ("oavsett kön", "lika för
kvinnor och män") are not — such a phrase names the sexes only to deny a difference, which is
no breakdown by sex.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from jamlint.nlp.lemmatizer import JamLemmatizer
from jamlint.nlp.lexicons import Lexicons

SEX_BREAKDOWN = "sex_breakdown"
GENDER_BLIND = "gender_blind"
# Phrases of plain words split on spaces exactly as the tokenizer splits them, so their pattern
# docs are built directly (much faster than tokenizing hundreds of phrases at start-up).
PLAIN = re.compile(r"^[^\W_]+(?: [^\W_]+)*$")


class JamPhrases:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.names: tuple[str, ...] = ()
        self.lower: PhraseMatcher | None = None
        self.lemma: PhraseMatcher | None = None
        self.tokens: Matcher | None = None

    def setup(self, lexicons: Lexicons, lemmatizer: JamLemmatizer) -> None:
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.names = tuple(sorted(set(lexicons.phrases) | set(lexicons.patterns)))
        self.tokens = None
        if lexicons.patterns:
            self.tokens = Matcher(vocab, validate=True)
            for name, token_patterns in lexicons.patterns.items():
                self.tokens.add(name, list(token_patterns))
        specials = set(self.nlp.tokenizer.rules or {})
        for name in self.names:
            patterns = [
                self._pattern(text, specials, lemmatizer)
                for text in lexicons.phrases.get(name, ())
            ]
            if not patterns:
                continue
            self.lower.add(name, patterns)
            by_lemma = [p for p in patterns if any(t.lemma_ != t.lower_ for t in p)]
            if by_lemma:
                self.lemma.add(name, by_lemma)

    def _pattern(self, text: str, specials: set[str], lemmatizer: JamLemmatizer) -> Doc:
        words = text.split(" ")
        if PLAIN.match(text) and not any(w in specials for w in words):
            doc = Doc(self.nlp.vocab, words=words)
        else:
            doc = self.nlp.make_doc(text)
        return lemmatizer(doc)

    def __call__(self, doc: Doc) -> Doc:
        if self.lower is None or self.lemma is None:
            raise RuntimeError("jam_phrases is not set up: use jamlint.nlp.build_pipeline")
        found: dict[str, set[tuple[int, int]]] = {name: set() for name in self.names}
        strings = self.nlp.vocab.strings
        matchers = (self.lower, self.lemma) if self.tokens is None else (
            self.lower, self.lemma, self.tokens
        )
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                found[strings[match_id]].add((start, end))
        phrases = {name: _outermost(spans) for name, spans in found.items()}
        marked = doc._.jam_marked if doc._.jam_marked is not None else set()
        for start, end in phrases.get(SEX_BREAKDOWN, ()):
            for token in doc[start:end]:
                token._.jam_sex = True
                marked.add(token.i)
        for start, end in phrases.get(GENDER_BLIND, ()):
            for token in doc[start:end]:
                token._.jam_sex = False
        doc._.jam_marked = marked
        doc._.jam_phrases = phrases
        return doc


def _outermost(spans: set[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Spans not contained in another span, in text order."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in ordered:
        if out and out[-1][0] <= start and end <= out[-1][1]:
            continue
        out.append((start, end))
    return tuple(out)


@Language.factory(
    "jam_phrases",
    assigns=["doc._.jam_phrases", "token._.jam_sex", "doc._.jam_marked"],
    requires=["token.lemma", "token._.jam_sex", "doc._.jam_marked"],
)
def make_phrases(nlp: Language, name: str) -> JamPhrases:
    return JamPhrases(nlp)
