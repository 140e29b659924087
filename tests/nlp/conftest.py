"""One NLP pipeline for all NLP tests (building it once per process is how it is used)."""

from __future__ import annotations

import pytest

from jamlint.nlp import Pipeline, build_pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return build_pipeline()
