"""Tests for the PDF parser on generated Word-like PDFs: running headers and footers, hyphenation,
paragraphs, headings, lists, tables, pages, scans, encryption, damage and limits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamlint.model import Block, BlockKind, DocFormat, Document
from jamlint.model.layout import finalize
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits
from jamlint.parsers.pdf import join_lines, parse_pdf

from . import pdf_samples as samples

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def parse(data: bytes, limits: Limits | None = None) -> Document:
    doc = parse_pdf(data, "test.pdf", limits or Limits())
    return doc.model_copy(update={"blocks": finalize(doc.blocks)})


def body(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is not BlockKind.TABLE_CELL]


def texts(doc: Document) -> list[str]:
    return [b.text for b in body(doc)]


def block(doc: Document, start: str) -> Block:
    found = [b for b in doc.blocks if b.text.startswith(start)]
    assert found, f"no block starting {start!r} in {texts(doc)}"
    return found[0]


@pytest.fixture(scope="module")
def case() -> Document:
    return parse(samples.case_document())


# --- the case document ----------------------------------------------------------------------


def test_format_and_page_count(case: Document) -> None:
    assert case.format is DocFormat.PDF
    assert case.pages == 3
    assert not case.no_text_layer


def test_reading_order_and_kinds(case: Document) -> None:
    got = [(b.kind.value, b.text[:25]) for b in body(case)]
    assert got == [
        ("heading", "Ny simhall i Sjöbo"),
        ("heading", "Förslag till beslut"),
        ("paragraph", "Kommunstyrelsen föreslår "),
        ("heading", "Bakgrund"),
        ("paragraph", "Simhallen används i dag a"),
        ("paragraph", "Under 2023 besökte ungefä"),
        ("heading", "Konsekvenser"),
        ("heading", "3.2 Jämställdhet"),
        ("paragraph", "Flickor och pojkar använd"),
        ("heading", "Förvaltningen föreslår dä"),  # a short line ending in ":", as for .docx
        ("list_item", "Fler tider för allmänhete"),
        ("list_item", "Simskola för vuxna."),
        ("list_item", "Tillgängliga omklädningsr"),
        ("heading", "Statistik"),
        ("paragraph", "Tabellen visar antalet de"),
        ("table", "Grupp | Kvinnor | Män | T"),
        ("paragraph", "Underlaget har tagits fra"),
    ]


def test_running_header_and_footer_kept_out_of_the_body(case: Document) -> None:
    assert case.headers == (samples.KOMMUN, samples.DNR)
    assert case.footers == ("Sida 1 av 3",)  # "Sida 2 av 3" … differ only in digits
    everything = " ".join(b.text for b in case.blocks)
    assert samples.KOMMUN not in everything
    assert "Dnr" not in everything
    assert "Sida" not in everything


def test_paragraph_lines_are_joined_with_spaces(case: Document) -> None:
    assert block(case, "Under 2023").text == " ".join(samples.BACKGROUND_2)


def test_word_hyphenated_at_line_end_is_joined(case: Document) -> None:
    text = block(case, "Simhallen").text
    assert "Alla kommuninvånare ska ha" in text
    assert "kommun-" not in text


def test_suspended_compound_keeps_its_hyphen(case: Document) -> None:
    assert "ge barn- och utbildningsnämnden i uppdrag" in block(case, "Kommunstyrelsen").text
    assert "av kultur- och fritidsförvaltningen" in block(case, "Underlaget").text


def test_headings_and_levels(case: Document) -> None:
    headings = [(b.text, b.level) for b in case.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Ny simhall i Sjöbo", 1),  # 18 pt
        ("Förslag till beslut", 2),  # 14 pt bold
        ("Bakgrund", 2),
        ("Konsekvenser", 2),
        ("3.2 Jämställdhet", 3),  # bold at the body size, its own paragraph
        ("Förvaltningen föreslår därför följande åtgärder:", 4),  # regular, ends with ":"
        ("Statistik", 2),
    ]


def test_list_items_lose_the_bullet_and_keep_continuation_lines(case: Document) -> None:
    items = [b.text for b in case.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [" ".join(lines) for lines in samples.LIST_ITEMS]


def test_ruled_table_with_header_row_and_cells(case: Document) -> None:
    table_block = block(case, "Grupp |")
    assert table_block.kind is BlockKind.TABLE
    table = table_block.table
    assert table is not None
    assert [list(r) for r in table.rows] == samples.TABLE_ROWS
    assert table.header_rows == 1
    cells = [b for b in case.blocks if b.kind is BlockKind.TABLE_CELL]
    assert len(cells) == 12
    assert all(c.table_index == table_block.index for c in cells)
    assert [(c.text, c.is_header) for c in cells if c.row == 0] == [
        ("Grupp", True),
        ("Kvinnor", True),
        ("Män", True),
        ("Totalt", True),
    ]
    assert next(c for c in cells if c.row == 2 and c.col == 0).text == "Föreningsmedlemmar"
    assert not next(c for c in cells if c.row == 2 and c.col == 2).is_header


def test_table_text_is_not_repeated_as_paragraphs(case: Document) -> None:
    prose = [
        b.text
        for b in case.blocks
        if b.kind is not BlockKind.TABLE and b.kind is not BlockKind.TABLE_CELL
    ]
    assert not any("Kvinnor" in t or "Föreningsmedlemmar" in t for t in prose)


def test_blocks_carry_their_page(case: Document) -> None:
    assert block(case, "Ny simhall").page == 1
    assert block(case, "Under 2023").page == 1
    assert block(case, "3.2 Jämställdhet").page == 2
    assert block(case, "Simskola").page == 2
    assert block(case, "Grupp |").page == 3
    assert all(b.page == 3 for b in case.blocks if b.kind is BlockKind.TABLE_CELL)


def test_blocks_are_left_unfinalized() -> None:
    doc = parse_pdf(samples.case_document(), "test.pdf", Limits())
    assert all(b.index == -1 for b in doc.blocks)


# --- other layouts ----------------------------------------------------------------------------


def test_one_page_document_page_number_is_a_footer() -> None:
    doc = parse(samples.one_page_document())
    assert doc.pages == 1
    assert doc.footers == ("Sida 1 av 1",)
    assert texts(doc) == [
        "Tjänsteskrivelse",
        "Ärendet gäller en ändrad öppettid för biblioteket i Sjöbo.",
    ]


def test_table_running_over_a_page_break_is_one_table() -> None:
    doc = parse(samples.table_across_pages())
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    rows = tables[0].table.rows
    assert rows[0] == ("Verksamhet", "Kvinnor", "Män")
    assert [r[0] for r in rows[1:]] == [f"Verksamhet {i}" for i in range(1, 16)]  # header once
    assert tables[0].page == 1
    assert "16" not in doc.headers  # a cell near the top of page 2 is no page number
    assert texts(doc)[-1] == "Text efter tabellen."


def test_table_without_rules_from_aligned_columns() -> None:
    doc = parse(samples.borderless_table())
    table = block(doc, "Förvaltning |").table
    assert table is not None
    assert table.rows == (
        ("Förvaltning", "Kvinnor", "Män"),
        ("Socialförvaltningen", "412", "58"),
        ("Tekniska förvaltningen", "35", "122"),
    )
    assert table.header_rows == 1
    assert texts(doc)[-1] == "Siffrorna avser december 2023."


def test_numbered_items_bold_headings_and_bold_sentences() -> None:
    doc = parse(samples.numbered_document())
    assert [(b.kind.value, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "1. Inledning"),
        ("heading", 2, "Nämnden föreslås besluta följande:"),
        ("list_item", None, "1. att godkänna planen,"),
        ("list_item", None, "2. att avsätta medel för genomförandet."),
        ("paragraph", None, "Observera att planen gäller från och med den 1 juli."),
        ("heading", 2, "1.1 Syfte"),  # same style as "1. Inledning", one level deeper
        ("paragraph", None, "Syftet är att förbättra tillgängligheten."),
    ]


def test_number_wrapped_to_the_start_of_a_line_is_no_list_item() -> None:
    doc = parse(samples.number_wrapped_to_line_start())
    assert [(b.kind.value, b.text[:40]) for b in doc.blocks] == [
        ("paragraph", "I kommunens fritidsvaneundersökning delt"),
        ("heading", "Nämnden föreslås besluta följande:"),
        ("list_item", "1. att godkänna planen,"),
        ("list_item", "2. att avsätta medel för genomförandet."),
    ]
    assert "gymnasiets år 2. Undersökningen" in doc.blocks[0].text
    assert doc.blocks[0].text.endswith("minst en gång i veckan.")


def test_paragraph_continues_over_a_page_break() -> None:
    doc = parse(samples.paragraph_across_pages())
    last = body(doc)[-1]
    assert last.text.startswith("Det långa stycket börjar här")
    assert last.text.endswith("rad 7 i ett långt stycke som fortsätter utan att meningen tar slut.")
    assert last.page == 1
    assert doc.pages == 2


def test_soft_hyphen_break_is_joined() -> None:
    doc = parse(samples.soft_hyphen_document())
    assert texts(doc) == ["Arbetet med jämställdhetsintegrering fortsätter."]


def test_font_size_set_by_the_text_matrix_counts() -> None:
    doc = parse(samples.scaled_font_document())
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[0].text == "Rubrik i matrisstorlek"


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans-Bold.ttf").exists(), reason="DejaVu fonts missing")
def test_bold_recognised_from_embedded_subset_font_name() -> None:
    data = samples.truetype_document(
        str(DEJAVU / "DejaVuSans.ttf"), str(DEJAVU / "DejaVuSans-Bold.ttf")
    )
    doc = parse(data)
    assert (doc.blocks[0].kind, doc.blocks[0].text) == (BlockKind.HEADING, "Barnperspektiv")
    assert "åldern 6–15 år" in doc.blocks[1].text


# --- scans, damage, protection and limits ----------------------------------------------------


@pytest.mark.parametrize("make", [samples.scanned_document, samples.drawing_only_document])
def test_pages_without_text_are_a_scan_not_an_error(make) -> None:
    doc = parse_pdf(make(), "scan.pdf", Limits())
    assert doc.no_text_layer
    assert doc.blocks == ()
    assert doc.pages >= 1


def test_pages_with_nothing_on_them_are_empty() -> None:
    with pytest.raises(DocumentError) as err:
        parse_pdf(samples.blank_document(), "blank.pdf", Limits())
    assert err.value.kind is ProblemKind.EMPTY


def test_pages_with_only_running_lines_have_no_body() -> None:
    doc = parse_pdf(samples.running_lines_only(), "template.pdf", Limits())
    assert doc.blocks == ()
    assert doc.headers == (samples.KOMMUN, samples.DNR)
    assert doc.footers == ("Sida 1 av 3",)
    assert not doc.no_text_layer


def test_zero_pages_is_empty() -> None:
    with pytest.raises(DocumentError) as err:
        parse_pdf(samples.raw_pdf([]), "zero.pdf", Limits())
    assert err.value.kind is ProblemKind.EMPTY


def test_password_protected_pdf() -> None:
    data = samples.encrypted_document()
    with pytest.raises(DocumentError) as err:
        parse_pdf(data, "secret.pdf", Limits())
    assert err.value.kind is ProblemKind.ENCRYPTED
    assert "lösenordsskyddad" in err.value.message
    assert "olåst kopia" in err.value.message


def test_owner_password_only_still_opens() -> None:
    doc = parse(samples.encrypted_document(user_password=""))
    assert "Hemlig text." in texts(doc)


@pytest.mark.parametrize("cut", [0.5, 0.97])
def test_truncated_pdf_is_unreadable(cut: float) -> None:
    data = samples.case_document()
    with pytest.raises(DocumentError) as err:
        parse_pdf(data[: int(len(data) * cut)], "cut.pdf", Limits())
    assert err.value.kind is ProblemKind.UNREADABLE


def test_garbage_with_pdf_markers_is_unreadable() -> None:
    with pytest.raises(DocumentError) as err:
        parse_pdf(b"%PDF-1.7\nnot really\n%%EOF\n", "bad.pdf", Limits())
    assert err.value.kind is ProblemKind.UNREADABLE


def test_page_limit() -> None:
    data = samples.long_document(4, "Text om verksamheten. " * 20)
    with pytest.raises(DocumentError) as err:
        parse_pdf(data, "long.pdf", Limits(max_pages=3))
    assert err.value.kind is ProblemKind.TOO_LARGE
    assert "4 sidor" in err.value.message
    assert "3 sidor" in err.value.message
    assert "max-pages" in err.value.message
    assert parse_pdf(data, "long.pdf", Limits(max_pages=4)).pages == 4


def test_every_opened_document_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2.raw as pdfium_c

    opened: list[object] = []
    closed: list[object] = []
    load, close = pdfium_c.FPDF_LoadMemDocument64, pdfium_c.FPDF_CloseDocument

    def counting_load(*args):
        handle = load(*args)
        if handle:
            opened.append(handle)
        return handle

    def counting_close(handle):
        closed.append(handle)
        return close(handle)

    monkeypatch.setattr(pdfium_c, "FPDF_LoadMemDocument64", counting_load)
    monkeypatch.setattr(pdfium_c, "FPDF_CloseDocument", counting_close)
    parse_pdf(samples.case_document(), "a.pdf", Limits())
    parse_pdf(samples.scanned_document(), "b.pdf", Limits())
    for data, limits in [
        (samples.long_document(2, "Text. " * 50), Limits(max_pages=1)),
        (samples.raw_pdf([]), Limits()),
        (samples.blank_document(), Limits()),
    ]:
        with pytest.raises(DocumentError):
            parse_pdf(data, "c.pdf", limits)
    assert len(opened) == 5
    assert len(closed) == len(opened)


# --- start-up cost and speed ------------------------------------------------------------------


def test_importing_the_parser_imports_neither_pdf_library() -> None:
    code = (
        "import sys, jamlint.parsers.pdf; "
        "print('pypdfium2' in sys.modules, 'pdfplumber' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_text_only_pdf_never_imports_pdfplumber(tmp_path: Path) -> None:
    pdf = tmp_path / "text.pdf"
    pdf.write_bytes(samples.long_document(3, "Text om verksamheten. " * 30))
    code = (
        "import sys; from jamlint.parsers.pdf import parse_pdf; "
        "from jamlint.parsers.limits import Limits; "
        f"doc = parse_pdf(open({str(pdf)!r}, 'rb').read(), 'x', Limits()); "
        "print(doc.pages, 'pdfplumber' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]


# --- joining lines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["alla kommun-", "invånare ska"], "alla kommuninvånare ska"),
        (["alla kommun\x02", "invånare ska"], "alla kommuninvånare ska"),  # pdfium's mark
        (["jämställdhets\u00ad", "integrering"], "jämställdhetsintegrering"),
        (["barn-", "och utbildningsnämnden"], "barn- och utbildningsnämnden"),
        (["vård\x02", "eller omsorg"], "vård- eller omsorg"),
        (["förskole-", "samt fritidsverksamhet"], "förskole- samt fritidsverksamhet"),
        (["Sjöbo-", "Hörby"], "Sjöbo-Hörby"),
        (["ett EU-", "projekt"], "ett EU-projekt"),
        (["via e-", "post"], "via e-post"),
        (["åren 2023-", "2024"], "åren 2023-2024"),
        (["kommunen -", "ett gott exempel"], "kommunen - ett gott exempel"),
        (["Västra skolan 7–", "9"], "Västra skolan 7–9"),
        (["maskiner –", "arbetstid"], "maskiner – arbetstid"),
        (["en rad", "och en till"], "en rad och en till"),
        (["  indraget ", " igen "], "indraget igen"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=12)
prose_words = st.tuples(
    st.sampled_from(["", "", "", "K", "Å", "Ö"]), words, st.sampled_from(["", "", "", ".", ","])
).map("".join)


@given(st.lists(st.lists(words, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=6))
def test_join_lines_without_hyphens_is_joining_with_spaces(lines: list[str]) -> None:
    assert join_lines(lines) == " ".join(lines)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(prose_words, min_size=5, max_size=150))
def test_wrapped_text_comes_back_word_for_word(text_words: list[str]) -> None:
    """Whatever fpdf2 wraps (it never hyphenates), the parser returns the same words in order."""
    doc = samples.CaseDocument(running=False)
    doc.add_page()
    doc.flowing(" ".join(text_words))
    parsed = parse_pdf(doc.to_bytes(), "p.pdf", Limits())
    assert " ".join(b.text for b in parsed.blocks).split() == text_words
