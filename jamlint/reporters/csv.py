"""CSV for spreadsheets: one row per finding, made for Swedish Excel.

UTF-8 with a byte-order mark (without it Excel reads å ä ö as Windows-1252), `;` as separator
(Swedish Excel uses `,` as the decimal comma and expects `;`), `\\r\\n` line endings, quoting by
the csv module, and a Swedish header row. Files without findings give no rows; a file that could
not be read gives the row of its JAM9xx finding.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from jamlint.model import FileResult, FileStatus, Finding, RunResult
from jamlint.model.spreadsheet import text_cell

BOM = "\ufeff"
HEADER = (
    "fil",
    "format",
    "status",
    "sida",
    "stycke",
    "rad",
    "kolumn",
    "avsnitt",
    "kod",
    "namn",
    "kategori",
    "grad",
    "meddelande",
    "utdrag",
    "sammanhang",
)


def render(result: RunResult, out: TextIO, options) -> None:
    # the BOM must be the very first character: the CLI opens --output files as plain UTF-8
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(result))


def rows(result: RunResult) -> Iterator[list[str]]:
    for fr in result.files:
        for f in fr.findings:
            yield _finding_row(fr, f)
        if fr.status is FileStatus.ERROR and not fr.findings:
            # the file's JAM9xx rule may be switched off; the file still gets its row
            yield _file_row(fr) + ["", "", "", "", fr.error or "Filen kunde inte läsas.", "", ""]


def _file_row(fr: FileResult) -> list[str]:
    return [text_cell(fr.path), fr.format.value, fr.status.value, "", "", "", "", ""]


def _finding_row(fr: FileResult, f: Finding) -> list[str]:
    loc = f.location
    return [
        text_cell(fr.path),
        fr.format.value,
        fr.status.value,
        _cell(loc.page),
        _cell(loc.paragraph),
        _cell(loc.line),
        _cell(loc.column),
        text_cell(loc.section or ""),
        f.code,
        f.name,
        f.category.value,
        f.severity.value,
        f.message,
        text_cell(f.excerpt),
        text_cell(f.context),
    ]




def _cell(value: int | None) -> str:
    return "" if value is None else str(value)
