"""`annotate_file` on PDFs: a sticky note (text annotation) per finding, right above the flagged
text, appended as an incremental update so the original bytes stay as they were; jamlint's
earlier notes replaced, other people's kept."""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from jamlint.annotate import AnnotateError, annotate_file
from jamlint.annotate.pdf import get_string, squeeze
from jamlint.parsers.limits import Limits
from jamlint.parsers.load import load_document
from jamlint.parsers.sections import HeadingClassifier

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PDF_FILES = sorted(CORPUS.glob("*.pdf"))
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def notes(data: bytes) -> list[dict]:
    """Every text annotation: page, author, subject, contents, rect, and the page text that
    starts just below the note's bottom-left corner (where the flagged text should begin)."""
    pdf = pdfium.PdfDocument(data)
    out = []
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        for j in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, j)
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_TEXT:
                rect = pdfium_c.FS_RECTF()
                pdfium_c.FPDFAnnot_GetRect(annot, rect)
                at = pdfium_c.FPDFText_GetCharIndexAtPos(
                    textpage.raw, rect.left + 0.8, rect.bottom - 2.0, 1.0, 2.0
                )
                out.append(
                    {
                        "page": i + 1,
                        "author": get_string(pdfium_c, annot, "T"),
                        "code": get_string(pdfium_c, annot, "Subj"),
                        "contents": get_string(pdfium_c, annot, "Contents"),
                        "below": text[at : at + 400] if at >= 0 else "",
                    }
                )
            pdfium_c.FPDFPage_CloseAnnot(annot)
    pdf.close()
    return out


def _own(data: bytes) -> list[dict]:
    return [n for n in notes(data) if n["author"] == "jamlint"]


@pytest.fixture(scope="module")
def annotated(tmp_path_factory, linter):
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for source in PDF_FILES:
        local = folder / source.name
        shutil.copyfile(source, local)
        result = annotate_file(str(local), linter=linter, now=NOW)
        out[source.name] = (local, result, result.output.read_bytes())
    return out


@pytest.mark.parametrize("path", PDF_FILES, ids=lambda p: p.name)
def test_one_note_per_finding_right_above_the_flagged_text(annotated, path):
    local, result, out = annotated[path.name]
    assert result.output == local.with_name(local.stem + ".jamlint.pdf")
    mine = _own(out)
    assert Counter(n["code"] for n in mine) == Counter(f.code for f in result.findings)
    document = load_document(str(local), Limits(), HeadingClassifier.load({}))
    title = document.metadata.title  # document-level notes sit on the ärende title
    assert title
    wanted = Counter(squeeze(f.excerpt or title)[:12] for f in result.findings)
    found = Counter()
    for note in mine:
        below = squeeze(note["below"])
        # the longest excerpt the note's text starts with ("86 procent av eleverna", not "86
        # procent" of another finding)
        matches = [w for w in wanted if below.startswith(w)]
        if not matches:
            # an excerpt across a page break: its first words end the page's body text, and only
            # the page footer ("Sida 1 av 2") follows them (a number alone too: "där 37" / "Sida
            # 1 av 2" / "vårdnadshavare deltog")
            lines = note["below"].splitlines()
            head = squeeze(lines[0]) if lines else ""
            tail = squeeze(" ".join(lines[1:])).lower()
            if len(head) >= 2 and re.fullmatch(r"(?:sida\d+(?:av\d+)?|\d+(?:\(\d+\))?)?", tail):
                matches = [w for w in wanted if w.startswith(head)]
        if matches:
            found[max(matches, key=len)] += 1
    assert found == wanted
    assert all(n["contents"].startswith(n["code"] + " ") for n in mine)
    assert result.approximate == ()


@pytest.mark.parametrize("path", PDF_FILES, ids=lambda p: p.name)
def test_original_bytes_come_first_unchanged(annotated, path):
    local, _, out = annotated[path.name]
    assert local.read_bytes() == path.read_bytes()
    assert out.startswith(path.read_bytes())


def test_annotating_again_replaces_only_jamlints_notes(annotated, linter, tmp_path):
    _, result, out = annotated["ks-budget.pdf"]
    pdf = pdfium.PdfDocument(out)
    page = pdf[0]
    annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_TEXT)
    pdfium_c.FPDFAnnot_SetRect(annot, pdfium_c.FS_RECTF(left=50, top=70, right=70, bottom=50))
    for key, value in (("T", "Lena"), ("Contents", "Stämmer budgeten?")):
        raw = (value + "\x00").encode("utf-16-le")
        buffer = io.BytesIO(raw).getbuffer()
        pointer = (pdfium_c.FPDF_WCHAR * (len(raw) // 2)).from_buffer_copy(buffer)
        pdfium_c.FPDFAnnot_SetStringValue(annot, key.encode(), pointer)
    pdfium_c.FPDFPage_CloseAnnot(annot)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    first = tmp_path / "ks-budget.jamlint.pdf"
    first.write_bytes(buffer.getvalue())
    again = annotate_file(str(first), tmp_path / "igen.pdf", linter=linter, now=NOW)
    second = again.output.read_bytes()
    assert again.removed == len(result.findings)
    assert len(_own(second)) == len(result.findings)
    assert [n["contents"] for n in notes(second) if n["author"] == "Lena"] == ["Stämmer budgeten?"]


def test_a_scanned_pdf_cannot_be_annotated(linter, tmp_path):
    with pytest.raises(AnnotateError, match="textlager"):
        annotate_file(str(CORPUS / "bad" / "scanned.pdf"), tmp_path / "x.pdf", linter=linter)


def test_the_same_excerpt_twice_on_a_page_gets_a_note_at_each(linter, tmp_path):
    from tests.parsers.pdf_samples import CaseDocument

    pdf = CaseDocument(dnr="Dnr BUN 2024/12 40 elever")  # the excerpt in the running header too
    pdf.add_page()
    pdf.heading("Skolskjuts", size=16)
    pdf.paragraph(["Norrskolan har 40 elever som åker skolskjuts varje dag."])
    pdf.paragraph(["Söderskolan har också 40 elever som åker skolskjuts."])
    pdf.add_page()  # a second page makes the header a running header, left out of the text
    pdf.paragraph(["Nämnden beslutar om skolskjuts för nästa läsår."])
    source = tmp_path / "skjuts.pdf"
    source.write_bytes(pdf.to_bytes())
    result = annotate_file(str(source), linter=linter, now=NOW)
    assert [f.excerpt for f in result.findings if f.code == "JAM201"] == ["40 elever"] * 2
    below = sorted(
        n["below"][:40] for n in _own(result.output.read_bytes()) if n["code"] == "JAM201"
    )
    assert len(below) == 2 and all(b.startswith("40 elever som åker") for b in below)
    assert below[0] != below[1]  # one in each paragraph, none in the running header
    rects = _note_rects(result.output.read_bytes())
    assert len({round(bottom) for bottom in rects}) == 2


def _note_rects(data: bytes) -> list[float]:
    pdf = pdfium.PdfDocument(data)
    bottoms = []
    page = pdf[0]
    for j in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, j)
        if get_string(pdfium_c, annot, "Subj") == "JAM201":
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFAnnot_GetRect(annot, rect)
            bottoms.append(rect.bottom)
        pdfium_c.FPDFPage_CloseAnnot(annot)
    pdf.close()
    return bottoms
