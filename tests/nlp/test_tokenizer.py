"""The faster Swedish tokenizer splits Latin-script text exactly like spacy.blank("sv")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")

from jamlint.nlp.tokenizer import swedish

FAST = swedish()
STOCK = spacy.blank("sv")

SAMPLES = [
    (
        "På förvaltningen arbetar 110 medarbetare (med månadslön). Andelen kvinnor ligger på "
        "ca 60% och män ca 40% vilket innebär en relativt jämn könsfördelning."
    ),
    "Personalomsättningen på 10,4 % bedöms ligga på en låg och förväntad nivå för perioden.",
    'Enligt 3 kap. 5 § SoL. ska t.ex. "barn" och bl.a. unga (0–17 år) få stöd, s.k. insatser.',
    (
        "Dnr 2018/KS 0001 001, BN-2024-00013, KS 2024/0123: se www.kungsbacka.se/x?y=1 eller "
        "e-post info@kungsbacka.se."
    ),
    "Kvinno- och mansdominerade yrken; kvinnor/män, flickor&pojkar, slut.Nästa mening!?",
    "Sammanställning kränkningar ht 23 […] 1 ärende elev som kränkts av vuxen.",
    "12 000 kr., 5 mnkr, 120 kvm, 3 km, 100:-, 24,5%, 1/3, 13.00–15.00, 08-123 456 78.",
    "Icke-binära, 65-åringar, 18–24-åringar, §§ 3–5, »citat«, ”citat”, 'citat', 2024-01-25.",
]

LATIN_TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ0123456789")
        + list(" .,;:!?-–—/()[]\"'”»«%§&+=<>*…\n\u00a0")
    ),
    max_size=80,
)


def same(text: str) -> bool:
    return [t.text for t in FAST(text)] == [t.text for t in STOCK(text)]


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_tokenize_like_stock(text):
    assert same(text)


@settings(max_examples=400, deadline=None)
@given(LATIN_TEXT)
def test_any_latin_text_tokenizes_like_stock(text):
    assert same(text)


def test_the_patterns_were_rewritten():
    from spacy.lang import char_classes as cc

    tokenizer = FAST.tokenizer
    assert cc.ALPHA not in tokenizer.infix_finditer.__self__.pattern
    assert FAST.lang == "sv"
