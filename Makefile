# The two commands a newcomer needs: `make run` and `make test`. Everything installs itself.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HASH := $(shell cat pyproject.toml clients/python/pyproject.toml | cksum | cut -d' ' -f1)
# `make run` needs only the service and the emulator; `make test` adds the dev tools.
RUN_STAMP := $(VENV)/.run-installed-$(HASH)
STAMP := $(VENV)/.installed-$(HASH)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json 2>/dev/null | cksum | cut -d' ' -f1)
# tests/smoke runs the SageMaker Python SDKs 2.x and 3.x, each in its own virtualenv (they
# cannot share one with each other or with the service); tests/docs needs a Chromium.
SDK_VENVS := .venv-sagemaker2 .venv-sagemaker3
SDK_STAMPS := $(foreach v,$(SDK_VENVS),$(v)/.installed-$(shell cat tests/smoke/requirements-$(v:.venv-%=%).txt | cksum | cut -d' ' -f1))
CHROMIUM := /usr/bin/chromium
PYTEST_WORKERS ?= 2

.PHONY: run test fault-matrix lint lint-python lint-imports lint-spec lint-deploy typecheck bench install generate check-generated clean

$(RUN_STAMP): pyproject.toml clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[emulator,packager]' -e 'clients/python[cli]'
	rm -f $(VENV)/.run-installed-* && touch $@

# One pip run for everything (a second resolve on top of the run install costs a minute);
# what it installs is a superset of the run install, so it stamps that too.
$(STAMP): pyproject.toml clients/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[emulator,packager,dev]' -e 'clients/python[cli]'
	rm -f $(VENV)/.installed-* $(VENV)/.run-installed-* && touch $@ $(RUN_STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -f node_modules/.installed-* && touch $@

$(SDK_STAMPS):
	$(PYTHON) -m venv $(@D)
	$(@D)/bin/pip install --quiet --disable-pip-version-check -r tests/smoke/requirements-$(patsubst .venv-%,%,$(@D)).txt
	rm -f $(@D)/.installed-* && touch $@

$(CHROMIUM):  ## Debian's chromium (Playwright cannot download browsers on these machines)
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The virtualenvs, node_modules and Chromium install side by side: none needs another.
install:
	$(MAKE) --no-print-directory -j4 -Otarget $(STAMP) $(NODE_STAMP) $(SDK_STAMPS) $(CHROMIUM)

run: $(RUN_STAMP)  ## Start the API on http://127.0.0.1:8080 against the embedded emulator
	$(VENV)/bin/mlm serve

test: install lint check-generated  ## Every check and every test
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=15

fault-matrix: $(STAMP)  ## Every fault kind at every AWS call of every mutating operation (~5x the cases of make test)
	MLM_FAULT_MATRIX=full $(PY) -m pytest -n $(PYTEST_WORKERS) --dist load tests/reliability

lint: lint-python lint-imports typecheck lint-spec lint-deploy

lint-python: $(STAMP)
	$(VENV)/bin/ruff check server tests bench clients/python/mlm_client
	$(VENV)/bin/ruff format --check server tests bench clients/python/mlm_client

lint-imports: $(STAMP)  ## The layer contract in pyproject.toml ([tool.importlinter]); fails on a broken rule
	$(VENV)/bin/lint-imports --no-cache

typecheck: $(STAMP)
	$(VENV)/bin/mypy
	cd clients/python && ../../$(VENV)/bin/mypy

lint-deploy: $(STAMP)  ## cfn-lint on the CloudFormation templates, hadolint on the Dockerfiles
	$(VENV)/bin/cfn-lint deploy/packaging.yaml deploy/mlm.yaml
	$(VENV)/bin/hadolint deploy/packager.Dockerfile deploy/api.Dockerfile

lint-spec: $(NODE_STAMP)  ## redocly + spectral (OWASP ruleset) on the spec
	scripts/lint_spec.sh

generate: $(STAMP)  ## Regenerate everything built from spec/openapi.yaml, and the sync Python client
	scripts/generate.sh

check-generated: $(STAMP)  ## Fail when a generated artifact is stale
	scripts/check_generated.sh

bench: $(STAMP)  ## Benchmarks; results in bench/results/
	$(PY) bench/rest_overhead.py
	$(PY) bench/fleet_overview.py
	$(PY) bench/packaging.py
	$(PY) bench/framework_cost.py
	$(PY) bench/cold_start.py

clean:
	rm -rf $(VENV) $(SDK_VENVS) node_modules .pytest_cache .mypy_cache .ruff_cache
