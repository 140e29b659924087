"""Merging numbers written with a thousands separator into one token."""

from __future__ import annotations

import pytest

from jamlint.nlp import Pipeline


def tokens(pipeline: Pipeline, text: str) -> list[str]:
    return [t.text for t in pipeline.annotate_text(text).doc if not t.is_space]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 240 elever", ["1 240", "elever"]),
        ("12 000 kronor", ["12 000", "kronor"]),
        ("1 200 000 kronor", ["1 200 000", "kronor"]),
        ("1\u00a0240 elever", ["1\u00a0240", "elever"]),
        ("1\u2009240 elever", ["1\u2009240", "elever"]),
        ("1\u202f240 elever", ["1\u202f240", "elever"]),
        ("1 240,5 timmar", ["1 240,5", "timmar"]),
        ("2023 120 elever", ["2023", "120", "elever"]),
        ("november 2025 1 932 medarbetare", ["november", "2025", "1 932", "medarbetare"]),
        ("Totalt 2025 1 932", ["Totalt", "2025", "1", "932"]),  # a row: a year, then values
        ("Dnr 2018/KS 0001 001", ["Dnr", "2018", "/", "KS", "0001", "001"]),
        ("070 123 45 67", ["070", "123", "45", "67"]),
        ("434 81 Kungsbacka", ["434", "81", "Kungsbacka"]),
        ("Totalt 64 101 113 112 110", ["Totalt", "64", "101", "113", "112", "110"]),
        ("1  240", ["1", "240"]),  # two spaces: not a thousands separator
        ("3,5 %", ["3,5", "%"]),
        ("7–9", ["7–9"]),
    ],
)
def test_merge(pipeline, text, expected):
    assert tokens(pipeline, text) == expected


def test_merged_token_keeps_offsets(pipeline):
    text = "Vi har 12 000 elever."
    doc = pipeline.annotate_text(text).doc
    merged = next(t for t in doc if t.text == "12 000")
    assert text[merged.idx : merged.idx + len(merged.text)] == "12 000"
