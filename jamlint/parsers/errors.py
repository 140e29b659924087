"""Document-level problems a parser can meet, each with a stable kind and a Swedish message.

A parser raises `DocumentError`; the API turns it into a `document`-category finding for that
file (the run goes on). The kind decides the rule code (see `rules/document/`).
"""

from __future__ import annotations

from enum import Enum


class ProblemKind(str, Enum):
    NOT_FOUND = "not_found"  # JAM900
    UNREADABLE = "unreadable"  # JAM901: corrupt/truncated file, zip bomb, I/O error
    UNSUPPORTED = "unsupported"  # JAM902: .doc, .odt, images, anything not docx/pdf/text
    ENCRYPTED = "encrypted"  # JAM903: password-protected docx, encrypted PDF
    NO_TEXT_LAYER = "no_text_layer"  # JAM904: scanned PDF
    EMPTY = "empty"  # JAM905: zero bytes, or no text at all
    TOO_LARGE = "too_large"  # JAM906: over a size or page limit
    ENCODING = "encoding"  # JAM907: text in an encoding that cannot be recognised
    NO_DOCUMENTS = "no_documents"  # JAM910: a directory with no file jamlint can read


class DocumentError(Exception):
    """A file that cannot be linted. `message` is Swedish and says what to do about it."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
