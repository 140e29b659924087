"""Phrase lexicons (rules/lexicons/phrases/*.txt) and a municipality's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamlint.nlp import Pipeline, build_pipeline
from jamlint.nlp.lexicons import lexicon_root, parse_lines
from jamlint.nlp.types import Measure


def phrase_texts(pipeline: Pipeline, text: str, name: str) -> list[str]:
    return [s.text for s in pipeline.annotate_text(text).phrases[name]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ärendet bedöms inte ha någon påverkan.", ["inte ha någon påverkan"]),
        ("Det bedöms inte leda till några effekter.", ["inte leda till några effekter"]),
        ("Förslaget får inga märkbara konsekvenser.", ["inga märkbara konsekvenser"]),
        ("Beslutet får ingen direkt påverkan.", ["ingen direkt påverkan"]),
        ("Det är inte klart vilka konsekvenser det får.", []),
    ],
)
def test_token_patterns_add_to_their_lexicon(pipeline, text, expected):
    assert phrase_texts(pipeline, text, "not_relevant") == expected


def test_every_phrase_file_is_a_lexicon(pipeline):
    files = [p.name for p in (lexicon_root() / "phrases").iterdir()]
    names = {n[:-4] for n in files if n.endswith(".txt")}
    names |= {n[: -len(".patterns.yaml")] for n in files if n.endswith(".patterns.yaml")}
    assert {"gender_blind", "table_reference", "sex_breakdown"} <= names
    assert set(pipeline.phrase_names) == names
    block = pipeline.annotate_text("Ingenting här.")
    assert set(block.phrases) == names
    assert all(spans == () for spans in block.phrases.values())


@pytest.mark.parametrize(
    "name", [p.name[:-4] for p in (lexicon_root() / "phrases").iterdir() if p.name.endswith(".txt")]
)
def test_every_listed_phrase_matches_itself(pipeline, name):
    for phrase in parse_lines((lexicon_root() / "phrases" / f"{name}.txt").read_text("utf-8")):
        found = phrase_texts(pipeline, f"Här står {phrase} i en mening.", name)
        assert any(phrase.lower() in f.lower() for f in found), (name, phrase, found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Se tabell 2 nedan.", ["Se tabell", "tabell 2"]),  # overlapping matches both stay
        ("Av tabellen nedan framgår det.", ["tabellen nedan"]),
        ("Antalet framgår av bilaga 3.", ["framgår av bilaga"]),
        ("Enligt tabellen är det 45 elever.", ["Enligt tabellen"]),
    ],
)
def test_table_reference(pipeline, text, expected):
    assert phrase_texts(pipeline, text, "table_reference") == expected


def test_outermost_matches_only(pipeline):
    assert phrase_texts(pipeline, "Se tabellen nedan.", "table_reference") == ["Se tabellen nedan"]


def test_phrase_spans_are_offsets_into_the_text(pipeline):
    text = "Ärendet berör alla   invånare oavsett kön."
    (span,) = pipeline.annotate_text(text).phrases["gender_blind"]
    assert text[span.start : span.end] == span.text == "oavsett kön"


def test_extra_words_and_phrases(tmp_path: Path):
    (tmp_path / "gender_headings.txt").write_text("# rubriker\njämställdhetsanalys\n", "utf-8")
    (tmp_path / "table_reference.txt").write_text("se sammanställningen\n", "utf-8")
    pipeline = build_pipeline(
        extra_lexicon_words={
            "people": ["senior"],
            "sex_terms": ["ickebinärperson"],
            "money": ["=kkr"],
            "abbreviations": ["förv."],
            "local_words": ["Kungsbackamodellen"],
        },
        extra_phrase_dirs=[tmp_path],
    )
    block = pipeline.annotate_text(
        "Jämställdhetsanalys: 120 seniorer och 5 kkr, se sammanställningen. "
        "Enligt förv. Kungsbackamodellen finns 3 ickebinärpersoner."
    )
    by_span = {q.span.text: q for q in block.quantities}
    assert (
        by_span["120"].measure is Measure.PEOPLE and by_span["120"].excerpt.text == "120 seniorer"
    )
    assert by_span["5"].measure is Measure.MONEY
    assert by_span["3"].sex
    assert [s.text for s in block.phrases["gender_headings"]] == ["Jämställdhetsanalys"]
    assert [s.text for s in block.phrases["local_words"]] == ["Kungsbackamodellen"]
    assert "se sammanställningen" in [s.text for s in block.phrases["table_reference"]]
    assert len(block.sentences) == 2  # "förv." does not end the sentence
