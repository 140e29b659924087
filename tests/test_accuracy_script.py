"""benchmarks/accuracy.py: how it counts a statement reported with other excerpt bounds."""

import importlib.util
from collections import Counter
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy.py"
_SPEC = importlib.util.spec_from_file_location("accuracy_script", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
accuracy = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(accuracy)


def test_a_longer_excerpt_of_the_same_figure_is_the_same_statement() -> None:
    missing = Counter({("JAM203", "54 procent"): 1, ("JAM201", "120 elever"): 1})
    extra = Counter({("JAM203", "54 procent kvinnor"): 1})
    assert accuracy.same_statement(missing, extra) == 1


def test_another_code_or_figure_is_not_the_same_statement() -> None:
    missing = Counter({("JAM203", "54 procent"): 1, ("JAM201", "12 elever"): 1})
    extra = Counter({("JAM201", "54 procent kvinnor"): 1, ("JAM201", "120 elever"): 1})
    assert accuracy.same_statement(missing, extra) == 0


def test_one_reported_finding_pairs_with_one_miss_only() -> None:
    missing = Counter({("JAM203", "54 procent"): 2})
    extra = Counter({("JAM203", "54 procent bland kvinnorna"): 1})
    assert accuracy.same_statement(missing, extra) == 1


def test_tallies_pool() -> None:
    a, b = accuracy.Tally(), accuracy.Tally()
    a.tp, a.fp, a.fn, a.bounds = 3, 1, 2, 1
    b.tp, b.fp, b.fn = 5, 0, 1
    a += b
    assert (a.tp, a.fp, a.fn, a.bounds) == (8, 1, 3, 1)
