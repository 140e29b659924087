"""JUnit XML, the test-report format CI servers (Jenkins, GitLab, Azure DevOps) read.

One `<testsuite name="jamlint">` with one `<testcase classname="jamlint" name=PATH>` per file:
- every finding at error or warning severity is a `<failure type=CODE message=…>` whose text
  gives location, excerpt and context;
- info findings are listed in the test case's `<system-out>` (they do not fail it);
- a file that could not be read is an `<error>` (its JAM9xx finding), not a failure.

Counts are per test case, as Jenkins and GitLab count: `tests` files, `errors` unreadable files,
`failures` the other files with at least one failure, so tests − failures − errors files passed.
Some CI servers show only the first `<failure>` of a test case in detail.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from jamlint.model import FileResult, FileStatus, Finding, RunResult, Severity

# characters XML 1.0 does not allow at all (ElementTree would write them unescaped); PDF and
# Word text can carry form feeds and other control characters
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: RunResult, out: TextIO, options) -> None:
    root = build_xml(result)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def build_xml(result: RunResult) -> ET.Element:
    suite = ET.Element("testsuite", name="jamlint")
    counts = {"error": 0, "failure": 0, "pass": 0}
    for fr in result.files:
        counts[_testcase(suite, fr)] += 1
    totals = {
        "tests": str(len(result.files)),
        "failures": str(counts["failure"]),
        "errors": str(counts["error"]),
        "skipped": "0",
    }
    suite.attrib.update(totals)
    root = ET.Element("testsuites", name="jamlint", **totals)
    root.append(suite)
    return root


def _testcase(suite: ET.Element, fr: FileResult) -> str:
    """Add the test case of one file; return its outcome: "error", "failure" or "pass"."""
    case = ET.SubElement(suite, "testcase", classname="jamlint", name=xml_text(fr.path))
    unreadable = fr.status is FileStatus.ERROR
    tag = "error" if unreadable else "failure"
    failing = [f for f in fr.findings if f.severity is not Severity.INFO]
    for f in failing:
        element = ET.SubElement(case, tag, type=f.code, message=xml_text(_headline(f)))
        element.text = xml_text(details(f))
    if unreadable and not failing:
        # the file's JAM9xx rule may be switched off; the file is still an error
        message = xml_text(fr.error or "Filen kunde inte läsas.")
        ET.SubElement(case, "error", type="jamlint", message=message).text = message
    infos = [f for f in fr.findings if f.severity is Severity.INFO]
    if infos:
        lines = [f"{_where(f)}: {f.code} [{f.severity.value}] {_headline(f)}" for f in infos]
        ET.SubElement(case, "system-out").text = xml_text("\n".join(lines))
    if unreadable:
        return "error"
    return "failure" if failing else "pass"


def _headline(f: Finding) -> str:
    return f.message + (f" «{f.excerpt}»" if f.excerpt else "")


def details(f: Finding) -> str:
    """The failure text: rule, location, excerpt and context, one item a line."""
    lines = [f"{f.code} {f.name} [{f.severity.value}]", f.message, f"Plats: {_where(f)}"]
    if f.location.section:
        lines.append(f"Avsnitt: {f.location.section}")
    if f.excerpt:
        lines.append(f"Utdrag: «{f.excerpt}»")
    if f.context:
        lines.append(f"Sammanhang: {f.context}")
    return "\n".join(lines)


def _where(f: Finding) -> str:
    loc = f.location
    parts = []
    for label, value in (
        ("sida", loc.page),
        ("stycke", loc.paragraph),
        ("rad", loc.line),
        ("kolumn", loc.column),
    ):
        if value is not None:
            parts.append(f"{label} {value}")
    return ", ".join(parts) if parts else "hela dokumentet"


def xml_text(text: str) -> str:
    """`text` with characters XML cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
