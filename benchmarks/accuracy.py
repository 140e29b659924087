"""Accuracy of the built-in rules against hand-written expected findings.

Prints, for each document set:
- `consequences`, document level: per (document, rule code) — is the rule reported where a
  person expected it? — precision and recall; plus the same for the yes/no question "does the
  document lack an acceptable gender-consequence description" (any of JAM101–JAM105);
- `statistics`, statement level: per (document, code, excerpt) — precision and recall.

The tuning corpus is `corpus/`; `benchmarks/holdout/`, `holdout2/`, `holdout3/`, `holdout4/`, `holdout5/` and `holdout6/` hold documents
nobody tunes rules on (render them first: `python corpus/render.py --src
benchmarks/holdout/src --out benchmarks/holdout`). On a holdout set `--verbose` is ignored: its
results are reported only in aggregate, so that nobody tunes a rule on one of its documents.
Usage:

    python benchmarks/accuracy.py [DIR ...] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from jamlint.api import Linter
from jamlint.testing import corpus_documents, load_expected

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION_CODES = {"JAM101", "JAM102", "JAM103", "JAM104", "JAM105"}


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.bounds = 0  # misses that are an unexpected finding with other excerpt bounds

    def __iadd__(self, other: "Tally") -> "Tally":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.bounds += other.bounds
        return self

    def add(self, expected: Counter, got: Counter) -> tuple[Counter, Counter]:
        tp = expected & got
        self.tp += sum(tp.values())
        self.fp += sum((got - expected).values())
        self.fn += sum((expected - got).values())
        return expected - got, got - expected

    def line(self, label: str) -> str:
        p = ratio(self.tp, self.tp + self.fp)
        r = ratio(self.tp, self.tp + self.fn)
        return f"  {label:<44} precision {p:5.3f}  recall {r:5.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def same_statement(missing: Counter, extra: Counter) -> int:
    """Misses that the program reported with other excerpt bounds: the expected excerpt and a
    reported one of the same code, one the other plus words ("54 procent" and "54 procent
    kvinnor"). The strict figures count each as a miss and a false alarm; this only says how
    many there are."""
    left = Counter(extra)
    n = 0
    for code, excerpt in sorted(missing.elements()):
        for other in sorted(left.elements()):
            if other[0] == code and excerpt and other[1] and (
                other[1].startswith(excerpt + " ") or excerpt.startswith(other[1] + " ")
            ):
                left[other] -= 1
                left = +left
                n += 1
                break
    return n


def evaluate(root: Path, linter: Linter, verbose: bool) -> tuple[Tally, Tally]:
    docs = [(d, e) for d, e in corpus_documents(root) if d.parent.name != "bad"]
    cons, cons_binary, stats = Tally(), Tally(), Tally()
    per_code: dict[str, Tally] = {}
    crashes: list[str] = []
    start = time.perf_counter()
    for doc, exp_path in docs:
        expected = load_expected(exp_path)
        result = linter.lint_file(str(doc))
        got = Counter((f.code, f.excerpt) for f in result.findings)
        # a rule that crashed on a document lost its findings there: always say so
        crashes += [
            f"{doc.name}: {f.message}" for f in result.findings if f.code.startswith("JAM9")
        ]

        exp_codes = Counter({c for c, _ in expected if c.startswith("JAM1")})
        got_codes = Counter({c for c, _ in got if c.startswith("JAM1")})
        missing_c, extra_c = cons.add(exp_codes, got_codes)

        exp_flag = Counter({"lacks": 1}) if DESCRIPTION_CODES & set(exp_codes) else Counter()
        got_flag = Counter({"lacks": 1}) if DESCRIPTION_CODES & set(got_codes) else Counter()
        cons_binary.add(exp_flag, got_flag)

        for code in sorted({c for c, _ in expected} | {c for c, _ in got}):
            if code.startswith("JAM1"):  # consequences: per document
                e = Counter({code: 1}) if code in exp_codes else Counter()
                g = Counter({code: 1}) if code in got_codes else Counter()
            elif code.startswith("JAM2"):  # statistics: per statement
                e = Counter({k: v for k, v in expected.items() if k[0] == code})
                g = Counter({k: v for k, v in got.items() if k[0] == code})
            else:
                continue
            per_code.setdefault(code, Tally()).add(e, g)

        exp_stats = Counter({k: v for k, v in expected.items() if k[0].startswith("JAM2")})
        got_stats = Counter({k: v for k, v in got.items() if k[0].startswith("JAM2")})
        missing_s, extra_s = stats.add(exp_stats, got_stats)
        stats.bounds += same_statement(missing_s, extra_s)

        if verbose and (missing_c or extra_c or missing_s or extra_s):
            print(f"  {doc.relative_to(root)}")
            for label, items in (("saknas", missing_c + missing_s), ("oväntat", extra_c + extra_s)):
                for item in sorted(items.elements(), key=str):
                    print(f"      {label}: {item}")
    elapsed = time.perf_counter() - start
    print(f"{root.relative_to(ROOT) if root.is_relative_to(ROOT) else root}: "
          f"{len(docs)} dokument, {elapsed:.1f} s")
    print(cons.line("consequences (dokument × regel)"))
    print(cons_binary.line("consequences (saknar godtagbar beskrivning)"))
    print(stats.line("statistics (påstående: kod + utdrag)"))
    print(bounds_line(stats))
    for code, tally in sorted(per_code.items()):
        print(tally.line(f"  {code}"))
    for crash in crashes:
        print(f"  FEL I REGEL: {crash}")
    return cons, stats


def bounds_line(stats: Tally) -> str:
    return (f"    (av dem är {stats.bounds} missar också oväntade fynd med andra utdragsgränser: "
            "samma påstående)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path,
                        default=[ROOT / "corpus", ROOT / "benchmarks" / "holdout",
                                 ROOT / "benchmarks" / "holdout2", ROOT / "benchmarks" / "holdout3",
                                 ROOT / "benchmarks" / "holdout4", ROOT / "benchmarks" / "holdout5",
                                 ROOT / "benchmarks" / "holdout6", ROOT / "benchmarks" / "fresh"])
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    linter = Linter()
    pooled_cons, pooled_stats, seen = Tally(), Tally(), 0
    for d in args.dirs:
        if not d.is_dir():
            print(f"{d}: finns inte", file=sys.stderr)
            continue
        holdout = d.resolve().name.startswith("holdout") or d.resolve().name == "fresh"
        if holdout and args.verbose:
            print(f"{d}: holdout, bara summor (--verbose gäller inte här)", file=sys.stderr)
        cons, stats = evaluate(d.resolve(), linter, args.verbose and not holdout)
        pooled_cons += cons
        pooled_stats += stats
        seen += 1
    if seen > 1:
        print("alla mappar tillsammans:")
        print(pooled_cons.line("consequences (dokument × regel)"))
        print(pooled_stats.line("statistics (påstående: kod + utdrag)"))
        print(bounds_line(pooled_stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
