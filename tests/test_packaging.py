"""Packaging: the wheel carries every jamlint package and the rule set, and an installed copy
finds its rules without the checkout."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "jamlint").rglob("__init__.py")
    }
    assert found | {"jamlint._rules"} == listed


def test_wheel_contains_rules_and_installs_outside_the_checkout(tmp_path: Path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = wheel_dir.glob("jamlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    rules = ROOT / "rules"
    for path in rules.rglob("*"):
        if path.is_file() and path.suffix in (".yaml", ".txt", ".tsv"):
            assert f"jamlint/_rules/{path.relative_to(rules).as_posix()}" in names
    # unpack the wheel somewhere else and load the rules from there, not from the checkout
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import jamlint, importlib.resources as r\n"
        "from jamlint.engine.loader import load_rules\n"
        "assert 'site' in jamlint.__file__, jamlint.__file__\n"
        "print(len(load_rules(use_entry_points=False).rules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 20
