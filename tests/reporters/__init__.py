"""Tests of the machine output formats (SARIF, GitHub annotations, JUnit XML, CSV)."""
