"""The audit's figures: pure functions, table-driven, over hand-built results."""

from __future__ import annotations

import ast
import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from jamlint import audit as audit_mod
from jamlint.audit import (
    CASE_HEADER,
    UNKNOWN_NAMND,
    build_audit,
    dnr_prefix,
    namnd_of,
    percent,
    prefix_names,
    suggest_score,
    summarize_case,
    worst_finding,
    write_cases_csv,
)
from jamlint.model import Metadata, Severity
from jamlint.model.finding import Category, RuleInfo
from tests.audit.sample import BATCH, broken, case, finding, run

WHEN = datetime(2025, 3, 1, 9, 30)


@pytest.mark.parametrize(
    ("dnr", "prefix"),
    [
        ("KS 2024/0123", "KS"),
        ("BN-2024-00013", "BN"),
        ("SN 2023.456", "SN"),
        ("VON 2024.0219", "VON"),
        ("ks2024/12", "KS"),
        ("  KFN 2024/77", "KFN"),
        ("MHN-2024-000231", "MHN"),
        ("Dnr", "DNR"),
        ("2024/123", None),
        ("", None),
        (None, None),
        ("-KS 12", None),
    ],
)
def test_dnr_prefix(dnr, prefix):
    assert dnr_prefix(dnr) == prefix


@pytest.mark.parametrize(
    ("metadata", "known", "expected"),
    [
        (Metadata(namnd="Socialnämnden", diarienummer="KS 2024/1"), {}, "Socialnämnden"),
        (Metadata(namnd="  Tekniska\n nämnden "), {}, "Tekniska nämnden"),
        (Metadata(diarienummer="KS 2024/1"), {"KS": "Kommunstyrelsen"}, "Kommunstyrelsen"),
        (Metadata(diarienummer="BN-2024-00013"), {"KS": "Kommunstyrelsen"}, "BN"),
        (Metadata(diarienummer="2024/13"), {}, UNKNOWN_NAMND),
        (Metadata(), {}, UNKNOWN_NAMND),
        (Metadata(namnd="   "), {}, UNKNOWN_NAMND),
    ],
)
def test_namnd_of(metadata, known, expected):
    assert namnd_of(metadata, known) == expected


def test_prefix_names_takes_the_most_common_name_per_prefix():
    names = prefix_names(
        [
            Metadata(namnd="Kommunstyrelsen", diarienummer="KS 2024/1"),
            Metadata(namnd="Kommunstyrelsen", diarienummer="KS 2024/2"),
            Metadata(namnd="Samhällsbyggnadsnämnden", diarienummer="KS 2023/9"),
            Metadata(namnd="Socialnämnden"),
            Metadata(diarienummer="BN 2024/3"),
        ]
    )
    assert names == {"KS": "Kommunstyrelsen"}


@pytest.mark.parametrize(
    ("codes", "worst"),
    [
        ((), None),
        (("JAM107",), "JAM107"),
        (("JAM107", "JAM103"), "JAM103"),  # warning beats info
        (("JAM201", "JAM101"), "JAM101"),  # same severity: consequences beat statistics
        (("JAM201", "JAM202"), "JAM201"),  # same severity and category: the first one
        (("JAM101", "JAM901"), "JAM901"),  # a document problem beats content
        (("JAM203", "JAM106", "JAM201"), "JAM201"),
    ],
)
def test_worst_finding(codes, worst):
    found = worst_finding(finding(c, line=i) for i, c in enumerate(codes))
    assert (found.code if found else None) == worst


def test_worst_finding_respects_changed_severity():
    # a configuration can make JAM201 a warning: then JAM103 (warning) ties and wins on category
    found = worst_finding([finding("JAM201", Severity.WARNING), finding("JAM103")])
    assert found.code == "JAM103"


@pytest.mark.parametrize(
    ("compliant", "base", "score"),
    [
        (9, 10, 3),  # exactly 90 %
        (10, 10, 3),
        (899, 1000, 2),  # 89.9 %
        (1, 2, 2),  # exactly 50 %
        (49, 100, 1),
        (0, 5, 1),
        (0, 0, None),  # nothing readable: no suggestion
    ],
)
def test_suggest_score_thresholds(compliant, base, score):
    assert suggest_score(compliant, base) == score


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (None, "–"),
        (0.0, "0 %"),
        (0.5, "50 %"),
        (1.0, "100 %"),
        (0.8996, "89,9 %"),  # rounded down: never shown as meeting 90 %
        (1 / 3, "33,3 %"),
        (0.9, "90 %"),
        (0.29, "29 %"),
    ],
)
def test_percent_rounds_down_to_one_decimal(share, text):
    assert percent(share) == text


@pytest.mark.parametrize(
    ("codes", "has_description", "statistics_problem"),
    [
        ((), True, False),
        (("JAM107", "JAM108", "JAM203", "JAM106"), True, False),
        (("JAM101",), False, False),
        (("JAM102",), False, False),
        (("JAM103",), False, False),
        (("JAM104",), False, False),
        (("JAM105",), False, False),
        (("JAM201",), True, True),
        (("JAM202",), True, True),
        (("JAM101", "JAM201"), False, True),
    ],
)
def test_compliance_of_a_readable_case(codes, has_description, statistics_problem):
    c = summarize_case(case("x.txt", *codes), {})
    assert c.readable
    assert c.has_description is has_description
    assert c.statistics_problem is statistics_problem


def test_an_unreadable_case_is_neither_compliant_nor_not():
    c = summarize_case(broken("x.docx"), {})
    assert not c.readable
    assert c.has_description is None and c.statistics_problem is None
    assert c.worst.code == "JAM901"
    assert c.error == "Filen är skadad."


def test_case_title_falls_back_to_the_file_name():
    assert summarize_case(case("mapp/ärende 1.txt"), {}).title == "ärende 1.txt"
    assert summarize_case(case("x.txt", title=" Ny  taxa "), {}).title == "Ny taxa"


def test_case_counts_and_worst_rank():
    c = summarize_case(case("x.txt", "JAM201", "JAM201", "JAM103", "JAM107"), {})
    assert (c.severities.error, c.severities.warning, c.severities.info) == (2, 1, 1)
    # counts per category, in CATEGORY_ORDER (consequences, statistics, language, document)
    assert c.categories == (2, 2, 0, 0)
    assert c.worst.code == "JAM201"
    clean = summarize_case(case("y.txt"), {})
    unreadable = summarize_case(broken("z.docx"), {})
    assert clean.worst_rank == 0 < c.worst_rank < unreadable.worst_rank


def test_findings_are_listed_in_document_order():
    fr = case("x.txt")
    fr = fr.model_copy(update={"findings": (finding("JAM201", line=9), finding("JAM101", line=1))})
    assert [f.code for f in summarize_case(fr, {}).findings] == ["JAM101", "JAM201"]


def test_build_audit_summary():
    a = build_audit(BATCH, generated=WHEN)
    s = a.summary
    assert (s.cases, s.readable, s.unreadable) == (5, 4, 1)
    assert (s.with_description, s.without_description, s.statistics_problem) == (2, 2, 2)
    assert s.findings == 8
    assert a.generated == "2025-03-01 09:30"
    assert a.version == "9.9.9"


def test_build_audit_assessments():
    item6, item7 = build_audit(BATCH).assessments
    assert (item6.item, item6.compliant, item6.base, item6.score) == (6, 2, 4, 2)
    assert (item7.item, item7.compliant, item7.base, item7.score) == (7, 2, 4, 2)
    assert item7.score_label == "behöver utvecklas"
    assert item6.share == 0.5


def test_every_case_compliant_suggests_3_and_none_suggests_1():
    good = build_audit(run(case("a.txt"), case("b.txt", "JAM107"), broken("c.docx")))
    assert [a.score for a in good.assessments] == [3, 3]
    bad = build_audit(run(case("a.txt", "JAM101", "JAM201"), case("b.txt", "JAM104", "JAM202")))
    assert [a.score for a in bad.assessments] == [1, 1]
    assert [a.score_label for a in bad.assessments] == ["ej påbörjat", "ej påbörjat"]


def test_nothing_readable_gives_no_suggestion():
    a = build_audit(run(broken("a.docx"), broken("b.pdf", "JAM904")))
    assert [x.score for x in a.assessments] == [None, None]
    assert a.assessments[0].score_label == "kan inte bedömas"
    assert a.assessments[0].share is None


def test_rules_switched_off_are_reported_and_all_off_means_not_measured():
    everything_but_jam103 = frozenset({"JAM101", "JAM102", "JAM104", "JAM105", "JAM201"})
    item6, item7 = build_audit(BATCH, enabled=everything_but_jam103).assessments
    assert item7.rules_off == ("JAM103",) and item7.score == 2
    assert item6.rules_off == ("JAM202",) and item6.score == 2
    item6, item7 = build_audit(BATCH, enabled=frozenset({"JAM201"})).assessments
    assert item7.score is None and len(item7.rules_off) == 5
    assert item6.score == 2


def test_counts_per_rule():
    infos = (
        RuleInfo(
            code="JAM201",
            name="people-statistic-without-sex",
            category=Category.STATISTICS,
            severity=Severity.ERROR,
            message="Statistiken gäller personer men redovisas inte uppdelad på kön.",
        ),
    )
    rules = {r.code: r for r in build_audit(BATCH, rules=infos).rules}
    assert list(rules) == sorted(rules)
    assert set(rules) == {"JAM101", "JAM102", "JAM107", "JAM201", "JAM202", "JAM203", "JAM901"}
    assert (rules["JAM201"].cases, rules["JAM201"].findings) == (1, 2)
    assert rules["JAM201"].description.startswith("Statistiken gäller personer")
    # without a description the first finding's message stands in
    assert rules["JAM101"].description == "Meddelande för JAM101."
    assert rules["JAM107"].severity is Severity.INFO


def test_counts_per_namnd():
    namnder = build_audit(BATCH).namnder
    rows = [
        (n.namnd, n.cases, n.readable, n.unreadable, n.with_description, n.statistics_problem)
        for n in namnder
    ]
    assert rows == [
        # the KS case without a nämnd in its header joins Kommunstyrelsen by its prefix
        ("Kommunstyrelsen", 2, 2, 0, 1, 1),
        ("BN", 1, 1, 0, 0, 1),
        (UNKNOWN_NAMND, 2, 1, 1, 1, 0),
    ]
    ks = namnder[0].severities
    assert (ks.error, ks.warning, ks.info, ks.total) == (3, 0, 1, 4)


def test_json_dict_is_plain_json_with_summary_assessment_and_cases():
    data = json.loads(json.dumps(build_audit(BATCH, generated=WHEN).to_json_dict()))
    assert data["summary"] == {
        "cases": 5,
        "readable": 4,
        "unreadable": 1,
        "with_description": 2,
        "without_description": 2,
        "statistics_problem": 2,
        "findings": 8,
    }
    sa = data["self_assessment"]
    assert [t["min_percent"] for t in sa["thresholds"]] == [90, 50, 0]
    assert [i["suggested_score"] for i in sa["items"]] == [2, 2]
    assert sa["items"][1]["share"] == 0.5
    assert [c["path"] for c in data["cases"]] == [fr.path for fr in BATCH.files]
    saknas = data["cases"][1]
    assert saknas["namnd"] == "Kommunstyrelsen" and saknas["worst"] == "JAM101"
    assert saknas["has_description"] is False and saknas["statistics_problem"] is True
    assert [f["code"] for f in saknas["findings"]] == ["JAM101", "JAM201", "JAM201"]
    assert data["cases"][4]["has_description"] is None
    assert {n["namnd"] for n in data["by_namnd"]} == {"Kommunstyrelsen", "BN", UNKNOWN_NAMND}


def test_cases_csv_for_swedish_excel():
    out = io.StringIO(newline="")
    write_cases_csv(build_audit(BATCH), out)
    text = out.getvalue()
    assert text.startswith("\ufefffil;ärende;nämnd;diarienummer;")
    assert text.count("\r\n") == 1 + len(BATCH.files)
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert tuple(rows[0]) == CASE_HEADER
    by_path = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    saknas = by_path["a/ks-saknas.txt"]
    assert saknas["nämnd"] == "Kommunstyrelsen"
    assert saknas["värsta kod"] == "JAM101" and saknas["värsta grad"] == "fel"
    assert (saknas["anmärkningar"], saknas["fel"]) == ("3", "3")
    assert saknas["anmärkningar konsekvenser"] == "1"
    assert saknas["anmärkningar statistik"] == "2"
    assert saknas["konsekvensbeskrivning"] == "nej"
    assert saknas["statistik ej uppdelad på kön"] == "ja"
    trasig = by_path["a/trasig.docx"]
    assert trasig["status"] == "kunde inte läsas"
    assert trasig["konsekvensbeskrivning"] == "–"
    assert trasig["felmeddelande"] == "Filen är skadad."


def test_audit_module_imports_only_the_model():
    # reporters import jamlint.audit, and reporters may import only the model (STYLE.md)
    tree = ast.parse(Path(audit_mod.__file__).read_text("utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jamlint")
    }
    imported |= {
        a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for a in node.names
        if a.name.startswith("jamlint")
    }
    assert imported and all(m.startswith("jamlint.model") for m in imported), imported
