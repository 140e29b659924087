"""Output for people: one line per finding, `path:page:line:col: CODE [severity] message`.

Colour only when writing to a terminal (the CLI decides and passes `options.color`).
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from jamlint.model import FileResult, Finding, RunResult, Severity

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"
# Swedish (singular, plural) per severity
_SEV_SV = {
    Severity.ERROR: ("fel", "fel"),
    Severity.WARNING: ("varning", "varningar"),
    Severity.INFO: ("tips", "tips"),
}


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def format_finding(fr: FileResult, f: Finding, color: bool) -> str:
    loc = f.location
    page = "-" if loc.page is None else str(loc.page)
    line = "-" if loc.line is None else str(loc.line)
    col = "-" if loc.column is None else str(loc.column)
    where = _paint(f"{fr.path}:{page}:{line}:{col}:", _BOLD, color)
    code = _paint(f"{f.code} [{f.severity.value}]", _COLORS[f.severity], color)
    excerpt = f" «{f.excerpt}»" if f.excerpt else ""
    return f"{where} {code} {f.message}{excerpt}"


def render_concise(result: RunResult, out: TextIO, options) -> None:
    for fr in result.files:
        for f in fr.findings:
            out.write(format_finding(fr, f, options.color) + "\n")


def render(result: RunResult, out: TextIO, options) -> None:
    render_concise(result, out, options)
    if options.statistics:
        write_statistics(result, out)
    if not options.quiet:
        out.write(summary_line(result) + "\n")


def write_statistics(result: RunResult, out: TextIO) -> None:
    counts = Counter((f.code, f.name) for fr in result.files for f in fr.findings)
    for (code, name), n in sorted(counts.items()):
        out.write(f"{n:6d}  {code}  {name}\n")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(result: RunResult) -> str:
    s = result.summary()
    n_files = s["files"]
    parts = [_count(s["by_severity"][sev.value], *_SEV_SV[sev]) for sev in (
        Severity.ERROR, Severity.WARNING, Severity.INFO)]
    unreadable = s["files_with_errors"]
    files_word = "fil" if n_files == 1 else "filer"
    text = f"Granskade {n_files} {files_word}: {', '.join(parts)}."
    if unreadable:
        text += f" {unreadable} kunde inte läsas."
    if s["findings"] == 0 and not unreadable:
        text += " Inga anmärkningar."
    return text
