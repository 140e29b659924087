"""`annotate_file`: lint one Word or PDF document and write a copy with the findings in it.

The document is parsed and linted here (through `Linter.lint_document`, so configuration,
selection, severities and suppressions — the sidecar file and people's "jamlint: ignorera …"
Word comments — apply exactly as in `jamlint check`), keeping the parsed `Document` so that every
finding can be traced back to its block and, through `Block.source`, to the file's own XML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jamlint.annotate.locate import Anchor, locate
from jamlint.annotate.messages import ERR_PDF_SCAN, ERR_STDIN, ERR_TEXT_FORMAT, HINT_PREFIX
from jamlint.annotate.output import AnnotateError, check_output, default_output, write_atomically
from jamlint.api import Linter
from jamlint.model import DocFormat, Document, Finding
from jamlint.parsers.errors import DocumentError
from jamlint.parsers.load import STDIN, read_input


@dataclass(frozen=True)
class AnnotateResult:
    """What one `annotate_file` call wrote."""

    path: str
    output: Path
    format: DocFormat
    findings: tuple[Finding, ...]
    placed: tuple[Anchor, ...]  # comments on the flagged text itself
    approximate: tuple[Anchor, ...]  # excerpt not found in the file: comment on its paragraph
    removed: int  # jamlint's own comments from an earlier run, replaced

    @property
    def notes(self) -> int:
        return len(self.placed) + len(self.approximate)


def annotate_file(
    path: str,
    output: str | Path | None = None,
    linter: Linter | None = None,
    now: datetime | None = None,
) -> AnnotateResult:
    """Write an annotated copy of `path` (default `<name>.jamlint.<ext>` beside it).

    Raises `AnnotateError` (a Swedish message) for a file that cannot be read, is not a Word
    or PDF document, or whose copy cannot be written; the input itself is only ever read.
    """
    if path == STDIN:
        raise AnnotateError(ERR_STDIN)
    linter = linter or Linter()
    data, document = _read(path, linter)
    if document.format not in (DocFormat.DOCX, DocFormat.PDF):
        raise AnnotateError(ERR_TEXT_FORMAT.format(path=path))
    if document.no_text_layer:
        raise AnnotateError(ERR_PDF_SCAN.format(path=path))
    target = Path(output) if output is not None else default_output(Path(path), document.format)
    check_output(Path(path), target)
    result = linter.lint_document(document, path)
    hints = {code: rule.descriptor.hint for code, rule in linter.rules.by_code().items()}
    anchors = []
    for finding in result.findings:
        anchor = locate(document, finding, comment_paragraphs(finding, hints.get(finding.code)))
        if anchor is not None:
            anchors.append(anchor)
    now = now or datetime.now(UTC)
    if document.format is DocFormat.DOCX:
        from jamlint.annotate.docx import annotate_docx

        written = annotate_docx(data, anchors, now)
    else:
        from jamlint.annotate.pdf import annotate_pdf

        written = annotate_pdf(data, document, anchors, now)
    write_atomically(target, written.data)
    return AnnotateResult(
        path=path,
        output=target,
        format=document.format,
        findings=result.findings,
        placed=written.placed,
        approximate=written.approximate,
        removed=written.removed,
    )


def comment_paragraphs(finding: Finding, hint: str | None) -> tuple[str, ...]:
    """The comment's text: the code and the Swedish message, then what to write instead."""
    first = f"{finding.code} {' '.join(finding.message.split())}"
    return (first, HINT_PREFIX + " ".join(hint.split())) if hint else (first,)


def _read(path: str, linter: Linter) -> tuple[bytes, Document]:
    try:
        data = read_input(path, linter.limits)
        return data, linter.parse(data, path)
    except DocumentError as exc:
        raise AnnotateError(f"{path}: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file: say so, as `check` does
        raise AnnotateError(
            f"{path}: Filen kunde inte tolkas ({type(exc).__name__}: {exc})."
        ) from None
