"""The JSON output: the stable contract other tools build on (see RunResult.to_json_dict)."""

from __future__ import annotations

import json
from typing import TextIO

from jamlint.model import RunResult


def render(result: RunResult, out: TextIO, options) -> None:
    json.dump(result.to_json_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")
