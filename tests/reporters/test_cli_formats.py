"""The machine formats through the real CLI (`jamlint check --format …`), with click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamlint.cli import cli
from tests.reporters.test_sarif import validate

DOC = "# Tjänsteskrivelse\n\n## Bakgrund\n\nI kommunen går 120 elever i årskurs 9.\n"


@pytest.fixture()
def workdir(tmp_path, monkeypatch) -> Path:
    (tmp_path / "ärende.md").write_text(DOC, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_sarif_to_file_has_rule_metadata_and_validates(workdir):
    result = check("--format", "sarif", "-o", "ut.sarif", "ärende.md", "saknas.docx")
    assert result.exit_code == 2, result.output  # a file could not be read
    log = json.loads((workdir / "ut.sarif").read_text("utf-8"))
    validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"JAM101", "JAM201", "JAM900"} <= {r["id"] for r in rules}
    assert all(r["fullDescription"]["text"] for r in rules)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris >= {"%C3%A4rende.md", "saknas.docx"}
    assert run["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"


def test_csv_to_file_starts_with_bom(workdir):
    result = check("--format", "csv", "--output", "ut.csv", "ärende.md", "saknas.docx")
    assert result.exit_code == 2
    data = (workdir / "ut.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbffil;format;status;")
    assert b"\r\nsaknas.docx;unknown;error;" in data


def test_github_and_junit_to_stdout(workdir):
    github = check("--format", "github", "saknas.docx")
    assert github.output.startswith("::error file=saknas.docx,title=JAM900 ")
    junit = check("--format", "junit", "saknas.docx")
    assert '<testsuite name="jamlint" tests="1" failures="0" errors="1"' in junit.output


def test_unknown_format_lists_the_new_ones(workdir):
    result = CliRunner().invoke(cli, ["check", "--format", "xml", "ärende.md"])
    assert result.exit_code == 2
    for name in ("sarif", "github", "junit", "csv"):
        assert name in result.output
