# smsplan: the two commands of the README are `make run` and `make test`.
SWIFT ?= swift
REPORTS := .build/reports
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60

.PHONY: all deps build run test schema-check pre-commit-check sarif-check rules-doc dashboard-screenshot bench fuzz install clean

all: run

## deps: install libgit2-dev and pkg-config when missing (Debian)
deps:
	@scripts/install-deps

## build: build smsplan (debug)
build: deps
	$(SWIFT) build

## run: build, then check the bundled plan-template, print its status, write its JSON report and HTML dashboard
run: build
	@mkdir -p $(REPORTS)
	$(BIN_DIR)/smsplan check -C plan-template
	@$(BIN_DIR)/smsplan check -C plan-template --format json > $(REPORTS)/plan-template.json
	$(BIN_DIR)/smsplan status -C plan-template
	@$(BIN_DIR)/smsplan report -C plan-template --html $(REPORTS)/dashboard
	@echo "reports: $(REPORTS)/plan-template.json, $(REPORTS)/dashboard/index.html"

## test: the template's front matter through a JSON Schema validator, the hooks through the
## pre-commit framework, SARIF through the SARIF 2.1.0 schema, then every unit and end-to-end test
test: deps schema-check pre-commit-check sarif-check
	$(SWIFT) test --disable-swift-testing

## schema-check: validate plan-template's front matter against `smsplan schema --json-schema`
## with check-jsonschema (installed from PyPI into .build/venv)
schema-check: build
	scripts/check-front-matter-schema $(BIN_DIR)/smsplan plan-template

## pre-commit-check: smsplan through the pre-commit framework (installed from PyPI into .build/venv)
pre-commit-check: build
	scripts/check-pre-commit-framework $(BIN_DIR)/smsplan

## sarif-check: validate `check --format sarif` (the tests' reference report and a fresh one on a
## broken copy of plan-template) against the SARIF 2.1.0 JSON Schema with check-jsonschema
sarif-check: build
	scripts/check-sarif $(BIN_DIR)/smsplan

## rules-doc: regenerate docs/rules.md from the rules' own descriptions
rules-doc: build
	scripts/rules-doc $(BIN_DIR)/smsplan > docs/rules.md

## dashboard-screenshot: render plan-template's dashboard into .build/dashboard and take a PNG
## screenshot of it, 1280 pixels wide, with headless Chromium (installed from Debian's packages
## when missing); not part of `make test`, since it needs a browser
dashboard-screenshot: build
	scripts/dashboard-screenshot $(BIN_DIR)/smsplan plan-template .build/dashboard

## bench: release build, then the benchmark on generated 1,000, 10,000 and 30,000 document plans (30,000 run once)
bench: deps
	$(SWIFT) build -c release
	python3 Benchmarks/bench.py "$$($(SWIFT) build -c release --show-bin-path)/smsplan" --sizes $${BENCH_SIZES:-1000,10000,30000} --runs $${BENCH_RUNS:-5}

## fuzz: build the libFuzzer targets in Fuzz/ (front-matter parser, whole single-document check)
## with AddressSanitizer and run each for FUZZ_SECONDS (default 60) from the seed corpus
## Fuzz/corpus; not part of `make test` (see docs/robustness.md)
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

## install: build release and install bin/smsplan and share/smsplan/plan-template under PREFIX
install: deps
	$(SWIFT) build -c release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/smsplan
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/smsplan" $(DESTDIR)$(PREFIX)/bin/smsplan
	rm -rf $(DESTDIR)$(PREFIX)/share/smsplan/plan-template
	cp -R plan-template $(DESTDIR)$(PREFIX)/share/smsplan/plan-template

clean:
	rm -rf .build
