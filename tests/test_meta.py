"""Meta-tests: the rule set documents itself, codes stay stable, layers stay apart."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from jamlint.engine.loader import DESCRIPTOR_DIRS, builtin_descriptors, load_rules

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "rules" / "cases"
PREFIX_BY_CATEGORY = {"consequences": "JAM1", "statistics": "JAM2", "language": "JAM3",
                      "document": "JAM9"}


def descriptor_files():
    root = files("jamlint._rules")
    for sub in DESCRIPTOR_DIRS:
        d = root.joinpath(sub)
        if d.is_dir():
            yield from ((sub, f) for f in d.iterdir() if f.name.endswith(".yaml"))


def content_rules():
    return [d for d in builtin_descriptors() if d.kind != "document-problem"]


def test_file_names_match_code_slug_and_category():
    for sub, f in descriptor_files():
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert f.name == f"{data['code']}-{data['name']}.yaml"
        assert data["category"] == sub
        assert data["code"].startswith(PREFIX_BY_CATEGORY[sub])


def test_catalogue_equals_snapshot():
    snapshot = yaml.safe_load((ROOT / "tests/rules/catalogue.snapshot.yaml").read_text("utf-8"))
    current = {
        d.code: [d.name, d.category.value, d.severity.value] for d in builtin_descriptors()
    }
    assert current == snapshot


def test_every_rule_is_documented():
    for d in builtin_descriptors():
        assert d.message.strip() and d.explanation.strip() and d.references
        assert d.examples.fail.strip() and d.examples.pass_.strip()


def test_every_content_rule_has_cases():
    for d in content_rules():
        path = CASES / f"{d.code}.yaml"
        assert path.is_file(), f"{d.code} saknar testfall i {path}"
        data = yaml.safe_load(path.read_text("utf-8"))
        assert data["rule"] == d.code
        kinds = {("fail" if "fail" in c else "pass") for c in data["cases"]}
        assert kinds == {"fail", "pass"}, f"{d.code}: både fail- och pass-fall behövs"


@pytest.mark.parametrize("code", [d.code for d in content_rules()])
def test_examples_behave_as_documented(rule_tester, code):
    d = load_rules(use_entry_points=False).get(code).descriptor
    assert rule_tester.findings(d.examples.fail, code), f"{code}: fail-exemplet ger inget fynd"
    assert not rule_tester.findings(d.examples.pass_, code), f"{code}: pass-exemplet ger fynd"


# Which jamlint packages each layer may import (STYLE.md: one way through).
ALLOWED = {
    "model": {"model"},
    "parsers": {"model", "parsers"},
    "nlp": {"model", "nlp"},
    "engine": {"model", "nlp", "engine", "checks", "parsers.errors"},
    "checks": {"model", "nlp", "engine", "checks"},
    # jamlint.audit aggregates results for the HTML report; it imports only the model
    "reporters": {"model", "reporters", "audit"},
}


def _jamlint_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jamlint."):
            out.add(node.module.removeprefix("jamlint."))
        elif isinstance(node, ast.Import):
            out.update(a.name.removeprefix("jamlint.") for a in node.names
                       if a.name.startswith("jamlint."))
    return out


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_earlier_stages(layer):
    for path in (ROOT / "jamlint" / layer).rglob("*.py"):
        for mod in _jamlint_imports(path):
            ok = any(mod == a or mod.startswith(a + ".") for a in ALLOWED[layer])
            assert ok, f"{path.relative_to(ROOT)} importerar jamlint.{mod}"


def test_start_up_path_stays_light():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from jamlint.cli import cli\n"
        "for args in (['--version'], ['rules'], ['explain', 'JAM201']):\n"
        "    r = CliRunner().invoke(cli, args)\n"
        "    assert r.exit_code == 0, r.output\n"
        "heavy = [m for m in ('spacy', 'pdfplumber', 'pypdfium2', 'docx') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
