"""The pre-commit hook, run by the real `pre-commit` tool: a bad case document blocks the commit,
a good one goes through.

pre-commit installs a hook by cloning the hook repository at a commit and pip-installing it into a
virtualenv of its own (about a minute here: spaCy and its dependencies). The checkout under test
may hold uncommitted and untracked files, and `pre-commit try-repo` carries over changes to
tracked files only, so the tests first copy the working tree — every file git would track — into a
temporary repository and point pre-commit at that: what is tested is the code on disk.

PRE_COMMIT_HOME is a temporary directory per module. pre-commit keys a hook environment by
repository path and revision, and the snapshot's path is new on every run, so a shared cache
directory would never be hit and would only grow; a temporary one also leaves the developer's own
~/.cache/pre-commit alone. (`try-repo` builds its environment in a temporary store of its own
whatever PRE_COMMIT_HOME says.) Three environments are built: ≈ 2–3 minutes in all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = Path(__file__).resolve().parent / "documents"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
HOOK_ID = "jamlint"

pytestmark = pytest.mark.slow


def clean_env(home: Path) -> dict[str, str]:
    """The environment for git and pre-commit: no user or system git config, no GIT_* leaking in
    from an outer git hook, and our own pre-commit store. pip settings stay (the hook's
    environment is installed with them)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    empty = home / "gitconfig"
    empty.touch()
    env.update(
        GIT_CONFIG_GLOBAL=str(empty),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        PRE_COMMIT_COLOR="never",
    )
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str], check: bool = True):
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} → {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def git(repo: Path, env: dict[str, str], *args: str, check: bool = True):
    return run(["git", *args], repo, env, check)


def new_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    git(path, env, "init", "-q", "-b", "main")
    git(path, env, "config", "user.name", "Handläggare Test")
    git(path, env, "config", "user.email", "handlaggare@example.org")
    return path


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.fail("git behövs för pre-commit-testerna")
    return clean_env(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """A git repository holding the working tree as it is now; returns (path, commit)."""
    if not (ROOT / ".git").exists():
        pytest.skip("inte en git-utcheckning: det finns inget arbetsträd att prova kroken från")
    listed = git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    snapshot = new_repo(tmp_path_factory.mktemp("hook") / "jamlint", env)
    for name in filter(None, listed.stdout.split("\0")):
        src = ROOT / name
        if src.is_file():  # deleted but still in the index: gone from the working tree
            dst = snapshot / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    git(snapshot, env, "add", "-A")
    git(snapshot, env, "commit", "-q", "-m", "Ögonblicksbild av arbetsträdet")
    sha = git(snapshot, env, "rev-parse", "HEAD").stdout.strip()
    return snapshot, sha


def bad_docx(path: Path) -> Path:
    """The bad case as a Word file: the hook must pick up .docx files too (binary, no type)."""
    import docx

    document = docx.Document()
    for block in (DOCUMENTS / "bad.md").read_text("utf-8").split("\n\n"):
        text = block.strip()
        if text.startswith("#"):
            level = len(text) - len(text.lstrip("#"))
            document.add_heading(text.lstrip("# "), level=level)
        elif text:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def test_try_repo_passes_a_good_document(hook_repo, env, tmp_path):
    repo = new_repo(tmp_path / "arenden", env)
    shutil.copy(DOCUMENTS / "good.md", repo / "good.md")
    git(repo, env, "add", "good.md")

    proc = run(
        [*PRE_COMMIT, "try-repo", str(hook_repo[0]), HOOK_ID, "--files", "good.md"],
        repo,
        env,
        check=False,
    )

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_try_repo_fails_a_bad_document_and_names_the_rules(hook_repo, env, tmp_path):
    repo = new_repo(tmp_path / "arenden", env)
    shutil.copy(DOCUMENTS / "bad.md", repo / "bad.md")
    git(repo, env, "add", "bad.md")

    proc = run(
        [*PRE_COMMIT, "try-repo", str(hook_repo[0]), HOOK_ID, "--files", "bad.md"],
        repo,
        env,
        check=False,
    )

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "bad.md" in proc.stdout and "JAM101" in proc.stdout
    assert "JAM201" in proc.stdout and "«120 elever»" in proc.stdout


def test_commit_is_blocked_by_a_bad_document_and_allowed_by_a_good_one(hook_repo, env, tmp_path):
    snapshot, sha = hook_repo
    repo = new_repo(tmp_path / "arenden", env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {snapshot}\n    rev: {sha}\n    hooks:\n      - id: {HOOK_ID}\n",
        encoding="utf-8",
    )
    run([*PRE_COMMIT, "install"], repo, env)
    git(repo, env, "add", ".pre-commit-config.yaml")
    git(repo, env, "commit", "-q", "-m", "Kroken för jamlint")  # builds the hook environment

    bad_docx(repo / "skolskjuts.docx")
    git(repo, env, "add", "skolskjuts.docx")
    blocked = git(repo, env, "commit", "-m", "Skolskjuts", check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "skolskjuts.docx" in output and "JAM101" in output and "«120 elever»" in output
    assert commits(repo, env) == 1

    git(repo, env, "rm", "-q", "--cached", "skolskjuts.docx")
    shutil.copy(DOCUMENTS / "good.md", repo / "simhallen.md")
    # not a document: outside the hook's file pattern, so jamlint never sees it (if it did, it
    # would report an unsupported format and block the commit)
    (repo / "besok.csv").write_text("år;kvinnor;män\n2024;23100;18100\n", encoding="utf-8")
    git(repo, env, "add", "simhallen.md", "besok.csv")
    allowed = git(repo, env, "commit", "-m", "Simhallen", check=False)

    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert commits(repo, env) == 2
    committed = git(repo, env, "show", "--name-only", "--format=", "HEAD").stdout.split()
    assert sorted(committed) == ["besok.csv", "simhallen.md"]


def commits(repo: Path, env: dict[str, str]) -> int:
    return int(git(repo, env, "rev-list", "--count", "HEAD").stdout)
