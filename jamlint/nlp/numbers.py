"""Merge Swedish numbers written with a thousands separator into one token ("1 240", "12 000").

spaCy's tokenizer splits "1 240" into two tokens (and "1\u00a0240" into three, the no-break space
becoming a token of its own). A number is a 1–3 digit token followed by groups of exactly three
digits, each separated by one space, no-break space or thin space. Numbers never start with 0
(so "070 123 45 67" stays a phone number) and a year is never a first group ("2023 120" is two
numbers). A chain longer than three groups is not a number but a row of values from a flattened
table ("64 101 113 112 110"), and is left alone.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from jamlint.nlp.lexicons import lexicon_text, parse_lines
from jamlint.nlp.quantities import YEAR

HEAD = re.compile(r"^[1-9]\d{0,2}$")
GROUP = re.compile(r"^\d{3}$")
LAST_GROUP = re.compile(r"^\d{3}(?:,\d+)?$")
SEPARATORS = frozenset({"\u00a0", "\u2009", "\u202f"})
MAX_GROUPS = 3  # 999 999 999 999: longer chains are rows of values


def _next_group(doc: Doc, j: int) -> int | None:
    """Index of the digit group after token j when only one separator stands between."""
    tok = doc[j]
    if tok.whitespace_ == " " and j + 1 < len(doc):
        return j + 1
    if (
        not tok.whitespace_
        and j + 2 < len(doc)
        and doc[j + 1].text in SEPARATORS
        and not doc[j + 1].whitespace_
    ):
        return j + 2
    return None


# the middle of a range between two numbers with thousands separators: "000–6" in "5 000–6 000"
RANGE_JOINT = re.compile(r"^\d{3}[-–—][1-9]\d{0,2}$")


def number_groups(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) that form one number."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not HEAD.match(doc[i].text) or (i > 0 and _glued_to_previous(doc, i)):
            i += 1
            continue
        end = i
        groups = 0
        joined = False
        while True:
            nxt = _next_group(doc, end)
            if nxt is None:
                break
            text = doc[nxt].text
            if not joined and RANGE_JOINT.match(text):
                # "5 000–6 000": the tokenizer gives 5 / 000–6 / 000; one range, one token
                joined, end, groups = True, nxt, 0
                continue
            if not LAST_GROUP.match(text):
                break
            end = nxt
            groups += 1
            if not GROUP.match(text):
                break  # a decimal part ends the number
        if groups and groups <= MAX_GROUPS and not _continues(doc, end):
            spans.append((i, end + 1))
        i = end + 1
    return spans


def _glued_to_previous(doc: Doc, i: int) -> bool:
    """The head follows a digit group itself ("08-123 456": part of something else)."""
    prev = doc[i - 1]
    if prev.whitespace_:
        if YEAR.match(prev.text) and i >= 2 and doc[i - 2].lower_ in _months():
            return False  # "den 1 november 2025 1 932 medarbetare": a date, then the number
        return bool(re.search(r"\d$", prev.text)) and _next_group(doc, i - 1) == i
    return prev.text in SEPARATORS or bool(re.search(r"\d$", prev.text))


@cache
def _months() -> frozenset[str]:
    return frozenset(m.lower() for m in parse_lines(lexicon_text("months.txt")))


def _continues(doc: Doc, end: int) -> bool:
    """More digits follow the chain: it is a phone number or a row of values, not a number."""
    nxt = _next_group(doc, end)
    return nxt is not None and doc[nxt].text.isdigit()


@Language.component("jam_merge_numbers", retokenizes=True)
def merge_numbers(doc: Doc) -> Doc:
    spans = number_groups(doc)
    if spans:
        with doc.retokenize() as retokenizer:
            for start, end in spans:
                retokenizer.merge(doc[start:end])
    return doc
