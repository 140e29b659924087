"""Mark people nouns, sex terms, units and rate nouns on tokens (see `jamlint.nlp.extensions`).

The hard case is "man": the generic pronoun ("man kan ansöka", "om man") is far more frequent
than the noun. Without a tagger, "man" (and "far", also the verb "fara") counts as a sex term
only with noun evidence: a determiner, possessive or number before it ("en man", "varje man",
"hennes man", "1 man"), a determiner and an adjective ("en äldre man"), coordination with
another sex term ("kvinnor och man", "man eller kvinna", "kvinna/man"), "Kön: Man", or standing
alone in a table cell. Every other form (män, männen, mannen, mäns, fäder) is always a sex term.

A few words name an organisation in one field and a person in another: a school's "huvudman" is
its owner, but in guardianship ("huvudmän som har god man") the huvudman is the person helped.
Such a word counts people when its block speaks of guardianship (context lists
`guardianship_people` and `guardianship_cues`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from jamlint.nlp.lexicons import Lexicons
from jamlint.nlp.types import Measure
from jamlint.nlp.words import WordClassifier

COORDINATORS = frozenset({"och", "eller", "respektive", "resp.", "/", ",", "&", "samt"})
ADJECTIVE_ENDINGS = ("re", "ig", "isk", "sk", "ande", "ende", "ad", "ös", "lig", "årig", "åriga")
NUMBER = re.compile(r"^\d[\d\s\u00a0,.]*$")
CELL = "|"


class JamMarker:
    def __init__(self) -> None:
        self.classifier: WordClassifier | None = None
        self.determiners: frozenset[str] = frozenset()
        self.adjectives: frozenset[str] = frozenset()
        self.table_labels: frozenset[str] = frozenset()
        self.number_words: frozenset[str] = frozenset()
        self.guardianship_people: frozenset[str] = frozenset()
        self.guardianship_cue: re.Pattern[str] | None = None
        self.neutral_pairs: frozenset[frozenset[str]] = frozenset()

    def setup(self, lexicons: Lexicons, classifier: WordClassifier) -> None:
        self.classifier = classifier
        self.determiners = lexicons.ctx("noun_determiners")
        self.adjectives = lexicons.ctx("adjectives")
        self.table_labels = lexicons.ctx("sex_table_labels")
        self.number_words = frozenset(lexicons.number_words)
        self.guardianship_people = lexicons.ctx("guardianship_people")
        self.neutral_pairs = frozenset(
            frozenset(line.split()) for line in lexicons.ctx("neutral_sex_pairs")
        )
        cues = sorted(lexicons.ctx("guardianship_cues"), key=len, reverse=True)
        self.guardianship_cue = (
            re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + ")") if cues else None
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.classifier is None:
            raise RuntimeError("jam_marker is not set up: use jamlint.nlp.build_pipeline")
        info_of = self.classifier.info
        tokens = [t for t in doc if not t.is_space]
        words = [t.i for t in tokens]
        marked: set[int] = set()
        for pos, token in enumerate(tokens):
            if token.text in self.table_labels:
                if self._alone(doc, words, pos):
                    token._.jam_sex = True
                    token._.jam_measure = Measure.PEOPLE
                    marked.add(token.i)
                continue
            info = info_of(token.lower_, token.text[:1].isupper())
            if info is None:
                continue
            if info.ambiguous and not self._is_noun(doc, words, pos):
                continue
            if info.people:
                token._.jam_people = True
            if info.sex:
                token._.jam_sex = True
            if info.rate:
                token._.jam_rate = True
            if info.measure is not None:
                token._.jam_measure = info.measure
            marked.add(token.i)
        self._mark_guardianship(doc, marked)
        self._unmark_modifiers(doc, words, marked)
        self._unmark_neutral_pairs(doc, words)
        doc._.jam_marked = marked
        return doc

    def _unmark_modifiers(self, doc: Doc, words: list[int], marked: set[int]) -> None:
        """An adjectival people word right before another people word or a sex term is its
        modifier ("nyanlända elever", "äldre kvinnor"); before "än" it is a comparison."""
        for pos in range(len(words) - 1):
            if words[pos] not in marked:
                continue
            token, nxt = doc[words[pos]], doc[words[pos + 1]]
            if not token._.jam_people or token.whitespace_ != " ":
                continue
            if not (token.lower_.endswith(("a", "e")) or token.lower_ in self.adjectives):
                continue
            if token.lower_.endswith(("rna", "are")):
                # a definite plural or an agent noun, not an adjective ("kvällseleverna
                # föräldrar", "23 fler deltagare än 2024")
                continue
            if nxt._.jam_people or nxt._.jam_sex or nxt.lower_ == "än":
                token._.jam_people = False
                token._.jam_measure = None

    def _unmark_neutral_pairs(self, doc: Doc, words: list[int]) -> None:
        """ "make eller maka", "mamma/pappa": one role of either sex, not the sexes."""
        for pos in range(len(words) - 2):
            a, mid, b = (doc[words[pos + i]] for i in range(3))
            if not (a._.jam_sex and b._.jam_sex) or mid.lower_ not in ("eller", "/", ","):
                continue
            if frozenset((self._base(a), self._base(b))) in self.neutral_pairs:
                a._.jam_sex = b._.jam_sex = False

    def _base(self, token: Token) -> str:
        info = self.classifier.info(token.lower_, False) if self.classifier else None
        return info.lemma if info is not None else token.lower_

    def _mark_guardianship(self, doc: Doc, marked: set[int]) -> None:
        """ "ca 540 huvudmän som har god man": in guardianship a huvudman is a person."""
        if self.guardianship_cue is None or self.classifier is None:
            return
        hits = [
            doc[i] for i in marked
            if (info := self.classifier.info(doc[i].lower_, False)) is not None
            and info.lemma in self.guardianship_people
        ]  # fmt: skip
        if hits and self.guardianship_cue.search(doc.text.lower()):
            for token in hits:
                token._.jam_people = True
                token._.jam_measure = Measure.PEOPLE

    @staticmethod
    def _neighbour(doc: Doc, words: list[int], pos: int) -> Token | None:
        return doc[words[pos]] if 0 <= pos < len(words) else None

    def _alone(self, doc: Doc, words: list[int], pos: int) -> bool:
        """The token is a whole table cell: nothing but cell borders around it."""
        prev = self._neighbour(doc, words, pos - 1)
        nxt = self._neighbour(doc, words, pos + 1)
        return (prev is None or prev.text == CELL) and (nxt is None or nxt.text == CELL)

    def _is_noun(self, doc: Doc, words: list[int], pos: int) -> bool:
        token = doc[words[pos]]
        prev = self._neighbour(doc, words, pos - 1)
        prev2 = self._neighbour(doc, words, pos - 2)
        nxt = self._neighbour(doc, words, pos + 1)
        nxt2 = self._neighbour(doc, words, pos + 2)
        if self._alone(doc, words, pos):
            return True
        if token.lower_ == "far" and nxt is not None and nxt.lower_ == "illa":
            return False  # "barn som far illa"
        if prev is not None and self._determiner(prev):
            return True
        if prev2 is not None and self._determiner(prev2) and self._adjective(prev):
            return True
        if prev is not None and prev.lower_ in COORDINATORS and self._sex_word(prev2):
            return True
        if nxt is not None and nxt.lower_ in COORDINATORS and self._sex_word(nxt2):
            return True
        return bool(prev is not None and prev.text == ":" and prev2 and prev2.lower_ == "kön")

    def _determiner(self, token: Token) -> bool:
        low = token.lower_
        return low in self.determiners or low in self.number_words or bool(NUMBER.match(low))

    def _adjective(self, token: Token | None) -> bool:
        if token is None or token.is_stop or not token.is_alpha and "-" not in token.text:
            return False
        low = token.lower_
        return low in self.adjectives or low.endswith(ADJECTIVE_ENDINGS)

    def _sex_word(self, token: Token | None) -> bool:
        if token is None or self.classifier is None:
            return False
        info = self.classifier.info(token.lower_, token.text[:1].isupper())
        return info is not None and info.sex and not info.ambiguous


@Language.factory(
    "jam_marker",
    assigns=[
        "token._.jam_people",
        "token._.jam_sex",
        "token._.jam_measure",
        "token._.jam_rate",
        "doc._.jam_marked",
    ],
    requires=["token.lemma"],
)
def make_marker(nlp: Language, name: str) -> JamMarker:
    return JamMarker()
