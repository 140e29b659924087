"""Shared fixtures: one rule tester (and so one NLP pipeline) for the whole test session."""

import pytest


@pytest.fixture(scope="session")
def rule_tester():
    from jamlint.testing import RuleTester

    return RuleTester.create()
