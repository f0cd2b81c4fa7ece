# finlint's everyday tasks. `make test` is what CI runs.
GO        ?= go
PKGS      := ./...
FUZZTIME  ?= 10s
# Every fuzz target also runs this long as part of `make test`, so that CI
# exercises each of them on every change.
TEST_FUZZTIME ?= 3s
BENCHTIME ?= 1s
STATICCHECK_VERSION := v0.8.2

.PHONY: all build test test-beam test-integrations lint bench bench-peers fuzz generate corpus clean

all: lint test build

build:
	$(GO) build -o bin/finlint ./cmd/finlint

test:
	$(GO) test -race -count=1 $(PKGS)
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(TEST_FUZZTIME)
	@$(MAKE) --no-print-directory test-beam

# The Beam module (beam/, a go.mod of its own, so that the library and the
# command never pull in the Beam SDK): the transform and the example
# pipeline, each on the direct runner and on prism, against the real
# command. Without the race detector: the SDK takes minutes to build
# instrumented.
test-beam:
	cd beam && $(GO) test -count=1 ./...

# The pre-commit hook (skipped without pre-commit) and the GitHub Action's
# step, run as pre-commit and a runner would run them.
test-integrations:
	./scripts/test-pre-commit.sh
	./scripts/test-action.sh

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet $(PKGS)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $(PKGS)
	cd beam && $(GO) vet ./...
	cd beam && $(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) $(PKGS)

# finlint beside the schema-only validators, installed into a cache folder
# on first use; several minutes. BENCH_PEERS_FLAGS=-quick checks it works.
BENCH_PEERS_FLAGS ?=
bench-peers:
	$(GO) run ./scripts/bench-peers $(BENCH_PEERS_FLAGS)

# Each fuzz target runs for FUZZTIME, one after another (go test allows one
# -fuzz target per run).
fuzz:
	@set -e; for pkg in $$($(GO) list $(PKGS)); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$pkg $$target ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

generate:
	$(GO) generate ./...

clean:
	rm -rf bin
corpus:
	$(GO) run ./internal/corpus/gencorpus -files 10000 -out testdata/corpus
