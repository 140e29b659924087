"""`annotate_file` on small Word files built here: one comment per finding on exactly the flagged
text — across run boundaries, in tracked insertions, hyperlinks, fields, content controls and
table cells — people's comments and suppressions respected, re-annotation without duplicates,
and every untouched part of the file byte for byte as it was."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from datetime import UTC, datetime

import docx
import pytest
from lxml import etree

from jamlint.annotate import AnnotateError, annotate_file
from tests.parsers.docx_builders import (
    add_part,
    append_xml,
    new_document,
    paragraph_xml,
    run_xml,
    to_bytes,
)

from .annotated import (
    W,
    anchored_texts,
    comments,
    document_xml,
    marker_ids,
    member_names,
    members,
    own,
)

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
TITLE = "Skolskjuts för elever i årskurs 7–9"
SUPPRESSION = "jamlint: ignorera JAM201 siffran gäller skolenheter, inte personer"
TRACKED = '<w:{tag} w:id="{id}" w:author="Per" w:date="2024-01-01T00:00:00Z">{inner}</w:{tag}>'


def _draft() -> bytes:
    """A case document with statistics written every awkward way Word can write them."""
    d = new_document()
    d.add_heading(TITLE, 1)
    p = d.add_paragraph("I kommunen går 1 2")  # the statistic spans three runs, one bold
    p.add_run("40 ele").bold = True
    p.add_run("ver i årskurs 7–9.")
    d.add_comment(p.runs[0], text="Kolla siffran med skolan.", author="Lena")
    inserted = TRACKED.format(tag="ins", id=901, inner=run_xml("tolv medarbetare"))
    deleted = TRACKED.format(
        tag="del", id=902, inner="<w:r><w:delText>300 elever</w:delText></w:r>"
    )
    append_xml(
        d,
        paragraph_xml(
            run_xml("Förvaltningen har anställt ") + inserted + deleted + run_xml(" under året.")
        ),
    )
    append_xml(
        d,
        paragraph_xml(
            run_xml("Enligt ")
            + '<w:hyperlink w:anchor="scb">'
            + run_xml("SCB bor 5 000 invånare")
            + "</w:hyperlink>"
            + run_xml(" i tätorten.")
        ),
    )
    append_xml(
        d,
        paragraph_xml(
            run_xml("Totalt deltog ")
            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Antal </w:instrText></w:r>'
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + run_xml("85 deltagare")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            + run_xml(" i dialogen.")
        ),
    )
    append_xml(
        d,
        paragraph_xml(
            run_xml("Boendet har ") + '<w:sdt><w:sdtPr><w:alias w:val="Antal"/></w:sdtPr>'
            "<w:sdtContent>"
            + run_xml("40 brukare")
            + "</w:sdtContent></w:sdt>"
            + run_xml(" med insatser.")
        ),
    )
    table = d.add_table(rows=3, cols=2)
    cells = {
        (0, 0): "Skola",
        (0, 1): "Antal elever",
        (1, 0): "Norrskolan",
        (1, 1): "312",
        (2, 0): "Söderskolan",
        (2, 1): "280",
    }
    for (row, col), text in cells.items():
        table.cell(row, col).text = text
    q = d.add_paragraph("Vi har ")
    suppressed = q.add_run("120 elever")
    q.add_run(" i gymnasiet.")
    d.add_comment(suppressed, text=SUPPRESSION, author="Åsa Öberg")
    return to_bytes(d)


EXPECTED = Counter(
    {
        ("JAM101", TITLE): 1,  # document-level: on the title
        ("JAM106", TITLE): 1,
        ("JAM201", "1 240 elever"): 1,
        ("JAM201", "tolv medarbetare"): 1,
        ("JAM201", "5 000 invånare"): 1,
        ("JAM201", "85 deltagare"): 1,
        ("JAM201", "40 brukare"): 1,
        ("JAM202", "Antal elever"): 1,
    }
)


@pytest.fixture(scope="module")
def run(tmp_path_factory, linter):
    folder = tmp_path_factory.mktemp("annotate")
    source = folder / "utkast.docx"
    source.write_bytes(_draft())
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    result = annotate_file(str(source), linter=linter, now=NOW)
    return source, before, result, result.output.read_bytes()


def _anchored(data: bytes) -> Counter:
    texts = anchored_texts(data)
    return Counter((c.text.split()[0], texts.get(c.id)) for c in own(data))


def test_every_finding_gets_one_comment_on_exactly_the_flagged_text(run):
    _, _, result, out = run
    assert Counter((f.code, f.excerpt or TITLE) for f in result.findings) == EXPECTED
    assert _anchored(out) == EXPECTED
    assert len(result.placed) == len(EXPECTED) and result.approximate == ()


def test_default_output_beside_the_input_and_input_unchanged(run):
    source, before, result, _ = run
    assert result.output == source.with_name("utkast.jamlint.docx")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert [p.name for p in source.parent.iterdir() if p.name.startswith(".~jamlint")] == []


def test_comment_text_author_and_hint(run, linter):
    _, _, _, out = run
    hint = linter.rules.get("JAM201").descriptor.hint
    (first, *_) = [c for c in own(out) if c.text.startswith("JAM201")]
    assert first.initials == "JL"
    assert first.text == (
        "JAM201 Statistiken gäller personer men redovisas inte uppdelad på kön.\n"
        f"Skriv i stället: {' '.join(hint.split())}"
    )


def test_python_docx_opens_the_copy_and_reads_the_comments(run):
    _, _, _, out = run
    document = docx.Document(io.BytesIO(out))
    by_author = Counter(c.author for c in document.comments)
    assert by_author == Counter({"jamlint": len(EXPECTED), "Lena": 1, "Åsa Öberg": 1})
    assert all(c.initials == "JL" for c in document.comments if c.author == "jamlint")


def test_split_runs_keep_their_formatting(run):
    _, _, _, out = run
    body = document_xml(out)
    runs = {"".join(t.text or "" for t in r.iter(W + "t")): r for r in body.iter(W + "r")}
    assert runs["40 ele"].find(f"{W}rPr/{W}b") is not None
    assert runs["1 2"].find(f"{W}rPr/{W}b") is None
    assert runs["ver"].find(f"{W}rPr/{W}b") is None  # "ver i årskurs" was split after "ver"


def _reference_parents(out: bytes) -> dict[str, str]:
    body = document_xml(out)
    return {
        ref.get(W + "id"): etree.QName(ref.getparent().getparent()).localname
        for ref in body.iter(W + "commentReference")
    }


def test_references_stand_outside_tracked_changes_links_and_controls(run):
    _, _, _, out = run
    texts = anchored_texts(out)
    ids = {texts[c.id]: c.id for c in own(out)}
    parents = _reference_parents(out)
    for excerpt in ("tolv medarbetare", "5 000 invånare", "40 brukare", "85 deltagare"):
        assert parents[ids[excerpt]] == "p", excerpt


def test_reference_comes_after_the_field_it_was_in(run):
    _, _, _, out = run
    body = document_xml(out)
    texts = anchored_texts(out)
    cid = next(c.id for c in own(out) if texts[c.id] == "85 deltagare")
    ref = next(r for r in body.iter(W + "commentReference") if r.get(W + "id") == cid)
    before = [
        e.get(W + "fldCharType")
        for e in ref.getparent().itersiblings(preceding=True)
        for e in e.iter(W + "fldChar")
    ]
    assert before[0] == "end"  # the nearest field character before the reference closes it


def test_deleted_text_is_neither_flagged_nor_anchored(run):
    _, _, result, out = run
    assert "300 elever" not in {f.excerpt for f in result.findings}
    assert all("300" not in text for text in anchored_texts(out).values())


def test_table_finding_sits_in_its_cell(run):
    _, _, _, out = run
    body = document_xml(out)
    texts = anchored_texts(out)
    cid = next(c.id for c in own(out) if c.text.startswith("JAM202"))
    start = next(s for s in body.iter(W + "commentRangeStart") if s.get(W + "id") == cid)
    cell = next(start.iterancestors(W + "tc"))
    assert "".join(t.text for t in cell.iter(W + "t")) == "Antal elever" == texts[cid]


def test_peoples_comments_and_their_anchors_are_kept(run):
    source, _, _, out = run
    original = source.read_bytes()
    theirs = [c for c in comments(out) if c.author != "jamlint"]
    assert theirs == comments(original)
    before, after = anchored_texts(original), anchored_texts(out)
    assert {c.id: after[c.id] for c in theirs} == before


def test_a_justified_suppression_comment_keeps_the_finding_out(run):
    _, _, result, out = run
    assert "120 elever" not in {f.excerpt for f in result.findings}
    assert SUPPRESSION in {c.text for c in comments(out)}


def test_markers_and_comments_match_one_to_one(run):
    _, _, _, out = run
    ids = sorted(c.id for c in comments(out))
    markers = marker_ids(out)
    assert sorted(markers["commentRangeStart"]) == ids
    assert sorted(markers["commentRangeEnd"]) == ids
    assert sorted(markers["commentReference"]) == ids


def test_untouched_members_are_byte_identical_and_in_order(run):
    source, _, _, out = run
    before, after = members(source.read_bytes()), members(out)
    assert member_names(out) == member_names(source.read_bytes())  # comments part existed
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"word/document.xml", "word/comments.xml"}


def test_annotating_again_replaces_jamlints_comments_only(run, linter, tmp_path):
    _, _, _, out = run
    first = tmp_path / "forsta.jamlint.docx"
    first.write_bytes(out)
    again = annotate_file(str(first), tmp_path / "andra.docx", linter=linter, now=NOW)
    second = again.output.read_bytes()
    assert again.removed == len(EXPECTED)
    assert _anchored(second) == EXPECTED
    assert [c for c in comments(second) if c.author != "jamlint"] == [
        c for c in comments(out) if c.author != "jamlint"
    ]
    markers = marker_ids(second)
    assert sorted(markers["commentReference"]) == sorted(c.id for c in comments(second))
    third = annotate_file(str(again.output), tmp_path / "tredje.docx", linter=linter, now=NOW)
    assert third.output.read_bytes() == second  # a fixed point: nothing piles up


def test_a_file_without_comments_gets_a_comments_part(tmp_path, linter):
    d = new_document()
    d.add_heading("Fritidsgårdar", 1)
    d.add_paragraph("Fritidsgårdarna hade 420 besökare per vecka.")
    source = tmp_path / "ny.docx"
    source.write_bytes(to_bytes(d))
    result = annotate_file(str(source), linter=linter, now=NOW)
    out = result.output.read_bytes()
    before, after = members(source.read_bytes()), members(out)
    assert member_names(out) == member_names(source.read_bytes()) + ["word/comments.xml"]
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}
    assert b"wordprocessingml.comments+xml" in after["[Content_Types].xml"]
    assert ("JAM201", "420 besökare") in _anchored(out)
    assert len(docx.Document(io.BytesIO(out)).comments) == len(result.findings)


def test_no_findings_means_an_unchanged_copy(tmp_path, linter):
    d = new_document()
    d.add_heading("Belysning", 1)
    d.add_paragraph("Nämnden byter armaturer längs gång- och cykelvägen.")
    d.add_heading("Jämställdhet", 2)
    d.add_paragraph(
        "Kvinnor upplever i högre grad än män otrygghet i mörker (SCB 2023), och bättre "
        "belysning minskar den skillnaden. Äldre kvinnor och kvinnor med funktionsnedsättning "
        "går oftare än män, och förslaget bidrar till det jämställdhetspolitiska delmålet om "
        "mäns våld mot kvinnor."
    )
    source = tmp_path / "ren.docx"
    source.write_bytes(to_bytes(d))
    result = annotate_file(str(source), linter=linter, now=NOW)
    assert result.findings == ()
    assert result.output.read_bytes() == source.read_bytes()


def test_word_bookkeeping_of_earlier_comments_is_cleaned_up(run, linter, tmp_path):
    """A copy that Word has saved keeps comment state in commentsExtended (and ids in
    commentsIds): jamlint's old entries go, a person's reply to one of them stays, unparented."""
    _, _, _, out = run
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    parts = members(out)
    root = etree.fromstring(parts["word/comments.xml"])
    mine = [c for c in root.iter(W + "comment") if c.get(W + "author") == "jamlint"]
    for n, c in enumerate(mine):
        c.find(W + "p").set(f"{{{w14}}}paraId", f"0000AA{n:02X}")
    reply = etree.fromstring(
        f'<w:comment xmlns:w="{W[1:-1]}" xmlns:w14="{w14}" w:id="990" w:author="Lena">'
        '<w:p w14:paraId="0000BB01"><w:r><w:t>Stämmer, vi rättar.</w:t></w:r></w:p>'
        "</w:comment>"
    )
    root.append(reply)
    entries = "".join(
        f'<w15:commentEx w15:paraId="0000AA{n:02X}" w15:done="0"/>' for n in range(len(mine))
    )
    entries += '<w15:commentEx w15:paraId="0000BB01" w15:paraIdParent="0000AA00" w15:done="0"/>'
    extended = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w15:commentsEx xmlns:w15="{w15}">{entries}</w15:commentsEx>'
    )
    from tests.parsers.docx_builders import rewrite_zip

    data = rewrite_zip(out, replace={"word/comments.xml": etree.tostring(root)})
    data = add_part(
        data,
        "word/commentsExtended.xml",
        extended,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    )
    saved = tmp_path / "sparad.docx"
    saved.write_bytes(data)
    result = annotate_file(str(saved), tmp_path / "igen.docx", linter=linter, now=NOW)
    after = members(result.output.read_bytes())
    ex = etree.fromstring(after["word/commentsExtended.xml"])
    left = [
        (e.get(f"{{{w15}}}paraId"), e.get(f"{{{w15}}}paraIdParent"))
        for e in ex.iter(f"{{{w15}}}commentEx")
    ]
    assert left == [("0000BB01", None)]
    assert "Stämmer, vi rättar." in {c.text for c in comments(result.output.read_bytes())}


def test_output_rules(tmp_path, linter):
    source = tmp_path / "utkast.docx"
    source.write_bytes(_draft())
    with pytest.raises(AnnotateError, match="samma fil som originalet"):
        annotate_file(str(source), source, linter=linter)
    annotated = tmp_path / "utkast.jamlint.docx"
    annotated.write_bytes(source.read_bytes())
    with pytest.raises(AnnotateError, match="-o"):
        annotate_file(str(annotated), linter=linter)  # would be its own default output
    with pytest.raises(AnnotateError, match="katalog"):
        annotate_file(str(source), tmp_path, linter=linter)
    with pytest.raises(AnnotateError, match="finns inte"):
        annotate_file(str(source), tmp_path / "saknas" / "x.docx", linter=linter)
    text = tmp_path / "utkast.txt"
    text.write_text("Vi har 120 elever.\n", encoding="utf-8")
    with pytest.raises(AnnotateError, match="jamlint check"):
        annotate_file(str(text), linter=linter)
    with pytest.raises(AnnotateError, match="finns inte"):
        annotate_file(str(tmp_path / "borta.docx"), linter=linter)


def test_an_existing_output_is_replaced_whole(tmp_path, linter):
    source = tmp_path / "utkast.docx"
    source.write_bytes(_draft())
    target = tmp_path / "ut.docx"
    target.write_bytes(b"gammalt")
    annotate_file(str(source), target, linter=linter, now=NOW)
    assert _anchored(target.read_bytes()) == EXPECTED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ut.docx", "utkast.docx"]


def test_libreoffice_opens_the_copy(run, soffice, tmp_path):
    from .annotated import libreoffice_notes

    _, _, _, out = run
    copy = tmp_path / "kopia.docx"
    copy.write_bytes(out)
    notes = libreoffice_notes(soffice, [copy], tmp_path)["kopia"]
    codes = Counter(n.split()[0] for n in notes if n.split() and n.split()[0].startswith("JAM"))
    assert codes == Counter(code for code, _ in EXPECTED.elements())


def test_the_same_excerpt_twice_in_a_paragraph_gets_a_comment_at_each(tmp_path, linter):
    d = new_document()
    d.add_heading("Skolskjuts", 1)
    d.add_paragraph("Norrskolan har 40 elever i kö och Söderskolan har 40 elever i kö.")
    source = tmp_path / "dubbel.docx"
    source.write_bytes(to_bytes(d))
    result = annotate_file(str(source), linter=linter, now=NOW)
    assert [f.excerpt for f in result.findings if f.code == "JAM201"] == ["40 elever"] * 2
    out = result.output.read_bytes()
    body = document_xml(out)
    texts = anchored_texts(out)
    before = []
    for start in body.iter(W + "commentRangeStart"):
        if texts[start.get(W + "id")] != "40 elever":
            continue
        preceding = [r for r in start.itersiblings(preceding=True) if r.tag == W + "r"]
        before.append("".join(t.text or "" for r in reversed(preceding) for t in r.iter(W + "t")))
    assert sorted(before) == [
        "Norrskolan har ",
        "Norrskolan har 40 elever i kö och Söderskolan har ",
    ]


def test_a_suppression_without_a_reason_is_itself_flagged_where_it_sits(tmp_path, linter):
    d = new_document()
    d.add_heading("Gymnasiet", 1)
    p = d.add_paragraph("Vi har ")
    statistic = p.add_run("120 elever")
    p.add_run(" i gymnasiet.")
    d.add_comment(statistic, text="jamlint: ignorera JAM201", author="Åsa Öberg")
    source = tmp_path / "utan-motivering.docx"
    source.write_bytes(to_bytes(d))
    result = annotate_file(str(source), linter=linter, now=NOW)
    anchored = _anchored(result.output.read_bytes())
    assert anchored[("JAM201", "120 elever")] == 1  # the suppression does not apply
    assert anchored[("JAM909", "120 elever")] == 1
