"""The pre-commit manifest agrees with pre-commit's schema, with jamlint and with the README.

Fast checks that need no hook environment; test_precommit.py runs the hook for real. The two case
documents the slow tests commit are checked here too, so a rule change that flips them shows up
as a plain finding instead of a puzzling pre-commit failure.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from jamlint.api import lint_paths
from jamlint.config import Config

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
README = ROOT / "README.md"
DOCUMENTS = Path(__file__).resolve().parent / "documents"


@pytest.fixture(scope="module")
def hook() -> dict:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(MANIFEST))  # pre-commit's own validation; raises when invalid
    assert [h["id"] for h in hooks] == ["jamlint"]
    return hooks[0]


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## pre-commit\n(.*?)(?=^## )", text, re.DOTALL | re.MULTILINE)
    assert match, "README.md saknar avsnittet '## pre-commit'"
    return match.group(1)


def test_hook_runs_jamlint_check_once_on_all_files(hook):
    assert hook["entry"] == "jamlint check"
    assert hook["language"] == "python"
    assert hook["types"] == ["file"]
    assert hook["pass_filenames"] is True
    # jamlint has its own process pool; pre-commit must hand it every file in one call
    assert hook["require_serial"] is True


def test_file_pattern_selects_exactly_what_jamlint_reads_in_a_folder(hook):
    pattern = re.compile(hook["files"])
    for ext in sorted({g.rsplit(".", 1)[1] for g in Config().include}):
        for name in (f"ks-2024-0123.{ext}", f"ärenden/Utkast.{ext.upper()}"):
            assert pattern.search(name), name
    for name in ("tabell.csv", "gammal.doc", "bild.png", "x.docx.bak", "md", "pdf/readme"):
        assert not pattern.search(name), name
        assert not any(fnmatch(name, g) for g in Config().include), name


def test_readme_snippet_names_the_hook_and_its_pattern(hook):
    section = readme_section()
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block, "README:s pre-commit-avsnitt saknar ett yaml-exempel"
    config = yaml.safe_load(block.group(1))
    ids = [h["id"] for repo in config["repos"] for h in repo["hooks"]]
    assert ids == [hook["id"]]
    assert f"`{hook['files']}`" in section
    assert f"`{hook['entry']}`" in section


def test_case_documents_good_has_no_findings_bad_has_the_ones_the_hook_tests_expect():
    result = lint_paths([str(DOCUMENTS / "good.md"), str(DOCUMENTS / "bad.md")])
    good, bad = result.files
    assert [(f.code, f.excerpt) for f in good.findings] == []
    found = {(f.code, f.excerpt) for f in bad.findings}
    assert {("JAM101", ""), ("JAM201", "120 elever")} <= found
