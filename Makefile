# Two entry points for readers and maintainers (see README.md):
#   make serve   set up, serve both languages on 127.0.0.1:8000 while the example notebooks run
#   make test    set up, run the full verification (programs, parity, site build, browser, workflows)
# Both are safe to re-run: the virtual environment is rebuilt only when a requirements file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The GPU runner sets FLAVOR=gpu to install TensorFlow's CUDA build instead of the CPU build.
FLAVOR ?= cpu
STAMP  := $(VENV)/.installed-$(FLAVOR)

# Quiet TensorFlow's C++ INFO lines ("This TensorFlow binary is optimized ..."); warnings still show.
export TF_CPP_MIN_LOG_LEVEL ?= 1
export NO_MKDOCS_2_WARNING ?= 1
# The browser tests drive this Chromium (Debian's package, installed on first use).
export CHROMIUM ?= $(or $(shell command -v chromium),/usr/bin/chromium)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: setup browser serve test build notebooks clean

setup: $(STAMP)

# The install time goes into build/verification.json with the other phases.
$(STAMP): requirements/$(FLAVOR).txt requirements/base.txt requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@mkdir -p build && start=$$(date +%s) && \
	  { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); } && \
	  $(BIN)/python -m pip install --quiet --upgrade pip && \
	  $(BIN)/python -m pip install --quiet -r requirements/$(FLAVOR).txt && \
	  echo $$(( $$(date +%s) - start )) > build/install-seconds
	rm -f $(VENV)/.installed-*
	touch $@

notebooks: setup
	$(BIN)/python -m handbook.verify --notebooks

serve: setup
	$(BIN)/python -m handbook.serve

build: notebooks
	$(BIN)/python -m mkdocs build --strict

browser:
	@test -x "$(CHROMIUM)" || { echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# The summary check fails a run that ended early, whatever pytest's exit status was.
test: setup browser
	@run=$$(date +%s%N); status=0; \
	HANDBOOK_RUN_ID=$$run $(BIN)/python -m pytest || status=$$?; \
	$(BIN)/python -m handbook.summary --run-id $$run || status=1; \
	exit $$status

clean:
	rm -rf site build .cache .pytest_cache
