# telschema: `make example` runs the main job on the bundled examples,
# `make test` runs every test (and installs what it needs that is missing).
SHELL := /bin/bash
CARGO ?= cargo
WASM_TARGET := wasm32-unknown-unknown
, := ,

.PHONY: example test setup tools lint wasm-check unit js pkg pkg-test-panic browser chromium demo fuzz fuzz-smoke bench wasm-size corpus oracle

KINDS := phone_number e911 number_collection portability_check sub_request_update \
	draft_sub_request_update draft_sub_request draft_port_request number_request

## The main job on bundled input: check examples/documents/ (kind auto: each
## document's "$schema" or shape names it; phone fields normalized, validated,
## completeness measured; some carry mistakes on purpose, so the status is 1)
## and normalize examples/numbers.txt.
example:
	@$(CARGO) build --quiet --release
	@./target/release/telschema check examples/documents; s=$$?; [ $$s -le 1 ] || exit $$s
	./target/release/telschema normalize --region US --input examples/numbers.txt

## Every test: formatting, lints (native and wasm32), the wasm32 build, unit,
## property, differential and doc tests, then pkg/ and the Node suite
## (fixtures through WebAssembly, TypeScript, trap recovery, ajv agreement)
## with the package's size and start-up figures, then Chromium (the demo, and a
## page built by esbuild, webpack, Vite and Rollup, under a strict CSP).
test: setup lint wasm-check unit js browser fuzz-smoke

setup:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# wasm-bindgen-cli at exactly the version in Cargo.lock (wasm-pack uses the one
# on PATH when it matches and never downloads), and wasm-pack. wasm-bindgen-cli
# is installed without --locked: its own lock file pins a webpki-roots that
# the registry no longer serves.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
export PATH := $(HOME)/.cargo/bin:$(PATH)

tools: setup
	@v=$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}'); \
	  if [ "$$v" != "$(WASM_BINDGEN_VERSION)" ]; then \
	    echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 5 minutes)"; \
	    $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi
	@command -v wasm-pack >/dev/null || { echo "installing wasm-pack (about 10 minutes)"; $(CARGO) install --locked wasm-pack; }

lint:
	$(CARGO) fmt --check
	@# The metadata source is build-time only, and jsonschema is the test suite's
	@# reference: neither may reach the runtime (src/schema/ interprets our schemas).
	@for c in phonenumber jsonschema regex; do \
	  if $(CARGO) tree -e normal --prefix none | grep -E "^$$c "; then \
	    echo "$$c leaked into the runtime dependencies"; exit 1; fi; done
	@# schemars only generates schemas/ (feature schemars, on by default): a
	@# library built with default-features = false must not pull it in.
	@if $(CARGO) tree -e normal --no-default-features --prefix none | grep -E "^schemars "; then \
	  echo "schemars is a dependency without the schemars feature"; exit 1; fi
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --lib --no-default-features --features documents --target $(WASM_TARGET) -- -D warnings
	@# The phone-only build (pkg/phone/): the phone engine without the documents.
	$(CARGO) clippy --lib --no-default-features --target $(WASM_TARGET) -- -D warnings

wasm-check:
	$(CARGO) build --lib --no-default-features --features documents --target $(WASM_TARGET)
	$(CARGO) build --lib --no-default-features --target $(WASM_TARGET)

unit:
	$(CARGO) test --release -- --nocapture

# npm packages of the build and the test suite (binaryen, typescript, the
# bundlers esbuild, webpack, vite, rollup and its plugins, playwright-core,
# json-schema-to-typescript, ajv, ajv-formats, google-libphonenumber), exactly
# as locked.
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund

# wasm-pack for one target into $(1)/$(2); $(3) extra cargo arguments.
WASM_PACK = wasm-pack build --target $(2) --out-dir $(1)/$(subst nodejs,node,$(2)) --out-name telschema_glue \
	--no-opt --no-pack --profile wasm . -- --no-default-features $(3)
PKG_INPUTS := $(shell git ls-files src js build.rs Cargo.toml Cargo.lock schemas 2>/dev/null)

## pkg/: the npm package (web/ and node/ by wasm-pack, wasm-opt from binaryen,
## our wrapper telschema.js and the TypeScript types), and in pkg/phone/ the
## phone-only build (entry telschema/phone: no documents feature).
pkg: pkg/package.json
pkg/package.json: $(PKG_INPUTS) node_modules/.package-lock.json | tools
	$(call WASM_PACK,pkg,web,--features documents)
	$(call WASM_PACK,pkg,nodejs,--features documents)
	$(call WASM_PACK,pkg/phone,web)
	$(call WASM_PACK,pkg/phone,nodejs)
	node js/build-pkg.mjs pkg

# The same with the test-panic export, for the trap-recovery test only.
pkg-test-panic: target/pkg-test-panic/package.json
target/pkg-test-panic/package.json: $(PKG_INPUTS) node_modules/.package-lock.json | tools
	$(call WASM_PACK,target/pkg-test-panic,web,--features documents$(,)test-panic)
	$(call WASM_PACK,target/pkg-test-panic,nodejs,--features documents$(,)test-panic)
	node js/build-pkg.mjs target/pkg-test-panic --no-opt

## The Node suite: every fixture through pkg/node and pkg/web, the API's
## errors, require/import, TypeScript, trap recovery and the
## published schemas against ajv; then the size and start-up figures.
js: node_modules/.package-lock.json pkg pkg-test-panic
	node js/gen-types.mjs --check
	ln -sfn ../pkg node_modules/telschema
	node --test tests/js/
	node tests/js/size-startup.mjs

## The demo page: serves the repository root; the page is /www/.
demo: pkg
	@echo "telschema demo: http://127.0.0.1:8080/www/  (Ctrl-C stops it)"
	python3 -m http.server 8080 --bind 127.0.0.1

# Debian's Chromium for the browser test (a test tool's own browser download
# cannot work here).
chromium:
	@command -v chromium >/dev/null || { echo "installing Debian's chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## The demo page, the form-library pages (tests/browser/forms/, built by Vite)
## and one page per bundler (esbuild, webpack 5, Vite, Rollup) in a real
## browser (playwright-core driving /usr/bin/chromium), the bundled pages and
## the demo under Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
browser: node_modules/.package-lock.json pkg chromium
	ln -sfn ../pkg node_modules/telschema
	node --test tests/browser/

FUZZ_TARGETS := normalize check readers round_trip

## About 20 s per fuzz target, when cargo fuzz (and the nightly toolchain) are
## installed; `make test` runs it then, and says so when it skips it.
fuzz-smoke:
	@if cargo +nightly fuzz --version >/dev/null 2>&1; then \
	  for t in $(FUZZ_TARGETS); do (cd fuzz && cargo +nightly fuzz run -O $$t -- -max_total_time=20) || exit 1; done; \
	else echo "fuzz smoke skipped: cargo fuzz is not installed (cargo install cargo-fuzz)"; fi

## The long run: 10 minutes per target (FUZZ_SECONDS to change it).
FUZZ_SECONDS ?= 600
fuzz:
	for t in $(FUZZ_TARGETS); do (cd fuzz && cargo +nightly fuzz run -O $$t -- -max_total_time=$(FUZZ_SECONDS)) || exit 1; done

## Benchmarks (not part of `make test`): criterion natively, then pkg/node
## against libphonenumber-js, google-libphonenumber and ajv in Node; writes
## benches/RESULTS.md.
bench: node_modules/.package-lock.json pkg
	$(CARGO) bench --bench normalize --bench validate
	ln -sfn ../pkg node_modules/telschema
	node benches/js/run.mjs

## Size of a wasm build that exports only `normalize`, `format` and `asYouType`.
wasm-size: setup
	cd benches/wasm-size && CARGO_TARGET_DIR=../../target $(CARGO) build --quiet --release --target $(WASM_TARGET)
	@f=target/$(WASM_TARGET)/release/telschema_wasm_size.wasm; \
	  echo "normalize+format+asYouType wasm: $$(wc -c < $$f) bytes, $$(gzip -9c $$f | wc -c) bytes gzip"

## Regenerate the differential corpus from google-libphonenumber (needs Node).
corpus: node_modules/.package-lock.json
	node tests/corpus/generate.js
	UPDATE_DISAGREEMENTS=1 $(CARGO) test --release --test differential

## Regenerate tests/oracle/formatting.json, as_you_type.json, matcher.json and short.json from Python's phonenumbers at the
## metadata version (installed into target/oracle-venv when missing).
ORACLE_VENV := target/oracle-venv
PHONENUMBERS_VERSION := 9.0.33
oracle:
	@[ -x $(ORACLE_VENV)/bin/python ] || python3 -m venv $(ORACLE_VENV)
	@$(ORACLE_VENV)/bin/python -c 'import phonenumbers, sys; sys.exit(phonenumbers.__version__ != "$(PHONENUMBERS_VERSION)")' 2>/dev/null \
	  || $(ORACLE_VENV)/bin/pip install --quiet phonenumbers==$(PHONENUMBERS_VERSION)
	$(ORACLE_VENV)/bin/python tests/oracle/generate.py
	$(ORACLE_VENV)/bin/python tests/oracle/generate_matcher.py
	$(ORACLE_VENV)/bin/python tests/oracle/generate_short.py
	$(CARGO) test --release --test oracle --test oracle_matcher --test oracle_short -- --nocapture
