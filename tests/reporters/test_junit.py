"""JUnit XML: parses, one test case per file, failures/errors/system-out, counts per test case."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from jamlint.model import DocFormat, FileResult, RunResult
from jamlint.reporters import ReportOptions, get_reporter
from tests.reporters import sample


def render(result) -> tuple[str, ET.Element]:
    out = io.StringIO()
    get_reporter("junit")(result, out, ReportOptions())
    text = out.getvalue()
    return text, ET.fromstring(text.encode("utf-8"))


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in root.iter("testcase")}


def test_parses_with_one_suite_and_a_case_per_file():
    text, root = render(sample.run_result())
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "jamlint"
    assert list(cases(root)) == [sample.DOCX, sample.CLEAN, sample.BROKEN]
    assert {case.get("classname") for case in root.iter("testcase")} == {"jamlint"}


def test_counts_are_per_test_case():
    _, root = render(sample.run_result())
    suite = root.find("testsuite")
    for element in (root, suite):
        assert element.get("tests") == "3"
        assert element.get("failures") == "1"  # the docx; the clean file passes
        assert element.get("errors") == "1"  # the unreadable pdf
        assert element.get("skipped") == "0"
    failed = [c for c in root.iter("testcase") if c.find("failure") is not None]
    errored = [c for c in root.iter("testcase") if c.find("error") is not None]
    assert len(failed) == 1 and len(errored) == 1


def test_a_failure_per_error_or_warning_finding():
    _, root = render(sample.run_result())
    docx = cases(root)[sample.DOCX]
    failures = docx.findall("failure")
    assert [f.get("type") for f in failures] == ["JAM101", "JAM201", "JAM201", "JAM103"]
    stat = failures[1]
    assert stat.get("message") == (
        "Statistiken gäller personer men redovisas inte uppdelad på kön. «120 elever»"
    )
    assert stat.text.splitlines() == [
        "JAM201 people-statistic-without-sex [error]",
        "Statistiken gäller personer men redovisas inte uppdelad på kön.",
        "Plats: sida 2, stycke 5, rad 14, kolumn 17",
        "Avsnitt: Ärendet > Bakgrund",
        "Utdrag: «120 elever»",
        f"Sammanhang: {sample.STAT_CONTEXT}",
    ]
    assert "Plats: hela dokumentet" in failures[0].text


def test_escaping_survives_the_round_trip():
    _, root = render(sample.run_result())
    blind = cases(root)[sample.DOCX].findall("failure")[3]
    assert blind.get("message").endswith(f"«{sample.CLAIM}»")  # quotes, % and a newline
    assert f"Utdrag: «{sample.CLAIM}»" in blind.text


def test_info_findings_go_to_system_out():
    _, root = render(sample.run_result())
    docx = cases(root)[sample.DOCX]
    [out] = docx.findall("system-out")
    assert out.text == (
        "sida 3, stycke 8, rad 38, kolumn 1: JAM107 [info] Analysen tar inte upp andra faktorer "
        "än kön, t.ex. ålder eller födelseland. «Jämställdhet»"
    )
    assert "JAM107" not in {f.get("type") for f in docx.findall("failure")}


def test_clean_file_is_an_empty_passing_case():
    _, root = render(sample.run_result())
    assert len(cases(root)[sample.CLEAN]) == 0


def test_info_only_file_passes():
    info_only = FileResult(path="a.md", format=DocFormat.MARKDOWN, findings=(sample.INFO,))
    _, root = render(RunResult(version="0.1.0", files=(info_only,)))
    assert root.get("failures") == "0" and root.get("errors") == "0"
    assert root.find("testsuite/testcase/system-out") is not None


def test_unreadable_file_is_an_error():
    _, root = render(sample.run_result())
    broken = cases(root)[sample.BROKEN]
    [error] = broken.findall("error")
    assert error.get("type") == "JAM901"
    assert error.get("message") == "Filen är skadad och kan inte läsas."
    assert broken.find("failure") is None


def test_unreadable_file_without_finding_is_still_an_error():
    broken = FileResult(path="x.docx", status="error", error="Filen är krypterad.")
    _, root = render(RunResult(version="0.1.0", files=(broken,)))
    [error] = root.iter("error")
    assert error.get("message") == "Filen är krypterad."
    assert root.get("errors") == "1" and root.get("tests") == "1"


def test_control_characters_do_not_break_the_xml():
    text = "Sida 1\x0cSida 2\x00 slut"
    odd = sample.stat(2).model_copy(update={"context": text, "excerpt": "12\x0b elever"})
    result = RunResult(version="0.1.0", files=(FileResult(path="a\x01.pdf", findings=(odd,)),))
    _, root = render(result)  # would raise ParseError if the characters were written raw
    failure = root.find("testsuite/testcase/failure")
    assert "Sida 1\ufffdSida 2\ufffd slut" in failure.text
    assert root.find("testsuite/testcase").get("name") == "a\ufffd.pdf"


def test_empty_run():
    _, root = render(RunResult(version="0.1.0"))
    assert root.get("tests") == "0" and root.find("testsuite") is not None
