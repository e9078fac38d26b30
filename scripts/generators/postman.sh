#!/usr/bin/env bash
# Generate the Postman collection and environment into the folder $1 from spec/openapi.yaml:
# openapi-to-postmanv2 converts, scripts/generators/postman_collection.py makes the result
# deterministic and adds the contract test and the lifecycle folder.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
venv_bin="${MLM_VENV_BIN:-$repo/.venv/bin}"
# Node tools: this repository's node_modules, else the one beside the virtualenv (a copy of
# the repository made by a test has no node_modules of its own).
node_bin="${MLM_NODE_BIN:-$repo/node_modules/.bin}"
[ -x "$node_bin/openapi2postmanv2" ] || node_bin="$(cd "$venv_bin/../.." && pwd)/node_modules/.bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$node_bin/openapi2postmanv2" -s "$repo/spec/openapi.yaml" -o "$work/converted.json" -p \
  -O folderStrategy=Tags,requestNameSource=Fallback,parametersResolution=Example,includeAuthInfoInExample=false,enableOptionalParameters=false,alwaysInheritAuthentication=true \
  >"$work/log.txt" 2>&1 || { cat "$work/log.txt" >&2; exit 1; }
"$venv_bin/python" "$repo/scripts/generators/postman_collection.py" \
  "$repo/spec/openapi.yaml" "$work/converted.json" "$work/out"
rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$work/out" "$out"
