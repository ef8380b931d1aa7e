# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# Both need only Python (3.10+) and make: the first run puts uv (pinned) in .tools/ and
# installs exactly the locked set (uv.lock) into .venv; later runs check it in one step.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS  := .tools
UV     := $(TOOLS)/bin/uv
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8888
# `make dashboard` serves the workshop dashboard with Voila on this port.
DASHBOARD_PORT ?= 8866
# The browser tests drive Debian's chromium; never `playwright install`.
CHROMIUM := /usr/bin/chromium
# JupyterLab refuses to start as root unless told; pass the flag only then.
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)
# The interpreter itself, not a shim in front of it (pyenv's shims confuse uv).
PYTHON_EXE = $(shell $(PYTHON) -c 'import sys; print(sys.executable)')
# The Pythons CI runs the unit tests on besides $(PYTHON): from the lowest that
# pyproject.toml declares to the newest on the machine. Found on PATH or under pyenv;
# never downloaded.
PYTHONS ?= 3.10 3.12 3.13
LOWEST_PYTHON ?= 3.10
# Unit tests: everything but the notebooks (nbval) and the browser.
UNIT_TESTS := -q -p no:cacheprovider --ignore=tests/test_browser.py

# uv reads these; uv must never fetch an interpreter, nor pick one itself.
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON_PREFERENCE := only-system
export UV_NO_PROGRESS := 1

.PHONY: run test lint typecheck format notebooks bench clean install dashboard chromium \
	lock lock-check test-lowest test-latest test-pythons test-dist

# uv, at the pinned version, in a venv of its own (a new UV_VERSION reinstalls it).
UV_STAMP := $(TOOLS)/.uv-$(UV_VERSION)
$(UV_STAMP):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	touch $@

# Exactly the locked set, every development group; refuses a lock out of step with
# pyproject.toml (run `make lock` after changing the dependencies).
install: $(UV_STAMP)
	$(UV) sync --locked --quiet --python "$(PYTHON_EXE)"

lock: $(UV_STAMP)
	$(UV) lock --python "$(PYTHON_EXE)"

lock-check: $(UV_STAMP)
	$(UV) lock --check --python "$(PYTHON_EXE)"

run: install
	@echo "Starting JupyterLab on http://$(HOST):$(PORT)/lab (Ctrl-C to stop)"
	$(BIN)/jupyter lab --no-browser --ip=$(HOST) --port=$(PORT) \
		--ServerApp.root_dir=notebooks $(ROOT_FLAG)

# The workshop dashboard as a web app, started as users start it (`okr dashboard`): Voila
# with dashboard/voila/templates/offline, Voila's lab template without the stylesheets it
# links from a CDN (found through JUPYTER_PATH).
dashboard: install
	$(BIN)/okr dashboard --host $(HOST) --port $(DASHBOARD_PORT)

# Install Debian's chromium for tests/test_browser.py when it is missing and we can
# (root, apt-get); otherwise say why and carry on: those tests then skip (fail under CI=1).
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests (apt-get)"; \
		( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ) \
			|| echo "Could not install chromium; the browser tests will skip"; \
	else \
		echo "No chromium at $(CHROMIUM), and installing it needs root and apt-get:"; \
		echo "  sudo apt-get install -y chromium   (the browser tests skip until then)"; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

test: lint typecheck chromium
	$(BIN)/python -m pytest -q -p no:cacheprovider
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval notebooks \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

# The unit tests on every other supported Python, each in its own locked venv.
test-pythons: $(UV_STAMP)
	@set -e; for v in $(PYTHONS); do \
		exe=$$(scripts/find_python.sh $$v); \
		echo "== Python $$v ($$exe): unit tests on the locked set"; \
		UV_PROJECT_ENVIRONMENT=.venv-py$$v $(UV) sync --locked --quiet --python "$$exe" \
			--no-default-groups --group test; \
		.venv-py$$v/bin/python -m pytest $(UNIT_TESTS); \
	done

# The unit tests with every direct dependency at the floor pyproject.toml declares,
# on the lowest Python it declares.
test-lowest: $(UV_STAMP)
	@exe=$$(scripts/find_python.sh $(LOWEST_PYTHON)); \
	echo "== Python $(LOWEST_PYTHON), every dependency at its declared floor"; \
	rm -rf .venv-lowest && $(UV) venv --quiet --python "$$exe" .venv-lowest && \
	VIRTUAL_ENV=.venv-lowest $(UV) pip install --quiet --resolution lowest-direct \
		-e . --group test && \
	VIRTUAL_ENV=.venv-lowest $(UV) pip list --format=freeze \
		| grep -iE '^(numpy|pandas|altair|vl-convert-python|ipywidgets|jinja2|pyyaml|openpyxl|shtab)==' && \
	.venv-lowest/bin/python -m pytest $(UNIT_TESTS)

# Not in CI: the newest release of everything, unlocked, to see drift before users do.
test-latest: $(UV_STAMP)
	rm -rf .venv-latest && $(UV) venv --quiet --python "$(PYTHON_EXE)" .venv-latest
	VIRTUAL_ENV=.venv-latest $(UV) pip install --quiet --upgrade -e . --group test
	.venv-latest/bin/python -m pytest $(UNIT_TESTS)

# Build the wheel and sdist, then use them as a user would, outside the repository:
# the wheel in a clean venv (okr new/score/lint/report, notebooks, dashboard) and the
# full test suite from the unpacked sdist.
test-dist: install
	$(BIN)/python scripts/check_dist.py --uv $(UV) --python "$(PYTHON_EXE)"

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-execute every notebook and save its outputs (what nbval then compares).
notebooks: install
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/*.ipynb

bench: install
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_lint.py
	$(BIN)/python benchmarks/bench_statements.py
	$(BIN)/python benchmarks/bench_scenarios.py
	$(BIN)/python benchmarks/bench_io.py

clean:
	rm -rf $(VENV) .venv-py* .venv-lowest .venv-latest $(TOOLS) build dist *.egg-info
