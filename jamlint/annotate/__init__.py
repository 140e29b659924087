"""Findings back in the document: `jamlint annotate` writes a copy of a Word file with a review
comment on each flagged passage (a PDF gets sticky notes), for the case officer to work through
in Word itself. See `annotator.annotate_file`; `docx.py` and `pdf.py` do the writing.
"""

from jamlint.annotate.annotator import AnnotateResult, annotate_file, comment_paragraphs
from jamlint.annotate.output import AnnotateError, default_output

__all__ = [
    "AnnotateError",
    "AnnotateResult",
    "annotate_file",
    "comment_paragraphs",
    "default_output",
]
