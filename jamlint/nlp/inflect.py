"""Guessed Swedish noun and adjective inflections for words the lemma table does not know.

`scripts/build_forms.py` uses this for lexicon lemmas missing from spacy-lookups-data
("gymnasieelev", "personalomsättning", "icke-binär"), and the pipeline uses it for words a
municipality adds at build time (`build_pipeline(extra_lexicon_words=...)`). The guesses are a
superset: a few forms are not real words, which is harmless because they never occur in text;
the build script drops every guess that the lemma table assigns to another lemma, so real words
of other lexemes are not captured.
"""

from __future__ import annotations

# Suffix groups by the shape of the lemma's ending. Each entry: (ending to strip, suffixes to add).
_AGENT = ("e", ("en", "ens", "es", "na", "nas", "e", "es"))  # brukare, användare
_PARTICIPLE = ("", ("n", "ns", "s", "na", "nas", "t", "ts"))  # sökande, boende, studerande
_A_FINAL = ("a", ("a", "as", "an", "ans", "or", "orna", "ornas", "ors"))  # kvinna, flicka
_E_FINAL = ("e", ("e", "es", "en", "ens", "ar", "arna", "arnas", "ars"))  # pojke, kille
_VOWEL = ("", ("s", "n", "ns", "r", "rna", "rnas", "rs", "er", "erna", "ernas", "ers"))  # -bo, -o
_EN_ADJ = ("en", ("en", "ens", "na", "nas", "et"))  # sjukskriven -> sjukskrivna
_CONSONANT = (
    "",
    (
        "s",
        "en",
        "ens",
        "er",
        "erna",
        "ernas",
        "ers",
        "ar",
        "arna",
        "arnas",
        "ars",
        "et",
        "ets",
        "a",
        "as",
        "e",
        "es",
        "t",
    ),
)


def _group(lemma: str) -> tuple[str, tuple[str, ...]]:
    if lemma.endswith("are"):
        return _AGENT
    if lemma.endswith(("ande", "ende")):
        return _PARTICIPLE
    if lemma.endswith("a"):
        return _A_FINAL
    if lemma.endswith("e"):
        return _E_FINAL
    if lemma.endswith("en") and len(lemma) > 5:
        return _EN_ADJ
    if lemma[-1] in "oiuyåäö":
        return _VOWEL
    return _CONSONANT


def guess_forms(lemma: str) -> frozenset[str]:
    """The lemma and its guessed inflected forms, lower-cased.

    Multi-word lemmas, abbreviations and symbols ("miljon kronor", "kvm", "€") get no guesses:
    their forms must be listed by hand in rules/lexicons/forms_extra.tsv.
    """
    lemma = lemma.lower()
    if len(lemma) < 4 or not lemma.replace("-", "").isalpha():
        return frozenset({lemma})
    strip, suffixes = _group(lemma)
    stem = lemma[: len(lemma) - len(strip)] if strip else lemma
    forms = {lemma}
    forms.update(stem + suffix for suffix in suffixes)
    if strip == "en":  # sjukskriven: the plain genitive too
        forms.add(lemma + "s")
    return frozenset(forms)
