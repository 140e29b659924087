"""Number expressions and what they measure; excerpts as in docs/design.md (JAM201)."""

from __future__ import annotations

import pytest

from jamlint.nlp import Pipeline
from jamlint.nlp.types import Measure, Quantity

P, MONEY, OBJ, ORG = Measure.PEOPLE, Measure.MONEY, Measure.OBJECT, Measure.ORGANISATION

# (text, span, excerpt, measure, sex, is_percent, value)
CASES = [
    # counts of people: the excerpt runs through the noun
    ("I kommunen finns 120 elever.", "120", "120 elever", P, False, False, 120),
    ("Skolan har 1 240 elever i årskurs 7–9.", "1 240", "1 240 elever", P, False, False, 1240),
    ("Skolan har 1\u00a0240 elever.", "1\u00a0240", "1\u00a0240 elever", P, False, False, 1240),
    ("Det finns ca 40 gymnasieelever.", "ca 40", "ca 40 gymnasieelever", P, False, False, 40),
    ("Det finns ca. 40 gymnasieelever.", "ca. 40", "ca. 40 gymnasieelever", P, False, False, 40),
    (
        "Vi tog emot drygt 300 nyanlända elever.",
        "drygt 300",
        "drygt 300 nyanlända elever",
        P,
        False,
        False,
        300,
    ),
    (
        "Förvaltningen har 40 heltidsanställda medarbetare.",
        "40",
        "40 heltidsanställda medarbetare",
        P,
        False,
        False,
        40,
    ),
    ("Det gäller tre medarbetare.", "tre", "tre medarbetare", P, False, False, 3),
    ("Ett tjugotal deltagare kom.", "Ett tjugotal", "Ett tjugotal deltagare", P, False, False, 20),
    ("Mer än 50 brukare svarade.", "Mer än 50", "Mer än 50 brukare", P, False, False, 50),
    ("Knappt 2 000 besökare kom.", "Knappt 2 000", "Knappt 2 000 besökare", P, False, False, 2000),
    ("Cirka 3025 elever går här.", "Cirka 3025", "Cirka 3025 elever", P, False, False, 3025),
    ("Hit kom 10–12 ungdomar.", "10–12", "10–12 ungdomar", P, False, False, 10),
    ("Hit kom 45 hemtjänstbrukare.", "45", "45 hemtjänstbrukare", P, False, False, 45),
    ("Det var 15 Malmöbor där.", "15", "15 Malmöbor", P, False, False, 15),
    ("Hit kom 20 ensamkommande barn.", "20", "20 ensamkommande barn", P, False, False, 20),
    ("Vi har 120 boende på äldreboendet.", "120", "120 boende", P, False, False, 120),
    # shares with "av" + people
    (
        "Hela 45 procent av brukarna är nöjda.",
        "45 procent",
        "45 procent av brukarna",
        P,
        False,
        True,
        45,
    ),
    ("Det gäller 30 % av de sökande.", "30 %", "30 % av de sökande", P, False, True, 30),
    ("Hälften av eleverna är nöjda.", "Hälften", "Hälften av eleverna", P, False, True, 50),
    ("Var tredje elev har svarat.", "Var tredje", "Var tredje elev", P, False, True, 100 / 3),
    ("Vart femte barn deltar.", "Vart femte", "Vart femte barn", P, False, True, 20),
    (
        "Två tredjedelar av deltagarna.",
        "Två tredjedelar",
        "Två tredjedelar av deltagarna",
        P,
        False,
        True,
        200 / 3,
    ),
    ("Det var 8 av 15 elever.", "8 av 15", "8 av 15 elever", P, False, False, 8),
    # bare numbers whose people noun stands earlier in the sentence
    (
        "Andelen elever med godkända betyg var 87 procent.",
        "87 procent",
        "87 procent",
        P,
        False,
        True,
        87,
    ),
    ("Personalomsättningen på 10,4 % bedöms ligga lågt.", "10,4 %", "10,4 %", P, False, True, 10.4),
    (
        "Den totala sjukfrånvaron i förvaltningen är för året 4,7 %.",
        "4,7 %",
        "4,7 %",
        P,
        False,
        True,
        4.7,
    ),
    ("Antalet besökare ökade med 12 procent.", "12 procent", "12 procent", P, False, True, 12),
    ("Antalet elever är 1 240.", "1 240", "1 240", P, False, False, 1240),
    ("Kvinnoandelen är 61,8 %.", "61,8 %", "61,8 %", P, True, True, 61.8),
    ("Elevantalet ökade med 5 procent.", "5 procent", "5 procent", P, False, True, 5),
    # sex-split counts
    ("Det var 64 flickor i gruppen.", "64", "64 flickor", P, True, False, 64),
    ("Av dem var 45 procent kvinnor.", "45 procent", "45 procent kvinnor", P, True, True, 45),
    ("Andelen kvinnor ligger på ca 60%.", "ca 60%", "ca 60%", P, True, True, 60),
    ("Det gäller 3 män.", "3", "3 män", P, True, False, 3),
    # money
    ("Bidraget är 12 000 kronor.", "12 000", "12 000 kronor", MONEY, False, False, 12000),
    ("Det kostar 33 kronor per kommunmedborgare.", "33", "33 kronor", MONEY, False, False, 33),
    ("Budgeten är 5 mnkr.", "5", "5 mnkr", MONEY, False, False, 5),
    (
        "Budgeten är 2,5 miljoner kronor.",
        "2,5 miljoner",
        "2,5 miljoner kronor",
        MONEY,
        False,
        False,
        2_500_000,
    ),
    ("Totalt 137 500 kr. har betalats.", "137 500", "137 500 kr.", MONEY, False, False, 137500),
    ("Priset är 100:- per person.", "100:-", "100:-", MONEY, False, False, 100),
    # other measures
    ("Lokalen är 120 kvm stor.", "120", "120 kvm", Measure.AREA, False, False, 120),
    ("Sträckan är 3 km lång.", "3", "3 km", Measure.LENGTH, False, False, 3),
    ("Projektet pågår i tre år.", "tre", "tre år", Measure.TIME, False, False, 3),
    ("Personer över 65 år.", "över 65", "över 65 år", Measure.TIME, False, False, 65),
    ("Medarbetarnas medelålder är 43 år.", "43", "43 år", Measure.TIME, False, False, 43),
    ("Det kom in 21 ärenden.", "21", "21 ärenden", OBJ, False, False, 21),
    ("Biblioteket köpte 40 böcker.", "40", "40 böcker", OBJ, False, False, 40),
    ("Kommunen har 3 fordon.", "3", "3 fordon", OBJ, False, False, 3),
    ("Det finns 12 boenden.", "12", "12 boenden", OBJ, False, False, 12),
    ("I förskolan finns 40 platser.", "40", "40 platser", OBJ, False, False, 40),
    ("Det gäller 8 av 15 skolenheter.", "8 av 15", "8 av 15 skolenheter", ORG, False, False, 8),
    (
        "Larmen finns i 89 procent av kommunerna.",
        "89 procent",
        "89 procent av kommunerna",
        ORG,
        False,
        True,
        89,
    ),
    ("Andelen kommuner var 24 procent.", "24 procent", "24 procent", ORG, False, True, 24),
]


def find(pipeline: Pipeline, text: str, span: str) -> Quantity:
    quantities = pipeline.annotate_text(text).quantities
    for q in quantities:
        if q.span.text == span:
            return q
    raise AssertionError(f"no quantity {span!r} in {[q.span.text for q in quantities]}")


@pytest.mark.parametrize(
    ("text", "span", "excerpt", "measure", "sex", "is_percent", "value"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_quantity(pipeline, text, span, excerpt, measure, sex, is_percent, value):
    q = find(pipeline, text, span)
    assert q.excerpt.text == excerpt
    assert text[q.excerpt.start : q.excerpt.end] == excerpt
    assert q.measure is measure
    assert q.sex is sex
    assert q.is_percent is is_percent
    assert q.value == pytest.approx(value)


# (text, span, measure)
SHAPED = [
    ("Beslutet fattades 2024-01-25.", "2024-01-25", Measure.DATE),
    ("Mötet är den 3 mars 2024.", "3 mars 2024", Measure.DATE),
    ("Från 1 januari gäller nya regler.", "1 januari", Measure.DATE),
    ("Rapporten kom i augusti 2018.", "augusti 2018", Measure.DATE),
    ("Under 2023 ökade antalet.", "2023", Measure.YEAR),
    ("Målet gäller år 2025.", "2025", Measure.YEAR),
    ("Planen för 2025–2027 antas.", "2025–2027", Measure.YEAR),
    ("Läsåret 2024/2025 börjar.", "2024/2025", Measure.YEAR),
    ("Budget 2026-2027.", "2026-2027", Measure.YEAR),
    ("Enligt 3 kap. 5 § SoL ska stöd ges.", "3 kap. 5 §", Measure.PARAGRAPH),
    ("Se § 12 i protokollet.", "§ 12", Measure.PARAGRAPH),
    ("Ärendet KS 2024/0123 avser detta.", "KS 2024/0123", Measure.DNR),
    ("Diarienummer BN-2024-00013.", "BN-2024-00013", Measure.DNR),
    ("Dnr 2018/KS 0001 001", "2018/KS 0001 001", Measure.DNR),
    ("Vår beteckning SN 18/0098.", "SN 18/0098", Measure.DNR),
    ("Ärende GA 2023-00161.", "GA 2023-00161", Measure.DNR),
    ("Eleverna i årskurs 7–9 deltar.", "7–9", Measure.OTHER),
    ("Eleverna i åk 7-9 deltar.", "7-9", Measure.OTHER),
    ("Mötet börjar kl. 13.00.", "13.00", Measure.TIME),
    ("Ring 0300-83 40 00 för frågor.", "0300-83 40 00", Measure.OTHER),
    ("Besök oss på Storgatan 12 i Kungsbacka.", "12", Measure.OTHER),
    ("Postadress 434 81 Kungsbacka.", "434 81", Measure.OTHER),
    ("Enligt förordning (2001:100) ska det ske.", "2001:100", Measure.OTHER),
    ("Siffran var 17 i fjol.", "17", Measure.OTHER),
]


@pytest.mark.parametrize(("text", "span", "measure"), SHAPED, ids=[c[0] for c in SHAPED])
def test_shaped_numbers(pipeline, text, span, measure):
    q = find(pipeline, text, span)
    assert q.measure is measure
    assert not q.sex


def test_every_number_is_covered_once(pipeline):
    text = "Enligt 3 kap. 5 § SoL fick 64 flickor och 70 pojkar 12 000 kronor under 2023."
    quantities = pipeline.annotate_text(text).quantities
    assert [q.span.text for q in quantities] == ["3 kap. 5 §", "64", "70", "12 000", "2023"]
    assert [q.measure for q in quantities] == [
        Measure.PARAGRAPH, P, P, MONEY, Measure.YEAR
    ]  # fmt: skip


def test_coordinated_numbers_share_the_noun(pipeline):
    quantities = pipeline.annotate_text("Mellan 10 och 12 elever deltar.").quantities
    assert [(q.span.text, q.excerpt.text, q.measure) for q in quantities] == [
        ("10", "10 och 12 elever", P),
        ("12", "12 elever", P),
    ]


def test_year_followed_by_a_count_is_two_numbers(pipeline):
    quantities = pipeline.annotate_text("Under 2023 120 elever.").quantities
    assert [(q.span.text, q.measure) for q in quantities] == [("2023", Measure.YEAR), ("120", P)]


def test_unit_points_at_the_counted_noun(pipeline):
    text = "Andelen elever med godkända betyg var 87 procent."
    (q,) = pipeline.annotate_text(text).quantities
    assert q.unit is not None and q.unit.text == "elever"
    assert text[q.unit.start : q.unit.end] == "elever"


def test_quantities_stay_inside_their_sentence(pipeline):
    text = "Andelen elever ökade. Det var 87 procent."
    (q,) = pipeline.annotate_text(text).quantities
    assert q.measure is Measure.OTHER


def test_coordinated_percentages(pipeline):
    quantities = pipeline.annotate_text("Det gäller 45 resp. 50 procent av eleverna.").quantities
    assert [(q.span.text, q.excerpt.text, q.is_percent) for q in quantities] == [
        ("45", "45 resp. 50 procent av eleverna", True),
        ("50 procent", "50 procent av eleverna", True),
    ]
