"""A Swedish sentence splitter for case documents.

spaCy's stock sentencizer splits after every period, so "ca. 40", "3 kap. 5 § SoL. ska" and
"t.ex. Malmö" end sentences. This one splits after . ! ? … only when the next word does not
start with a lower-case letter and the period does not belong to an abbreviation from
rules/lexicons/abbreviations.txt (those marked `final`, like "m.m." and "osv.", may end a
sentence before a capitalised word). It also splits at blank lines, at list bullets after a line
break, at a line break after a complete line, and around table cells ("|" in the rendering of a
table block). Decimal numbers ("3,5") and clock times ("13.00") are single tokens, so the split
never falls inside a number.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from jamlint.nlp.lexicons import Lexicons

FINAL_PUNCT = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({")", "]", "”", '"', "»", "'", "’"})
INLINE_BULLETS = frozenset({"•", "▪", "◦", "‣"})
CONTINUING_PUNCT = frozenset({",", "(", "–", "-", "/", "&"})
LIST_NUMBER = re.compile(r"^(?:\d{1,2}|[a-zåäö])[.)]$")
INITIAL = re.compile(r"^[A-ZÅÄÖ]\.$")
CELL = "|"


class JamSentences:
    def __init__(self) -> None:
        self.abbreviations: dict[str, bool] = {}
        self.bullets: frozenset[str] = frozenset()
        self.approximations: frozenset[str] = frozenset()

    def setup(self, lexicons: Lexicons) -> None:
        self.abbreviations = dict(lexicons.abbreviations)
        self.abbreviations.update({k.lower(): v for k, v in lexicons.abbreviations.items()})
        self.bullets = lexicons.ctx("bullets")
        self.approximations = frozenset(a[0] for a in lexicons.approximations if len(a) == 1)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # spaCy's array form of SENT_START: 1 starts a sentence, -1 (as uint64) does not
        starts = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")
        starts[0, 0] = 1
        prev: int | None = None
        newlines = 0
        in_item = False  # the current line is a list item: its line break ends it
        for token in doc:
            i = token.i
            if token.is_space:
                newlines += token.text.count("\n")
                continue
            if prev is None:
                start = True
            elif newlines and in_item and not token.text[0].islower():
                start = True  # a list item ends at its line break unless the text runs on
            else:
                start = self._boundary(doc, prev, i, newlines)
            if newlines or prev is None:
                in_item = self._item_start(doc, i)
            if start:
                starts[i, 0] = 1
            prev = i
            newlines = 0
        # One array write instead of a Python property call per token.
        doc.from_array([SENT_START], starts)
        return doc

    def _is_bullet(self, text: str) -> bool:
        return text in self.bullets or text in INLINE_BULLETS or bool(LIST_NUMBER.match(text))

    def _item_start(self, doc: Doc, i: int) -> bool:
        """A list item starts at token i: a bullet, or "1." / "a)" split into two tokens."""
        text = doc[i].text
        if self._is_bullet(text):
            return True
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        return len(text) <= 2 and text.isalnum() and nxt in (".", ")") and not doc[i].whitespace_

    def _boundary(self, doc: Doc, p: int, i: int, newlines: int) -> bool:
        prev, token = doc[p], doc[i]
        if newlines >= 2 or prev.text == CELL:
            return True
        if token.text == CELL:
            return False
        if newlines == 1:
            return self._line_break_splits(doc, p, i)
        if token.text in INLINE_BULLETS:
            return True
        return self._ends_sentence(doc, p, i)

    def _line_break_splits(self, doc: Doc, p: int, i: int) -> bool:
        prev, token = doc[p], doc[i]
        text = token.text
        if self._is_bullet(text):
            return True
        if prev.text in (":", ";") or self._ends_sentence(doc, p, i):
            return True
        if text[0].islower() or token.is_punct:
            return False
        # A line wrapped inside a sentence breaks after a function word or a comma.
        return not (
            prev.is_stop or prev.lower_ in self.approximations or prev.text in CONTINUING_PUNCT
        )

    def _ends_sentence(self, doc: Doc, p: int, i: int) -> bool:
        prev, token = doc[p], doc[i]
        first = token.text[0]
        if first.islower() or token.text in CLOSERS or token.is_punct and first not in "•-–":
            return False
        text = prev.text
        if text in CLOSERS and p > 0:
            return _final(doc[p - 1]) and not first.islower()
        if text in FINAL_PUNCT:
            # "1. Eleverna …": the period of a list number at the start of a line
            return not (p > 0 and self._line_start(doc, p - 1) and self._item_start(doc, p - 1))
        if len(text) > 1 and text.endswith("."):
            final = self.abbreviations.get(text, self.abbreviations.get(text.lower()))
            if final is not None:
                return final and first.isupper()
            if INITIAL.match(text) or LIST_NUMBER.match(text):
                return False  # "A. Svensson", "1. Eleverna …"
            return first.isupper()  # "kr.", "tkr.", any word with the period attached
        return False

    @staticmethod
    def _line_start(doc: Doc, i: int) -> bool:
        return i == 0 or "\n" in doc[i - 1].text


def _final(token: Token) -> bool:
    return token.text in FINAL_PUNCT


@Language.factory("jam_sentences", assigns=["token.is_sent_start", "doc.sents"])
def make_sentences(nlp: Language, name: str) -> JamSentences:
    return JamSentences()
