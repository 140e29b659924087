"""Third-party rules: a directory of data rules (`--rules DIR`) and an installed Python pack
(entry-point group `jamlint.rules`), each shown producing its findings."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from jamlint.api import Linter
from jamlint.config import Config
from jamlint.engine.loader import load_rules
from jamlint.engine.rule import RuleError
from jamlint.testing import RuleTester

DOC = """# Ny lekplats i Norrby
## Förslag till beslut
Tekniska nämnden beslutar att bygga en lekplats i Norrby.
## Barnperspektiv
Ej aktuellt.
## Jämställdhet
Lekplatsen används enligt besöksräkningen av lika många flickor som pojkar, men flickor
stannar kortare tid, vilket vi möter med fler sittplatser och belysning.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture()
def data_rules(tmp_path: Path) -> Path:
    root = tmp_path / "kommunens-regler"
    write(
        root / "KOM101-children-not-only-boilerplate.yaml",
        """
        code: KOM101
        name: children-not-only-boilerplate
        category: consequences
        severity: warning
        kind: section-not-boilerplate
        options:
          section: children
          lexicon: not_relevant
          reason-lexicon: motivation
        message: Barnperspektivet är bara ett "Ej aktuellt" utan motivering.
        explanation: Kommunens riktlinje kräver att barnperspektivet motiveras.
        references: ["Kommunens riktlinje för barnrättsbaserade beslut"]
        examples:
          fail: "## Barnperspektiv\\nEj aktuellt."
          pass: "## Barnperspektiv\\nÄrendet berör inte barn eftersom det gäller intern IT."
        """,
    )
    write(
        root / "KOM201-lekplats-word.yaml",
        """
        code: KOM201
        name: playground-named
        category: language
        severity: info
        kind: phrase-present
        options:
          lexicon: kommun_ord
        message: Ordet finns i kommunens ordlista.
        explanation: Ett exempel på en ordlisteregel.
        references: ["Kommunens skrivregler"]
        examples:
          fail: "En lekplats byggs."
          pass: "En park byggs."
        """,
    )
    write(root / "lexicons" / "phrases" / "kommun_ord.txt", "# kommunens ord\nlekplats\n")
    return root


def test_data_rule_directory_adds_rules(data_rules: Path):
    tester = RuleTester(Linter(Config(rules=(str(data_rules),))))
    found = {(f.code, f.excerpt) for f in tester.findings(DOC)}
    assert ("KOM101", "Ej aktuellt.") in found
    assert ("KOM201", "lekplats") in found  # from the pack's own phrase lexicon


def test_data_rule_examples(data_rules: Path):
    tester = RuleTester(Linter(Config(rules=(str(data_rules),))))
    for rule in load_rules([data_rules], use_entry_points=False).rules:
        if not rule.code.startswith("KOM"):
            continue
        d = rule.descriptor
        assert tester.findings(d.examples.fail, d.code)
        assert not tester.findings(d.examples.pass_, d.code)


def test_broken_descriptor_names_the_file(tmp_path: Path):
    write(tmp_path / "r" / "KOM1.yaml", "code: KOM1\nname: x\n")
    with pytest.raises(RuleError, match="KOM1.yaml"):
        load_rules([tmp_path / "r"], use_entry_points=False)


def test_duplicate_code_is_an_error(tmp_path: Path):
    text = (Path(__file__).parents[2] / "rules/statistics/JAM201-people-statistic-without-sex.yaml")
    write(tmp_path / "r" / "JAM201-copy.yaml", text.read_text("utf-8"))
    with pytest.raises(RuleError, match="JAM201"):
        load_rules([tmp_path / "r"], use_entry_points=False)


PACK_MODULE = '''
"""A tiny third-party rule pack: one Python kind and one descriptor."""
from pathlib import Path
from jamlint.engine.loader import RulePack
from jamlint.engine.rule import Check, Hit


class LongSentence(Check):
    """Flags sentences longer than 20 words (a plain-language rule)."""

    def check(self, ctx):
        for ab in ctx.blocks:
            for s in ab.sentences:
                if len(s.span.text.split()) > 20:
                    yield Hit(block=ab.block.index, start=s.span.start, end=s.span.end)


def jamlint_rules():
    return RulePack(
        name="klarsprak",
        descriptors=Path(__file__).parent / "rules",
        kinds={"klarsprak-long-sentence": LongSentence},
    )
'''

PACK_RULE = """
code: KLS301
name: long-sentence
category: language
severity: info
kind: klarsprak-long-sentence
message: Meningen är lång; dela upp den.
explanation: Klarspråk - korta meningar är lättare att läsa.
references: ["Språklagen (2009:600) 11 §"]
examples:
  fail: "En mening som är mycket lång och som fortsätter och fortsätter med ord efter ord utan att ta slut någon gång alls i dag."
  pass: "En kort mening."
"""


@pytest.fixture()
def installed_pack(tmp_path: Path, monkeypatch):
    """Install the pack the way pip lays it out: a package plus a .dist-info with its entry
    point, on sys.path (importlib.metadata discovers it like any installed distribution)."""
    site = tmp_path / "site-packages"
    write(site / "klarsprak_pack" / "__init__.py", PACK_MODULE)
    write(site / "klarsprak_pack" / "rules" / "KLS301-long-sentence.yaml", PACK_RULE)
    dist = site / "klarsprak_pack-0.1.dist-info"
    write(dist / "METADATA", "Metadata-Version: 2.1\nName: klarsprak-pack\nVersion: 0.1\n")
    write(dist / "entry_points.txt", "[jamlint.rules]\nklarsprak = klarsprak_pack:jamlint_rules\n")
    monkeypatch.syspath_prepend(str(site))
    yield site
    sys.modules.pop("klarsprak_pack", None)


def test_entry_point_pack_is_discovered_and_reports(installed_pack):
    ruleset = load_rules()
    assert ruleset.get("KLS301") is not None
    tester = RuleTester(Linter(Config(), rules=ruleset))
    long = "Förvaltningen föreslår " + "att nämnden beslutar och " * 8 + "godkänner planen."
    got = tester.findings(long, "KLS301")
    assert [f.severity.value for f in got] == ["info"]
    assert got[0].excerpt == long


def test_broken_pack_is_named(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    write(site / "trasig_pack" / "__init__.py", "raise ImportError('saknas')\n")
    dist = site / "trasig_pack-0.1.dist-info"
    write(dist / "METADATA", "Metadata-Version: 2.1\nName: trasig-pack\nVersion: 0.1\n")
    write(dist / "entry_points.txt", "[jamlint.rules]\ntrasig = trasig_pack:jamlint_rules\n")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(RuleError, match="trasig"):
        load_rules()


def test_section_kinds_as_data_rules(tmp_path: Path):
    root = tmp_path / "regler"
    write(
        root / "KOM102-children-heading-required.yaml",
        """
        code: KOM102
        name: children-heading-required
        category: document
        severity: warning
        kind: section-required
        options: {section: children}
        message: Mallen kräver rubriken Barnperspektiv.
        explanation: Kommunens mall har alltid ett barnperspektiv.
        references: ["Kommunens mall för tjänsteskrivelser"]
        examples:
          fail: "# Ärende\\n## Bakgrund\\nText."
          pass: "# Ärende\\n## Barnperspektiv\\nBarnen berörs inte, eftersom ärendet gäller intern IT."
        """,
    )
    write(
        root / "KOM103-environment-not-empty.yaml",
        """
        code: KOM103
        name: environment-not-empty
        category: document
        severity: info
        kind: section-not-empty
        options: {section: environment}
        message: Miljörubriken är tom.
        explanation: Skriv något under rubriken eller ta bort den.
        references: ["Kommunens mall för tjänsteskrivelser"]
        examples:
          fail: "# Ärende\\n## Miljö\\n## Ekonomi\\nRyms i budget."
          pass: "# Ärende\\n## Miljö\\nIngen miljöpåverkan eftersom ärendet gäller en taxa."
        """,
    )
    tester = RuleTester(Linter(Config(rules=(str(root),))))
    for rule in load_rules([root], use_entry_points=False).rules:
        if rule.code.startswith("KOM"):
            d = rule.descriptor
            assert [f.excerpt for f in tester.findings(d.examples.fail, d.code)]
            assert not tester.findings(d.examples.pass_, d.code)
    got = tester.findings("# Ärende\n## Miljö\n## Ekonomi\nRyms i budget.", "KOM103")
    assert [f.excerpt for f in got] == ["Miljö"]
