"""Text from documents, made safe for a spreadsheet cell (shared by every CSV writer)."""

from __future__ import annotations

# Excel runs a cell that starts with one of these as a formula. Text taken from a document
# (paths, titles, section names, excerpts) is shared in reports, so it is never left able to.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """A leading apostrophe keeps document text a text cell in Excel."""
    return "'" + value if value.startswith(FORMULA_START) else value
