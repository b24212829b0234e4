# Pandu SOP: `make run` opens the app, `make test` runs the whole suite headless.
# Both create .venv and install what is needed on first use (a bare Debian 12 + Python 3.11).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian libraries Qt needs to run headless (QT_QPA_PLATFORM=offscreen).
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
# The window's libraries on a Debian desktop (Qt's xcb platform plugin); `make run` installs them.
WINDOW_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 $(QT_DEBS)
# For looking at PDFs as pictures (pdftoppm) and checking them (pdftotext); LibreOffice opens
# the generated workbooks as a real office suite would.
PDF_DEBS := poppler-utils libreoffice-calc-nogui

# The core suite a second time on PostgreSQL (a throwaway cluster, see tests/pg_server.py).
PG_DEBS := postgresql
CORE_TESTS := tests/db tests/office tests/runs tests/naskah tests/sop tests/expedition \
              tests/archive tests/forms tests/network

.PHONY: run test test-pg lint bench dist lock system-deps window-deps pg-deps install-debs clean

run: $(STAMP) window-deps
	$(BIN)/pandu

test: $(STAMP) system-deps pg-deps
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test-pg: $(STAMP) pg-deps
	QT_QPA_PLATFORM=offscreen PANDU_TEST_DB=postgresql $(BIN)/pytest $(CORE_TESTS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python benchmarks/print_sheets.py
	$(BIN)/python benchmarks/forms.py
	$(BIN)/python benchmarks/archive_search.py
	$(BIN)/python benchmarks/import_docs.py
	$(BIN)/python benchmarks/ten_years.py
	$(BIN)/python benchmarks/summary.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The shipped bundle is built from the exact versions in installers/constraints.txt
# (`make lock` writes it from a venv that passed `make test`), so it is reproducible.
CONSTRAINTS := installers/constraints.txt
DIST_STAMP := $(VENV)/.installed-dist
$(DIST_STAMP): $(STAMP) $(CONSTRAINTS)
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[dist]'
	touch $(DIST_STAMP)

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/python -m pip freeze --exclude-editable --all | grep -v '^\(pip\|setuptools\|wheel\)==' > $(CONSTRAINTS)

# dist/PanduSOP/ (checked by its own `pandu selftest`) and dist/PanduSOP-<version>-linux-*.tar.gz
dist: $(DIST_STAMP) system-deps
	$(BIN)/python installers/build.py

# Installs the Debian packages that are missing, when this machine can (root or sudo).
pg-deps:
	@$(MAKE) --no-print-directory install-debs DEBS="$(PG_DEBS)"

system-deps:
	@$(MAKE) --no-print-directory install-debs DEBS="$(QT_DEBS) $(PDF_DEBS)"

window-deps:
	@$(MAKE) --no-print-directory install-debs DEBS="$(WINDOW_DEBS)"

install-debs:
	@missing=""; for p in $(DEBS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Not a Debian machine; make sure these are installed:$$missing"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; \
	else echo "Cannot install$$missing (not root, no sudo)"; exit 0; fi; \
	echo "Installing:$$missing"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-upgrade $$missing

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache screenshots benchmarks/out
