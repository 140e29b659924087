"""The plain-text and Markdown parser: blocks, headings, lists, tables, pages."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from jamlint.model import BlockKind, DocFormat, Document
from jamlint.model.layout import finalize, render
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits
from jamlint.parsers.text import compile_heading_patterns, parse_text, strip_inline_markdown

H, P, L, T, C = (
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM,
    BlockKind.TABLE,
    BlockKind.TABLE_CELL,
)


def md(text: str) -> Document:
    return parse_text(text.encode("utf-8"), "test.md", Limits(), markdown=True)


def txt(text: str, **kwargs: object) -> Document:
    return parse_text(text.encode("utf-8"), "test.txt", Limits(), markdown=False, **kwargs)


def shape(doc: Document) -> list[tuple[BlockKind, str, int | None]]:
    return [(b.kind, b.text, b.level) for b in doc.blocks if b.kind is not C]


# --- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Titel", [(H, "Titel", 1)]),
        ("###### Sex", [(H, "Sex", 6)]),
        ("## 3.2 Jämställdhet ##", [(H, "3.2 Jämställdhet", 2)]),
        ("## **Jämställdhet**", [(H, "Jämställdhet", 2)]),
        ("#Hashtagg", [(P, "#Hashtagg", None)]),
        ("Bakgrund\n========", [(H, "Bakgrund", 1)]),
        ("Ekonomi\n---", [(H, "Ekonomi", 2)]),
        ("**Jämställdhet**", [(H, "Jämställdhet", 2)]),
        ("__Barnperspektiv:__", [(H, "Barnperspektiv:", 2)]),
        ("**Barnperspektiv**:", [(H, "Barnperspektiv", 2)]),
        (
            "**Jämställdhet**\nFörslaget påverkar kvinnor och män olika.",
            [(H, "Jämställdhet", 2), (P, "Förslaget påverkar kvinnor och män olika.", None)],
        ),
        (
            "**Observera att beslutet gäller från och med i dag.**",
            [(P, "Observera att beslutet gäller från och med i dag.", None)],
        ),
        ("Text\n\n---\n\nMer text", [(P, "Text", None), (P, "Mer text", None)]),
    ],
)
def test_markdown_headings(source: str, expected: list) -> None:
    assert shape(md(source)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("- ett\n- två", [(L, "ett", None), (L, "två", None)]),
        ("* ett\n+ två", [(L, "ett", None), (L, "två", None)]),
        (
            "1. Nämnden beslutar\n2) att godkänna",
            [(L, "Nämnden beslutar", None), (L, "att godkänna", None)],
        ),
        ("- en lång punkt\n  som fortsätter", [(L, "en lång punkt som fortsätter", None)]),
        ("- **fet** punkt", [(L, "fet punkt", None)]),
        (
            "Inledning:\n- ett\n- två",
            [(P, "Inledning:", None), (L, "ett", None), (L, "två", None)],
        ),
    ],
)
def test_markdown_lists(source: str, expected: list) -> None:
    assert shape(md(source)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("En rad\nsom fortsätter.", "En rad som fortsätter."),
        ("Hård  \nbrytning", "Hård\nbrytning"),
        ("Hård\\\nbrytning", "Hård\nbrytning"),
        ("> Citerad text\n> fortsätter", "Citerad text fortsätter"),
        ("Det finns drygt 300\nnyanlända elever.", "Det finns drygt 300 nyanlända elever."),
    ],
)
def test_markdown_paragraph_joining(source: str, expected: str) -> None:
    assert shape(md(source)) == [(P, expected, None)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**fet** och *kursiv*", "fet och kursiv"),
        ("__fet__ och _kursiv_", "fet och kursiv"),
        ("`kod` och ~~struken~~", "kod och struken"),
        ("[länk](https://example.se) och ![bild](a.png)", "länk och bild"),
        ("<https://example.se>", "https://example.se"),
        ("en snake_case_variabel", "en snake_case_variabel"),
        ("5 * 3 och 2 * 4", "5 * 3 och 2 * 4"),
        ("\\*inte kursiv\\*", "*inte kursiv*"),
        (
            "[Beskriv konsekvenser för kvinnor och män, flickor och pojkar]",
            "[Beskriv konsekvenser för kvinnor och män, flickor och pojkar]",
        ),
        ("***fet kursiv***", "fet kursiv"),
    ],
)
def test_strip_inline_markdown(source: str, expected: str) -> None:
    assert strip_inline_markdown(source) == expected


def test_markdown_pipe_table() -> None:
    doc = md(
        "| Grupp | Kvinnor | Män |\n"
        "|:------|--------:|:---:|\n"
        "| **Elever** | 610 | 630 |\n"
        "| Personal | 45 |\n"
    )
    table_block = doc.blocks[0]
    assert table_block.kind is T
    assert table_block.table is not None
    assert table_block.table.rows == (
        ("Grupp", "Kvinnor", "Män"),
        ("Elever", "610", "630"),
        ("Personal", "45", ""),
    )
    assert table_block.table.header_rows == 1
    cells = [(b.text, b.row, b.col, b.is_header) for b in doc.blocks[1:]]
    assert cells == [
        ("Grupp", 0, 0, True),
        ("Kvinnor", 0, 1, True),
        ("Män", 0, 2, True),
        ("Elever", 1, 0, False),
        ("610", 1, 1, False),
        ("630", 1, 2, False),
        ("Personal", 2, 0, False),
        ("45", 2, 1, False),
    ]
    assert all(b.kind is C for b in doc.blocks[1:])


def test_markdown_table_ends_at_blank_line_and_escaped_pipe() -> None:
    doc = md("a | b\n--- | ---\nx \\| y | z\n\nEfter tabellen.")
    assert doc.blocks[0].table is not None
    assert doc.blocks[0].table.rows == (("a", "b"), ("x | y", "z"))
    assert shape(doc)[-1] == (P, "Efter tabellen.", None)


def test_pipes_without_separator_are_a_paragraph() -> None:
    assert shape(md("a | b\nc | d")) == [(P, "a | b c | d", None)]


def test_markdown_fence_comment_and_rule() -> None:
    doc = md("<!-- mallens\nkommentar -->\n```\nrad 1\nrad 2\n```\n\n***\n\nSlut")
    assert shape(doc) == [(P, "rad 1\nrad 2", None), (P, "Slut", None)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "---\nkommun: Åkerby kommun\ndnr: TN 2023.412\nformats: [pdf, docx]\n---\n# Titel",
            [(H, "Titel", 1)],
        ),
        ("---\ntaggar:\n  - a\n  - b\n...\nText.", [(P, "Text.", None)]),
        ("---\nEtt stycke som inte är YAML.\n---", [(H, "Ett stycke som inte är YAML.", 2)]),
        ("Text\n\n---\nnyckel: värde\n---", [(P, "Text", None), (H, "nyckel: värde", 2)]),
    ],
)
def test_markdown_front_matter_is_skipped(source: str, expected: list) -> None:
    assert shape(md(source)) == expected


def test_markdown_document_fields() -> None:
    doc = md("# Titel\n\nText.")
    assert doc.format is DocFormat.MARKDOWN
    assert doc.path == "test.md"
    assert doc.pages is None
    assert all(b.index == -1 for b in doc.blocks)  # not finalized


def test_markdown_finalize_lines() -> None:
    doc = md("# Titel\n\nFörsta stycket.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- punkt")
    blocks = finalize(doc.blocks)
    assert [(b.kind, b.line) for b in blocks if b.kind is not C] == [
        (H, 1),
        (P, 3),
        (T, 5),
        (L, 8),
    ]
    assert render(blocks) == "Titel\n\nFörsta stycket.\n\nA | B\n1 | 2\n\npunkt\n"
    cell = next(b for b in blocks if b.kind is C and b.text == "2")
    assert (cell.line, cell.column) == (6, 5)


# --- plain text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Förslag till beslut\n\nText.", [(H, "Förslag till beslut", 1), (P, "Text.", None)]),
        (
            "Sammanfattning av ärendet\n\nText.",
            [(H, "Sammanfattning av ärendet", 1), (P, "Text.", None)],
        ),
        (
            "Beslutet skickas till\n\nSocialnämnden",
            [(H, "Beslutet skickas till", 1), (P, "Socialnämnden", None)],
        ),
        ("Jämställdhet:\n\nText.", [(H, "Jämställdhet:", 1), (P, "Text.", None)]),
        ("3.2 Jämställdhet\n\nText.", [(H, "3.2 Jämställdhet", 2), (P, "Text.", None)]),
        (
            "4.1.3 Ett numrerat avsnitt\n\nText.",
            [(H, "4.1.3 Ett numrerat avsnitt", 3), (P, "Text.", None)],
        ),
        ("3 Övrigt\n\nText.", [(H, "3 Övrigt", 1), (P, "Text.", None)]),
        ("1. Bakgrund\n\nText.", [(H, "1. Bakgrund", 1), (P, "Text.", None)]),
        (
            "Risker och möjligheter:\n\nText.",
            [(H, "Risker och möjligheter:", 1), (P, "Text.", None)],
        ),
        ("Bakgrund.\n\nText.", [(P, "Bakgrund.", None), (P, "Text.", None)]),
        ("Kungsbacka kommun\n\nText.", [(P, "Kungsbacka kommun", None), (P, "Text.", None)]),
        ("2024-01-25\n\nText.", [(P, "2024-01-25", None), (P, "Text.", None)]),
        (
            "Bakgrund till att förvaltningen nu föreslår att nämnden ska ändra sina regler",
            [
                (
                    P,
                    "Bakgrund till att förvaltningen nu föreslår att nämnden ska ändra sina regler",
                    None,
                )
            ],
        ),
    ],
)
def test_plain_headings(source: str, expected: list) -> None:
    assert shape(txt(source)) == expected


def test_upper_case_headings_are_above_mixed_case_ones() -> None:
    doc = txt("BAKGRUND\n\nText.\n\nJämställdhet\n\nMer text.")
    assert shape(doc) == [
        (H, "BAKGRUND", 1),
        (P, "Text.", None),
        (H, "Jämställdhet", 2),
        (P, "Mer text.", None),
    ]


def test_colon_line_that_introduces_a_list_is_not_a_heading() -> None:
    doc = txt("Kommunstyrelsen föreslår kommunfullmäktige besluta:\n\n1. att godkänna avtalet")
    assert shape(doc) == [
        (P, "Kommunstyrelsen föreslår kommunfullmäktige besluta:", None),
        (L, "att godkänna avtalet", None),
    ]


def test_heading_on_the_first_line_of_a_paragraph() -> None:
    doc = txt("Sammanfattning\nÄrendet avser en delrevidering av riktlinjerna.")
    assert shape(doc) == [
        (H, "Sammanfattning", 1),
        (P, "Ärendet avser en delrevidering av riktlinjerna.", None),
    ]


def test_wrapped_sentence_is_not_split_at_a_heading_word() -> None:
    source = "Ekonomiskt bedöms förslaget rymmas inom nämndens\nbudget för nästa år och framåt."
    assert shape(txt(source)) == [
        (
            P,
            "Ekonomiskt bedöms förslaget rymmas inom nämndens budget för nästa år och framåt.",
            None,
        )
    ]


def test_heading_on_the_last_line_of_a_paragraph() -> None:
    doc = txt("Förslaget ryms inom budgeten.\nJämställdhet\n\nKvinnor och män påverkas olika.")
    assert shape(doc) == [
        (P, "Förslaget ryms inom budgeten.", None),
        (H, "Jämställdhet", 1),
        (P, "Kvinnor och män påverkas olika.", None),
    ]


def test_heading_patterns_come_from_a_parameter() -> None:
    patterns = compile_heading_patterns(yaml.safe_load("gender:\n  - '^jämställd'\n"))
    source = "Jämställdhetsanalys\n\nText.\n\nBakgrund\n\nText."
    assert shape(txt(source, heading_patterns=patterns)) == [
        (H, "Jämställdhetsanalys", 1),
        (P, "Text.", None),
        (P, "Bakgrund", None),
        (P, "Text.", None),
    ]
    # the built-in vocabulary (rules/sections.yaml) knows "Bakgrund"
    assert shape(txt(source))[2] == (H, "Bakgrund", 1)


def test_empty_vocabulary_matches_nothing() -> None:
    patterns = compile_heading_patterns({})
    assert shape(txt("Bakgrund\n\nText.", heading_patterns=patterns))[0] == (P, "Bakgrund", None)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("- ett\n- två", [(L, "ett", None), (L, "två", None)]),
        ("• ett\n– två", [(L, "ett", None), (L, "två", None)]),
        ("1. ett\n2) två\na) tre", [(L, "ett", None), (L, "två", None), (L, "tre", None)]),
        ("- en punkt som\n  fortsätter", [(L, "en punkt som fortsätter", None)]),
        ("- en punkt\nsom fortsätter", [(L, "en punkt som fortsätter", None)]),
        (
            "- en punkt.\nNytt stycke efter listan.",
            [(L, "en punkt.", None), (P, "Nytt stycke efter listan.", None)],
        ),
        ("1 240 elever går i årskurs 7–9.", [(P, "1 240 elever går i årskurs 7–9.", None)]),
    ],
)
def test_plain_lists(source: str, expected: list) -> None:
    assert shape(txt(source)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "I kommunen finns drygt 300\nnyanlända elever i grundskolan, varav 140 flickor och 160 pojkar.",
            "I kommunen finns drygt 300 nyanlända elever i grundskolan, varav 140 flickor och 160 pojkar.",
        ),
        (
            "Datum\n2024-01-25\nDiarienummer\nBN-2024-00013",
            "Datum\n2024-01-25\nDiarienummer\nBN-2024-00013",
        ),
        ("  indragen rad  \n  och en till", "indragen rad och en till"),
        ("Lena Bergström\nSocialkontoret", "Lena Bergström\nSocialkontoret"),
    ],
)
def test_plain_paragraph_joining(source: str, expected: str) -> None:
    assert shape(txt(source)) == [(P, expected, None)]


def test_tab_separated_table() -> None:
    doc = txt("Antal deltagare:\n\n\tKvinnor\tMän\nElever\t610\t630\nPersonal\t45\t\t12\n\nSlut.")
    table = next(b for b in doc.blocks if b.kind is T)
    assert table.table is not None
    assert table.table.rows == (
        ("", "Kvinnor", "Män"),
        ("Elever", "610", "630"),
        ("Personal", "45", "12"),
    )
    assert table.table.header_rows == 1
    cells = [(b.text, b.row, b.col, b.is_header) for b in doc.blocks if b.kind is C]
    assert cells[0] == ("Kvinnor", 0, 1, True)
    assert ("630", 1, 2, False) in cells
    assert shape(doc)[-1] == (P, "Slut.", None)


def test_tab_table_row_with_an_empty_last_cell() -> None:
    doc = txt("Område\tKonsekvens\nMiljö\tIngen påverkan.\nJämställdhet\t\nBarn\tBerörs inte.")
    table = next(b for b in doc.blocks if b.kind is T)
    assert table.table is not None
    assert table.table.rows[2:] == (("Jämställdhet", ""), ("Barn", "Berörs inte."))


def test_tab_table_with_numbers_in_first_row_has_no_header() -> None:
    doc = txt("Elever\t610\t630\nPersonal\t45\t12")
    assert doc.blocks[0].table is not None and doc.blocks[0].table.header_rows == 0


def test_tab_table_with_years_as_header() -> None:
    doc = txt("Mått\t2022\t2023\nKvinnor\t48,8 %\t57,5 %")
    assert doc.blocks[0].table is not None and doc.blocks[0].table.header_rows == 1


@pytest.mark.parametrize(
    "source",
    [
        "Kvinnor\t610\nMän\t630\t12",  # different numbers of columns
        "Bara en rad\tmed tabb",
    ],
)
def test_tab_lines_that_are_no_table(source: str) -> None:
    assert all(b.kind is not T for b in txt(source).blocks)


def test_form_feeds_count_pages() -> None:
    doc = txt("Sida ett.\n\fSida två.\n\nFortfarande två.\fTre\nfortsätter.\f")
    assert doc.pages == 3
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("Sida ett.", 1),
        ("Sida två.", 2),
        ("Fortfarande två.\nTre fortsätter.", 2),
    ]


def test_no_form_feed_no_pages() -> None:
    doc = txt("Text.\n\nMer text.")
    assert doc.pages is None
    assert all(b.page is None for b in doc.blocks)


def test_markdown_pages() -> None:
    doc = md("# Ett\n\fText på sida två.")
    assert doc.pages == 2
    assert [(b.text, b.page) for b in doc.blocks] == [("Ett", 1), ("Text på sida två.", 2)]


def test_too_many_pages() -> None:
    with pytest.raises(DocumentError) as info:
        parse_text(b"a\fb\fc\fd", "x.txt", Limits(max_pages=3))
    assert info.value.kind is ProblemKind.TOO_LARGE
    assert "4 sidor" in info.value.message


def test_too_large() -> None:
    with pytest.raises(DocumentError) as info:
        parse_text(b"x" * 100, "x.txt", Limits(max_file_bytes=10))
    assert info.value.kind is ProblemKind.TOO_LARGE


def test_encoding_problem_is_raised() -> None:
    with pytest.raises(DocumentError) as info:
        parse_text(bytes(range(1, 9)) * 50, "x.txt", Limits())
    assert info.value.kind is ProblemKind.ENCODING


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_and_line_endings(encoding: str) -> None:
    source = "Jämställdhet\r\n\r\nÅtgärden påverkar flickor och pojkar olika.\r\n"
    doc = parse_text(source.encode(encoding), "x.txt", Limits())
    assert doc.format is DocFormat.TEXT
    assert shape(doc) == [
        (H, "Jämställdhet", 1),
        (P, "Åtgärden påverkar flickor och pojkar olika.", None),
    ]


@pytest.mark.parametrize("markdown", [False, True])
def test_blank_text_has_no_blocks(markdown: bool) -> None:
    assert parse_text(b" \n\n\t\n", "x", Limits(), markdown=markdown).blocks == ()


def test_whole_plain_document() -> None:
    source = (
        "TJÄNSTESKRIVELSE\n"
        "Datum\n2024-01-25\nDiarienummer\nBN-2024-00013\n\n"
        "Byggnadsnämndens årsredovisning 2023\n\n"
        "Förslag till beslut i Byggnadsnämnden\n\n"
        "Byggnadsnämnden godkänner årsredovisning 2023.\n\n"
        "Beslutsunderlag\n\n"
        "- Tjänsteskrivelse, 2024-01-25\n"
    )
    blocks = finalize(txt(source).blocks)
    assert [(b.kind, b.level, b.line) for b in blocks] == [
        (H, 1, 1),
        (P, None, 3),
        (P, None, 8),
        (H, 2, 10),
        (P, None, 12),
        (H, 2, 14),
        (L, None, 16),
    ]


# --- properties --------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("abcåäö ABC#*-_|:.\t\n\f>`[]()123") + ["\n\n", "**", "| --- |"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.booleans())
def test_any_text_parses_and_finalizes(source: str, markdown: bool) -> None:
    doc = parse_text(source.encode("utf-8"), "x", Limits(), markdown=markdown)
    blocks = finalize(doc.blocks)
    for block in blocks:
        assert block.kind is C or block.text.strip()
        if block.kind is H:
            assert block.level is not None and block.level >= 1


def test_the_description_of_the_proposal_is_a_heading_in_plain_text() -> None:
    doc = txt(
        "Ärendebeskrivning\n\nNuläget beskrivs här.\n\nFörslaget\n\nTräffarna leds av två anhörigkonsulenter.\n"
    )
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Ärendebeskrivning", "Förslaget"]
