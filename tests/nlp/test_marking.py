"""People nouns and sex terms in running text: the pronoun "man", gender-blind phrases."""

from __future__ import annotations

import pytest

from jamlint.nlp import Pipeline


def sex_texts(pipeline: Pipeline, text: str) -> list[str]:
    return [s.text for s in pipeline.annotate_text(text).sex_terms]


def people_texts(pipeline: Pipeline, text: str) -> list[str]:
    return [s.text for s in pipeline.annotate_text(text).people]


@pytest.mark.parametrize(
    "text",
    [
        "Man kan ansöka om bidrag hos kommunen.",
        "Det är viktigt att man bör söka i tid.",
        "Om man bor i kommunen har man rätt till stöd.",
        "Man bör notera att ansökan ska vara komplett.",
        "Här kan man se hur det har gått.",
        "Barn som far illa ska uppmärksammas.",
        "Ärendet gäller alla invånare oavsett kön.",
        "Förslaget är könsneutralt.",
        "Beslutet är lika för kvinnor och män.",
        "Förslaget berör kvinnor och män lika.",
        "Kvinnojouren får ett bidrag.",
        "Manskapet på brandstationen utökas.",
        "Dammen vid Storgatan rensas.",
        "Handläggare: Anna Andersson och Per Bergman.",
    ],
)
def test_no_sex_term(pipeline, text):
    assert sex_texts(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En man och en kvinna sökte tjänsten.", ["man", "kvinna"]),
        ("En äldre man fick stöd.", ["man"]),
        ("Varje man erbjöds samtal.", ["man"]),
        ("Det var 1 man bland de sökande.", ["man"]),
        ("Kvinnor och man redovisas.", ["Kvinnor", "man"]),
        ("Man eller kvinna?", ["Man", "kvinna"]),
        ("Fördelat på kvinna/man.", ["kvinna", "man"]),
        ("Männen och kvinnorna deltog.", ["Männen", "kvinnorna"]),
        ("Mäns våld mot kvinnor ska upphöra.", ["Mäns", "kvinnor"]),
        ("Mannen i hushållet.", ["Mannen"]),
        ("Barnets far och mor kallades.", ["far", "mor"]),
        ("Flickorna och pojkarna i klassen.", ["Flickorna", "pojkarna"]),
        ("Tjejer och killar, damer och herrar.", ["Tjejer", "killar", "damer", "herrar"]),
        ("Yrket är kvinnodominerat men mansdominerade yrken finns.", None),
        ("Kvinno- och mansdominerade yrken.", ["Kvinno-", "mansdominerade"]),
        ("Statistiken är könsuppdelad.", ["könsuppdelad"]),
        ("Antalet fördelat på kön redovisas.", ["fördelat på kön"]),
        ("Andelen kvinnor är hög.", ["Andelen kvinnor"]),
        ("Personer som identifierar sig på annat sätt.", ["identifierar sig på annat sätt"]),
        ("Icke-binära och ickebinära personer.", ["Icke-binära", "ickebinära"]),
    ],
)
def test_sex_terms(pipeline, text, expected):
    found = sex_texts(pipeline, text)
    if expected is None:
        assert found and all("dominer" in f for f in found)
    else:
        assert found == expected


def test_table_cell_man_and_short_labels(pipeline):
    assert sex_texts(pipeline, "Man") == ["Man"]
    assert sex_texts(pipeline, "Kvinna | Man | Totalt") == ["Kvinna", "Man"]
    assert sex_texts(pipeline, "K") == ["K"]
    assert sex_texts(pipeline, "K | M | T") == ["K", "M"]
    assert sex_texts(pipeline, "Kön: Man") == ["Man"]


def test_gender_blind_is_a_phrase_but_no_sex_term(pipeline):
    block = pipeline.annotate_text("Beslutet gynnar både kvinnor och män, oavsett kön.")
    assert [s.text for s in block.phrases["gender_blind"]] == [
        "gynnar både kvinnor och män",
        "oavsett kön",
    ]
    assert block.sex_terms == ()
    assert not any(t._.jam_sex for t in block.doc)


def test_gender_blind_on_lemmas(pipeline):
    block = pipeline.annotate_text("Förslaget är lika för kvinnorna och männen.")
    assert [s.text for s in block.phrases["gender_blind"]] == ["lika för kvinnorna och männen"]
    assert block.sex_terms == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gymnasieeleverna och lärarna.", ["Gymnasieeleverna", "lärarna"]),
        ("Hemtjänstbrukare och biblioteksbesökare.", ["Hemtjänstbrukare", "biblioteksbesökare"]),
        ("Ferieungdomar och kommuninvånarna.", ["Ferieungdomar", "kommuninvånarna"]),
        ("Malmöborna och Kungsbackaborna.", ["Malmöborna", "Kungsbackaborna"]),
        ("De nyanlända eleverna.", ["eleverna"]),  # "nyanlända" describes "eleverna"
        ("Personer äldre än 65 år.", ["Personer"]),
        ("Hon bor i Malmö.", []),
        ("Särskilda boenden byggs.", []),
        ("De boende i området.", ["boende"]),
        ("Personalen och medarbetarna.", ["Personalen", "medarbetarna"]),
        ("Antalet 80-åringar ökar.", ["80-åringar"]),
    ],
)
def test_people_nouns(pipeline, text, expected):
    assert people_texts(pipeline, text) == expected


def test_token_extensions(pipeline):
    doc = pipeline.annotate_text("Sjukfrånvaron bland 40 kvinnor var 5 procent, 12 000 kronor.").doc
    by_text = {t.text: t for t in doc}
    assert by_text["Sjukfrånvaron"]._.jam_rate
    assert by_text["kvinnor"]._.jam_sex and not by_text["kvinnor"]._.jam_people
    assert by_text["kvinnor"]._.jam_measure.value == "people"
    assert by_text["kronor"]._.jam_measure.value == "money"
    assert by_text["bland"]._.jam_measure is None
