# up42-qgis: every target sets up what it needs (Debian packages when missing, venvs, pinned
# pip packages) and is quick when all is already there.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
VENV_NOQT := .venv-noqt
VENV_LINT := .venv-lint
VENV_SCAN := .venv-scan
PY := $(VENV)/bin/python
PY_NOQT := $(VENV_NOQT)/bin/python
PY_LINT := $(VENV_LINT)/bin/python
PY_SCAN := $(VENV_SCAN)/bin/python
STAGE := build/plugin
# Overridable so the package test can build the real target into a temporary folder.
PACKAGE_BUILD ?= build/package
DIST ?= dist
PLUGIN := up42_qgis
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
SANDBOX_PORT ?= 8642
RUN_PROFILE := .run-profile

DEB_PACKAGES := qgis python3-qgis qgis-providers xvfb xauth gdal-bin python3-gdal \
	pyqt5-dev-tools qttools5-dev-tools python3-shapely python3-requests python3-venv \
	python3-pip curl tinyproxy-bin zip unzip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HEADLESS := QT_QPA_PLATFORM=offscreen QGIS_NO_OVERRIDE_IMPORT=1

.PHONY: help system venv stage test test-unit test-api test-qgis run sandbox package lint \
	typecheck translations qm clean demo bench check-package venv-scan test-matrix

help:
	@echo "make run          sandbox + QGIS with the plugin (isolated profile)"
	@echo "make test         the whole suite, headless"
	@echo "make test-matrix  make test and make demo on QGIS 3.40 and 3.44 (Debian chroots, root)"
	@echo "make sandbox      the local UP42-compatible server on port $(SANDBOX_PORT)"
	@echo "make demo         search -> estimate -> order -> download through qgis_process"
	@echo "make bench        benchmarks (bench-results.json / .md)"
	@echo "make package      dist/$(PLUGIN)-$(VERSION).zip"
	@echo "make lint         ruff, compileall, mypy (typecheck) and the Qt6 check"
	@echo "make check-package  the zip through plugins.qgis.org's scanners (Bandit, detect-secrets...)"
	@echo "make typecheck | translations | clean"

# --- set-up ----------------------------------------------------------------------------------
system:
	@missing=$$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(DEB_PACKAGES) 2>/dev/null \
		| awk '$$1=="ii"{print $$2}' | sort | comm -13 - <(tr ' ' '\n' <<< "$(DEB_PACKAGES)" | grep . | sort)); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(VENV)/.stamp: tests/requirements-qgis.txt | system
	@[ -x $(PY) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r tests/requirements-qgis.txt
	@touch $@

$(VENV_NOQT)/.stamp: tests/requirements-noqt.txt | system
	@[ -x $(PY_NOQT) ] || $(SYSTEM_PYTHON) -m venv $(VENV_NOQT)
	$(PY_NOQT) -m pip install -q --disable-pip-version-check -r tests/requirements-noqt.txt
	@touch $@

# PyQt6 from PyPI, for the Qt6 check only (never in .venv, which runs QGIS 3.22 on PyQt5).
$(VENV_LINT)/.stamp: tests/requirements-lint.txt | system
	@[ -x $(PY_LINT) ] || $(SYSTEM_PYTHON) -m venv $(VENV_LINT)
	$(PY_LINT) -m pip install -q --disable-pip-version-check -r tests/requirements-lint.txt
	@touch $@

venv: system $(VENV)/.stamp $(VENV_NOQT)/.stamp

# The scanners plugins.qgis.org runs on uploads, pinned, in a venv of their own.
$(VENV_SCAN)/.stamp: tests/requirements-scan.txt | system
	@[ -x $(PY_SCAN) ] || $(SYSTEM_PYTHON) -m venv $(VENV_SCAN)
	$(PY_SCAN) -m pip install -q --disable-pip-version-check -r tests/requirements-scan.txt
	@touch $@

venv-scan: $(VENV_SCAN)/.stamp

# The plugin folder QGIS loads from the working tree: symlinks, so edits show on reload.
stage: system
	@mkdir -p $(STAGE)/$(PLUGIN)
	@for f in $(PLUGIN)/* metadata.txt resources i18n; do \
		ln -sfn "$(CURDIR)/$$f" "$(STAGE)/$(PLUGIN)/$$(basename $$f)"; done
	@find $(STAGE)/$(PLUGIN) -xtype l -delete

# --- tests -----------------------------------------------------------------------------------
# The whole suite is the three suite targets, each with a JUnit report; then one total line.
# The unit suite runs Qt-free on shapely 2 (and the SDK), the API tests again on the system's
# requests and shapely 1.8, then the QGIS tests.
REPORTS := build/test-reports
junit = $(if $(JUNIT),--junitxml=$(REPORTS)/$(1).xml)

test: venv
	@rm -rf $(REPORTS) && mkdir -p $(REPORTS); status=0; \
	for suite in test-unit test-api test-qgis; do \
		echo "=== $$suite"; $(MAKE) --no-print-directory $$suite JUNIT=1 || status=1; \
	done; \
	$(SYSTEM_PYTHON) tests/tools/test_totals.py $(REPORTS) || status=1; exit $$status

test-unit: venv
	$(PY_NOQT) -m pytest -c tests/pytest.ini tests/unit $(call junit,unit-noqt)

test-api: venv
	$(HEADLESS) $(PY) -m pytest -c tests/pytest.ini -p no:pytest_qgis -p no:pytest-qt tests/unit/api \
		$(call junit,api-system)

test-qgis: venv
	$(HEADLESS) $(PY) -m pytest -c tests/pytest.ini tests/qgis $(call junit,qgis)

# The whole suite and the demo on Debian trixie (QGIS 3.40) and sid (QGIS 3.44), in chroots
# cached in MATRIX_CACHE (outside the repository) and rebuilt when DEB_PACKAGES changes.
MATRIX_CACHE ?= /var/cache/up42-qgis/chroots
MATRIX_SUITES ?= trixie sid
test-matrix:
	@$(SUDO) env DEB_PACKAGES="$(DEB_PACKAGES)" MATRIX_CACHE="$(MATRIX_CACHE)" \
		$(if $(MATRIX_TIMEOUT),MATRIX_TIMEOUT="$(MATRIX_TIMEOUT)") $(if $(MATRIX_MIRROR),MATRIX_MIRROR="$(MATRIX_MIRROR)") \
		bash tests/tools/matrix/matrix.sh $(MATRIX_SUITES)

# ruff, byte-compiling, mypy (typecheck), the Qt6 check's own tests, then the Qt6 check on the plugin: every Qt
# name resolved in PyQt6, every PyQGIS enum member scoped (tests/tools/qt6_check).
lint: venv typecheck $(VENV_LINT)/.stamp
	$(PY) -m ruff check $(PLUGIN) tests
	$(PY) -m compileall -q $(PLUGIN) tests
	$(HEADLESS) $(PY_LINT) -m pytest -c tests/pytest.ini tests/lint -q
	$(HEADLESS) $(PY_LINT) -m tests.tools.qt6_check $(PLUGIN)

# mypy over the plugin (configuration: tests/mypy.ini; api/ strictly typed).
typecheck: venv
	$(PY) -m mypy --config-file tests/mypy.ini $(PLUGIN)

# --- try it ----------------------------------------------------------------------------------
sandbox: system
	SANDBOX_PORT=$(SANDBOX_PORT) $(SYSTEM_PYTHON) -m tests.sandbox --port $(SANDBOX_PORT)

run: venv stage qm
	@bash tests/tools/run_qgis.sh "$(CURDIR)" "$(STAGE)" "$(RUN_PROFILE)" "$(SANDBOX_PORT)" $(QGIS_ARGS)

demo: venv stage
	@bash tests/tools/demo.sh "$(CURDIR)" "$(STAGE)"

bench: venv stage
	$(HEADLESS) $(PY) -m pytest -c tests/pytest.ini tests/benchmarks -p no:randomly -q

# --- release ---------------------------------------------------------------------------------
# Refresh i18n/*.ts from the code (pylupdate5), then build the .qm files (lrelease).
translations: system
	@$(SYSTEM_PYTHON) tests/tools/update_translations.py

# Only build the .qm files: packaging and running never rewrite the committed .ts files.
qm: system
	@$(SYSTEM_PYTHON) tests/tools/update_translations.py --compile-only

package: qm
	@rm -rf $(PACKAGE_BUILD) && mkdir -p $(PACKAGE_BUILD)/$(PLUGIN) $(DIST)
	@cp -rL $(PLUGIN)/. $(PACKAGE_BUILD)/$(PLUGIN)/
	@cp metadata.txt $(PACKAGE_BUILD)/$(PLUGIN)/
	@mkdir -p $(PACKAGE_BUILD)/$(PLUGIN)/resources $(PACKAGE_BUILD)/$(PLUGIN)/i18n
	@cp -r resources/icons resources/styles $(PACKAGE_BUILD)/$(PLUGIN)/resources/
	@cp i18n/*.qm $(PACKAGE_BUILD)/$(PLUGIN)/i18n/
	@find $(PACKAGE_BUILD) -name '__pycache__' -prune -exec rm -rf {} + ; \
		find $(PACKAGE_BUILD) \( -name '*.pyc' -o -name '*.part' -o -name '.*' \) -type f -delete
	@zip_path="$$(realpath $(DIST))/$(PLUGIN)-$(VERSION).zip"; rm -f "$$zip_path"; \
		cd $(PACKAGE_BUILD) && zip -qrX "$$zip_path" $(PLUGIN) && echo "$$zip_path"

# The zip as plugins.qgis.org scans it: Bandit and detect-secrets (blocking there), flake8 and
# the advisory file checks; any finding fails. See tests/tools/check_package.py.
check-package: package venv-scan
	@$(PY_SCAN) tests/tools/check_package.py "$(DIST)/$(PLUGIN)-$(VERSION).zip"

clean:
	rm -rf build dist $(VENV) $(VENV_NOQT) $(VENV_LINT) $(VENV_SCAN) $(RUN_PROFILE) .pytest_cache .ruff_cache i18n/*.qm
	find . -name '__pycache__' -prune -exec rm -rf {} +
