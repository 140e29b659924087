"""`jamlint audit` through click's CliRunner on a folder of small case documents."""

from __future__ import annotations

import io
import json
from contextlib import ExitStack
from pathlib import Path

import pytest
from click.testing import CliRunner

import jamlint.api
from jamlint.cli import cli, progress_callbacks
from jamlint.model import FileResult

KS_GOOD = """LINDEBY KOMMUN

TJÄNSTESKRIVELSE
Datum: 2024-03-01
Diarienummer: KS 2024/0101

Kommunstyrelsen

Nya öppettider i kontaktcenter

Förslag till beslut

Kommunstyrelsen beslutar att kontaktcenter ska ha öppet till klockan 18 på torsdagar.

Ärendet

Under 2023 kontaktades kontaktcenter av 4 200 invånare, varav 2 500 kvinnor och 1 700 män.

Konsekvenser för kvinnor och män

Kvinnor kontaktar kontaktcenter oftare än män, ofta i ärenden om barn och äldre anhöriga.
Kvinnor arbetar oftare deltid i vården med obekväma arbetstider och har svårare att ringa på
dagtid. Längre öppettider gör det lättare för kvinnor att få service. Män påverkas inte negativt.
"""

KS_MISSING = """LINDEBY KOMMUN

TJÄNSTESKRIVELSE
Datum: 2024-04-01
Diarienummer: KS 2024/0202

Upphandling av skolmåltider

Förslag till beslut

Kommunstyrelsen godkänner upphandlingen.

Ärendet

I kommunen går 1 240 elever i grundskolan och alla äter skollunch.
"""

BN_UNMOTIVATED = """# Ny taxa för bygglov

Diarienummer: BN-2024-00013

## Förslag till beslut

Byggnadsnämnden antar ny taxa.

## Jämställdhet

Ärendet bedöms inte påverka jämställdheten.
"""

OUTPUT = """\
Granskade 4 ärenden: 3 kunde läsas, 1 kunde inte läsas.
Statistik om personer uppdelad på kön: 2 av 3 (66,6 %). Förslag punkt 6: 2 (behöver utvecklas).
Beskrivning av konsekvenser för kvinnor och män: 1 av 3 (33,3 %). Förslag punkt 7: 1 (ej påbörjat).
Rapport: ut/rapport.html
CSV: ut/rapport.csv (ärenden), ut/rapport-anmarkningar.csv (anmärkningar)
JSON: ut/rapport.json
"""


@pytest.fixture()
def workdir(tmp_path, monkeypatch) -> Path:
    docs = tmp_path / "ärenden"
    docs.mkdir()
    (docs / "ks-bra.txt").write_text(KS_GOOD, encoding="utf-8")
    (docs / "ks-saknas.txt").write_text(KS_MISSING, encoding="utf-8")
    (docs / "bn-taxa.md").write_text(BN_UNMOTIVATED, encoding="utf-8")
    (docs / "trasig.docx").write_bytes(b"PK\x03\x04 inte en riktig docx")
    (tmp_path / "ut").mkdir()
    monkeypatch.setenv("JAMLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def audit(*args: str):
    return CliRunner().invoke(cli, ["audit", *args], catch_exceptions=False)


def report_json(path: str = "ut/rapport.json") -> dict:
    data = json.loads(Path(path).read_text("utf-8"))
    data.pop("generated")
    return data


def test_writes_html_csv_and_json_and_counts_the_unreadable(workdir):
    result = audit("ärenden", "--report", "ut/rapport.html", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout == OUTPUT
    assert result.stderr == ""  # not a terminal: no progress bar
    data = report_json()
    assert data["summary"] == {
        "cases": 4,
        "readable": 3,
        "unreadable": 1,
        "with_description": 1,
        "without_description": 2,
        "statistics_problem": 1,
        "findings": data["summary"]["findings"],
    }
    cases = {Path(c["path"]).name: c for c in data["cases"]}
    assert cases["trasig.docx"]["readable"] is False
    assert cases["trasig.docx"]["worst"] == "JAM901"
    assert cases["ks-saknas.txt"]["worst"] == "JAM101"
    assert cases["ks-saknas.txt"]["namnd"] == "Kommunstyrelsen"
    assert cases["bn-taxa.md"]["worst"] == "JAM102"
    assert cases["ks-bra.txt"]["has_description"] is True

    html = (workdir / "ut/rapport.html").read_text("utf-8")
    assert "Nya öppettider i kontaktcenter" in html and "trasig.docx" in html
    cases_csv = (workdir / "ut/rapport.csv").read_bytes()
    assert cases_csv.startswith("\ufefffil;ärende;nämnd;".encode())
    assert cases_csv.count(b"\r\n") == 5
    findings_csv = (workdir / "ut/rapport-anmarkningar.csv").read_bytes()
    assert findings_csv.startswith("\ufefffil;format;status;".encode())
    assert b";JAM901;" in findings_csv and b";JAM201;" in findings_csv


def test_csv_and_json_can_go_elsewhere(workdir):
    result = audit(
        "ärenden",
        "--report",
        "ut/r.html",
        "--csv",
        "ut/excel.csv",
        "--json",
        "ut/data.json",
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (workdir / "ut").iterdir())
    assert names == ["data.json", "excel-anmarkningar.csv", "excel.csv", "r.html"]
    assert "CSV: ut/excel.csv (ärenden), ut/excel-anmarkningar.csv (anmärkningar)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["saknas", "--report", "ut/r.html"], "Filen eller katalogen finns inte: saknas"),
        (["tom", "--report", "ut/r.html"], "Katalogen innehåller inga dokument"),
        (["ärenden", "--report", "nej/r.html"], "katalogen för nej/r.html finns inte."),
        (["ärenden", "--report", "ut"], "ut är en katalog; ange ett filnamn."),
        (["ärenden", "--jobs", "0"], "--jobs"),
        (["ärenden", "--config", "fel.toml"], "fel.toml"),
    ],
)
def test_usage_errors_exit_2_before_any_work(workdir, monkeypatch, args, message):
    (workdir / "tom").mkdir()
    (workdir / "fel.toml").write_text("[tool.jamlint]\nokand-nyckel = 1\n", encoding="utf-8")

    def no_linting(*a, **k):
        raise AssertionError("linted despite a usage error")

    monkeypatch.setattr(jamlint.api, "lint_paths", no_linting)
    result = audit(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_fail_under_gives_ci_a_signal(workdir):
    # item 7 is at 33,3 %, item 6 at 66,6 %
    assert audit("ärenden", "--report", "ut/r.html", "-j", "1", "--fail-under", "34").exit_code == 1
    assert audit("ärenden", "--report", "ut/r.html", "-j", "1", "--fail-under", "33").exit_code == 0


def test_rules_left_out_are_not_assessed(workdir):
    result = audit("ärenden", "--report", "ut/r.html", "-j", "1", "--select", "JAM2,JAM9")
    assert result.exit_code == 0, result.output
    assert "Förslag punkt 7: kan inte bedömas." in result.stdout
    assert "Förslag punkt 6: 2 (behöver utvecklas)." in result.stdout
    html = (workdir / "ut/r.html").read_text("utf-8")
    assert "Obs: reglerna JAM101, JAM102, JAM103, JAM104, JAM105 kördes inte" in html


class CountingParser:
    def __init__(self, real):
        self.real = real
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.real(*args, **kwargs)


def test_second_run_is_served_from_the_cache(workdir, monkeypatch):
    counter = CountingParser(jamlint.api.parse_bytes)
    monkeypatch.setattr(jamlint.api, "parse_bytes", counter)
    before = sorted(p.name for p in (workdir / "ärenden").iterdir())

    assert audit("ärenden", "--report", "ut/r.html", "-j", "1").exit_code == 0
    assert counter.calls == 4
    first = report_json("ut/r.json")
    assert list((workdir / "cache").rglob("*.json"))  # in JAMLINT_CACHE_DIR …
    assert sorted(p.name for p in (workdir / "ärenden").iterdir()) == before  # … not beside

    assert audit("ärenden", "--report", "ut/r.html", "-j", "1").exit_code == 0
    assert counter.calls == 4  # nothing parsed again
    assert report_json("ut/r.json") == first

    # a changed file is parsed again, and only that one
    with (workdir / "ärenden/ks-saknas.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nTillägg.\n")
    assert audit("ärenden", "--report", "ut/r.html", "-j", "1").exit_code == 0
    assert counter.calls == 5

    assert audit("ärenden", "--report", "ut/r.html", "-j", "1", "--no-cache").exit_code == 0
    assert counter.calls == 9


def test_parallel_run_gives_the_same_report(workdir):
    assert audit("ärenden", "--report", "ut/a.html", "-j", "1", "--no-cache").exit_code == 0
    assert audit("ärenden", "--report", "ut/b.html", "-j", "2", "--no-cache").exit_code == 0
    assert report_json("ut/a.json") == report_json("ut/b.json")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal():
    with ExitStack() as stack:
        assert progress_callbacks(io.StringIO(), stack) == (None, None)
    term = FakeTerminal()
    with ExitStack() as stack:
        on_start, on_file = progress_callbacks(term, stack)
        on_start(2)
        on_file(FileResult(path="ärenden/ks-bra.txt"))
        on_file(FileResult(path="ärenden/ks-saknas.txt"))
    shown = term.getvalue()
    assert "Granskar" in shown and "2/2" in shown and "ks-saknas.txt" in shown


def test_help_documents_outputs_and_exit_status():
    result = CliRunner().invoke(cli, ["audit", "--help"], terminal_width=100)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for phrase in (
        "--report",
        "--jobs",
        "--no-cache",
        "--fail-under",
        "NAMN-anmarkningar.csv",
        "Slutstatus: 0 när rapporten är skriven",
        "JAMLINT_CACHE_DIR",
    ):
        assert phrase in text, phrase
