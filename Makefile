# coopie: two commands to remember are `make run` and `make test` (see README.md).
# Python 3.11, 3.12 or 3.13: the first of them on the PATH, or PYTHON=/path/to/python3.x.
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13; do command -v $$p >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_CORPUS := ../shared/corpus/dev.jsonl

.PHONY: run test model package eval gazetteer bench clean

$(STAMP): pyproject.toml
	@command -v "$(PYTHON)" >/dev/null 2>&1 || { echo "error: no python3.11, 3.12 or 3.13 on the PATH; set PYTHON=/path/to/python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,label,report]"
	touch $(STAMP)

## run: extract from the seed articles into out.jsonl (installs and builds the model on first use)
run: model
	$(BIN)/coopie extract seeds/ -o out.jsonl --overwrite

## test: the whole test suite (installs on first use)
test: $(STAMP)
	$(BIN)/python -m pytest

## model: build the pipelines into models/coopie-en and models/coopie-vi (coopie extract then
## loads one in ~0.6 s)
model: models/coopie-en/meta.json models/coopie-vi/meta.json

models/coopie-%/meta.json: $(STAMP) pipeline/config.cfg $(shell find patterns pipeline -type f -not -name "*.pyc")
	$(BIN)/coopie build --language $* -o models/coopie-$*

## package: the installable model package dist/en_coopie-<version>-py3-none-any.whl
package: model
	$(BIN)/python scripts/package_model.py --model models/coopie-en --output dist

## eval: score the seed gold and, when present, the dev corpus
eval: $(STAMP)
	mkdir -p eval
	$(BIN)/coopie evaluate --gold gold/seeds.jsonl --json > eval/seeds.json
	@if [ -f $(DEV_CORPUS) ]; then \
	  $(BIN)/coopie evaluate --gold $(DEV_CORPUS) --report eval/dev-report \
	    $$( [ -f eval/dev.json ] && echo --baseline eval/dev.json ) --save eval/dev.json; \
	fi

## gazetteer: regenerate patterns/gazetteer/vietnam.json from its data package
gazetteer: $(STAMP)
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) models/coopie-en models/coopie-vi dist eval out.jsonl

## bench: speed and memory targets of issues 5 and 13 (writes bench/results.json, bench/store.json)
bench: model
	$(BIN)/python scripts/bench.py --words 1000000 --repeats 2 --output bench/results.json
	$(BIN)/python scripts/bench_store.py --claims 1000000 --output bench/store.json
