"""Tests of jamlint in the workflows around it: pre-commit hooks, the `check` command's options."""
