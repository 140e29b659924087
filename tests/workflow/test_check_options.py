"""`jamlint check --jobs N` and `--cache/--no-cache`: what pre-commit and CI runs rely on.

The hook hands `check` every staged file in one call (require_serial), so `check` spreads them
over its own process pool; the result must not depend on the number of processes. The result
cache is off unless asked for, and when on, an unchanged file is not linted again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import jamlint.api
from jamlint import __version__
from jamlint.cli import cli
from jamlint.model import RunResult

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = Path(__file__).resolve().parent / "documents"


@pytest.fixture
def folder(tmp_path) -> Path:
    """Seven case documents: more than the API's minimum for a process pool."""
    out = tmp_path / "arenden"
    out.mkdir()
    for src in [
        DOCUMENTS / "good.md",
        DOCUMENTS / "bad.md",
        *sorted(ROOT.glob("corpus/*.txt"))[:5],
    ]:
        shutil.copy(src, out / src.name)
    return out


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("JAMLINT_CACHE_DIR", str(path))
    return path


def check(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def cached_results(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.json")) if cache_dir.exists() else []


@pytest.fixture
def jobs_seen(monkeypatch) -> list[int]:
    """Records the `jobs` that `check` hands to `lint_paths`, which then lints nothing."""
    seen: list[int] = []

    def spy(*args, **kwargs):
        seen.append(kwargs.get("jobs", 1))
        return RunResult(version=__version__, files=())

    monkeypatch.setattr(jamlint.api, "lint_paths", spy)
    return seen


def test_output_does_not_depend_on_the_number_of_processes(folder):
    serial = check(str(folder), "--jobs", "1")
    pooled = check(str(folder), "--jobs", "2")
    assert serial.exit_code == 1, serial.output
    assert pooled.exit_code == serial.exit_code
    assert pooled.output == serial.output
    assert "bad.md:-:9:12: JAM201" in serial.output


def test_jobs_default_to_the_cores_but_never_more_than_the_files(folder, jobs_seen, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 64)
    check(str(folder))
    check(str(folder / "bad.md"))
    check(str(folder), "-j", "3")
    assert jobs_seen == [7, 1, 3]


def test_jobs_must_be_at_least_one(folder):
    result = check(str(folder), "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output


@pytest.mark.parametrize("flag", [(), ("--no-cache",)])
def test_cache_is_off_unless_asked_for(folder, cache_dir, flag):
    result = check(str(folder), "-j", "1", *flag)
    assert result.exit_code == 1, result.output
    assert cached_results(cache_dir) == []


def test_cache_serves_unchanged_files_without_linting_them(folder, cache_dir, monkeypatch):
    first = check(str(folder), "-j", "1", "--cache")
    assert first.exit_code == 1, first.output
    assert len(cached_results(cache_dir)) == 7

    def no_linting(self, data, path):
        raise AssertionError(f"{path} granskades på nytt trots cachen")

    monkeypatch.setattr(jamlint.api.Linter, "_lint_bytes", no_linting)
    second = check(str(folder), "-j", "1", "--cache")
    assert second.exit_code == first.exit_code
    assert second.output == first.output

    # without the cache the same run does lint, and so reaches the patched method
    assert check(str(folder), "-j", "1").exit_code == 3
