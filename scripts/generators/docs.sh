#!/usr/bin/env bash
# Build the static API reference $1 (docs/index.html) from spec/openapi.yaml with Redocly:
# one file with Redoc's JavaScript inside (no CDN), readable from disk with no network.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
venv_bin="${MLM_VENV_BIN:-$repo/.venv/bin}"
# Node tools: this repository's node_modules, else the one beside the virtualenv (a copy of
# the repository made by a test has no node_modules of its own).
node_bin="${MLM_NODE_BIN:-$repo/node_modules/.bin}"
[ -x "$node_bin/redocly" ] || node_bin="$(cd "$venv_bin/../.." && pwd)/node_modules/.bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Telemetry off: the build must not depend on the network.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$node_bin/redocly" build-docs "$repo/spec/openapi.yaml" -o "$work/index.html" \
  --inlineBundle >"$work/log.txt" 2>&1 || { cat "$work/log.txt" >&2; exit 1; }
node "$repo/scripts/generators/docs_offline.mjs" "$work/index.html"
mkdir -p "$(dirname "$out")"
mv "$work/index.html" "$out"
