"""Tests for `jamlint audit`: aggregation, HTML report, CLI, cache, and the report in a browser."""
