"""Findings and results: what the engine produces and the reporters print.

The JSON output (`RunResult.to_json_dict`) is a public contract; change it only by adding fields.
"""

from __future__ import annotations

from collections import Counter
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict

from jamlint.model.document import DocFormat, Metadata


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, Enum):
    CONSEQUENCES = "consequences"
    STATISTICS = "statistics"
    LANGUAGE = "language"
    DOCUMENT = "document"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FindingLocation(_Frozen):
    page: int | None = None
    paragraph: int | None = None
    line: int | None = None
    column: int | None = None
    section: str | None = None


class Finding(_Frozen):
    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    location: FindingLocation = FindingLocation()
    excerpt: str = ""
    context: str = ""

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.line or 0, loc.column or 0, self.code, self.excerpt)


class RuleInfo(_Frozen):
    """What reporters may say about a rule: the user-facing side of its descriptor.

    Plain data, so that reporters (which import only the model) can describe rules, e.g. in
    SARIF's `tool.driver.rules`, without importing the engine.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    explanation: str = ""
    hint: str = ""
    references: tuple[str, ...] = ()


class FileStatus(str, Enum):
    OK = "ok"
    ERROR = "error"


class FileResult(_Frozen):
    path: str
    format: DocFormat = DocFormat.UNKNOWN
    status: FileStatus = FileStatus.OK
    error: str | None = None
    pages: int | None = None
    metadata: Metadata = Metadata()
    findings: tuple[Finding, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format.value,
            "status": self.status.value,
            "error": self.error,
            "pages": self.pages,
            "metadata": self.metadata.model_dump(mode="json"),
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }


class RunResult(_Frozen):
    version: str
    files: tuple[FileResult, ...] = ()

    def summary(self) -> dict[str, Any]:
        by_sev = Counter(f.severity.value for fr in self.files for f in fr.findings)
        by_code = Counter(f.code for fr in self.files for f in fr.findings)
        return {
            "files": len(self.files),
            "files_with_errors": sum(1 for fr in self.files if fr.status is FileStatus.ERROR),
            "files_with_findings": sum(1 for fr in self.files if fr.findings),
            "findings": sum(by_sev.values()),
            "by_severity": {s.value: by_sev.get(s.value, 0) for s in Severity},
            "by_code": dict(sorted(by_code.items())),
        }

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "jamlint": self.version,
            "files": [fr.to_json_dict() for fr in self.files],
            "summary": self.summary(),
        }
