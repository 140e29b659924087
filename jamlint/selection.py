"""Which rules run on which file: select / extend-select / ignore / per-file-ignores.

Pure functions, table-tested. A selector is a code or a code prefix ("JAM2" = every JAM2xx).
The most specific selector wins, as in flake8 and ruff: `select = ["JAM2"]` with
`ignore = ["JAM203"]` runs JAM201 and JAM202; `ignore = ["JAM2"]` with `extend-select =
["JAM203"]` runs only JAM203 of the statistics rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import PurePath


def _longest_match(code: str, selectors: Iterable[str]) -> int:
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


def is_enabled(
    code: str,
    default_enabled: bool,
    select: Sequence[str] | None,
    extend_select: Sequence[str],
    ignore: Sequence[str],
) -> bool:
    chosen = _longest_match(code, list(select or ()) + list(extend_select))
    if select is None and default_enabled:
        chosen = max(chosen, 0)
    ignored = _longest_match(code, ignore)
    return chosen >= 0 and chosen > ignored if ignored >= 0 else chosen >= 0


def per_file_ignored(path: str, per_file_ignores: dict[str, Sequence[str]]) -> tuple[str, ...]:
    """Codes ignored for `path` by glob patterns (matched on the path and on its name)."""
    p = PurePath(path)
    out: list[str] = []
    for pattern, codes in per_file_ignores.items():
        if fnmatch(p.as_posix(), pattern) or fnmatch(p.name, pattern) or p.match(pattern):
            out.extend(codes)
    return tuple(out)
