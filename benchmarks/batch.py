#!/usr/bin/env python
"""What a batch of case documents costs: the figures behind "a year of one nämnd in minutes".

The script generates (or takes) a folder of case documents, mixed .docx and PDF of 1–5 pages,
with one corrupt file among them, and prints

1. cold start: wall time of `jamlint check one.docx` in a new process (median of `--runs`);
2. per-page cost by format: the whole lint of one file (read, parse, NLP, rules) and the parse
   alone, per page, next to the raw text-extraction lower bound (PDF: pypdfium2 text of every
   page; .docx: unzip `word/document.xml` and join its `w:t` texts), in a warm process;
3. documents per second at 1 job and at all cores, the speed-up, and the peak memory (RSS) of
   the lint process and of its largest worker;
4. the batch with the result cache: a cold run into an empty cache and a second run served from
   it, both timed, with the corrupt file reported as unreadable (JAM901) — through
   `jamlint audit` when that command exists, and always through `lint_paths(use_cache=True)`.

Every throughput figure is measured in a fresh Python process (this script run with
`--child`), as a real `jamlint` run would be: spaCy is imported and the pipeline built inside it.
The machine's load average is printed first, since other work on a small machine skews timings.

Usage:
    .venv/bin/python benchmarks/batch.py                    # 300 generated documents
    .venv/bin/python benchmarks/batch.py --docs 60 --runs 3 # a quick look
    .venv/bin/python benchmarks/batch.py --dir ärenden/     # your own folder (nothing generated)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "corpus", ROOT / "benchmarks"):  # run from a checkout
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from parse import raw_docx, raw_pdfium  # noqa: E402  (benchmarks/parse.py)

CORRUPT_NAME = "zz-trasig-ks-2024-9999.docx"
WORDS_PER_PAGE = 380  # body words that fill about one A4 page in the corpus layout
UNREADABLE_CODE = "JAM901"


# --- Generating documents -----------------------------------------------------------------------


def _sections(blocks: Sequence) -> list[tuple]:
    """A source's blocks after its title, cut at each `##` heading."""
    import render

    out: list[list] = []
    for block in blocks[1:]:
        if isinstance(block, render.PageBreak):
            continue
        if not out or (isinstance(block, render.Heading) and block.level == 2):
            out.append([])
        out[-1].append(block)
    return [tuple(s) for s in out]


def _words(blocks: Sequence) -> int:
    import render

    n = 0
    for b in blocks:
        if isinstance(b, render.Paragraph | render.ListItem | render.Heading):
            n += len(b.text.split())
        elif isinstance(b, render.TableBlock):
            n += sum(len(c.split()) for row in b.rows for c in row)
    return n


def compose(rng: random.Random, sources: Sequence, number: int, pages: int):
    """A new case document: one source's title and metadata, sections drawn from all sources.

    Pages are separated by hard page breaks, so the .docx parser can count them as well.
    """
    import render

    base = rng.choice(sources)
    pool = [s for src in sources for s in _sections(src.blocks)]
    blocks: list = [base.blocks[0]]
    for page in range(pages):
        if page:
            blocks.append(render.PageBreak())
        words = 0
        while words < WORDS_PER_PAGE * 0.8:
            section = rng.choice(pool)
            if words and words + _words(section) > WORDS_PER_PAGE * 1.1:
                break
            blocks.extend(section)
            words += _words(section)
    prefix = base.meta.dnr.split()[0]
    meta = replace(base.meta, dnr=f"{prefix} 2024/{number:04d}")
    return render.Source(stem=f"{base.stem}-{number:04d}", meta=meta, blocks=tuple(blocks))


def generate(directory: Path, docs: int, seed: int) -> list[Path]:
    """`docs` documents, alternately .docx and PDF, 1–5 pages, plus one truncated .docx."""
    import render

    rng = random.Random(seed)
    sources = render.load_sources()
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(docs):
        source = compose(rng, sources, i + 1, rng.randint(1, 5))
        fmt = "docx" if i % 2 == 0 else "pdf"
        path = directory / f"{source.stem}.{fmt}"
        path.write_bytes(render.RENDERERS[fmt](source))
        paths.append(path)
    good = paths[0].read_bytes()
    corrupt = directory / CORRUPT_NAME
    corrupt.write_bytes(good[: len(good) // 2])  # a download cut off half-way
    paths.append(corrupt)
    return paths


# --- Measuring ----------------------------------------------------------------------------------


def jamlint_command() -> list[str]:
    script = Path(sys.executable).parent / "jamlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jamlint"]


def wall(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode > 1:
        raise RuntimeError(f"{' '.join(cmd)} → {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return seconds, proc.returncode


def cold_start(one: Path, runs: int) -> list[float]:
    cmd = [*jamlint_command(), "check", str(one)]
    wall(cmd)  # warm the OS file cache once, as any second run of the day would have it
    return [wall(cmd)[0] for _ in range(runs)]


# the raw extraction lower bounds are the parse benchmark's own (benchmarks/parse.py)
RAW: dict[str, Callable[[bytes], int]] = {"pdf": raw_pdfium, "docx": raw_docx}


@dataclass
class PageCost:
    """Milliseconds per page for one format, one list entry per file."""

    lint: list[float]
    parse: list[float]
    raw: list[float]
    pages: int = 0


def per_page(paths: Sequence[Path], sample: int) -> dict[str, PageCost]:
    """Warm-process cost per page: whole lint, parse only, raw extraction (best of 3 each)."""
    from jamlint.api import Linter
    from jamlint.parsers.load import parse_bytes

    linter = Linter()
    _ = linter.pipeline  # built once, as in any run; not part of a page's cost
    out: dict[str, PageCost] = {}
    for fmt, raw in RAW.items():
        chosen = [p for p in paths if p.suffix == f".{fmt}" and p.name != CORRUPT_NAME][:sample]
        cost = out.setdefault(fmt, PageCost([], [], []))
        for path in chosen:
            data = path.read_bytes()
            result = linter.lint_file(str(path))
            pages = result.pages or 1
            cost.pages += pages
            lint_s = _best(lambda p=str(path): linter.lint_file(p))
            parse_s = _best(
                lambda d=data, p=str(path): parse_bytes(d, p, linter.limits, linter._classifier)
            )
            raw_s = _best(lambda d=data, f=raw: f(d))
            cost.lint.append(1000 * lint_s / pages)
            cost.parse.append(1000 * parse_s / pages)
            cost.raw.append(1000 * raw_s / pages)
    return out


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_self_mb() -> float:
    """This process's peak RSS. Not ru_maxrss: Linux carries that over from the parent across
    exec, so a child of this benchmark (which has built a pipeline) would report the parent's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(folder: str, jobs: int, use_cache: bool) -> None:
    """One lint of the folder in this (fresh) process; prints the figures as JSON."""
    from jamlint.api import lint_paths

    start = time.perf_counter()
    result = lint_paths([folder], jobs=jobs, use_cache=use_cache)
    seconds = time.perf_counter() - start
    unreadable = [
        f.path for f in result.files if any(x.code == UNREADABLE_CODE for x in f.findings)
    ]
    print(
        json.dumps(
            {
                "seconds": seconds,
                "files": len(result.files),
                "pages": sum(f.pages or 0 for f in result.files),
                "findings": sum(len(f.findings) for f in result.files),
                "unreadable": unreadable,
                "rss_self_mb": peak_self_mb(),
                # the pool's workers have all been joined: this is the largest one's peak
                "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def run_child(folder: Path, jobs: int, cache_dir: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(folder), "--jobs", str(jobs)]
    env = dict(os.environ)
    if cache_dir is not None:
        cmd.append("--cache")
        env["JAMLINT_CACHE_DIR"] = str(cache_dir)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def audit_cli(folder: Path, cache_dir: Path, report: Path, jobs: int) -> tuple[float, int] | None:
    """Time `jamlint audit FOLDER --report FILE` if that command exists (None if it does not)."""
    base = jamlint_command()
    help_run = subprocess.run(
        [*base, "audit", "--help"], capture_output=True, text=True, check=False
    )
    if help_run.returncode != 0:
        return None
    cmd = [*base, "audit", str(folder)]
    if "--report" in help_run.stdout:
        cmd += ["--report", str(report)]
    if "--jobs" in help_run.stdout:
        cmd += ["--jobs", str(jobs)]
    env = dict(os.environ, JAMLINT_CACHE_DIR=str(cache_dir))
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    return time.perf_counter() - start, proc.returncode


# --- Printing -----------------------------------------------------------------------------------


def med(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def print_per_page(costs: dict[str, PageCost]) -> None:
    print("\nPer page, warm process (median ms/page over files; best of 3 per file)")
    print(
        f"  {'format':<6} {'files':>5} {'pages':>5} {'lint':>8} {'parse':>8} {'raw':>8}"
        f" {'lint/raw':>9}"
    )
    for fmt, c in costs.items():
        if not c.lint:
            continue
        ratio = med(c.lint) / med(c.raw) if med(c.raw) else float("nan")
        print(
            f"  {fmt:<6} {len(c.lint):>5} {c.pages:>5} {med(c.lint):>8.1f} "
            f"{med(c.parse):>8.1f} {med(c.raw):>8.2f} {ratio:>8.0f}x"
        )
    print("  lint = read + parse + NLP + rules; raw = text extraction only (the lower bound)")


def print_throughput(runs: dict[int, dict]) -> None:
    print("\nThroughput, fresh process per run (pipeline build included, cache off)")
    print(
        f"  {'jobs':>4} {'files':>5} {'pages':>5} {'seconds':>8} {'docs/s':>7} {'pages/s':>8}"
        f" {'peak RSS main':>14} {'peak RSS worker':>16}"
    )
    for jobs, r in runs.items():
        worker = f"{r['rss_worker_mb']:.0f} MB" if jobs > 1 else "–"
        print(
            f"  {jobs:>4} {r['files']:>5} {r['pages']:>5} {r['seconds']:>8.1f} "
            f"{r['files'] / r['seconds']:>7.1f} {r['pages'] / r['seconds']:>8.1f} "
            f"{r['rss_self_mb']:>11.0f} MB {worker:>16}"
        )
    one, many = runs[min(runs)], runs[max(runs)]
    if len(runs) > 1:
        print(f"  speed-up at {max(runs)} jobs: {one['seconds'] / many['seconds']:.2f}x")


# --- Driver -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=300, help="documents to generate (default 300)")
    p.add_argument("--dir", type=Path, help="lint this folder instead of generated documents")
    p.add_argument("--runs", type=int, default=7, help="cold-start runs (median; default 7)")
    p.add_argument("--sample", type=int, default=30, help="files per format for per-page cost")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="'all cores' jobs")
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--keep", action="store_true", help="keep the generated folder")
    p.add_argument("--child", metavar="DIR", help=argparse.SUPPRESS)
    p.add_argument("--cache", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        child(args.child, args.jobs, args.cache)
        return 0
    work = Path(tempfile.mkdtemp(prefix="jamlint-batch-"))
    try:
        return _benchmark(args, work)
    finally:
        if args.keep:
            print(f"\n(kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _benchmark(args: argparse.Namespace, work: Path) -> int:
    print(
        f"cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.2f}  "
        f"python {sys.version.split()[0]}"
    )
    if args.dir:
        folder = args.dir
        paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".docx", ".pdf"))
    else:
        folder = work / "docs"
        start = time.perf_counter()
        paths = generate(folder, args.docs, args.seed)
        print(
            f"generated {len(paths)} files ({args.docs} documents + 1 corrupt) in "
            f"{time.perf_counter() - start:.0f} s"
        )
    one = next(p for p in paths if p.suffix == ".docx" and p.name != CORRUPT_NAME)

    times = cold_start(one, args.runs)
    print(
        f"\nCold start, `jamlint check one.docx` ({args.runs} runs): median "
        f"{med(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s"
    )

    print_per_page(per_page(paths, args.sample))

    runs = {jobs: run_child(folder, jobs) for jobs in sorted({1, max(1, args.jobs)})}
    print_throughput(runs)

    return _cached_batch(folder, work, args.jobs, expect_corrupt=not args.dir)


def _cached_batch(folder: Path, work: Path, jobs: int, expect_corrupt: bool) -> int:
    print(f"\nBatch with the result cache (jobs={jobs}; empty cache, then a second run)")
    cache = work / "cache"
    cold = run_child(folder, jobs, cache)
    warm = run_child(folder, jobs, cache)
    for label, r in (("cold", cold), ("cached", warm)):
        print(
            f"  lint_paths {label:<7} {r['seconds']:>7.1f} s  {r['files']} files, "
            f"{r['findings']} findings, unreadable: "
            f"{', '.join(Path(p).name for p in r['unreadable']) or 'none'}"
        )
    print(f"  second run {cold['seconds'] / warm['seconds']:.0f}x faster")
    ok = cold["findings"] == warm["findings"] and cold["unreadable"] == warm["unreadable"]
    if not ok:
        print(
            "  ERROR: the cached run does not give the same results as the cold run "
            "(were rules or lexicons edited while it ran? that empties the cache)"
        )
    if expect_corrupt and not any(Path(p).name == CORRUPT_NAME for p in cold["unreadable"]):
        print(f"  ERROR: {CORRUPT_NAME} was not reported as unreadable ({UNREADABLE_CODE})")
        ok = False

    audit_cache = work / "audit-cache"
    first = audit_cli(folder, audit_cache, work / "report.html", jobs)
    if first is None:
        print("  jamlint audit: not available in this version (timed lint_paths only)")
    else:
        second = audit_cli(folder, audit_cache, work / "report2.html", jobs)
        assert second is not None
        print(f"  jamlint audit cold   {first[0]:>7.1f} s (exit {first[1]})")
        print(f"  jamlint audit cached {second[0]:>7.1f} s (exit {second[1]})")
        unreadable = audit_unreadable(work / "report2.json")
        print(f"  audit report, unreadable: {', '.join(unreadable) or 'none'}")
        if expect_corrupt and CORRUPT_NAME not in unreadable:
            print(f"  ERROR: the audit report does not count {CORRUPT_NAME} as unreadable")
            ok = False
    return 0 if ok else 1


def audit_unreadable(report_json: Path) -> list[str]:
    """Names of the cases the audit's JSON counts as unreadable ([] if there is no JSON)."""
    try:
        cases = json.loads(report_json.read_text(encoding="utf-8"))["cases"]
    except (OSError, ValueError, KeyError):
        return []
    return [Path(c["path"]).name for c in cases if not c.get("readable", True)]


if __name__ == "__main__":
    sys.exit(main())
