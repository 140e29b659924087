# The two commands a newcomer types (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test venv lint clean

$(BIN)/jamlint: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=68" wheel
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/jamlint

# Lint the bundled corpus. Findings are the point of the demo (status 1), and corpus/bad/ holds
# deliberately broken files (status 2: a file could not be read); only an internal error (3)
# fails the target.
demo: venv
	$(BIN)/jamlint check corpus/ ; status=$$?; [ $$status -le 2 ]

test: venv
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
