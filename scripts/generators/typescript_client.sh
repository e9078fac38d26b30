#!/usr/bin/env bash
# Generate the TypeScript SDK's low-level client (@hey-api/openapi-ts, pinned in package.json)
# into $1 from spec/openapi.yaml, with the committed clients/typescript/openapi-ts.config.mjs.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
venv_bin="${MLM_VENV_BIN:-$repo/.venv/bin}"
# Node tools and the config: this repository's, else the ones of the checkout beside the
# virtualenv (a partial copy of the repository made by a test has neither).
checkout="$(cd "$venv_bin/../.." && pwd)"
node_bin="${MLM_NODE_BIN:-$repo/node_modules/.bin}"
[ -x "$node_bin/openapi-ts" ] || node_bin="$checkout/node_modules/.bin"
config="$repo/clients/typescript/openapi-ts.config.mjs"
[ -f "$config" ] || config="$checkout/clients/typescript/openapi-ts.config.mjs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Generate beside, then swap in: a failed run leaves the committed output untouched.
(cd "$work" && MLM_TS_INPUT="$repo/spec/openapi.yaml" MLM_TS_OUTPUT="$work/out" \
  "$node_bin/openapi-ts" --file "$config" --silent --no-log-file >"$work/log.txt" 2>&1) ||
  { cat "$work/log.txt" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$work/out" "$out"
