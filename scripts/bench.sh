#!/usr/bin/env bash
# The figures of docs/PERFORMANCE.md "Benchmarks": `fanout bench` from a release build.
#
#   scripts/bench.sh [--json] [--quick]
#
# peer_ratio_moto needs moto and boto3. If python3 lacks them, a venv under target/ gets
# them from PyPI (once); without network the two moto figures are null, with the reason.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

target="${CARGO_TARGET_DIR:-target}"
if [[ -z "${FANOUT_BENCH_PYTHON:-}" ]]; then
  if python3 -c 'import moto, boto3' 2>/dev/null; then
    export FANOUT_BENCH_PYTHON=python3
  else
    venv="$target/bench-venv"
    if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import moto, boto3' 2>/dev/null; then
      echo "bench.sh: installing moto and boto3 into $venv" >&2
      python3 -m venv "$venv" >&2 && "$venv/bin/pip" install -q 'moto[sqs]' boto3 >&2 ||
        echo "bench.sh: could not install moto; its figures will be null" >&2
    fi
    export FANOUT_BENCH_PYTHON="$venv/bin/python"
  fi
fi

cargo build --release --locked --bin fanout >&2
exec "$target/release/fanout" bench "$@"
