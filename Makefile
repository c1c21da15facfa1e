# wirecheck: two commands set everything up on a fresh machine: `make demo`, `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
# pip on these machines finds the CPU build of torch in /opt/wheels; uv is told the same.
FIND_LINKS := $(wildcard /opt/wheels)
UV_FLAGS := $(if $(FIND_LINKS),--find-links $(FIND_LINKS),)
DEMO_OUT ?= out/demo

.PHONY: demo test lint bench venv browser-deps lock clean

$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python $(UV_FLAGS) requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

venv: $(BIN)/.installed

demo: venv
	$(BIN)/wirecheck run samples/corpus --out $(DEMO_OUT) --db $(DEMO_OUT)/workspace.duckdb \
		--list samples/lists/sample-sanctions.ftm.jsonl
	@echo "Results: $(DEMO_OUT)/analysis.json, $(DEMO_OUT)/briefing.md, $(DEMO_OUT)/briefing.html"
	@echo "Workspace: $(DEMO_OUT)/workspace.duckdb   (browse it: $(BIN)/wirecheck serve --db $(DEMO_OUT)/workspace.duckdb)"

# Debian's chromium drives the browser tests (playwright's own browser download is not available).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium missing: install Debian's chromium for the browser tests"; fi; }

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy --strict src

test: venv browser-deps lint
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: venv
	$(BIN)/python -m bench.run_all

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 $(UV_FLAGS) \
		--generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache
