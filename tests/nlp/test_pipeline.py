"""The pipeline as a whole: documents, block alignment, component contracts, start-up cost."""

from __future__ import annotations

import subprocess
import sys
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from jamlint.model import Block, BlockKind, DocFormat, Document, Table
from jamlint.model.layout import finalize
from jamlint.nlp import Pipeline
from jamlint.nlp.pipeline import PIPE_NAMES
from jamlint.nlp.types import AnnotatedDocument, Measure


def make_document(*blocks: Block) -> Document:
    return Document(path="x.docx", format=DocFormat.DOCX, blocks=finalize(blocks))


def sample_document() -> Document:
    table = Table(rows=(("", "Kvinnor", "Män"), ("Antal elever", "610", "630")), header_rows=1)
    return make_document(
        Block(kind=BlockKind.HEADING, text="Bakgrund", level=1),
        Block(kind=BlockKind.PARAGRAPH, text="I kommunen finns 1 240 elever. Man kan läsa mer."),
        Block(kind=BlockKind.LIST_ITEM, text="Hälften av eleverna är flickor."),
        Block(kind=BlockKind.TABLE, text="", table=table),
        Block(kind=BlockKind.TABLE_CELL, text="Kvinnor", row=0, col=1, is_header=True),
        Block(kind=BlockKind.TABLE_CELL, text="Män", row=0, col=2, is_header=True),
        Block(kind=BlockKind.TABLE_CELL, text="Antal elever", row=1, col=0),
        Block(kind=BlockKind.TABLE_CELL, text="610", row=1, col=1),
        Block(kind=BlockKind.HEADING, text="Jämställdhet", level=2),
        Block(kind=BlockKind.PARAGRAPH, text=""),
    )


def test_annotate_aligns_with_blocks(pipeline: Pipeline):
    document = sample_document()
    annotated = pipeline.annotate(document)
    assert isinstance(annotated, AnnotatedDocument)
    assert annotated.document is document
    assert len(annotated.blocks) == len(document.blocks)
    for block, ab in zip(document.blocks, annotated.blocks, strict=True):
        assert ab.block is block
        assert ab.doc.text == block.text
        for span in [*ab.sex_terms, *ab.people, *(q.span for q in ab.quantities)]:
            assert block.text[span.start : span.end] == span.text


def test_annotate_finds_things_in_every_kind_of_block(pipeline: Pipeline):
    blocks = pipeline.annotate(sample_document()).blocks
    paragraph, item, table, cell_women, cell_men = (
        blocks[1],
        blocks[2],
        blocks[3],
        blocks[4],
        blocks[5],
    )
    assert [q.excerpt.text for q in paragraph.quantities] == ["1 240 elever"]
    assert paragraph.sex_terms == ()  # "Man kan": the pronoun
    assert [q.excerpt.text for q in item.quantities] == ["Hälften av eleverna"]
    assert [s.text for s in cell_women.sex_terms] == ["Kvinnor"]
    assert [s.text for s in cell_men.sex_terms] == ["Män"]
    assert [s.text for s in table.sex_terms] == ["Kvinnor", "Män"]
    assert [s.span.text for s in table.sentences] == [
        "Kvinnor",
        "Män",
        "Antal elever",
        "610",
        "630",
    ]
    assert blocks[-1].sentences == () and blocks[-1].quantities == ()


def test_every_requirement_is_met(pipeline: Pipeline):
    analysis = pipeline.nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values())
    assert tuple(pipeline.nlp.pipe_names) == PIPE_NAMES
    assert pipeline.nlp.lang == "sv"


def test_one_pipeline_serves_many_documents(pipeline: Pipeline):
    """Build once, annotate many: the per-document cost is what a batch run pays."""
    document = sample_document()
    nlp_before = pipeline.nlp
    start = time.perf_counter()
    results = [pipeline.annotate(document) for _ in range(50)]
    elapsed = time.perf_counter() - start
    assert pipeline.nlp is nlp_before
    assert all(r.blocks[1].quantities[0].measure is Measure.PEOPLE for r in results)
    assert elapsed < 5.0  # generous: ~10 blocks × 50 documents


def test_importing_the_stage_does_not_import_spacy():
    code = "import sys, jamlint.nlp, jamlint.nlp.types; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


WORDS = st.sampled_from(
    [
        "elever", "Man", "man", "kvinnor", "män", "ca", "ca.", "drygt", "procent", "%", "av",
        "de", "hälften", "var", "tredje", "ett", "tjugotal", "kr.", "t.ex.", "kap.", "§", "år",
        "2023", "1", "240", "12", "000", "3,5", "7–9", "KS", "2024/0123", "Dnr", "|", "\n",
        "\n\n", "•", "-", ".", ",", "Andelen", "sjukfrånvaron", "oavsett", "kön", "Malmöborna",
        "\u00a0", "mars", "den", "3", "tabell", "se",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from([" ", "", "  "]))
def test_any_text_gives_consistent_spans(pipeline: Pipeline, words, sep):
    text = sep.join(words)
    block = pipeline.annotate_text(text)
    spans = [s.span for s in block.sentences] + list(block.sex_terms) + list(block.people)
    for q in block.quantities:
        spans += [q.span, q.excerpt] + ([q.unit] if q.unit else [])
        assert q.excerpt.start <= q.span.start and q.span.end <= q.excerpt.end
    spans += [s for group in block.phrases.values() for s in group]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


def test_long_blocks_are_accepted(pipeline: Pipeline):
    assert pipeline.nlp.max_length >= 10_000_000
