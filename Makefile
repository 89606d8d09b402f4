# telschema: `make example` runs the main job on the bundled examples,
# `make test` runs every test (and installs what it needs that is missing).
SHELL := /bin/bash
CARGO ?= cargo
WASM_TARGET := wasm32-unknown-unknown

.PHONY: example test setup lint wasm-check unit js bench wasm-size corpus

KINDS := phone_number e911 number_collection portability_check sub_request_update \
	draft_sub_request_update draft_sub_request draft_port_request number_request

## The main job on bundled input: check examples/documents/<kind>.json
## (normalize phone fields, validate, completeness; some carry mistakes on
## purpose) and normalize examples/numbers.txt.
example:
	@$(CARGO) build --quiet --release
	@for k in $(KINDS); do ./target/release/telschema check --kind $$k examples/documents/$$k.json; \
	  s=$$?; [ $$s -le 1 ] || exit $$s; done
	./target/release/telschema normalize --region US < examples/numbers.txt

## Every test: formatting, lints (native and wasm32), the wasm32 build, unit,
## property, differential and doc tests.
test: setup lint wasm-check unit js

setup:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

lint:
	$(CARGO) fmt --check
	@# The metadata source is build-time only (the phone engine ships no regex engine;
	@# jsonschema's own regex use is the WebAssembly issue's to remove).
	@if $(CARGO) tree -e normal --prefix none | grep -E '^phonenumber '; then \
	  echo "phonenumber leaked into the runtime dependencies"; exit 1; fi
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --lib --no-default-features --target $(WASM_TARGET) -- -D warnings

wasm-check:
	$(CARGO) build --lib --no-default-features --target $(WASM_TARGET)

unit:
	$(CARGO) test --release -- --nocapture

# npm packages of the test suite (ajv, ajv-formats, google-libphonenumber), exactly as locked.
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund

## The Node suite: the published schemas against ajv.
js: node_modules/.package-lock.json
	node --test tests/js/

## Criterion benchmarks (not part of `make test`).
bench:
	$(CARGO) bench --bench normalize --bench validate

## Size of a wasm build that exports only `normalize`.
wasm-size: setup
	cd benches/wasm-size && CARGO_TARGET_DIR=../../target $(CARGO) build --quiet --release --target $(WASM_TARGET)
	@f=target/$(WASM_TARGET)/release/telschema_wasm_size.wasm; \
	  echo "normalize-only wasm: $$(wc -c < $$f) bytes, $$(gzip -9c $$f | wc -c) bytes gzip"

## Regenerate the differential corpus from google-libphonenumber (needs Node).
corpus: node_modules/.package-lock.json
	node tests/corpus/generate.js
	UPDATE_DISAGREEMENTS=1 $(CARGO) test --release --test differential
