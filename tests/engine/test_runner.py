"""The engine around the checks: crashing rules, superseded findings, suppression, and one NLP
pipeline per process."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamlint.api import Linter, lint_paths
from jamlint.config import Config
from jamlint.engine.loader import RuleSet, load_rules
from jamlint.engine.rule import Check, Rule
from jamlint.model import Comment
from jamlint.testing import RuleTester

NO_GENDER = """# Byte av belysning
## Förslag till beslut
Tekniska nämnden beslutar att byta 120 armaturer.
"""


class Boom(Check):
    def check(self, ctx):
        raise ZeroDivisionError("division med noll")


def test_crashing_rule_becomes_jam908_and_others_still_run():
    rules = load_rules(use_entry_points=False)
    broken = rules.get("JAM201").descriptor.model_copy(update={"code": "JAM299"})
    ruleset = RuleSet(rules.rules + (Rule(broken, Boom(broken)),))
    tester = RuleTester(Linter(Config(), rules=ruleset))
    found = tester.findings(NO_GENDER)
    crash = [f for f in found if f.code == "JAM908"]
    assert len(crash) == 1
    assert "JAM299" in crash[0].message and "ZeroDivisionError" in crash[0].message
    assert any(f.code == "JAM101" for f in found)


def test_placeholder_supersedes_missing_description(rule_tester):
    text = NO_GENDER + "## Konsekvenser\n[Beskriv konsekvenser för kvinnor och män]\n"
    codes = [f.code for f in rule_tester.findings(text)]
    assert "JAM105" in codes and "JAM101" not in codes


def lint_doc(linter: Linter, text: str, path: str, comments=None):
    doc = linter.parse(text.encode(), path)
    if comments:
        blocks = list(doc.blocks)
        for index, comment in comments.items():
            blocks[index] = blocks[index].model_copy(update={"comments": (comment,)})
        doc = doc.model_copy(update={"blocks": tuple(blocks)})
    return linter.lint_document(doc, path)


STAT = "# Skolskjuts\n## Bakgrund\nI dag åker 312 elever skolskjuts.\n"


def test_sidecar_suppression_with_reason(tmp_path: Path, rule_tester):
    path = tmp_path / "bun-skolskjuts.md"
    (tmp_path / "bun-skolskjuts.jamlint.toml").write_text(
        '[[ignore]]\ncodes = ["JAM201"]\n'
        'reason = "Skolskjutsregistret saknar uppgift om kön för 2024."\n',
        encoding="utf-8",
    )
    codes = [f.code for f in lint_doc(rule_tester.linter, STAT, str(path)).findings]
    assert "JAM201" not in codes and "JAM909" not in codes


def test_sidecar_suppression_without_reason_is_a_finding(tmp_path: Path, rule_tester):
    path = tmp_path / "bun-skolskjuts.md"
    (tmp_path / "bun-skolskjuts.jamlint.toml").write_text(
        '[[ignore]]\ncodes = ["JAM201"]\n', encoding="utf-8"
    )
    found = lint_doc(rule_tester.linter, STAT, str(path)).findings
    assert "JAM201" in [f.code for f in found]  # the suppression does not apply
    j909 = [f for f in found if f.code == "JAM909"]
    assert len(j909) == 1 and "saknar motivering" in j909[0].message


def test_word_comment_suppresses_on_its_paragraph(rule_tester):
    comment = Comment(
        author="Anna", text="jamlint: ignorera JAM201 Uppgift om kön saknas i registret för 2024."
    )
    found = lint_doc(rule_tester.linter, STAT, "x.md", {2: comment}).findings
    assert "JAM201" not in [f.code for f in found]


def test_word_comment_without_reason(rule_tester):
    comment = Comment(author="Anna", text="jamlint: ignorera JAM201", anchor="312 elever")
    found = lint_doc(rule_tester.linter, STAT, "x.md", {2: comment}).findings
    codes = [f.code for f in found]
    assert "JAM201" in codes and "JAM909" in codes


def test_pipeline_is_built_once_per_process(monkeypatch):
    import jamlint.nlp.pipeline as pipeline_module

    calls = []
    real = pipeline_module.build_pipeline

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "build_pipeline", counting)
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    files = sorted(str(p) for p in corpus.glob("*.txt"))[:5]
    result = lint_paths(files, Config(), jobs=1)
    assert len(result.files) == len(files) >= 3
    assert len(calls) == 1


@pytest.mark.parametrize("severity", ["warning", "error"])
def test_min_severity_filters(severity):
    tester = RuleTester(Linter(Config(min_severity=severity)))
    text = NO_GENDER + "## Jämställdhet\nBeslutet gynnar alla invånare oavsett kön.\n"
    codes = {f.code for f in tester.findings(text)}
    assert ("JAM103" in codes) is (severity == "warning")


def test_municipality_words_and_headings_from_config():
    text = (
        "# Stipendier 2025\n## Förslag till beslut\nNämnden delar ut 12 stipendiater.\n"
        "## Likvärdighet mellan könen\nEj aktuellt.\n"
    )
    plain = {(f.code, f.excerpt) for f in RuleTester(Linter(Config())).findings(text)}
    assert ("JAM201", "12 stipendiater") not in plain
    assert not any(code == "JAM102" for code, _ in plain)
    config = Config(
        extra_lexicon_words={"people": ("stipendiat",)},
        extra_headings={"gender": ("^likvärdighet mellan könen",)},
    )
    own = {(f.code, f.excerpt) for f in RuleTester(Linter(config)).findings(text)}
    assert ("JAM201", "12 stipendiater") in own
    assert ("JAM102", "Ej aktuellt.") in own


def test_document_findings_sit_on_the_arende_title_not_the_kommun_line(tmp_path: Path):
    path = tmp_path / "utan-analys.txt"
    path.write_text(
        "NORRBACKA KOMMUN\n\nTekniska förvaltningen\n\nTJÄNSTESKRIVELSE\n\nDatum: 2024-03-01\n\n"
        "Diarienummer: TN 2024/0042\n\nByte av belysning i gångtunnlar\n\n"
        "Förslag till beslut\n\nTekniska nämnden beslutar att byta armaturerna.\n",
        encoding="utf-8",
    )
    result = Linter(Config()).lint_file(str(path))
    jam101 = [f for f in result.findings if f.code == "JAM101"]
    assert len(jam101) == 1
    assert jam101[0].location.line == 11  # "Byte av belysning i gångtunnlar"
    assert jam101[0].context == "Byte av belysning i gångtunnlar"
