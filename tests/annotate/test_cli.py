"""`jamlint annotate` through click's CliRunner: what it writes, what it says, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamlint.cli import cli

from .annotated import own

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture()
def work(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no project configuration from the checkout
    shutil.copyfile(CORPUS / "ks-heltid.docx", tmp_path / "heltid.docx")
    shutil.copyfile(CORPUS / "ks-budget.pdf", tmp_path / "budget.pdf")
    (tmp_path / "skjuts.txt").write_text("Vi har 312 elever.\n", encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_annotate_writes_the_copy_beside_the_original(work):
    result = run("annotate", "heltid.docx")
    assert result.exit_code == 0, result.output
    copy = work / "heltid.jamlint.docx"
    n = len(own(copy.read_bytes()))
    assert n > 0
    assert result.output == f"heltid.docx: skrev heltid.jamlint.docx med {n} kommentarer.\n"


def test_annotating_the_copy_again_needs_another_name_and_replaces_comments(work):
    assert run("annotate", "heltid.docx").exit_code == 0
    refused = run("annotate", "heltid.jamlint.docx")
    assert refused.exit_code == 2
    assert "samma fil som originalet" in refused.output
    again = run("annotate", "heltid.jamlint.docx", "-o", "igen.docx")
    assert again.exit_code == 0, again.output
    n = len(own((work / "igen.docx").read_bytes()))
    assert again.output.splitlines() == [
        f"heltid.jamlint.docx: skrev igen.docx med {n} kommentarer.",
        f"Ersatte {n} tidigare kommentarer från jamlint.",
    ]


def test_pdf_gets_notes(work):
    result = run("annotate", "budget.pdf")
    assert result.exit_code == 0, result.output
    assert "skrev budget.jamlint.pdf med" in result.output and "anteckningar" in result.output


def test_a_text_file_is_refused_and_the_others_are_still_written(work):
    result = run("annotate", "skjuts.txt", "heltid.docx")
    assert result.exit_code == 2
    assert "skjuts.txt är en textfil" in result.output
    assert "jamlint check skjuts.txt" in result.output
    assert (work / "heltid.jamlint.docx").is_file()


def test_output_only_with_one_file(work):
    result = run("annotate", "heltid.docx", "budget.pdf", "-o", "ut.docx")
    assert result.exit_code == 2
    assert "-o kan bara användas" in result.output


def test_selection_applies(work):
    result = run("annotate", "heltid.docx", "--select", "JAM203")
    assert result.exit_code == 0
    codes = {c.text.split()[0] for c in own((work / "heltid.jamlint.docx").read_bytes())}
    assert codes == {"JAM203"}
