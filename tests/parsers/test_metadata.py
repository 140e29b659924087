"""Header metadata: diarienummer, datum, nämnd, handläggare and title, or None when absent."""

from __future__ import annotations

import pytest

from jamlint.model import Block, BlockKind, DocFormat, Document, Metadata, Table
from jamlint.parsers.limits import Limits
from jamlint.parsers.metadata import extract_metadata
from jamlint.parsers.text import parse_text


def meta_txt(text: str) -> Metadata:
    return extract_metadata(parse_text(text.encode("utf-8"), "x.txt", Limits()))


def meta_md(text: str) -> Metadata:
    return extract_metadata(parse_text(text.encode("utf-8"), "x.md", Limits(), markdown=True))


def doc_of(
    *blocks: Block, headers: tuple[str, ...] = (), footers: tuple[str, ...] = ()
) -> Document:
    return Document(
        path="x.docx", format=DocFormat.DOCX, blocks=blocks, headers=headers, footers=footers
    )


def para(text: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text)


def heading(text: str, level: int = 1) -> Block:
    return Block(kind=BlockKind.HEADING, text=text, level=level)


KUNGSBACKA = """TJÄNSTESKRIVELSE
Datum
2024-01-25
Diarienummer
BN-2024-00013

Byggnadsnämndens årsredovisning 2023

Förslag till beslut i Byggnadsnämnden

Byggnadsnämnden godkänner årsredovisning 2023.

Sammanfattning av ärendet

Text.

Beslutet skickas till

Kommunstyrelsen
"""

UPPLANDS_BRO = """TJÄNSTESKRIVELSE 1 (2)

Datum Vår beteckning Er beteckning

Lena Bergström

Socialkontoret

2018-08-28 SN 18/0098 Socialnämnden

Revidering av riktlinjer för ekonomiskt bistånd

Förslag till beslut

Socialnämnden godkänner delrevidering av riktlinjer för ekonomiskt bistånd.
"""


def test_kungsbacka_layout() -> None:
    assert meta_txt(KUNGSBACKA) == Metadata(
        title="Byggnadsnämndens årsredovisning 2023",
        diarienummer="BN-2024-00013",
        datum="2024-01-25",
        namnd="Byggnadsnämnden",
        handlaggare=None,
    )


def test_upplands_bro_layout() -> None:
    meta = meta_txt(UPPLANDS_BRO)
    assert meta.diarienummer == "SN 18/0098"
    assert meta.datum == "2018-08-28"
    assert meta.namnd == "Socialnämnden"
    assert meta.title == "Revidering av riktlinjer för ekonomiskt bistånd"
    assert meta.handlaggare is None  # a name without the label is not claimed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diarienummer KS 2024/0123", "KS 2024/0123"),
        ("Diarienummer: KS 2024/0123", "KS 2024/0123"),
        ("Dnr: BN-2024-00013", "BN-2024-00013"),
        ("Dnr. KS 2018/124", "KS 2018/124"),
        ("Vår beteckning SN 18/0098", "SN 18/0098"),
        ("Dnr 2018/KS 0001 001", "2018/KS 0001 001"),
        ("Diarienummer 2022/KS 0247", "2022/KS 0247"),
        ("DIARIENR SN 2023.456", "SN 2023.456"),
        ("Diarienummer 0445/15", "0445/15"),
        ("Dnr KS 247/17", "KS 247/17"),
        ("Diarienummer SLK-2024-00062", "SLK-2024-00062"),
        ("Diarienummer\nKS 2024/0123", "KS 2024/0123"),
        ("Datum 2024-01-25 Diarienummer BN-2024-00013 Sida 1", "BN-2024-00013"),
        ("Ärendet gäller KS 2024/0123 i sak.", None),  # no label: not claimed
        ("Dnr", None),
        ("Diarienummer 2024-01-25", None),  # a date is no diarienummer
        ("Diarienummer 2024/25", None),  # a läsår is no diarienummer
        ("Diarienummer 2024/25 KS 2024/0123", "KS 2024/0123"),
    ],
)
def test_diarienummer(text: str, expected: str | None) -> None:
    assert meta_txt(text).diarienummer == expected


def test_diarienummer_value_in_the_next_block() -> None:
    doc = doc_of(para("Diarienummer"), para("Datum"), para("KS 2024/0123"), para("2024-02-01"))
    assert extract_metadata(doc).diarienummer == "KS 2024/0123"
    assert extract_metadata(doc).datum == "2024-02-01"


def test_header_table_of_labels_over_values() -> None:
    table = Table(
        rows=(
            ("Datum", "Diarienummer", "Handläggare"),
            ("2024-03-12", "KFN 2024/0042", "Maria Lindqvist"),
        ),
        header_rows=1,
    )
    doc = doc_of(
        Block(kind=BlockKind.TABLE, text="", table=table), heading("Simhallens öppettider")
    )
    assert extract_metadata(doc) == Metadata(
        title="Simhallens öppettider",
        diarienummer="KFN 2024/0042",
        datum="2024-03-12",
        handlaggare="Maria Lindqvist",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Datum 2024-01-25", "2024-01-25"),
        ("Datum: 2024-01-25", "2024-01-25"),
        ("Upprättad 2024-01-10", "2024-01-10"),
        ("Utfärdat 2015-03-02", "2015-03-02"),
        ("Datum\n25 januari 2024", "2024-01-25"),
        ("Datum: den 2 september 2013", "2013-09-02"),
        ("DATUM 3 Mars 2021", "2021-03-03"),
        ("Datum 2024-13-45", None),  # not a date
        ("Mötet hölls 2024-01-25.", None),  # no label
    ],
)
def test_datum(text: str, expected: str | None) -> None:
    assert meta_txt(text).datum == expected


def test_datum_from_running_header_without_label() -> None:
    doc = doc_of(para("Text."), headers=("Kungsbacka kommun 2024-01-25 1 (2)",))
    assert extract_metadata(doc).datum == "2024-01-25"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Socialnämnden\n\nFörslag till beslut\n\nText.", "Socialnämnden"),
        ("Kommunstyrelsen\n\nText.", "Kommunstyrelsen"),
        ("Kultur- och fritidsnämnden\n\nText.", "Kultur- och fritidsnämnden"),
        ("Bygg-, miljö- och hälsoskyddsnämnden\n\nText.", "Bygg-, miljö- och hälsoskyddsnämnden"),
        ("Nämnden för Vård & Omsorg\n\nText.", "Nämnden för Vård & Omsorg"),
        ("Förslag till beslut i Byggnadsnämnden\n\nText.", "Byggnadsnämnden"),
        (
            "Förslag till beslut i Nämnden för Gymnasium & Arbetsmarknad\n\nText.",
            "Nämnden för Gymnasium & Arbetsmarknad",
        ),
        ("Förslag till beslut\n\nValnämnden godkänner rapporten.", "Valnämnden"),
        ("Kommunfullmäktige\n\nText.", "Kommunfullmäktige"),
        ("Förslag till beslut\n\nTekniska nämnden beslutar att anta planen.", "Tekniska nämnden"),
        # a dnr prefix is not a nämnd
        ("Diarienummer KS 2024/0123\n\nBakgrund\n\nText.", None),
        # a genitive names the förvaltning, not the nämnd
        ("Kommunstyrelsens förvaltning\n\nText.", None),
        # recipients of the decision are not the addressee
        ("Förslag till beslut\n\nText.\n\nBeslutet skickas till\n\nSocialnämnden", None),
        # a nämnd mentioned in the background is not the addressee
        ("Bakgrund\n\nKommunfullmäktige beslutade 2019 att bygga en ny simhall.", None),
    ],
)
def test_namnd(text: str, expected: str | None) -> None:
    assert meta_txt(text).namnd == expected


def test_namnd_inside_a_pdf_header_line() -> None:
    doc = doc_of(
        para("Text."),
        headers=("Tjänsteskrivelse KFN Handläggare: Nina Simonen Kultur- och föreningsnämnden",),
    )
    meta = extract_metadata(doc)
    assert meta.namnd == "Kultur- och föreningsnämnden"
    assert meta.handlaggare == "Nina Simonen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Handläggare: Nina Simonen", "Nina Simonen"),
        ("Handläggare Lena Bergström", "Lena Bergström"),
        ("HANDLÄGGARE Viktoria Thonäng", "Viktoria Thonäng"),
        ("Handläggare\nLena Bergström, utredare", "Lena Bergström"),
        ("Handläggare Lena Bergström Socialkontoret", "Lena Bergström"),
        ("Ansvarig handläggare: Anna-Karin Ek-Svensson", "Anna-Karin Ek-Svensson"),
        ("Handläggare: Nina Simonen Kultur- och föreningsnämnden", "Nina Simonen"),
        ("Handläggare: se nedan", None),
        ("Lena Bergström", None),
    ],
)
def test_handlaggare(text: str, expected: str | None) -> None:
    assert meta_txt(text).handlaggare == expected


def test_handlaggare_in_footer() -> None:
    doc = doc_of(
        para("Text."), footers=("Kungsbacka kommun\nHandläggare Per Ström\nTelefon 0300-83 40 00",)
    )
    assert extract_metadata(doc).handlaggare == "Per Ström"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Utökade öppettider i simhallen\n\n## Förslag till beslut\n\nText.",
            "Utökade öppettider i simhallen",
        ),
        ("TJÄNSTESKRIVELSE\n\n# Översyn av taxor\n\n## Bakgrund\n\nText.", "Översyn av taxor"),
        ("Ärende: Revidering av riktlinjer\n\n## Bakgrund\n\nText.", "Revidering av riktlinjer"),
        ("Ärende\nRevidering av riktlinjer\n\n## Bakgrund", "Revidering av riktlinjer"),
        ("Datum 2024-01-25\n\nBudget 2025 för nämnden\n\n## Bakgrund", "Budget 2025 för nämnden"),
        (
            "TJÄNSTESKRIVELSE\n\nDnr GVN 2024/0219\n\n"
            "# Studieverkstad på gymnasiet läsåren 2025/26 och 2026/27\n\n## Bakgrund",
            "Studieverkstad på gymnasiet läsåren 2025/26 och 2026/27",
        ),
        (
            "Dnr 2024/112\n\n# Nya regler för bidrag, dnr 2024/112\n\n## Bakgrund",
            "Nya regler för bidrag, dnr 2024/112",
        ),
        (
            "Datum: 2025-10-14\n\n# Ändrade öppettider från den 1 januari 2026\n\n## Bakgrund",
            "Ändrade öppettider från den 1 januari 2026",
        ),
        # the document type set as a heading names a section too ("Beslutsunderlag"): it is a
        # header field, and the title follows it (t230-ks-medarbetarenkat, session 16)
        (
            "# BESLUTSUNDERLAG\n\nKommunstyrelsen\n\n"
            "# Resultat av medarbetarenkäten 2025\n\n## Förslag till beslut\n\nText.",
            "Resultat av medarbetarenkäten 2025",
        ),
        ("## Förslag till beslut\n\nText.", None),
        ("## Bakgrund\n\nBeskrivning av ärende\n\nText.", None),
    ],
)
def test_title(text: str, expected: str | None) -> None:
    assert meta_md(text).title == expected


def test_title_skips_a_forvaltning_named_with_for() -> None:
    meta = meta_txt(
        "LINDEBY KOMMUN\n\nFörvaltningen för Förskola & Grundskola\n\nTJÄNSTESKRIVELSE\n\n"
        "Datum: 2024-04-22\n\nNämnden för Förskola & Grundskola\n\n"
        "Revidering av riktlinjer för skolskjuts\n\nFörslag till beslut\n\nText."
    )
    assert meta.title == "Revidering av riktlinjer för skolskjuts"


def test_title_skips_header_fields() -> None:
    meta = meta_txt(
        "KUNGSBACKA KOMMUN\n\nTJÄNSTESKRIVELSE 1 (2)\n\nBygg- och miljöförvaltningen\n\n"
        "Handläggare Lena Bergström\n\nLena Bergström\n\nSN 18/0098\n\n"
        "Ny taxa för bygglov\n\nFörslag till beslut\n\nText."
    )
    assert meta.title == "Ny taxa för bygglov"
    assert meta.handlaggare == "Lena Bergström"


def test_nothing_stated_gives_none_everywhere() -> None:
    assert meta_txt("Bakgrund\n\nEtt stycke utan några uppgifter om ärendet.") == Metadata()


def test_only_the_first_blocks_are_read() -> None:
    blocks = [para(f"Stycke {i}.") for i in range(40)] + [para("Diarienummer KS 2024/0123")]
    assert extract_metadata(doc_of(*blocks)).diarienummer is None
