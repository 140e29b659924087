#!/usr/bin/env python
"""What starting `jamlint` costs: the wait before a pre-commit hook or an editor gets an answer.

Prints the median wall time (over `--runs`, after one warm-up) of

- `jamlint --version` and `jamlint rules`, which must not import spaCy or the PDF libraries;
- `jamlint check small.docx`, a one-page document: imports, pipeline build and one lint;

and, from `python -X importtime`, for each of those commands the total import time, which heavy
libraries it imported (it should be none for `--version` and `rules`), and its slowest imports.

Usage:
    .venv/bin/python benchmarks/startup.py              # 7 runs each, top 12 imports
    .venv/bin/python benchmarks/startup.py --runs 15 --top 20
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Libraries that cost tens to hundreds of milliseconds to import; the start-up path of the
# commands that do not lint must stay free of them.
HEAVY = ("spacy", "thinc", "numpy", "pdfplumber", "pdfminer", "pypdfium2", "docx", "lxml")
LIGHT_COMMANDS = ("--version", "rules")


def jamlint_script() -> Path | None:
    script = Path(sys.executable).parent / "jamlint"
    return script if script.exists() else None


def command(args: Sequence[str]) -> list[str]:
    script = jamlint_script()
    base = [str(script)] if script else [sys.executable, "-m", "jamlint"]
    return [*base, *args]


def small_docx(path: Path) -> Path:
    """A one-page tjänsteskrivelse: a gender analysis and one sex-split statistic."""
    import docx

    document = docx.Document()
    document.add_heading("Utökade öppettider på simhallen", level=1)
    document.add_heading("Förslag till beslut", level=2)
    document.add_paragraph(
        "Kultur- och fritidsnämnden beslutar att simhallen ska ha öppet till klockan 21.00 "
        "på vardagar från och med den 1 september 2025."
    )
    document.add_heading("Bakgrund", level=2)
    document.add_paragraph(
        "Under 2024 hade simhallen 41 200 besök, varav 23 100 av kvinnor och 18 100 av män."
    )
    document.add_heading("Jämställdhetsanalys", level=2)
    document.add_paragraph(
        "Kvinnor som arbetar deltid i vård och omsorg har ofta kvällspass och får med längre "
        "öppettider fler möjligheter att träna, medan män oftare besöker simhallen på helgerna."
    )
    document.save(str(path))
    return path


def wall_times(cmd: Sequence[str], runs: int) -> list[float]:
    subprocess.run(cmd, capture_output=True, check=False)  # warm the OS file cache
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        out.append(time.perf_counter() - start)
        if proc.returncode > 1:
            raise RuntimeError(f"{' '.join(cmd)} → {proc.returncode}: {proc.stderr.decode()}")
    return out


@dataclass(frozen=True)
class Import:
    module: str
    self_us: int
    cumulative_us: int
    depth: int  # 0 = imported directly by the program


def import_times(args: Sequence[str]) -> list[Import]:
    """Every import of one run, parsed from `python -X importtime`'s report on stderr."""
    script = jamlint_script()
    prog = [str(script)] if script else ["-m", "jamlint"]
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *prog, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    out = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        out.append(Import(name.strip(), int(self_us), int(cumulative_us), depth))
    return out


def heavy_imported(imports: Sequence[Import]) -> list[str]:
    names = {i.module.split(".")[0] for i in imports}
    return [h for h in HEAVY if h in names]


def _related(a: str, b: str) -> bool:
    """The same module, or one is a submodule of the other (their times overlap)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def print_imports(label: str, imports: Sequence[Import], top: int) -> None:
    total_ms = sum(i.self_us for i in imports) / 1000
    heavy = heavy_imported(imports)
    print(
        f"\n`jamlint {label}`: {len(imports)} modules, {total_ms:.0f} ms importing; "
        f"heavy libraries: {', '.join(heavy) or 'none'}"
    )
    print(f"  {'cumulative ms':>13} {'self ms':>8}  module")
    # the slowest imports by what they pulled in; a package and its submodules appear once
    shown: list[Import] = []
    for imp in sorted(imports, key=lambda i: -i.cumulative_us):
        if len(shown) == top:
            break
        if any(_related(imp.module, s.module) for s in shown):
            continue
        shown.append(imp)
        print(f"  {imp.cumulative_us / 1000:>13.1f} {imp.self_us / 1000:>8.1f}  {imp.module}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7, help="timed runs per command (median)")
    p.add_argument("--top", type=int, default=12, help="slowest imports to list per command")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="jamlint-startup-") as tmp:
        doc = small_docx(Path(tmp) / "small.docx")
        commands = {
            "--version": ["--version"],
            "rules": ["rules"],
            "check small.docx": ["check", str(doc)],
        }
        print(f"Wall time, median of {args.runs} runs (after one warm-up)")
        for label, cmd_args in commands.items():
            times = wall_times(command(cmd_args), args.runs)
            print(
                f"  jamlint {label:<17} {statistics.median(times) * 1000:>7.0f} ms "
                f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            )
        bad = []
        for label, cmd_args in commands.items():
            imports = import_times(cmd_args)
            print_imports(label, imports, args.top)
            if label in LIGHT_COMMANDS and heavy_imported(imports):
                bad.append(label)
    if bad:
        print(f"\nERROR: {', '.join(bad)} imported heavy libraries on the start-up path")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
