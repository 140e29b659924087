"""SARIF output: valid against the official 2.1.0 schema, rules described, stable fingerprints.

The schema is vendored (sarif-schema-2.1.0.json: the OASIS errata01 schema, byte for byte as in
oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json at commit 0a8091f7) because tests run
without network.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from jamlint.model import FileStatus
from jamlint.reporters import ReportOptions, get_reporter
from jamlint.reporters.sarif import (
    FINGERPRINT_KEY,
    artifact_location,
    build_log,
    file_fingerprints,
    fingerprint,
)
from tests.reporters import sample

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
# characters RFC 3986 allows in a URI reference (anything else must be percent-encoded)
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def render(result, rules=sample.RULES) -> dict:
    out = io.StringIO()
    get_reporter("sarif")(result, out, ReportOptions(rules=rules))
    return json.loads(out.getvalue())


def results_of(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


def test_vendored_schema_is_the_sarif_2_1_0_schema():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_schema_rejects_what_sarif_forbids():
    # guards the test itself: a region line of 0 and a missing message must fail validation
    log = render(sample.run_result())
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)
    bad = json.loads(json.dumps(log))
    del bad["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


def test_output_validates_against_the_schema():
    log = render(sample.run_result())
    validate(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "jamlint" and driver["version"] == "0.1.0"


def test_output_without_rule_metadata_still_validates_and_indexes_rules():
    log = render(sample.run_result(), rules=())
    validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["JAM101", "JAM103", "JAM107", "JAM201", "JAM901"]
    for result in results_of(log):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_rules_are_described_from_rule_metadata():
    log = render(sample.run_result())
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r.code for r in sample.RULES)
    jam201 = next(r for r in rules if r["id"] == "JAM201")
    assert jam201["name"] == "people-statistic-without-sex"
    assert jam201["shortDescription"]["text"] == sample.stat(1).message
    assert jam201["fullDescription"]["text"].startswith("Individbaserad statistik")
    assert "120 elever, varav 64 flickor" in jam201["help"]["text"]
    assert jam201["help"]["text"].startswith("Individbaserad statistik")
    assert jam201["defaultConfiguration"]["level"] == "error"
    assert jam201["properties"]["category"] == "statistics"
    assert jam201["properties"]["references"] == [
        "Förordning (2001:100) om den officiella statistiken, 14 §"
    ]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["JAM103"] == "warning" and levels["JAM107"] == "note"
    for result in results_of(log):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_carry_level_message_excerpt_and_region():
    log = render(sample.run_result())
    by_rule = {}
    for r in results_of(log):
        by_rule.setdefault(r["ruleId"], []).append(r)
    first_stat = by_rule["JAM201"][0]
    assert first_stat["level"] == "error"
    assert first_stat["message"]["text"] == (
        "Statistiken gäller personer men redovisas inte uppdelad på kön. «120 elever»"
    )
    physical = first_stat["locations"][0]["physicalLocation"]
    assert physical["region"] == {"startLine": 14, "startColumn": 17}
    assert first_stat["properties"] == {"page": 2, "paragraph": 5, "section": "Ärendet > Bakgrund"}
    assert by_rule["JAM103"][0]["level"] == "warning"
    assert by_rule["JAM107"][0]["level"] == "note"


def test_document_level_findings_have_no_region():
    log = render(sample.run_result())
    for r in results_of(log):
        if r["ruleId"] in ("JAM101", "JAM901"):
            physical = r["locations"][0]["physicalLocation"]
            assert "region" not in physical
            assert physical["artifactLocation"]["uri"]
            assert "«" not in r["message"]["text"]  # no excerpt to show


def test_relative_paths_are_uri_escaped_against_srcroot():
    log = render(sample.run_result())
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results_of(log)
    }
    assert uris == {
        "%C3%A4renden/Tj%C3%A4nsteskrivelse%20f%C3%B6rskola.docx",
        "inkommet/trasig.pdf",
    }
    for r in results_of(log):
        location = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert URI_CHARS.match(location["uri"])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a.md", {"uri": "a.md", "uriBaseId": "%SRCROOT%"}),
        ("docs/50% klart #2.md", {"uri": "docs/50%25%20klart%20%232.md", "uriBaseId": "%SRCROOT%"}),
        ("ärende:1.txt", {"uri": "%C3%A4rende%3A1.txt", "uriBaseId": "%SRCROOT%"}),
        ("mapp\\Beslut.docx", {"uri": "mapp/Beslut.docx", "uriBaseId": "%SRCROOT%"}),
        ("/srv/ärenden/a b.docx", {"uri": "file:///srv/%C3%A4renden/a%20b.docx"}),
        ("C:\\Ärenden\\a.docx", {"uri": "file:///C:/%C3%84renden/a.docx"}),
    ],
)
def test_artifact_location(path, expected):
    assert artifact_location(path) == expected


def test_unreadable_file_is_a_result_and_a_tool_notification():
    log = render(sample.run_result())
    validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "Filen är skadad och kan inte läsas."
    location = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "inkommet/trasig.pdf", "uriBaseId": "%SRCROOT%"}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[note["associatedRule"]["index"]]["id"] == "JAM901"
    assert [r["ruleId"] for r in results_of(log)].count("JAM901") == 1


def test_unreadable_file_without_finding_still_notified():
    result = sample.run_result()
    broken = result.files[2].model_copy(update={"findings": ()})
    log = render(result.model_copy(update={"files": result.files[:2] + (broken,)}))
    validate(log)
    [note] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "Filen är skadad och kan inte läsas."
    assert "associatedRule" not in note


def test_clean_run_is_successful_with_no_notifications():
    result = sample.run_result()
    ok = tuple(fr for fr in result.files if fr.status is FileStatus.OK)
    log = render(result.model_copy(update={"files": ok}))
    validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def fingerprints(log: dict) -> list[str]:
    return [r["partialFingerprints"][FINGERPRINT_KEY] for r in results_of(log)]


def test_fingerprints_are_stable_when_only_line_numbers_change():
    before = render(sample.run_result())
    moved = sample.docx_result(
        (
            sample.MISSING,
            sample.stat(52, 3),
            sample.stat(70, 9),
            sample.INFO.model_copy(
                update={"location": sample.INFO.location.model_copy(update={"line": 77})}
            ),
            sample.BLIND,
        )
    )
    after = render(sample.run_result(moved))
    assert fingerprints(before) == fingerprints(after)


def test_fingerprints_differ_when_the_context_changes():
    a = fingerprint(sample.stat(14))
    assert a != fingerprint(sample.stat(14, context=sample.STAT_CONTEXT.replace("120", "130")))
    assert a != fingerprint(sample.stat(14, context="I skolan går 120 elever."))
    assert a != fingerprint(sample.stat(14).model_copy(update={"excerpt": "120 barn"}))
    assert a != fingerprint(sample.stat(14).model_copy(update={"code": "JAM999"}))


def test_fingerprints_ignore_case_and_whitespace():
    reflowed = "  i FÖRSKOLAN går 120\n elever och 45 procent\tav vårdnadshavarna är nöjda. "
    assert fingerprint(sample.stat(14)) == fingerprint(sample.stat(14, context=reflowed))


def test_identical_findings_get_unique_fingerprints():
    log = render(sample.run_result())
    stat_fps = [
        r["partialFingerprints"][FINGERPRINT_KEY]
        for r in results_of(log)
        if r["ruleId"] == "JAM201"
    ]
    assert len(stat_fps) == 2
    assert stat_fps[1] == stat_fps[0] + ":2"
    assert len(set(fingerprints(log))) == len(fingerprints(log))
    assert re.fullmatch(r"[0-9a-f]{32}", stat_fps[0])


def test_first_occurrence_keeps_its_fingerprint_when_a_duplicate_appears():
    one = file_fingerprints((sample.stat(14),))
    two = file_fingerprints((sample.stat(14), sample.stat(30)))
    assert two[0] == one[0]


def test_render_writes_utf8_json_with_swedish_letters():
    out = io.StringIO()
    get_reporter("sarif")(sample.run_result(), out, ReportOptions(rules=sample.RULES))
    text = out.getvalue()
    assert "Förordning" in text and "\\u00f6" not in text
    assert text.endswith("}\n")


def test_builtin_rule_metadata_from_the_cli_validates():
    from jamlint.cli import _rule_infos

    rules = _rule_infos(())
    codes = {r.code for r in rules}
    assert {"JAM101", "JAM201", "JAM901"} <= codes
    log = build_log(sample.run_result(), rules)
    validate(log)
    described = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in described} == codes
    assert all(r["fullDescription"]["text"] for r in described)
