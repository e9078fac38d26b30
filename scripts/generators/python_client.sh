#!/usr/bin/env bash
# Generate the low-level Python client (openapi-python-client) into $1 from spec/openapi.yaml.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
venv_bin="${MLM_VENV_BIN:-$repo/.venv/bin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$venv_bin/python" "$repo/scripts/generators/sdk_spec.py" "$repo/spec/openapi.yaml" >"$work/openapi.json"
"$venv_bin/openapi-python-client" generate \
  --path "$work/openapi.json" \
  --config "$repo/clients/python/openapi-python-client.yaml" \
  --meta none \
  --output-path "$work/out" >/dev/null
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$work/out" "$out"
