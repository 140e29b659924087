#!/usr/bin/env python
"""Build rules/lexicons/forms.tsv: every inflected form of our lexicon lemmas -> its lemma.

Why a generated file instead of spaCy's lookup lemmatizer at run time: the issue asks for "the
lookup lemmatizer from spacy-lookups-data", and its Swedish table (sv_lemma_lookup, ~660,000
entries) is the source of these forms. Loading that table in every process costs about 2 s and
360 MB, which a pre-commit hook (one `jamlint check` ≤ 1 s) cannot pay, and it still gets the
words we care about wrong ("man" -> "mana", "en" -> "man") and misses compounds
("gymnasieeleverna"). So a developer runs this script (it needs the `dev` extra, which installs
spacy-lookups-data), it keeps only the forms of lemmas our lexicons list (people, sex terms,
rate nouns, units, objects, organisations), adds guessed inflections for lemmas the table lacks
(`jamlint.nlp.inflect`), applies hand-written fixes from rules/lexicons/forms_extra.tsv, and
writes a small TSV that is committed. At run time only that file is read.

It also lists, with their own lemma and so with no category, words that jamlint's compound
analysis would misread as a people noun or a sex term: spaCy's stop words ("tillsammans" is not
"tillsam" + "mans") and table words whose lemma shows they are not compounds of a short people
head ("summan" and "bolagsstämman" are forms of "summa" and "bolagsstämma", not of "man";
"klubborna" of "klubba", not of "bo").

    python scripts/build_forms.py           # rewrite rules/lexicons/forms.tsv
    python scripts/build_forms.py --check   # exit 1 when forms.tsv is out of date
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jamlint.nlp.inflect import guess_forms
from jamlint.nlp.words import WordInfo
from jamlint.nlp.lexicons import (
    WORD_LEXICONS,
    WordList,
    parse_lines,
    parse_tsv,
    word_file,
)

LEXICON_DIR = REPO / "rules" / "lexicons"
FORMS = LEXICON_DIR / "forms.tsv"
EXTRA = LEXICON_DIR / "forms_extra.tsv"
DELETE = "-"


def load_table() -> dict[str, str]:
    """spacy-lookups-data's Swedish form -> lemma table, read with spaCy's own loader.

    (spaCy's `Table` keeps only string hashes as keys, so the JSON is read directly.)
    """
    import spacy_lookups_data
    from spacy.util import load_language_data

    return dict(load_language_data(spacy_lookups_data.sv["lemma_lookup"]))


def lexicon_lemmas() -> list[str]:
    lemmas: set[str] = set()
    for name in WORD_LEXICONS:
        text = (LEXICON_DIR / word_file(name)).read_text(encoding="utf-8")
        lemmas |= WordList.parse(parse_lines(text), name).lemmas
    return sorted(lemmas)


def stop_words() -> frozenset[str]:
    from spacy.lang.sv.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def invert(table: Mapping[str, str], wanted: Iterable[str]) -> dict[str, set[str]]:
    want = set(wanted)
    inverse: dict[str, set[str]] = {lemma: set() for lemma in want}
    for form, lemma in table.items():
        key = lemma.lower()
        if key in want:
            inverse[key].add(form.lower())
    return inverse


def forms_for(lemma: str, table_forms: set[str], table: Mapping[str, str]) -> set[str]:
    """Table forms when the table knows the lemma, otherwise guesses not claimed by others."""
    if table_forms:
        return table_forms | {lemma}
    guesses = set()
    for form in guess_forms(lemma):
        owner = table.get(form)
        if owner is None or owner.lower() == lemma or form == lemma:
            guesses.add(form)
    return guesses | {lemma}


COMPARISON_ENDINGS = ("are", "ares", "ast", "aste", "astes", "asts")


def _is_comparison(form: str, lemma: str) -> bool:
    return form.startswith(lemma) and form[len(lemma) :] in COMPARISON_ENDINGS


def build(table: Mapping[str, str], lemmas: list[str], stops: frozenset[str]) -> dict[str, str]:
    inverse = invert(table, lemmas)
    out: dict[str, str] = {}
    for lemma in lemmas:
        for form in sorted(forms_for(lemma, inverse[lemma], table)):
            if form in stops and not form.startswith(lemma[:2]):
                continue  # the table maps "en" -> man: a function word is never our noun
            if _is_comparison(form, lemma):
                continue  # "kvinnligare", "anhörigast": adjective degrees are no nouns
            if lemma.endswith("are") and form == lemma[:-1]:
                continue  # "samordnar" of "samordnare": a compound's first part alone is a verb
            previous = out.get(form)
            if previous is not None and previous != lemma:
                # The table's own choice wins; otherwise a lemma maps to itself.
                if table.get(form, "").lower() == lemma or form == lemma:
                    out[form] = lemma
                continue
            out[form] = lemma
    for form, lemma in parse_tsv(EXTRA.read_text(encoding="utf-8")):
        if lemma == DELETE:
            out.pop(form.lower(), None)
        else:
            out[form.lower()] = lemma.lower()
    return out


SHORT_HEAD = 3  # heads this short ("man", "bo") end many words by accident


def false_compounds(
    forms: Mapping[str, str], table: Mapping[str, str], stops: frozenset[str]
) -> dict[str, str]:
    """Form -> its own lemma for words the run-time compound analysis would misread as people
    or a sex term; listing a form in forms.tsv with a lemma no lexicon has stops the analysis."""
    from dataclasses import replace

    from jamlint.nlp.lexicons import load_lexicons
    from jamlint.nlp.words import WordClassifier

    classifier = WordClassifier(replace(load_lexicons(), forms=dict(forms)))

    def misread(form: str) -> WordInfo | None:
        info = classifier.info(form, False)
        if info is None or not info.compound or not (info.people or info.sex):
            return None
        return None if classifier.sex_prefixed(form) else info

    out: dict[str, str] = {}
    for form in sorted(stops):
        if form not in forms and form.isalpha() and misread(form) is not None:
            out[form] = form
    for raw, raw_lemma in table.items():
        form, lemma = raw.lower(), raw_lemma.lower()
        if form in forms or form in out or not form.isalpha():
            continue
        info = misread(form)
        if info is None:
            continue
        head = classifier.head_lemma(form)
        if head is not None and len(head) <= SHORT_HEAD and not lemma.endswith(head):
            out[form] = lemma
    return out


def render(forms: Mapping[str, str], source: str) -> str:
    lines = [
        "# GENERATED by scripts/build_forms.py — do not edit by hand.",
        f"# Source: {source}, filtered to the lemmas of rules/lexicons, plus guessed",
        "# inflections and the fixes in forms_extra.tsv. Columns: form<TAB>lemma.",
    ]
    lines += [f"{form}\t{lemma}" for form, lemma in sorted(forms.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when forms.tsv is stale")
    args = parser.parse_args(argv)

    import spacy_lookups_data

    table = load_table()
    source = f"spacy-lookups-data {spacy_lookups_data.__version__} sv_lemma_lookup"
    forms = build(table, lexicon_lemmas(), stop_words())
    forms.update(false_compounds(forms, table, stop_words()))
    text = render(forms, source)
    if args.check:
        current = FORMS.read_text(encoding="utf-8") if FORMS.exists() else ""
        if current != text:
            print("rules/lexicons/forms.tsv is out of date: run scripts/build_forms.py")
            return 1
        return 0
    FORMS.write_text(text, encoding="utf-8")
    print(f"wrote {FORMS.relative_to(REPO)}: {text.count(chr(10)) - 3} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
