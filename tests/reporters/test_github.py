"""GitHub Actions annotations: one workflow command a finding, escaped as the toolkit does."""

from __future__ import annotations

import io

from jamlint.model import DocFormat, FileResult, RunResult
from jamlint.reporters import ReportOptions, get_reporter
from jamlint.reporters.github import escape_data, escape_property
from tests.reporters import sample


def render(result) -> list[str]:
    out = io.StringIO()
    get_reporter("github")(result, out, ReportOptions())
    text = out.getvalue()
    assert text.endswith("\n")
    return text.splitlines()


def test_one_line_per_finding_with_command_by_severity():
    lines = render(sample.run_result())
    assert len(lines) == 6  # five in the docx, none for the clean file, one for the broken file
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error",
        "::error",
        "::error",
        "::notice",
        "::warning",
        "::error",
    ]


def test_located_finding():
    lines = render(sample.run_result())
    assert lines[1] == (
        "::error file=ärenden/Tjänsteskrivelse förskola.docx,line=14,col=17,"
        "title=JAM201 people-statistic-without-sex::"
        "Statistiken gäller personer men redovisas inte uppdelad på kön. «120 elever»"
    )


def test_identical_findings_are_both_annotated():
    lines = render(sample.run_result())
    assert "line=14,col=17" in lines[1] and "line=30,col=17" in lines[2]


def test_document_level_findings_have_no_line_or_col():
    lines = render(sample.run_result())
    assert lines[0] == (
        "::error file=ärenden/Tjänsteskrivelse förskola.docx,"
        "title=JAM101 missing-gender-consequences::"
        "Beslutsunderlaget beskriver inte konsekvenserna för kvinnor och män, flickor och pojkar."
    )
    assert lines[5] == (
        "::error file=inkommet/trasig.pdf,title=JAM901 unreadable-file::"
        "Filen är skadad och kan inte läsas."
    )


def test_message_escaping_of_percent_and_newlines():
    warning = render(sample.run_result())[4]
    _, message = warning.split("::", 2)[1:]
    assert message == (
        "Påståendet om kön saknar analys: hur påverkas kvinnor, män, flickor och pojkar? "
        '«Ärendet berör 50 %25 av invånarna, "oavsett kön": alla%0Aberörs lika.»'
    )
    assert "\r" not in warning


def test_property_escaping_of_colon_and_comma():
    odd = FileResult(
        path="mapp/protokoll, del:2 100%.md", format=DocFormat.MARKDOWN, findings=(sample.stat(3),)
    )
    [line] = render(RunResult(version="0.1.0", files=(odd,)))
    assert line.startswith("::error file=mapp/protokoll%2C del%3A2 100%25.md,line=3,col=17,")
    properties = line.split("::")[1]
    assert properties.count(",") == 3  # only the separators are left


def test_escape_functions():
    assert escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_unreadable_file_without_finding_still_annotated():
    broken = FileResult(path="trasig.docx", status="error", error="Filen är krypterad.")
    assert render(RunResult(version="0.1.0", files=(broken,))) == [
        "::error file=trasig.docx::Filen är krypterad."
    ]


def test_clean_run_writes_nothing():
    clean = FileResult(path="a.md", format=DocFormat.MARKDOWN)
    out = io.StringIO()
    get_reporter("github")(RunResult(version="0.1.0", files=(clean,)), out, ReportOptions())
    assert out.getvalue() == ""
