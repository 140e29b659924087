"""`jamlint check` / `rules` / `explain` through click's CliRunner: exit codes, whole outputs,
configuration errors, bad paths, stdin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamlint import __version__
from jamlint.cli import cli

GOOD = """# Utökade öppettider i simhallen
## Förslag till beslut
Kultur- och fritidsnämnden beslutar att simhallen ska ha öppet till klockan 21.
## Jämställdhet
I besöksenkäten 2023 svarade 38 procent av kvinnorna och 22 procent av männen att
öppettiderna hindrar dem från att simma oftare. Skillnaden beror främst på att kvinnor
oftare hämtar barn på förskolan, så förslaget väntas främst öka kvinnors möjligheter att
motionera, särskilt för ensamstående föräldrar, och bidrar till delmålet om jämställd hälsa.
"""

BAD = """# Ny skolskjutsorganisation
## Förslag till beslut
Barn- och utbildningsnämnden beslutar att 312 elever ska åka skolskjuts.
"""


@pytest.fixture()
def work(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no project configuration from the checkout
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    return tmp_path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.output == f"jamlint {__version__}\n"


def test_clean_file_exits_zero(work):
    r = run("check", "good.md")
    assert r.exit_code == 0, r.output
    assert r.output == "Granskade 1 fil: 0 fel, 0 varningar, 0 tips. Inga anmärkningar.\n"


def test_findings_exit_one_with_one_line_each(work):
    r = run("check", "bad.md")
    assert r.exit_code == 1
    assert r.output.splitlines() == [
        "bad.md:-:1:1: JAM101 [error] Beslutsunderlaget beskriver inte vilka konsekvenser "
        "beslutet får för kvinnor och män, flickor och pojkar.",
        "bad.md:-:1:1: JAM106 [warning] Beslutet berör barn, men konsekvenserna för flickor och "
        "pojkar beskrivs inte.",
        "bad.md:-:5:43: JAM201 [error] Statistiken gäller personer men redovisas inte uppdelad "
        "på kön. «312 elever»",
        "Granskade 1 fil: 2 fel, 1 varning, 0 tips.",
    ]


def test_exit_zero_and_quiet(work):
    r = run("check", "bad.md", "--exit-zero", "--quiet")
    assert r.exit_code == 0
    assert "Granskade" not in r.output and "JAM201" in r.output


def test_select_ignore_and_min_severity(work):
    assert "JAM201" not in run("check", "bad.md", "--select", "JAM1").output
    r = run("check", "bad.md", "--ignore", "JAM101,JAM201", "--min-severity", "error")
    assert r.exit_code == 0, r.output
    r = run("check", "bad.md", "--select", "JAM2")
    assert [line.split()[1] for line in r.output.splitlines()[:-1]] == ["JAM201"]


def test_json_contract(work):
    r = run("check", "good.md", "bad.md", "missing.docx", "--format", "json")
    assert r.exit_code == 2  # a file could not be read
    data = json.loads(r.output)
    assert set(data) == {"jamlint", "files", "summary"}
    assert data["jamlint"] == __version__
    files = {f["path"]: f for f in data["files"]}
    assert set(files["bad.md"]) == {
        "path", "format", "status", "error", "pages", "metadata", "findings"
    }
    assert files["missing.docx"]["status"] == "error"
    assert files["missing.docx"]["findings"][0]["code"] == "JAM900"
    finding = next(f for f in files["bad.md"]["findings"] if f["code"] == "JAM201")
    assert set(finding) == {
        "code", "name", "category", "severity", "message", "location", "excerpt", "context"
    }
    assert finding["excerpt"] == "312 elever"
    assert finding["category"] == "statistics" and finding["severity"] == "error"
    assert set(finding["location"]) == {"page", "paragraph", "line", "column", "section"}
    assert finding["location"]["section"] == "Ny skolskjutsorganisation > Förslag till beslut"
    assert finding["context"].startswith("Barn- och utbildningsnämnden beslutar")
    assert data["summary"]["files_with_errors"] == 1


def test_stdin(work):
    r = run("check", "-", input=BAD)
    assert r.exit_code == 1 and "-:-:5:43: JAM201" in r.output


def test_directory_recursion_skips_lock_files_and_honours_exclude(work):
    sub = work / "ärenden" / "2024"
    sub.mkdir(parents=True)
    (sub / "bad.md").write_text(BAD, encoding="utf-8")
    (sub / "~$bad.docx").write_bytes(b"lock")
    (sub / "notes.rtf").write_text("x")
    r = run("check", "ärenden", "--format", "json")
    paths = [f["path"] for f in json.loads(r.output)["files"]]
    assert paths == [str(Path("ärenden/2024/bad.md"))]
    r = run("check", "ärenden", "--exclude", "*/2024/*", "--format", "json")
    assert r.exit_code == 2
    assert json.loads(r.output)["files"][0]["findings"][0]["code"] == "JAM910"


def test_config_errors_name_the_key(work):
    (work / "jamlint.toml").write_text('selekt = ["JAM1"]\n', encoding="utf-8")
    r = run("check", "good.md")
    assert r.exit_code == 2
    assert "okänd inställning 'selekt'" in r.output


def test_config_file_is_used(work):
    (work / "pyproject.toml").write_text('[tool.jamlint]\nignore = ["JAM1"]\n', encoding="utf-8")
    r = run("check", "bad.md", "--quiet")
    assert "JAM101" not in r.output and "JAM201" in r.output


def test_unknown_format_is_a_usage_error(work):
    r = run("check", "good.md", "--format", "yaml")
    assert r.exit_code == 2 and "okänt format" in r.output


def test_bad_inputs_do_not_stop_the_run(work):
    (work / "empty.docx").write_bytes(b"")
    (work / "trunc.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 20)
    r = run("check", "empty.docx", "trunc.docx", "bad.md", "--format", "json")
    assert r.exit_code == 2
    codes = {f["path"]: [x["code"] for x in f["findings"]] for f in json.loads(r.output)["files"]}
    assert codes["empty.docx"] == ["JAM905"]
    assert codes["trunc.docx"] == ["JAM901"]
    assert "JAM201" in codes["bad.md"]


def test_rules_lists_every_rule(work):
    r = run("rules")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0].split() == ["KOD", "NAMN", "KATEGORI", "GRAD", "PÅ"]
    assert any(line.split()[:4] == ["JAM201", "people-statistic-without-sex", "statistics",
                                    "error"] for line in lines)


def test_explain_prints_examples_and_sources(work):
    r = run("explain", "jam201")
    assert r.exit_code == 0
    assert r.output.startswith("JAM201 people-statistic-without-sex (statistics, error)\n")
    assert "Underkänns:" in r.output and "Godkänns:" in r.output
    assert "Förordning (2001:100)" in r.output
    assert run("explain", "JAM999").exit_code == 2
