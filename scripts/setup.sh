#!/usr/bin/env bash
# Installs whatever Fanout's build and tests need and is missing; skips what is present.
# Pinned versions follow the verified toolchain recipe (see docs/TOOLCHAIN notes in README).
# usage: scripts/setup.sh [--no-browser]   (--no-browser: only what native tests need)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first (https://rustup.rs)" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

[ "$want_browser" = 1 ] || { say "native tools present"; exit 0; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Without --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  # With --locked: unlocked, lightningcss fails to compile.
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and ChromeDriver from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  command -v npm >/dev/null || { say "installing Node.js and npm"; as_root apt-get update; as_root apt-get install -y nodejs npm; }
  say "installing binaryen (wasm-opt) and playwright-core from npm"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
say "all tools present"
