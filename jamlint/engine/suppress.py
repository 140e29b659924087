"""Suppressing a finding for one document without editing its text.

Two ways, both requiring a written justification:
- a sidecar file `<name>.jamlint.toml` beside the document:
      [[ignore]]
      codes = ["JAM201"]
      reason = "Statistiken kommer från SCB och finns inte uppdelad på kön för kommunen."
- a Word comment on the flagged paragraph: "jamlint: ignorera JAM201 <motivering>".
A suppression without a justification does not apply; it is reported as JAM909 instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from jamlint.model import Document, Finding, FindingLocation

SUPPRESSION_CODE = "JAM909"
COMMENT_RE = re.compile(
    r"^\s*jamlint\s*:\s*ignorera\s+((?:[A-Z]{2,8}\d{3}\s*,?\s*)+)(.*)$", re.IGNORECASE | re.DOTALL
)
MIN_REASON_WORDS = 3


@dataclass(frozen=True)
class Suppression:
    codes: tuple[str, ...]
    reason: str
    paragraph: int | None  # None: the whole document
    source: str


@dataclass(frozen=True)
class Problem:
    message: str
    location: FindingLocation
    excerpt: str = ""


def sidecar_path(doc_path: str) -> Path:
    p = Path(doc_path)
    return p.with_name(p.stem + ".jamlint.toml")


def _justified(reason: str) -> bool:
    return len(re.findall(r"\w+", reason)) >= MIN_REASON_WORDS


def from_sidecar(doc_path: str) -> tuple[list[Suppression], list[Problem]]:
    path = sidecar_path(doc_path)
    if doc_path == "-" or not path.is_file():
        return [], []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        return [], [Problem(f"Undantagsfilen {path.name} kan inte läsas: {exc}", FindingLocation())]
    sups: list[Suppression] = []
    problems: list[Problem] = []
    entries = data.get("ignore", [])
    if not isinstance(entries, list):
        entries = []
    for n, entry in enumerate(entries, 1):
        codes = entry.get("codes", []) if isinstance(entry, dict) else []
        if isinstance(codes, str):
            codes = [codes]
        reason = str(entry.get("reason", "")).strip() if isinstance(entry, dict) else ""
        codes_text = ", ".join(map(str, codes)) or "(inga koder)"
        if not codes:
            problems.append(
                Problem(f"Undantag nr {n} i {path.name} anger inga regelkoder.", FindingLocation())
            )
        elif not _justified(reason):
            problems.append(
                Problem(
                    f"Undantaget för {codes_text} i {path.name} saknar motivering "
                    "(skriv varför i 'reason'); undantaget gäller inte.",
                    FindingLocation(),
                )
            )
        else:
            sups.append(Suppression(tuple(map(str, codes)), reason, None, path.name))
    return sups, problems


def from_comments(doc: Document) -> tuple[list[Suppression], list[Problem]]:
    sups: list[Suppression] = []
    problems: list[Problem] = []
    for block in doc.blocks:
        for comment in block.comments:
            m = COMMENT_RE.match(comment.text)
            if not m:
                continue
            codes = tuple(re.findall(r"[A-Z]{2,8}\d{3}", m.group(1).upper()))
            reason = m.group(2).strip(" :-–\n")
            loc = FindingLocation(
                page=block.page, paragraph=block.paragraph, line=block.line, column=block.column
            )
            if _justified(reason):
                sups.append(Suppression(codes, reason, block.paragraph, "Word-kommentar"))
            else:
                problems.append(
                    Problem(
                        f"Kommentaren som undantar {', '.join(codes)} saknar motivering; "
                        "skriv varför efter koden. Undantaget gäller inte.",
                        loc,
                        comment.anchor,
                    )
                )
    return sups, problems


@dataclass(frozen=True)
class Suppressions:
    items: tuple[Suppression, ...] = ()
    problems: tuple[Problem, ...] = ()

    @classmethod
    def load(cls, doc_path: str, doc: Document) -> Suppressions:
        a, pa = from_sidecar(doc_path)
        b, pb = from_comments(doc)
        return cls(tuple(a + b), tuple(pa + pb))

    def suppresses(self, finding: Finding) -> bool:
        for s in self.items:
            if finding.code not in s.codes:
                continue
            if s.paragraph is None or s.paragraph == finding.location.paragraph:
                return True
        return False

    def apply(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if not self.suppresses(f)]
