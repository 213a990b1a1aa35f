# Everything CI runs is a target here. `make run` and `make test` are all a
# newcomer needs; both install missing system packages first.

BIN     := bin/throughline
GO      ?= go
# Fyne's locale lookup complains on stderr without a UTF-8 locale.
export LANG ?= C.UTF-8

.PHONY: run build test test-unit test-window bench fuzz lint deps-run deps-test clean \
	package install uninstall

run: deps-run build
	./$(BIN)

build:
	$(GO) build -o $(BIN) .

deps-run:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

# Unit, store and UI tests, then the whole-binary tests in e2e/. Tests
# that need a tool or privilege (Xvfb and xdotool, pdftotext, a tmpfs
# mount, a network namespace, Syncthing) fail rather than skip when it is missing:
# THROUGHLINE_REQUIRE_TOOLS (see internal/testenv). Then every fuzz
# target in every package for FUZZBRIEF each (scripts/fuzz.sh; make fuzz
# runs them longer). Go writes only failing inputs to testdata/fuzz (commit them: they
# become regression seeds); what it learns goes to its cache. Last, the
# Linux bundle is built and checked.
FUZZBRIEF ?= 3s
test: deps-test lint
	THROUGHLINE_REQUIRE_TOOLS=1 $(GO) test -count=1 ./...
	@GO=$(GO) scripts/fuzz.sh $(FUZZBRIEF) $(FUZZBRIEF)
	$(MAKE) --no-print-directory package
	scripts/check_package.sh

# The Linux bundle (build/package/Throughline.tar.xz: the binary, its menu
# entry and icon), made by the fyne tool at FYNE_TOOL_VERSION, which is
# installed into build/tools/ the first time. Name, ID, version and icon
# come from FyneApp.toml. install puts it in ~/.local for you alone (no
# sudo); uninstall removes those three files and keeps your journal.
FYNE_TOOL_VERSION := v1.7.4
package: deps-run
	@GO=$(GO) FYNE_TOOL_VERSION=$(FYNE_TOOL_VERSION) scripts/package.sh build

install: package
	@scripts/package.sh install

uninstall:
	@scripts/package.sh uninstall

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed on:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Benchmarks on a generated 100,000-entry journal (slow the first time),
# then the built app in a real window on it, then the built binary as a
# whole process on 10k and 100k journals, each figure next to its target;
# with JRNL_GIT (../shared/bench/README.md), jrnl on the same corpus and
# each ratio next to its goal. BENCH_GO=0, BENCH_WINDOW=0, BENCH_CLI=0 and
# BENCH_PEER=0 leave parts out (scripts/bench.sh, scripts/bench_cli.sh).
# deps-test: deps-run's packages plus Xvfb, xdotool, imagemagick.
bench: deps-test
	scripts/bench.sh

clean:
	rm -rf bin build

# Every fuzz target in every package for FUZZTIME each (make test runs
# them for FUZZBRIEF).
FUZZTIME ?= 60s
fuzz:
	@GO=$(GO) scripts/fuzz.sh $(FUZZTIME) 5s
