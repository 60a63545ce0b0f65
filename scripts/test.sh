#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test: native (engine, CLI, golden
# transcripts, determinism), browser (wasm-bindgen-test in headless Chromium) and
# end to end (Playwright clicking through the release build).
# usage: scripts/test.sh [--native]   (--native: only the native tests; no browser tools needed)
set -euo pipefail
source "$(dirname "$0")/env.sh"
native_only=0
[ "${1:-}" = "--native" ] && native_only=1

step() { printf '\n=== %s\n' "$*"; }

if [ "$native_only" = 1 ]; then scripts/setup.sh --no-browser; else scripts/setup.sh; fi

step "native tests (cargo test)"
cargo test --locked

step "formatting (cargo fmt --check)"
cargo fmt --check

[ "$native_only" = 1 ] && exit 0

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build (trunk build --release)"
trunk build --release --offline

step "end-to-end tests (Playwright, system Chromium, page served from 127.0.0.1)"
node --test tests/e2e/
