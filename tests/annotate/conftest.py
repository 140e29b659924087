"""One linter (and so one NLP pipeline) for all annotate tests."""

import shutil

import pytest


@pytest.fixture(scope="session")
def linter():
    from jamlint.api import Linter
    from jamlint.config import Config

    return Linter(Config())


@pytest.fixture(scope="session")
def soffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice saknas (apt-get install libreoffice-writer-nogui)")
    return path
