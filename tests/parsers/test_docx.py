"""Tests for the .docx parser: reading order, headings, lists, tables, notes, pages, comments and
the refusal of broken or hostile archives."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from jamlint.model import BlockKind, DocFormat, Document
from jamlint.model.layout import finalize
from jamlint.parsers.docx import parse_docx
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits

from .docx_builders import (
    FOOTNOTES_CT,
    FOOTNOTES_RT,
    add_part,
    append_xml,
    footnotes_part,
    new_document,
    paragraph_xml,
    rewrite_zip,
    run_xml,
    textbox_run_xml,
    to_bytes,
    zip_bytes,
)


def parse(data: bytes, limits: Limits | None = None) -> Document:
    return parse_docx(data, "test.docx", limits or Limits())


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def block(doc: Document, text: str):
    found = [b for b in doc.blocks if b.text == text]
    assert found, f"no block {text!r} in {texts(doc)}"
    return found[0]


def kinds(doc: Document) -> list[tuple[str, int | None]]:
    return [(b.kind.value, b.level) for b in doc.blocks]


# --- reading order ------------------------------------------------------------------------------


def test_paragraphs_and_tables_keep_document_order():
    d = new_document()
    d.add_paragraph("Första stycket om förskolan.")
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "Tabell ett"
    d.add_paragraph("Andra stycket.")
    d.add_table(rows=1, cols=1).rows[0].cells[0].text = "Tabell två"
    d.add_paragraph("Sista stycket.")
    doc = parse(to_bytes(d))

    assert doc.format is DocFormat.DOCX
    assert doc.path == "test.docx"
    assert [(b.kind.value, b.text) for b in doc.blocks] == [
        ("paragraph", "Första stycket om förskolan."),
        ("table", ""),
        ("table_cell", "Tabell ett"),
        ("paragraph", "Andra stycket."),
        ("table", ""),
        ("table_cell", "Tabell två"),
        ("paragraph", "Sista stycket."),
    ]


def test_blocks_are_not_finalized_but_finalize_accepts_them():
    d = new_document()
    d.add_heading("Bakgrund", 1)
    d.add_paragraph("Text.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Kön", "Antal"
    t.cell(1, 0).text, t.cell(1, 1).text = "Kvinnor", "12"
    doc = parse(to_bytes(d))

    assert all(b.index == -1 and b.paragraph is None and b.section is None for b in doc.blocks)
    final = finalize(doc.blocks)
    assert final[2].text == "Kön | Antal\nKvinnor | 12"
    cell = next(b for b in final if b.text == "12")
    assert (cell.table_index, cell.line, cell.column) == (2, final[2].line + 1, 11)


def test_empty_paragraphs_are_skipped_and_swedish_letters_survive():
    d = new_document()
    d.add_paragraph("")
    d.add_paragraph("   ")
    d.add_paragraph("Åtgärden påverkar äldre kvinnor och män i Örebro.")
    assert texts(parse(to_bytes(d))) == ["Åtgärden påverkar äldre kvinnor och män i Örebro."]


def test_soft_line_breaks_become_newlines_and_tabs_spaces():
    d = new_document()
    p = d.add_paragraph()
    run = p.add_run("Rad ett")
    run.add_break()
    p.add_run("rad två\tmed tabb")
    assert texts(parse(to_bytes(d))) == ["Rad ett\nrad två med tabb"]


def test_hidden_text_is_left_out():
    d = new_document()
    append_xml(d, paragraph_xml(run_xml("Synlig text. ") + run_xml("Dold text.", "<w:vanish/>")))
    assert texts(parse(to_bytes(d))) == ["Synlig text."]


# --- headings -----------------------------------------------------------------------------------


def test_heading_styles_title_and_inheritance():
    d = new_document()
    d.add_heading("Tjänsteskrivelse", 0)  # the Title style
    d.add_heading("Bakgrund", 1)
    d.add_heading("Ärendet i korthet", 2)
    custom = d.styles.add_style("Kommunens underrubrik", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 2"]
    d.add_paragraph("Jämställdhet", style=custom)
    swedish = d.styles.add_style("Rubrik 3", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("Flickor och pojkar", style=swedish)
    doc = parse(to_bytes(d))

    assert kinds(doc) == [
        ("heading", 1),
        ("heading", 1),
        ("heading", 2),
        ("heading", 2),
        ("heading", 3),
    ]


def test_outline_levels_in_paragraph_and_style():
    d = new_document()
    append_xml(d, paragraph_xml(run_xml("Konsekvenser"), '<w:outlineLvl w:val="1"/>'))
    styled = d.styles.add_style("Avsnitt", WD_STYLE_TYPE.PARAGRAPH)
    styled.element.get_or_add_pPr().append(
        styled.element.makeelement(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl",
            {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val": "0"},
        )
    )
    d.add_paragraph("Förslag till beslut", style=styled)
    # outline level 9 is body text even in a heading style
    append_xml(
        d,
        paragraph_xml(
            run_xml("Brödtext i rubrikstil."),
            '<w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/>',
        ),
    )
    doc = parse(to_bytes(d))
    assert kinds(doc) == [("heading", 2), ("heading", 1), ("paragraph", None)]


def test_fake_bold_and_large_headings():
    d = new_document()
    d.add_paragraph().add_run("Konsekvenser för jämställdhet").bold = True
    d.add_paragraph("Text.")
    large = d.add_paragraph().add_run("Tjänsteskrivelse")
    large.bold, large.font.size = True, Pt(16)
    d.add_paragraph("Text.")
    strong = d.styles.add_style("Kraftig", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    d.add_paragraph().add_run("Barnperspektiv", style=strong)
    d.add_paragraph("Text.")
    bold_para = d.styles.add_style("Fet brödtext", WD_STYLE_TYPE.PARAGRAPH)
    bold_para.font.bold = True
    d.add_paragraph("Ekonomiska konsekvenser", style=bold_para)
    doc = parse(to_bytes(d))
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Konsekvenser för jämställdhet", 2),
        ("Tjänsteskrivelse", 1),
        ("Barnperspektiv", 2),
        ("Ekonomiska konsekvenser", 2),
    ]


def test_fake_heading_levels_follow_their_context():
    d = new_document()
    d.add_heading("Jämställdhet", 2)
    # right under a heading: a sub-heading, so that the heading is not left empty
    d.add_paragraph().add_run("Konsekvenser för kvinnor").bold = True
    d.add_paragraph("Text om kvinnor.")
    d.add_paragraph().add_run("Konsekvenser för män").bold = True  # a sibling of the first
    d.add_paragraph("Text om män.")
    d.add_heading("Beslut", 2)
    d.add_paragraph("Text.")
    d.add_paragraph("Förvaltningen föreslår att nämnden beslutar:")  # under "Beslut"
    doc = parse(to_bytes(d))
    headings = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Jämställdhet", 2),
        ("Konsekvenser för kvinnor", 3),
        ("Konsekvenser för män", 3),
        ("Beslut", 2),
        ("Förvaltningen föreslår att nämnden beslutar:", 3),
    ]


def test_bold_text_that_is_not_a_heading():
    d = new_document()
    d.add_paragraph().add_run("Nämnden beslutar att anta planen.").bold = True  # final period
    d.add_paragraph().add_run(
        "En lång fet mening som fortsätter och fortsätter utan att ta slut på ett bra tag till"
    ).bold = True  # too long
    p = d.add_paragraph()
    p.add_run("Jämställdhet").bold = True
    p.add_run(" beskrivs nedan")  # only partly bold
    doc = parse(to_bytes(d))
    assert [k for k, _ in kinds(doc)] == ["paragraph"] * 3


def test_numbered_headings_take_their_level_from_the_number():
    d = new_document()
    d.add_paragraph("3. Konsekvenser")
    d.add_paragraph("3.2 Jämställdhet")
    d.add_paragraph("3.2.1 Flickor och pojkar")
    d.add_paragraph("120 elever i årskurs 9")  # a number and a lower-case word: not a heading
    d.add_paragraph("2024 Budget för verksamheten")  # a year is not a section number
    d.add_paragraph("4. Beslutsunderlag.")  # a final period: a sentence
    doc = parse(to_bytes(d))
    assert kinds(doc) == [
        ("heading", 1),
        ("heading", 2),
        ("heading", 3),
        ("paragraph", None),
        ("paragraph", None),
        ("paragraph", None),
    ]


def test_short_line_ending_with_colon_is_a_heading_kept_as_written():
    d = new_document()
    d.add_paragraph("Konsekvenser för jämställdhet:")
    d.add_paragraph("Ärendet berör fler kvinnor än män.")
    d.add_paragraph(
        "Det här är en lång mening som räknar upp alldeles för många saker för att vara en rubrik:"
    )
    doc = parse(to_bytes(d))
    assert kinds(doc) == [("heading", 2), ("paragraph", None), ("paragraph", None)]
    assert doc.blocks[0].text == "Konsekvenser för jämställdhet:"


def test_table_of_contents_lines_are_not_headings():
    d = new_document()
    toc_para = paragraph_xml(run_xml("3.2 Jämställdhet") + "<w:r><w:tab/></w:r>" + run_xml("5"))
    append_xml(
        d,
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>"
        f"</w:docPartObj></w:sdtPr><w:sdtContent>{toc_para}</w:sdtContent></w:sdt>",
    )
    d.add_paragraph("1 Bakgrund\t3")
    doc = parse(to_bytes(d))
    assert kinds(doc) == [("paragraph", None), ("paragraph", None)]


# --- lists --------------------------------------------------------------------------------------


def test_list_items_from_styles_and_numbering():
    d = new_document()
    d.add_paragraph("Punkt i punktlista", style="List Bullet")
    d.add_paragraph("Punkt i numrerad lista", style="List Number")
    append_xml(
        d,
        paragraph_xml(
            run_xml("Numrerad direkt"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        ),
    )
    append_xml(
        d,
        paragraph_xml(
            run_xml("Numrering avslagen"),
            '<w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr>',
        ),
    )
    doc = parse(to_bytes(d))
    assert [k for k, _ in kinds(doc)] == ["list_item", "list_item", "list_item", "paragraph"]


def test_numbered_heading_style_stays_a_heading():
    d = new_document()
    append_xml(
        d,
        paragraph_xml(
            run_xml("Jämställdhet"),
            '<w:pStyle w:val="Heading2"/>'
            '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>',
        ),
    )
    assert kinds(parse(to_bytes(d))) == [("heading", 2)]


# --- tables -------------------------------------------------------------------------------------


def _fill(table, rows):
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def test_table_cells_rows_columns_and_numeric_header_guess():
    d = new_document()
    t = d.add_table(rows=3, cols=3)
    _fill(
        t,
        [["Antal elever", "Flickor", "Pojkar"], ["Årskurs 7", "64", "58"], ["Årskurs 8", "", "61"]],
    )
    doc = parse(to_bytes(d))

    table = doc.blocks[0]
    assert table.kind is BlockKind.TABLE
    assert table.table.rows == (
        ("Antal elever", "Flickor", "Pojkar"),
        ("Årskurs 7", "64", "58"),
        ("Årskurs 8", "", "61"),
    )
    assert table.table.header_rows == 1
    cells = [(b.text, b.row, b.col, b.is_header) for b in doc.blocks[1:]]
    assert cells == [
        ("Antal elever", 0, 0, True),
        ("Flickor", 0, 1, True),
        ("Pojkar", 0, 2, True),
        ("Årskurs 7", 1, 0, False),
        ("64", 1, 1, False),
        ("58", 1, 2, False),
        ("Årskurs 8", 2, 0, False),
        ("61", 2, 2, False),  # the empty cell makes no block
    ]


def test_layout_table_without_header():
    d = new_document()
    t = d.add_table(rows=2, cols=2)
    _fill(t, [["Datum", "2024-03-01"], ["Diarienummer", "KS 2024/0123"]])
    assert parse(to_bytes(d)).blocks[0].table.header_rows == 0


def test_header_row_marked_bold_or_shaded():
    def table_with(first_row_xml: str) -> str:
        second = "<w:tr><w:tc>" + paragraph_xml(run_xml("Socialtjänsten")) + "</w:tc><w:tc>"
        second += paragraph_xml(run_xml("Vuxna")) + "</w:tc></w:tr>"
        return f"<w:tbl>{first_row_xml}{second}</w:tbl>"

    def cell(text: str, tcpr: str = "", rpr: str = "") -> str:
        props = f"<w:tcPr>{tcpr}</w:tcPr>" if tcpr else ""
        return f"<w:tc>{props}{paragraph_xml(run_xml(text, rpr))}</w:tc>"

    marked = '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell("Enhet") + cell("Målgrupp") + "</w:tr>"
    bold = "<w:tr>" + cell("Enhet", rpr="<w:b/>") + cell("Målgrupp", rpr="<w:b/>") + "</w:tr>"
    shd = '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    shaded = "<w:tr>" + cell("Enhet", shd) + cell("Målgrupp", shd) + "</w:tr>"
    plain = "<w:tr>" + cell("Enhet") + cell("Målgrupp") + "</w:tr>"
    d = new_document()
    for first in (marked, bold, shaded, plain):
        append_xml(d, table_with(first))
    tables = [b.table for b in parse(to_bytes(d)).blocks if b.kind is BlockKind.TABLE]
    assert [t.header_rows for t in tables] == [1, 1, 1, 0]


def test_merged_cells_make_one_block_each():
    d = new_document()
    t = d.add_table(rows=3, cols=3)
    _fill(t, [["Kön", "", ""], ["Kvinnor", "10", "12"], ["Män", "9", "11"]])
    t.cell(0, 0).merge(t.cell(0, 2))  # a heading across the table (gridSpan)
    t.cell(1, 0).merge(t.cell(2, 0))  # a row label over two rows (vMerge)
    doc = parse(to_bytes(d))

    rows = doc.blocks[0].table.rows
    assert rows[0] == ("Kön", "", "")
    assert rows[1][0] == "Kvinnor Män" and rows[2][0] == ""
    cells = [(b.text, b.row, b.col) for b in doc.blocks[1:]]
    assert cells == [
        ("Kön", 0, 0),
        ("Kvinnor Män", 1, 0),
        ("10", 1, 1),
        ("12", 1, 2),
        ("9", 2, 1),
        ("11", 2, 2),
    ]


def test_nested_table_is_flattened_into_its_cell():
    d = new_document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Utfall"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Kvinnor 40", "Män 38"
    doc = parse(to_bytes(d))
    assert [b.kind for b in doc.blocks].count(BlockKind.TABLE) == 1
    assert doc.blocks[0].table.rows == (("Utfall", "Kvinnor 40 Män 38"),)


def test_multi_paragraph_cell_is_one_line():
    d = new_document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Antal"
    cell.add_paragraph("deltagare")
    doc = parse(to_bytes(d))
    assert doc.blocks[1].text == "Antal deltagare"


# --- headers, footers, footnotes ----------------------------------------------------------------


def test_headers_and_footers_stay_out_of_the_body():
    d = new_document()
    d.add_paragraph("Brödtext.")
    first = d.sections[0]
    first.header.paragraphs[0].text = "Tjänsteskrivelse, Dnr KS 2024/0123"
    first.footer.paragraphs[0].text = "Kommunledningskontoret"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Västerås stad"
    second = d.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Tjänsteskrivelse, Dnr KS 2024/0123"  # same text again
    d.add_paragraph("Mer brödtext.")
    doc = parse(to_bytes(d))

    assert texts(doc) == ["Brödtext.", "Mer brödtext."]
    assert set(doc.headers) == {"Tjänsteskrivelse, Dnr KS 2024/0123", "Västerås stad"}
    assert len(doc.headers) == 2
    assert doc.footers == ("Kommunledningskontoret",)


def test_footnotes_are_kept_apart():
    d = new_document()
    append_xml(
        d,
        paragraph_xml(
            run_xml("Andelen är 45 procent.")
            + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        ),
    )
    data = add_part(
        to_bytes(d),
        "word/footnotes.xml",
        footnotes_part("Källa: SCB, befolkningsstatistik för Östersund."),
        FOOTNOTES_CT,
        FOOTNOTES_RT,
    )
    doc = parse(data)
    assert texts(doc) == ["Andelen är 45 procent."]
    assert doc.footnotes == ("Källa: SCB, befolkningsstatistik för Östersund.",)


# --- tracked changes, content controls, text boxes ----------------------------------------------


def test_tracked_changes_are_read_as_accepted():
    d = new_document()
    author = 'w:id="{}" w:author="Handläggare" w:date="2024-01-01T00:00:00Z"'
    append_xml(
        d,
        paragraph_xml(
            run_xml("Beslutet berör ")
            + f"<w:del {author.format(1)}><w:r><w:delText>300 </w:delText></w:r></w:del>"
            + f"<w:ins {author.format(2)}>{run_xml('320 ')}</w:ins>"
            + run_xml("elever")
            + f"<w:moveFrom {author.format(3)}>{run_xml(' i Kiruna')}</w:moveFrom>"
            + f"<w:moveTo {author.format(4)}>{run_xml(' i Luleå')}</w:moveTo>"
            + run_xml(".")
        ),
    )
    assert texts(parse(to_bytes(d))) == ["Beslutet berör 320 elever i Luleå."]


def test_content_controls_keep_their_text():
    d = new_document()
    append_xml(
        d,
        "<w:sdt><w:sdtPr><w:alias w:val=\"Sammanfattning\"/></w:sdtPr><w:sdtContent>"
        + paragraph_xml(run_xml("Text i ett blockinnehållsfält."))
        + "</w:sdtContent></w:sdt>",
    )
    append_xml(
        d,
        paragraph_xml(
            run_xml("Nämnd: ")
            + "<w:sdt><w:sdtPr/><w:sdtContent>"
            + run_xml("Barn- och utbildningsnämnden")
            + "</w:sdtContent></w:sdt>"
        ),
    )
    assert texts(parse(to_bytes(d))) == [
        "Text i ett blockinnehållsfält.",
        "Nämnd: Barn- och utbildningsnämnden",
    ]


def test_text_box_text_is_kept_once_after_its_paragraph():
    d = new_document()
    append_xml(d, paragraph_xml(run_xml("Stycket med rutan.") + textbox_run_xml("Text i rutan")))
    d.add_paragraph("Nästa stycke.")
    assert texts(parse(to_bytes(d))) == ["Stycket med rutan.", "Text i rutan", "Nästa stycke."]


def test_text_box_in_empty_paragraph_is_kept():
    d = new_document()
    append_xml(d, paragraph_xml(textbox_run_xml("Ensam ruta")))
    assert texts(parse(to_bytes(d))) == ["Ensam ruta"]


def test_old_vml_text_box_and_nested_text_box():
    d = new_document()
    vml = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + paragraph_xml(run_xml("Yttre ruta") + textbox_run_xml("Inre ruta"))
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    append_xml(d, paragraph_xml(run_xml("Ankare.") + vml))
    assert texts(parse(to_bytes(d))) == ["Ankare.", "Yttre ruta", "Inre ruta"]


def test_table_rows_deleted_wrapped_or_offset():
    def cell(text: str) -> str:
        return f"<w:tc>{paragraph_xml(run_xml(text))}</w:tc>"

    deleted = (
        '<w:tr><w:trPr><w:del w:id="9" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:trPr>'
        + cell("Borttagen")
        + cell("1")
        + "</w:tr>"
    )
    wrapped = (
        "<w:sdt><w:sdtContent><w:tr>"
        + cell("I fält")
        + cell("2")
        + "</w:tr></w:sdtContent></w:sdt>"
    )
    offset = '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell("3") + "</w:tr>"
    d = new_document()
    header = "<w:tr>" + cell("Enhet") + cell("Antal") + "</w:tr>"
    append_xml(d, f"<w:tbl>{header}{deleted}{wrapped}{offset}</w:tbl>")
    doc = parse(to_bytes(d))
    assert doc.blocks[0].table.rows == (("Enhet", "Antal"), ("I fält", "2"), ("", "3"))
    assert [(b.text, b.row, b.col) for b in doc.blocks[1:]][-1] == ("3", 2, 1)


# --- pages --------------------------------------------------------------------------------------


def test_no_recorded_breaks_means_no_pages():
    d = new_document()
    d.add_paragraph("Ett.")
    d.add_paragraph("Två.")
    doc = parse(to_bytes(d))
    assert doc.pages is None
    assert [b.page for b in doc.blocks] == [None, None]


def test_rendered_page_breaks_number_the_pages():
    d = new_document()
    d.add_paragraph("Sida ett.")
    lrpb = "<w:r><w:lastRenderedPageBreak/></w:r>"
    append_xml(d, paragraph_xml(lrpb + run_xml("Sida två.")))
    # a paragraph that starts on page 2 and runs on to page 3
    append_xml(d, paragraph_xml(run_xml("Börjar på två ") + lrpb + run_xml("och slutar på tre.")))
    d.add_paragraph("Sida tre.")
    doc = parse(to_bytes(d))
    assert [b.page for b in doc.blocks] == [1, 2, 2, 3]
    assert doc.pages == 3


def test_rendered_breaks_win_over_hard_breaks():
    # Word writes a rendered break after each hard break; the page must count once.
    d = new_document()
    d.add_paragraph("Sida ett.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    append_xml(d, paragraph_xml("<w:r><w:lastRenderedPageBreak/></w:r>" + run_xml("Sida två.")))
    doc = parse(to_bytes(d))
    assert [b.page for b in doc.blocks] == [1, 2]
    assert doc.pages == 2


def test_rendered_breaks_in_every_cell_of_a_row_count_once():
    d = new_document()
    d.add_paragraph("Sida ett.")
    lrpb = "<w:r><w:lastRenderedPageBreak/></w:r>"
    cell = "<w:tc>" + paragraph_xml(lrpb + run_xml("{}")) + "</w:tc>"
    append_xml(d, "<w:tbl><w:tr>" + cell.format("A") + cell.format("B") + "</w:tr></w:tbl>")
    d.add_paragraph("Efter tabellen.")
    doc = parse(to_bytes(d))
    assert [(b.kind.value, b.page) for b in doc.blocks] == [
        ("paragraph", 1),
        ("table", 2),
        ("table_cell", 2),
        ("table_cell", 2),
        ("paragraph", 2),
    ]
    assert doc.pages == 2


def test_explicit_page_breaks_when_nothing_was_rendered():
    d = new_document()
    d.add_paragraph("Sida ett.")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("Sida två.")
    append_xml(d, paragraph_xml(run_xml("Sida tre."), "<w:pageBreakBefore/>"))
    doc = parse(to_bytes(d))
    assert [b.page for b in doc.blocks] == [1, 2, 3]
    assert doc.pages == 3


def test_section_breaks_start_new_pages_unless_continuous():
    from docx.enum.section import WD_SECTION

    d = new_document()
    d.add_paragraph("Sida ett.")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("Sida två.")
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("Fortfarande sida två.")
    doc = parse(to_bytes(d))
    assert [b.page for b in doc.blocks] == [1, 2, 2]
    assert doc.pages == 2


# --- comments -----------------------------------------------------------------------------------


def test_comments_attach_to_their_paragraph_with_anchor():
    d = new_document()
    d.add_paragraph("Inledning.")
    p = d.add_paragraph("I kommunen finns ")
    counted = p.add_run("1 240 elever")
    p.add_run(" i årskurs 7–9.")
    d.add_comment(
        counted,
        text="jamlint: ignorera JAM201 siffran gäller skolenheter, inte personer",
        author="Åsa Öberg",
    )
    doc = parse(to_bytes(d))
    assert block(doc, "Inledning.").comments == ()
    (comment,) = block(doc, "I kommunen finns 1 240 elever i årskurs 7–9.").comments
    assert comment.author == "Åsa Öberg"
    assert comment.text == "jamlint: ignorera JAM201 siffran gäller skolenheter, inte personer"
    assert comment.anchor == "1 240 elever"


def test_comment_spanning_paragraphs_attaches_once_to_where_it_starts():
    d = new_document()
    first = d.add_paragraph("Första.").runs[0]
    last = d.add_paragraph("Andra.").runs[0]
    d.add_comment([first, last], text="Se över.", author="Lena")
    doc = parse(to_bytes(d))
    assert [len(b.comments) for b in doc.blocks] == [1, 0]
    assert doc.blocks[0].comments[0].anchor == "Första."


def test_comment_in_table_cell_attaches_to_the_cell():
    d = new_document()
    t = d.add_table(rows=2, cols=1)
    t.cell(0, 0).text = "Antal brukare"
    t.cell(1, 0).text = "312"
    d.add_comment(t.cell(0, 0).paragraphs[0].runs[0], text="Kommentar i tabellen", author="A")
    doc = parse(to_bytes(d))
    assert block(doc, "Antal brukare").comments[0].text == "Kommentar i tabellen"
    assert doc.blocks[0].comments == ()


def test_point_comment_and_comment_before_a_table():
    d = new_document()
    d.add_paragraph("Stycke med en punktkommentar.")
    d.add_comment(d.paragraphs[-1].runs[0], text="Punkt", author="A")
    data = to_bytes(d)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        document_xml = zf.read("word/document.xml").decode("utf-8")
        comments_xml = zf.read("word/comments.xml").decode("utf-8")
    # the first comment keeps only its reference (no range); a second one starts before a table
    document_xml = re.sub(r"<w:commentRange(?:Start|End) [^>]*/>", "", document_xml)
    table = (
        '<w:commentRangeStart w:id="7"/><w:tbl><w:tr><w:tc>'
        f"{paragraph_xml(run_xml('Cell'))}</w:tc></w:tr></w:tbl>"
    )
    document_xml = document_xml.replace("<w:sectPr", table + "<w:sectPr", 1)
    comments_xml = comments_xml.replace(
        "</w:comments>",
        f'<w:comment w:id="7" w:author="B">{paragraph_xml(run_xml("Om tabellen"))}</w:comment>'
        "</w:comments>",
    )
    data = rewrite_zip(
        data,
        replace={
            "word/document.xml": document_xml.encode("utf-8"),
            "word/comments.xml": comments_xml.encode("utf-8"),
        },
    )
    doc = parse(data)
    assert [(c.author, c.text, c.anchor) for c in doc.blocks[0].comments] == [("A", "Punkt", "")]
    assert doc.blocks[1].kind is BlockKind.TABLE
    assert [c.text for c in doc.blocks[1].comments] == ["Om tabellen"]


# --- broken and hostile files -------------------------------------------------------------------


def _simple_docx() -> bytes:
    d = new_document()
    d.add_paragraph("Kort ärende om äldreomsorgen.")
    return to_bytes(d)


def test_truncated_file_is_unreadable():
    data = _simple_docx()
    with pytest.raises(DocumentError) as err:
        parse(data[: len(data) // 2])
    assert err.value.kind is ProblemKind.UNREADABLE
    assert "skadad eller ofullständig" in err.value.message


def test_not_a_zip_is_unreadable():
    with pytest.raises(DocumentError) as err:
        parse(b"PK\x03\x04 inte en riktig zip")
    assert err.value.kind is ProblemKind.UNREADABLE


def test_corrupted_member_data_is_unreadable():
    data = _simple_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    # the member's compressed data starts after its 30-byte local header, name and extra field
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    broken = bytearray(data)
    for i in range(start, start + 40):
        broken[i] ^= 0x5A
    with pytest.raises(DocumentError) as err:
        parse(bytes(broken))
    assert err.value.kind is ProblemKind.UNREADABLE


def test_missing_document_xml_is_unreadable():
    data = rewrite_zip(_simple_docx(), drop={"word/document.xml"})
    with pytest.raises(DocumentError) as err:
        parse(data)
    assert err.value.kind is ProblemKind.UNREADABLE
    assert "word/document.xml" in err.value.message


def test_highly_compressed_member_is_a_possible_zip_bomb():
    padding = b"\0" * (5 * 1024 * 1024)
    data = rewrite_zip(_simple_docx(), replace={"word/media/padding.bin": padding})
    with pytest.raises(DocumentError) as err:
        parse(data)
    assert err.value.kind is ProblemKind.UNREADABLE
    assert "zip-bomb" in err.value.message


def test_small_well_compressed_parts_are_fine():
    # 500 kB of repetitive XML compresses far beyond the ratio limit but stays under 1 MB
    padding = b"<w:p/>" * 80_000
    data = rewrite_zip(_simple_docx(), replace={"word/glossary.xml": padding})
    assert texts(parse(data)) == ["Kort ärende om äldreomsorgen."]


def test_total_unpacked_size_over_the_limit_is_refused():
    data = _simple_docx()
    with pytest.raises(DocumentError) as err:
        parse(data, Limits(max_uncompressed_bytes=10_000))
    assert err.value.kind is ProblemKind.UNREADABLE
    assert "zip-bomb" in err.value.message and "10 kB" in err.value.message


def test_archive_with_too_many_members_is_refused():
    members = {f"word/media/{i}.bin": b"" for i in range(10_001)}
    with pytest.raises(DocumentError) as err:
        parse(rewrite_zip(_simple_docx(), replace=members))
    assert err.value.kind is ProblemKind.UNREADABLE
    assert "zip-bomb" in err.value.message


def test_zip_level_encryption_is_reported_as_encrypted():
    data = bytearray(_simple_docx())
    entry = data.find(b"PK\x01\x02")  # the first central directory entry
    data[entry + 8] |= 0x01  # general purpose flag: encrypted
    with pytest.raises(DocumentError) as err:
        parse(bytes(data))
    assert err.value.kind is ProblemKind.ENCRYPTED


def test_office_file_that_is_not_word_is_unsupported():
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    data = zip_bytes(
        {
            "[Content_Types].xml": types.encode(),
            "_rels/.rels": rels.encode(),
            "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
        }
    )
    with pytest.raises(DocumentError) as err:
        parse(data)
    assert err.value.kind is ProblemKind.UNSUPPORTED


def test_word_template_is_read_like_a_docx():
    data = _simple_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = zf.read("[Content_Types].xml")
    types = types.replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
    )
    doc = parse(rewrite_zip(data, replace={"[Content_Types].xml": types}))
    assert texts(doc) == ["Kort ärende om äldreomsorgen."]


def test_the_input_file_is_not_modified(tmp_path):
    d = new_document()
    d.add_heading("Jämställdhet", 1)
    d.add_paragraph("Åtgärden gynnar både kvinnor och män.")
    path = tmp_path / "ärende.docx"
    d.save(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    data = path.read_bytes()
    copy = bytes(data)

    parse_docx(data, str(path), Limits())

    assert data == copy
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime


# --- properties ---------------------------------------------------------------------------------

_XML_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "Zs"),
        exclude_characters="\t\n\r\x0b\x0c\x85\u2028\u2029",
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=30, deadline=None)
@given(st.lists(_XML_TEXT, min_size=1, max_size=5))
def test_paragraph_text_round_trips(paragraphs):
    d = new_document()
    for text in paragraphs:
        d.add_paragraph(text)
    expected = [t.strip() for t in paragraphs if t.strip()]
    assert [b.text for b in parse(to_bytes(d)).blocks] == expected
