# Hardcandy: `make run` starts the server with demo data; `make test` runs every test.
GO      ?= go
BIN     ?= bin/hardcandy
ADDR    ?= 127.0.0.1:8080
PKGS    := ./...

PROMTOOL ?= $(shell command -v promtool 2>/dev/null || echo bin/promtool)

.PHONY: all generate build run test test-short bench lint check-generated fuzz clean migration \
	cgo promtool check-alerts

all: build

## generate: regenerate ent, the GraphQL schema and gqlgen code (commit the result)
generate:
	$(GO) generate ./...

## build: build the binary into bin/
build: cgo
	$(GO) build -o $(BIN) .

## cgo: the embedded SQLite driver is C: say so in one line when no C compiler is found
cgo:
	@command -v "$$($(GO) env CC)" >/dev/null 2>&1 || { echo "hardcandy needs a C compiler for SQLite (cgo): install gcc (Debian/Ubuntu: apt-get install gcc libc6-dev; macOS: xcode-select --install)"; exit 1; }

## run: start the server on the embedded SQLite default with demo data; GraphiQL at http://$(ADDR)/
run: build
	./$(BIN) serve --demo --addr $(ADDR)

## test: every test, with the race detector, on SQLite; then again on Postgres when
## HARDCANDY_TEST_POSTGRES names a server (e.g. postgres://127.0.0.1:5432/test?sslmode=disable)
test:
	$(GO) vet $(PKGS)
	HARDCANDY_TEST_POSTGRES= $(GO) test -race -count=1 $(PKGS)
	@if [ -n "$$HARDCANDY_TEST_POSTGRES" ]; then \
		echo "== the suite again, on Postgres"; \
		$(GO) test -race -count=1 $(PKGS); \
	else echo "== Postgres skipped: set HARDCANDY_TEST_POSTGRES to run the suite on it too"; fi

## migration: write the next Postgres migration after a schema change, e.g. make migration NAME=add_lease_notes
## (replays the migrations on a scratch database on $$HARDCANDY_TEST_POSTGRES, or the local server)
migration:
	@test -n "$(NAME)" || { echo "usage: make migration NAME=what_changed"; exit 2; }
	$(GO) run database/migrations/generate.go -name $(NAME)

## test-short: the tests without the race detector, quicker while editing
test-short:
	$(GO) test -count=1 $(PKGS)

## fuzz: fuzz the SKU parser for a while
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseSKU -fuzztime 30s ./catalog

## bench: Go benchmarks, then the HTTP load runs; each prints a table
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./loadgen

## lint: go vet and gofmt
lint:
	$(GO) vet $(PKGS)
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^ent/')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

## check-generated: fail when `make generate` would change committed files
check-generated: generate
	@out=$$(git status --porcelain -- ent graph go.mod go.sum); if [ -n "$$out" ]; then echo "make generate changed committed files (run it and commit):"; echo "$$out"; git diff --stat; exit 1; fi

## promtool: install Prometheus' promtool into bin/ (from Debian's prometheus package, unpacked,
## so no Prometheus server is installed or started) unless one is on PATH
promtool:
	@if command -v promtool >/dev/null 2>&1 || [ -x bin/promtool ]; then exit 0; fi; \
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq && apt-get download prometheus; }); \
	dpkg-deb --fsys-tarfile "$$tmp"/prometheus_*.deb | tar -x -C "$$tmp" ./usr/bin/promtool; \
	mkdir -p bin && mv "$$tmp/usr/bin/promtool" bin/promtool && bin/promtool --version | head -n1

## check-alerts: check the Prometheus alert rules and run their unit tests
check-alerts: promtool
	$(PROMTOOL) check rules deploy/prometheus/alerts.yml
	cd deploy/prometheus && $(abspath $(PROMTOOL)) test rules alerts_test.yml

clean:
	rm -rf bin
