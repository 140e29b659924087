"""Every Word document of the corpus annotated: one comment per finding at the flagged text, the
input untouched, untouched parts byte for byte, no duplicates when annotated again, and
LibreOffice opens every copy and finds every comment."""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jamlint.annotate import annotate_file
from jamlint.model import BlockKind
from jamlint.parsers.limits import Limits
from jamlint.parsers.load import load_document
from jamlint.parsers.sections import HeadingClassifier

from .annotated import anchored_texts, members, own, squash

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
# wrong-extension.pdf is a Word file with the wrong name: annotated as what it is
WORD_FILES = sorted(CORPUS.glob("*.docx")) + [CORPUS / "bad" / "wrong-extension.pdf"]
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
COMMENT_MEMBERS = {
    "word/document.xml",
    "word/comments.xml",
    "[Content_Types].xml",
    "word/_rels/document.xml.rels",
}


@pytest.fixture(scope="module")
def annotated(tmp_path_factory, linter):
    """name -> (source, hash before, result, annotated bytes), all written to one folder."""
    folder = tmp_path_factory.mktemp("corpus")
    out = {}
    for source in WORD_FILES:
        local = folder / source.name
        shutil.copyfile(source, local)
        before = hashlib.sha256(source.read_bytes()).hexdigest()
        result = annotate_file(str(local), linter=linter, now=NOW)
        assert hashlib.sha256(local.read_bytes()).hexdigest() == before
        out[source.name] = (local, before, result, result.output.read_bytes())
    return out


def _expected(path: Path, findings) -> Counter:
    """(code, text the comment must cover): the excerpt, or for a finding without one the
    whole block it is located at (the title or first heading for document findings)."""
    document = load_document(str(path), Limits(), HeadingClassifier.load({}))
    expected = Counter()
    for f in findings:
        text = f.excerpt
        if not text:
            title = next(
                (b for b in document.blocks if b.kind is BlockKind.HEADING), document.blocks[0]
            )
            line = f.location.line or title.line
            block = next(
                b for b in document.blocks if b.kind is not BlockKind.TABLE_CELL and b.line == line
            )
            text = block.text
        expected[(f.code, squash(text))] += 1
    return expected


def _anchored(data: bytes) -> Counter:
    texts = anchored_texts(data)
    return Counter((c.text.split()[0], texts.get(c.id)) for c in own(data))


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name)
def test_one_comment_per_finding_at_the_flagged_text(annotated, path):
    local, _, result, out = annotated[path.name]
    assert len(own(out)) == len(result.findings)
    assert _anchored(out) == _expected(local, result.findings)
    assert result.approximate == ()


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name)
def test_input_unchanged_and_untouched_members_identical(annotated, path):
    _, before, _, out = annotated[path.name]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    original, copy = members(path.read_bytes()), members(out)
    for name, payload in original.items():
        if name not in COMMENT_MEMBERS:
            assert copy[name] == payload, name
    assert set(copy) - set(original) <= {"word/comments.xml"}


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name)
def test_annotating_the_copy_again_gives_no_duplicates(annotated, path, linter, tmp_path):
    _, _, result, out = annotated[path.name]
    first = tmp_path / "kopia.jamlint.docx"
    first.write_bytes(out)
    again = annotate_file(str(first), tmp_path / "igen.docx", linter=linter, now=NOW)
    second = again.output.read_bytes()
    assert again.removed == len(result.findings)
    assert _anchored(second) == _anchored(out)


def test_libreoffice_opens_every_copy_and_sees_every_comment(annotated, soffice, tmp_path):
    from .annotated import libreoffice_notes

    copies = []
    for name, (_, _, _, out) in annotated.items():
        copy = tmp_path / (Path(name).stem + ".docx")
        copy.write_bytes(out)
        copies.append(copy)
    notes = libreoffice_notes(soffice, copies, tmp_path / "pdf")
    for name, (_, _, result, _) in annotated.items():
        seen = Counter(n.split()[0] for n in notes[Path(name).stem] if n.split())
        assert seen == Counter(f.code for f in result.findings), name


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name)
def test_rewritten_parts_change_only_where_comments_go(path):
    """The XML parts that get comments are re-serialised; unchanged, that is byte for byte."""
    from jamlint.annotate.docx import _parse, _serialize

    for name, payload in members(path.read_bytes()).items():
        if name in COMMENT_MEMBERS:
            assert _serialize(_parse(payload), payload) == payload, name
