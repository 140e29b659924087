"""The data that flows between jamlint's stages (documents, findings, results)."""

from jamlint.model.document import (
    Block,
    BlockKind,
    Comment,
    DocFormat,
    Document,
    Metadata,
    Section,
    SectionKind,
    Table,
)
from jamlint.model.finding import (
    Category,
    FileResult,
    FileStatus,
    Finding,
    FindingLocation,
    RunResult,
    Severity,
)

__all__ = [
    "Block",
    "BlockKind",
    "Category",
    "Comment",
    "DocFormat",
    "Document",
    "FileResult",
    "FileStatus",
    "Finding",
    "FindingLocation",
    "Metadata",
    "RunResult",
    "Section",
    "SectionKind",
    "Severity",
    "Table",
]
