"""spaCy's Swedish language class with the same tokenizer rules, compiled faster.

`spacy.blank("sv")` spends about half of its ~100 ms compiling the tokenizer's infix and suffix
regular expressions: they repeat spaCy's all-script letter classes (ALPHA, ALPHA_LOWER,
ALPHA_UPPER, ~3,000 characters each) eighteen times, and Python's `re` rebuilds a 64k-entry
charset table for every copy. A pre-commit hook pays that on every commit.

Here the same patterns are used with two substitutions: "any letter" (ALPHA) becomes the
Unicode category class `[^\\W\\d_]`, which `re` compiles in microseconds and which matches every
letter ALPHA matches; the case-sensitive classes (ALPHA_LOWER/ALPHA_UPPER, used to split
"slut.Nästa") are limited to spaCy's own Latin-script classes. On Latin-script text, which is all
a Swedish case document holds, tokenization is identical to `spacy.blank("sv")` — a property
test (tests/nlp/test_tokenizer.py) holds this. If a spaCy release changes the patterns so the
substitution no longer applies, the stock patterns are used unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ANY_LETTER = r"[^\W\d_]"
ANY_LETTER_OR_DIGIT = r"[^\W_]"


def fast_patterns(patterns: Sequence[str]) -> list[str] | None:
    """The patterns with cheap letter classes, or None when they do not have the known shape."""
    from spacy.lang import char_classes as cc

    out: list[str] = []
    for pattern in patterns:
        new = pattern.replace(f"[{cc.ALPHA}0-9]", ANY_LETTER_OR_DIGIT)
        new = new.replace(f"[{cc.ALPHA}]", ANY_LETTER)
        new = new.replace(cc.ALPHA_LOWER, cc.LATIN_LOWER).replace(cc.ALPHA_UPPER, cc.LATIN_UPPER)
        if cc.ALPHA in new:
            return None  # ALPHA inside a larger class: not a shape we rewrite
        out.append(new)
    return out


def swedish() -> Language:
    """A blank Swedish pipeline (tokenizer only) built with the faster patterns."""
    from spacy.lang.sv import Swedish, SwedishDefaults

    infixes = fast_patterns(SwedishDefaults.infixes or ())
    suffixes = fast_patterns(SwedishDefaults.suffixes or ())
    if infixes is None or suffixes is None:
        return Swedish()

    class FastDefaults(SwedishDefaults):
        pass

    FastDefaults.infixes = infixes
    FastDefaults.suffixes = suffixes

    class FastSwedish(Swedish):
        Defaults = FastDefaults

    return FastSwedish()
