# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8888
# `make dashboard` serves the workshop dashboard with Voila on this port.
DASHBOARD_PORT ?= 8866
# The browser tests drive Debian's chromium; never `playwright install`.
CHROMIUM := /usr/bin/chromium
# JupyterLab refuses to start as root unless told; pass the flag only then.
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: run test lint format notebooks bench clean install dashboard chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	@echo "Starting JupyterLab on http://$(HOST):$(PORT)/lab (Ctrl-C to stop)"
	$(BIN)/jupyter lab --no-browser --ip=$(HOST) --port=$(PORT) \
		--ServerApp.root_dir=notebooks $(ROOT_FLAG)

# The workshop dashboard as a web app. JUPYTER_PATH finds dashboard/voila/templates/offline:
# Voila's lab template without the stylesheets it links from a CDN.
dashboard: $(STAMP)
	@echo "Starting the workshop dashboard on http://$(HOST):$(DASHBOARD_PORT)/ (Ctrl-C to stop)"
	JUPYTER_PATH=$(CURDIR)/dashboard$${JUPYTER_PATH:+:$$JUPYTER_PATH} \
		$(BIN)/voila dashboard/dashboard.ipynb --no-browser --port=$(DASHBOARD_PORT) \
		--Voila.ip=$(HOST) --Voila.port_retries=0 --template=offline

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

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint chromium
	$(BIN)/python -m pytest -q -p no:cacheprovider
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval notebooks \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-execute every notebook and save its outputs (what nbval then compares).
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/*.ipynb

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_scoring.py
	$(BIN)/python benchmarks/bench_lint.py
	$(BIN)/python benchmarks/bench_statements.py
	$(BIN)/python benchmarks/bench_scenarios.py
	$(BIN)/python benchmarks/bench_io.py

clean:
	rm -rf $(VENV) build dist *.egg-info
