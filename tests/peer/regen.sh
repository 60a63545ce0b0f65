#!/usr/bin/env bash
# Regenerate expected/NAME.json for the named cases (all when none is named): run the script
# with the real AWS CLI against moto (/work/shared/conformance/peer.sh), normalize it with
# compare.py, then apply the hand corrections of corrections.py (see README.md).
# usage: tests/peer/regen.sh [NAME...]     env: CONFORMANCE (default /work/shared/conformance),
#        PEER_VENV and PEER_PORT are passed on to peer.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
conf=${CONFORMANCE:-/work/shared/conformance}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then set -- $(cd "$here/scripts" && ls *.sh | sed 's/\.sh$//'); fi
for name in "$@"; do
  bash "$conf/peer.sh" "$here/scripts/$name.sh" >"$tmp/out" 2>"$tmp/err" || true
  python3 "$conf/compare.py" normalize "$tmp/out" "$tmp/err" >"$tmp/moto.json"
  python3 "$here/corrections.py" "$name" <"$tmp/moto.json" >"$here/expected/$name.json"
  echo "$name"
done
