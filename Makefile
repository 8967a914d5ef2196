# The README's two commands, `make run` and `make test`, do all set-up themselves:
# they create .venv on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SOURCES := src tests bench app.py

# The gazetteer index and the geocoding cache live in the checkout, not in $HOME.
export PARTNERDASH_CACHE_DIR ?= $(CURDIR)/.cache

.PHONY: run test lint format typecheck unit bench dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)

format: $(STAMP)
	$(BIN)/ruff format $(SOURCES)
	$(BIN)/ruff check --fix $(SOURCES)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# Not part of `make test`: timings belong in a benchmark, measured against baselines.
bench: $(STAMP)
	$(BIN)/python bench/run.py

# The wheel, with the data files, world shapes and Streamlit config inside (README: Install as a package).
dist: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps --quiet -w dist .

clean:
	rm -rf $(VENV) .cache .mypy_cache .pytest_cache .ruff_cache test-artifacts dist build
