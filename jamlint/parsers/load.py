"""From a path (or stdin) to a finished `Document`: read, detect, parse, number, sectionise.

This is the parser stage's one entry point. It reads input files read-only and never writes
to them; every problem with a file is raised as `DocumentError` for the caller to report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from jamlint.model import DocFormat, Document
from jamlint.model.layout import finalize
from jamlint.parsers.errors import DocumentError, ProblemKind
from jamlint.parsers.limits import Limits
from jamlint.parsers.sections import HeadingClassifier, sectionise

STDIN = "-"

Parser = Callable[[bytes, str, Limits], Document]


def _parser_for(fmt: DocFormat) -> Parser:
    """Look up the parser for a format; imports happen here so start-up stays light."""
    if fmt is DocFormat.DOCX:
        from jamlint.parsers.docx import parse_docx

        return parse_docx
    if fmt is DocFormat.PDF:
        from jamlint.parsers.pdf import parse_pdf

        return parse_pdf
    from jamlint.parsers.text import parse_text

    markdown = fmt is DocFormat.MARKDOWN
    return lambda data, path, limits: parse_text(data, path, limits, markdown=markdown)


def read_input(path: str, limits: Limits) -> bytes:
    """The bytes of `path` ("-" = standard input), opened read-only, within the size limit."""
    if path == STDIN:
        data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise DocumentError(ProblemKind.NOT_FOUND, f"Filen eller katalogen finns inte: {path}")
        if p.is_dir():
            raise DocumentError(ProblemKind.UNSUPPORTED, "Sökvägen är en katalog, inte en fil.")
        try:
            size = p.stat().st_size
            if size > limits.max_file_bytes:
                raise DocumentError(ProblemKind.TOO_LARGE, _too_large(size, limits))
            fd = os.open(p, os.O_RDONLY)
            with os.fdopen(fd, "rb") as fh:
                data = fh.read(limits.max_file_bytes + 1)
        except PermissionError:
            raise DocumentError(
                ProblemKind.UNREADABLE, "Filen kan inte läsas: behörighet saknas."
            ) from None
        except OSError as exc:
            raise DocumentError(
                ProblemKind.UNREADABLE, f"Filen kan inte läsas ({exc.strerror or exc})."
            ) from None
    if len(data) > limits.max_file_bytes:
        raise DocumentError(ProblemKind.TOO_LARGE, _too_large(len(data), limits))
    return data


def _too_large(size: int, limits: Limits) -> str:
    mb = size / (1024 * 1024)
    cap = limits.max_file_bytes / (1024 * 1024)
    return f"Filen är {mb:.0f} MB, större än gränsen {cap:.0f} MB."


def parse_bytes(
    data: bytes, path: str, limits: Limits, classifier: HeadingClassifier
) -> Document:
    """Detect the format of `data`, parse it and give it locations, sections and metadata."""
    from jamlint.parsers.detect import detect
    from jamlint.parsers.metadata import extract_metadata

    fmt = detect(data, path)
    raw = _parser_for(fmt)(data, path, limits)
    if raw.no_text_layer:
        return raw
    blocks = finalize(raw.blocks)
    if not any(b.text.strip() for b in blocks):
        raise DocumentError(
            ProblemKind.EMPTY, "Dokumentet innehåller ingen text att granska."
        )
    blocks, sections = sectionise(blocks, classifier)
    doc = raw.model_copy(update={"blocks": blocks, "sections": sections})
    return doc.model_copy(update={"metadata": extract_metadata(doc)})


def load_document(path: str, limits: Limits, classifier: HeadingClassifier) -> Document:
    return parse_bytes(read_input(path, limits), path, limits, classifier)
