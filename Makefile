# Hardcandy: `make run` starts the server with demo data; `make test` runs every test.
GO      ?= go
BIN     ?= bin/hardcandy
ADDR    ?= 127.0.0.1:8080
PKGS    := ./...

PROMTOOL ?= $(shell command -v promtool 2>/dev/null || echo bin/promtool)

.PHONY: all generate build run test test-short bench lint check-generated fuzz clean migration \
	portal check-portal test-portal bench-portal cgo promtool check-alerts

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

## run: start the server on the embedded SQLite default with demo data: the portal at http://$(ADDR)/
## (opened in a browser when one is at hand), GraphiQL at http://$(ADDR)/graphiql
run: build
	@echo "== the portal: http://$(ADDR)/ (sign in with a token printed below); GraphiQL: http://$(ADDR)/graphiql"
	@( for i in $$(seq 1 50); do curl -fs -o /dev/null http://$(ADDR)/readyz 2>/dev/null && break; sleep 0.2; done; \
	   if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xdg-open >/dev/null; then xdg-open http://$(ADDR)/ >/dev/null 2>&1 || true; fi ) &
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
	@$(MAKE) --no-print-directory test-portal

## portal: build the web portal (npm ci, relay-compiler, tsc, vite) into portal/dist, which the
## binary embeds; commit the result like other generated code. go build itself needs no Node.
portal:
	cd portal && npm ci --no-audit --no-fund --loglevel=error && npm run build

## check-portal: fail when `make portal` would change the committed build
check-portal: portal
	@out=$$(git status --porcelain -- portal/dist portal/src/__generated__ portal/operations.graphql); if [ -n "$$out" ]; then echo "make portal changed the committed build (run it and commit):"; echo "$$out"; exit 1; fi

## test-portal: the portal's unit tests (Vitest), then its journeys in headless Chromium against
## `hardcandy serve --demo` on SQLite (and on Postgres when HARDCANDY_TEST_POSTGRES is set)
test-portal: build
	@if ! command -v npm >/dev/null; then echo "== portal tests skipped: no Node/npm (the embedded build still serves)"; exit 0; fi; \
	if [ ! -d portal/node_modules ]; then (cd portal && npm ci --no-audit --no-fund --loglevel=error) || exit 1; fi; \
	echo "== portal unit tests"; (cd portal && npx vitest run) || exit 1; \
	if [ -x "$${CHROMIUM:-/usr/bin/chromium}" ]; then \
		echo "== portal browser journeys"; \
		(cd portal && HARDCANDY_E2E_POSTGRES="$$HARDCANDY_TEST_POSTGRES" node e2e/run.mjs) || exit 1; \
	else echo "== portal browser journeys skipped: no Chromium (apt-get install chromium, or set CHROMIUM)"; fi

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

## bench: Go benchmarks, then the HTTP load runs, then the portal's figures; each prints a table
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./loadgen
	@$(MAKE) --no-print-directory bench-portal

## bench-portal: initial JavaScript size, time to interactive and GraphQL requests per page view
## in headless Chromium, against the server on SQLite with 100 products, 50 leases, 100,000 items
bench-portal: build
	@if ! command -v npm >/dev/null || [ ! -d portal/node_modules ]; then echo "== portal bench skipped: run make portal first (needs Node and npm)"; exit 0; fi; \
	cd portal && node e2e/bench.mjs

## lint: go vet and gofmt
lint:
	$(GO) vet $(PKGS)
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^ent/')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@out=$$($(GO) tool goimports -l -local github.com/hardcandy/hardcandy $$(git ls-files '*.go' | grep -v '^ent/' | grep -v '_gen.go$$' | grep -v '^graph/generated.go$$' | grep -v 'resolvers.go$$')); \
		if [ -n "$$out" ]; then echo "imports need grouping (standard, third-party, then this module): go tool goimports -w -local github.com/hardcandy/hardcandy"; echo "$$out"; exit 1; fi

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
