"""Every rule's must-pass and must-fail snippets (tests/rules/cases/JAMxxx.yaml).

Run one rule with `pytest -k JAM201`.
"""

from pathlib import Path

import pytest

from jamlint.testing import case_params

CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize(("code", "case"), case_params(CASES))
def test_rule_case(rule_tester, code, case):
    rule_tester.assert_case(code, case)
