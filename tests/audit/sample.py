"""Hand-built findings and results for the audit tests (no parsing, no NLP)."""

from __future__ import annotations

from jamlint.model import (
    Category,
    DocFormat,
    FileResult,
    FileStatus,
    Finding,
    FindingLocation,
    Metadata,
    RunResult,
    Severity,
)

CATEGORY_OF = {"1": Category.CONSEQUENCES, "2": Category.STATISTICS, "9": Category.DOCUMENT}
DEFAULT_SEVERITY = {
    "JAM103": Severity.WARNING,
    "JAM106": Severity.WARNING,
    "JAM107": Severity.INFO,
    "JAM108": Severity.INFO,
    "JAM203": Severity.INFO,
}


def finding(
    code: str,
    severity: Severity | None = None,
    line: int = 1,
    page: int | None = None,
    excerpt: str = "",
    message: str | None = None,
) -> Finding:
    return Finding(
        code=code,
        name=f"rule-{code.lower()}",
        category=CATEGORY_OF[code[3]],
        severity=severity or DEFAULT_SEVERITY.get(code, Severity.ERROR),
        message=message or f"Meddelande för {code}.",
        location=FindingLocation(page=page, line=line, column=1, section="Ärendet"),
        excerpt=excerpt,
    )


def case(
    path: str,
    *codes: str,
    namnd: str | None = None,
    dnr: str | None = None,
    title: str | None = None,
) -> FileResult:
    return FileResult(
        path=path,
        format=DocFormat.TEXT,
        metadata=Metadata(title=title, namnd=namnd, diarienummer=dnr),
        findings=tuple(finding(c, line=i + 1) for i, c in enumerate(codes)),
    )


def broken(path: str, code: str = "JAM901") -> FileResult:
    return FileResult(
        path=path,
        format=DocFormat.DOCX,
        status=FileStatus.ERROR,
        error="Filen är skadad.",
        findings=(finding(code, message="Filen är skadad."),),
    )


def run(*files: FileResult) -> RunResult:
    return RunResult(version="9.9.9", files=files)


# A batch: two KS cases (one names its nämnd, the other only has the KS prefix), a BN case
# known only by its prefix, one without any nämnd, and a file that could not be read.
BATCH = run(
    case("a/ks-bra.txt", "JAM107", namnd="Kommunstyrelsen", dnr="KS 2024/1", title="Bra"),
    case("a/ks-saknas.txt", "JAM101", "JAM201", "JAM201", dnr="KS 2024/2"),
    case("a/bn-tom.txt", "JAM102", "JAM202", dnr="BN-2024-00013"),
    case("a/okand.md", "JAM203"),
    broken("a/trasig.docx"),
)
