"""Markers for the workflow tests, which run real tools (git, pre-commit) in temporary repos."""


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: builds a pre-commit hook environment (about a minute each); runs in CI, "
        "skip locally with -m 'not slow'",
    )
