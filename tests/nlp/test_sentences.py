"""Swedish sentence boundaries: abbreviations, legal references, numbers, lists, tables."""

from __future__ import annotations

import pytest

from jamlint.nlp import Pipeline


def sentences(pipeline: Pipeline, text: str) -> list[str]:
    return [s.span.text for s in pipeline.annotate_text(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Det gäller t.ex. Malmö och Lund. Nästa mening.",
         ["Det gäller t.ex. Malmö och Lund.", "Nästa mening."]),
        ("Kommunen har bl.a. Förskolor och skolor. Sedan annat.",
         ["Kommunen har bl.a. Förskolor och skolor.", "Sedan annat."]),
        ("Det kostar ca. 40 kr per elev. Det är billigt.",
         ["Det kostar ca. 40 kr per elev.", "Det är billigt."]),
        ("Enligt 3 kap. 5 § SoL ska stöd ges. Nämnden beslutar.",
         ["Enligt 3 kap. 5 § SoL ska stöd ges.", "Nämnden beslutar."]),
        ("Enligt 4 kap. 1 § SoL. ska bistånd ges.", ["Enligt 4 kap. 1 § SoL. ska bistånd ges."]),
        ("Det gäller 10 resp. 12 platser. Sedan slut.",
         ["Det gäller 10 resp. 12 platser.", "Sedan slut."]),
        ("Ökningen var 3,5 %. Det är mycket.", ["Ökningen var 3,5 %.", "Det är mycket."]),
        ("Ökningen var 3,5 %.", ["Ökningen var 3,5 %."]),
        ("Mötet börjar kl. 13.00. Alla är välkomna.",
         ["Mötet börjar kl. 13.00.", "Alla är välkomna."]),
        ("Se dnr. KS 2024/0123. Beslutet gäller.", ["Se dnr. KS 2024/0123.", "Beslutet gäller."]),
        ("Böcker, tidningar m.m. Nämnden beslutar.", ["Böcker, tidningar m.m.", "Nämnden beslutar."]),
        ("Det är 12 000 kr. Beslutet gäller.", ["Det är 12 000 kr.", "Beslutet gäller."]),
        ("Handläggare är A. Svensson. Hon svarar.", ["Handläggare är A. Svensson.", "Hon svarar."]),
        ("Är det klart? Ja! Bra.", ["Är det klart?", "Ja!", "Bra."]),
        ("Det var 87 procent. 120 elever svarade.", ["Det var 87 procent.", "120 elever svarade."]),
        ("Han sa att det gäller (se ovan.) och mer. Slut.",
         ["Han sa att det gäller (se ovan.) och mer.", "Slut."]),
        ("Det gäller bl.a. tre saker, t.ex. mat, dvs. lunch.",
         ["Det gäller bl.a. tre saker, t.ex. mat, dvs. lunch."]),
    ],
)  # fmt: skip
def test_split(pipeline, text, expected):
    assert sentences(pipeline, text) == expected


def test_line_breaks_and_bullets(pipeline):
    text = (
        "Bakgrund\nKommunen har 120 elever.\n\n"
        "Följande gäller:\n• Punkt ett\n• Punkt två\n- tredje\n"
        "1. Eleverna i\nkommunen får stöd\n2. Nästa punkt\n"
        "Det gäller ca\n40 elever och\nKungsbacka kommun."
    )
    assert sentences(pipeline, text) == [
        "Bakgrund",
        "Kommunen har 120 elever.",
        "Följande gäller:",
        "• Punkt ett",
        "• Punkt två",
        "- tredje",
        "1. Eleverna i\nkommunen får stöd",
        "2. Nästa punkt",
        "Det gäller ca\n40 elever och\nKungsbacka kommun.",
    ]


def test_table_rows_and_cells(pipeline):
    text = "Kön | Antal\nKvinnor | 45\nMän | 50"
    assert sentences(pipeline, text) == ["Kön", "Antal", "Kvinnor", "45", "Män", "50"]


def test_sentence_offsets_match_the_text(pipeline):
    text = "  Första meningen. Andra\u00a0meningen!  "
    block = pipeline.annotate_text(text)
    assert [text[s.span.start : s.span.end] for s in block.sentences] == [
        "Första meningen.",
        "Andra\u00a0meningen!",
    ]
    assert block.sentence_at(text.index("Andra")) == block.sentences[1]


def test_empty_and_blank_text(pipeline):
    assert sentences(pipeline, "") == []
    assert sentences(pipeline, "  \n\n ") == []
