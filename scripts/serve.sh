#!/usr/bin/env bash
# Sets up whatever is missing, then serves the page with Trunk (rebuilds on change).
# usage: scripts/serve.sh [trunk serve options, e.g. --address 0.0.0.0 --port 8080]
set -euo pipefail
source "$(dirname "$0")/env.sh"
scripts/setup.sh
exec trunk serve --offline "$@"
