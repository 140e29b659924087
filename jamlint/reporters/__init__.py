"""Output formats, looked up by name in a table (never an if/elif chain).

A reporter is a function `render(result: RunResult, out: TextIO, options: ReportOptions)`.
Reporters import only the model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from jamlint.model import RunResult

# format name -> "module:function"; imported only when that format is asked for
REPORTERS: dict[str, str] = {
    "text": "jamlint.reporters.text:render",
    "concise": "jamlint.reporters.text:render_concise",
    "json": "jamlint.reporters.json:render",
}


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    # rule metadata for formats that describe rules (SARIF): code -> descriptor dict
    rules: tuple = ()


Reporter = Callable[[RunResult, TextIO, ReportOptions], None]


def get_reporter(name: str) -> Reporter:
    module, _, attr = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), attr)
