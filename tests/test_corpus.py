"""The corpus golden test: `jamlint check corpus/` reports exactly the hand-written findings.

Every corpus document has `<stem>.expected.yaml`, written by a person. The comparison is on
(code, excerpt) multisets; what is missing and what is unexpected are reported separately.
"""

from collections import Counter
from pathlib import Path

import pytest

from jamlint.testing import compare, corpus_documents, load_expected, load_known_gaps

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCS = corpus_documents(CORPUS)


def test_corpus_is_large_enough():
    stems = {d.name.split(".")[0] for d, _ in DOCS if d.parent == CORPUS}
    assert len(stems) >= 20


@pytest.mark.parametrize(
    ("doc", "expected"), DOCS, ids=[str(d.relative_to(CORPUS)) for d, _ in DOCS]
)
def test_corpus_document(rule_tester, doc, expected):
    result = rule_tester.linter.lint_file(str(doc))
    got = Counter((f.code, f.excerpt) for f in result.findings)
    missing, unexpected = compare(load_expected(expected), got)
    gaps = load_known_gaps(expected)
    found_gaps = gaps - missing  # known gaps that are now reported
    missing -= gaps
    lines = []
    if found_gaps:
        lines.append(
            "hittas nu (ta bort known-gap): "
            + ", ".join(f"{c} «{e}»" for c, e in sorted(found_gaps.elements()))
        )
    if missing:
        lines.append("saknas: " + ", ".join(f"{c} «{e}»" for c, e in sorted(missing.elements())))
    if unexpected:
        lines.append(
            "oväntade: " + ", ".join(f"{c} «{e}»" for c, e in sorted(unexpected.elements()))
        )
    assert not lines, f"{doc.name}\n" + "\n".join(lines)
