# midreview — two commands on a fresh Debian machine with Go, as root:
#   make demo   builds, writes a sample batch and runs it into demo/out
#   make test   installs what the tests need, then runs every test
GO ?= go
FUZZTIME ?= 10s
# FUZZCOUNT is the fuzz budget of `make test` (and so CI): a count, never a duration,
# so that a loaded machine cannot make it fail (scripts/fuzz.sh explains).
FUZZCOUNT ?= 2000x
# VERSION is recorded in manifest.json (tool version); "dev" outside a git checkout.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# COMMIT is the source commit, printed by `midreview version` and recorded in manifest.json.
COMMIT ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo +変更あり)
LDFLAGS := -X main.Version=$(VERSION) -X main.Commit=$(COMMIT)

.PHONY: all assets axe build demo test deps fuzz bench windows clean

all: build

assets:
	GO=$(GO) bash scripts/assets.sh

build: assets
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/midreview ./cmd/midreview

demo: build
	./bin/midreview demo -out demo

# deps installs the Debian packages the tests use (PDF text, browser test).
deps:
	bash scripts/deps.sh

# axe fetches axe-core from npm into .cache/ for the accessibility test of web/
# (never committed, never in the binary).
axe:
	bash scripts/axe.sh

test: deps assets axe
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...
	bash scripts/fuzz.sh $(FUZZCOUNT)

fuzz:
	bash scripts/fuzz.sh $(FUZZTIME)

bench: assets
	$(GO) test -run '^$$' -bench . -benchmem ./...

windows: assets
	GOOS=windows GOARCH=amd64 $(GO) build -ldflags "$(LDFLAGS)" -o bin/midreview.exe ./cmd/midreview

clean:
	rm -rf bin demo
