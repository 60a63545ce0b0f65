#!/usr/bin/env bash
# Fuzzes the script parser, the option-value parsers, the filter-policy parser, the
# access-policy evaluator and the scenario importer: `scripts/fuzz.sh [SECONDS]` runs every cargo-fuzz target in
# fuzz/ for SECONDS (default 60) each, installing cargo-fuzz if it is missing. A crash
# leaves its input in fuzz/artifacts/TARGET/; turn it into a case in
# tests/shell_properties.rs, tests/policy_properties.rs, tests/scenario_import_contract.rs
# or a transcript before fixing it. `scripts/fuzz.sh SECONDS TARGET` runs one target.
#
# cargo-fuzz wants a nightly compiler for -Zsanitizer=address; on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets the stable compiler accept that flag.
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")/../fuzz"

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.2 --locked
fi
# Harmless on nightly; on stable it is what makes the sanitizer flag work.
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target}"

status=0
for target in ${2:-$(cargo fuzz list)}; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s"
    if ! cargo fuzz run --release "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1; then
        echo "== $target FAILED: see fuzz/artifacts/$target/" >&2
        status=1
    fi
done
exit "$status"
