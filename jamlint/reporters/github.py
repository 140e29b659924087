"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

One line per finding:
`::error file=PATH,line=L,col=C,title=CODE name::message «excerpt»` (warning → `::warning`,
info → `::notice`). A finding without a line (a document-level one, or a file that could not be
read) is annotated on the file alone. Escaping follows the Actions toolkit: `%`, CR and LF in
the message; additionally `:` and `,` in property values.
"""

from __future__ import annotations

from typing import TextIO

from jamlint.model import FileResult, FileStatus, Finding, RunResult, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(result: RunResult, out: TextIO, options) -> None:
    for fr in result.files:
        out.writelines(annotation(fr, f) + "\n" for f in fr.findings)
        if fr.status is FileStatus.ERROR and not fr.findings:
            # an unreadable file whose JAM9xx rule is switched off must still be visible
            message = fr.error or "Filen kunde inte läsas."
            out.write(f"::error {_properties([('file', fr.path)])}::{escape_data(message)}\n")


def annotation(fr: FileResult, f: Finding) -> str:
    props = [("file", fr.path)]
    if f.location.line is not None and f.location.line >= 1:
        props.append(("line", str(f.location.line)))
        if f.location.column is not None and f.location.column >= 1:
            props.append(("col", str(f.location.column)))
    props.append(("title", f"{f.code} {f.name}"))
    message = f.message + (f" «{f.excerpt}»" if f.excerpt else "")
    return f"::{_COMMANDS[f.severity]} {_properties(props)}::{escape_data(message)}"


def _properties(props: list[tuple[str, str]]) -> str:
    return ",".join(f"{key}={escape_property(value)}" for key, value in props)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
