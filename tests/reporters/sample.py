"""A hand-built RunResult covering what the machine formats must handle.

Swedish text with å ä ö, a document-level finding (no line), two identical findings in one file,
characters that need escaping, an info finding, a clean file and an unreadable file.
"""

from __future__ import annotations

from jamlint.model import (
    Category,
    DocFormat,
    FileResult,
    FileStatus,
    Finding,
    FindingLocation,
    RunResult,
    Severity,
)
from jamlint.model.finding import RuleInfo

DOCX = "ärenden/Tjänsteskrivelse förskola.docx"
CLEAN = "ärenden/protokoll.md"
BROKEN = "inkommet/trasig.pdf"

STAT_CONTEXT = "I förskolan går 120 elever och 45 procent av vårdnadshavarna är nöjda."
CLAIM = 'Ärendet berör 50 % av invånarna, "oavsett kön": alla\nberörs lika.'


def stat(line: int, column: int = 17, context: str = STAT_CONTEXT) -> Finding:
    return Finding(
        code="JAM201",
        name="people-statistic-without-sex",
        category=Category.STATISTICS,
        severity=Severity.ERROR,
        message="Statistiken gäller personer men redovisas inte uppdelad på kön.",
        location=FindingLocation(
            page=2, paragraph=5, line=line, column=column, section="Ärendet > Bakgrund"
        ),
        excerpt="120 elever",
        context=context,
    )


MISSING = Finding(
    code="JAM101",
    name="missing-gender-consequences",
    category=Category.CONSEQUENCES,
    severity=Severity.ERROR,
    message="Beslutsunderlaget beskriver inte konsekvenserna för kvinnor och män, flickor och pojkar.",
)

BLIND = Finding(
    code="JAM103",
    name="gender-blind-claim",
    category=Category.CONSEQUENCES,
    severity=Severity.WARNING,
    message="Påståendet om kön saknar analys: hur påverkas kvinnor, män, flickor och pojkar?",
    location=FindingLocation(page=3, paragraph=9, line=40, column=1, section="Jämställdhet"),
    excerpt=CLAIM,
    context=CLAIM,
)

INFO = Finding(
    code="JAM107",
    name="no-intersectional-factors",
    category=Category.CONSEQUENCES,
    severity=Severity.INFO,
    message="Analysen tar inte upp andra faktorer än kön, t.ex. ålder eller födelseland.",
    location=FindingLocation(page=3, paragraph=8, line=38, column=1, section="Jämställdhet"),
    excerpt="Jämställdhet",
    context="Jämställdhet",
)

UNREADABLE = Finding(
    code="JAM901",
    name="unreadable-file",
    category=Category.DOCUMENT,
    severity=Severity.ERROR,
    message="Filen är skadad och kan inte läsas.",
)

RULES = (
    RuleInfo(
        code="JAM101",
        name=MISSING.name,
        category=Category.CONSEQUENCES,
        severity=Severity.ERROR,
        message=MISSING.message,
        explanation="SKR:s checklista punkt 7: konsekvenser för kvinnor och män ska beskrivas.",
        hint="Beskriv hur beslutet påverkar kvinnor och män, flickor och pojkar.",
        references=("SKR, checklista punkt 7",),
    ),
    RuleInfo(
        code="JAM103",
        name=BLIND.name,
        category=Category.CONSEQUENCES,
        severity=Severity.WARNING,
        message="Påståendet om kön saknar analys.",
        explanation="Att nämna könen räcker inte; skillnaderna ska analyseras.",
        references=("Tillväxtverket, jämställdhetsanalys",),
    ),
    RuleInfo(
        code="JAM107",
        name=INFO.name,
        category=Category.CONSEQUENCES,
        severity=Severity.INFO,
        message=INFO.message,
        explanation="Intersektionalitet.",
        references=("SKR",),
    ),
    RuleInfo(
        code="JAM201",
        name="people-statistic-without-sex",
        category=Category.STATISTICS,
        severity=Severity.ERROR,
        message=stat(1).message,
        explanation="Individbaserad statistik ska vara uppdelad efter kön.",
        hint='Skriv t.ex. "120 elever, varav 64 flickor och 56 pojkar".',
        references=("Förordning (2001:100) om den officiella statistiken, 14 §",),
    ),
    RuleInfo(
        code="JAM901",
        name=UNREADABLE.name,
        category=Category.DOCUMENT,
        severity=Severity.ERROR,
        message="Filen kan inte läsas.",
        explanation="Filen är skadad eller trunkerad.",
        references=("jamlint",),
    ),
    # a loaded rule without findings: it is still described
    RuleInfo(
        code="JAM202",
        name="people-table-without-sex",
        category=Category.STATISTICS,
        severity=Severity.ERROR,
        message="Tabellen räknar personer utan uppdelning på kön.",
        explanation="Tabeller om personer ska ha kolumner för kvinnor och män.",
        references=("SKR",),
    ),
)


def docx_result(findings: tuple[Finding, ...] | None = None) -> FileResult:
    if findings is None:
        findings = (MISSING, stat(14), stat(30), INFO, BLIND)
    return FileResult(path=DOCX, format=DocFormat.DOCX, pages=4, findings=findings)


def run_result(docx: FileResult | None = None) -> RunResult:
    return RunResult(
        version="0.1.0",
        files=(
            docx or docx_result(),
            FileResult(path=CLEAN, format=DocFormat.MARKDOWN),
            FileResult(
                path=BROKEN,
                format=DocFormat.PDF,
                status=FileStatus.ERROR,
                error=UNREADABLE.message,
                findings=(UNREADABLE,),
            ),
        ),
    )
