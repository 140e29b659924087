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
from jamlint.model.finding import RuleInfo

# format name -> "module:function"; imported only when that format is asked for
REPORTERS: dict[str, str] = {
    "text": "jamlint.reporters.text:render",
    "concise": "jamlint.reporters.text:render_concise",
    "json": "jamlint.reporters.json:render",
    "sarif": "jamlint.reporters.sarif:render",
    "github": "jamlint.reporters.github:render",
    "junit": "jamlint.reporters.junit:render",
    "csv": "jamlint.reporters.csv:render",
}


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    # rule metadata for formats that describe rules (SARIF). The CLI fills it only for a
    # reporter whose render function has the attribute `needs_rules = True`.
    rules: tuple[RuleInfo, ...] = ()


Reporter = Callable[[RunResult, TextIO, ReportOptions], None]


def get_reporter(name: str) -> Reporter:
    module, _, attr = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), attr)
