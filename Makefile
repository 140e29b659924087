# The two commands a newcomer types (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test venv lint clean

$(BIN)/jamlint: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/jamlint

# Lint the bundled corpus. Findings are the point of the demo, so exit status 1 is expected;
# only a crash or usage error (2) fails the target.
demo: venv
	$(BIN)/jamlint check corpus/ ; status=$$?; [ $$status -le 1 ]

test: venv
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
