#!/usr/bin/env bash
# Generate the synchronous Python client $1 (clients/python/mlm_client/sync_client.py) from the
# asyncio one, async_client.py: unasync plus the rewrites in unasync_client.py, then ruff
# (with the SDK's own settings) drops the imports that became unused, sorts and formats.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
venv_bin="${MLM_VENV_BIN:-$repo/.venv/bin}"
sdk="$repo/clients/python"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$venv_bin/python" "$repo/scripts/generators/unasync_client.py" \
  "$sdk/mlm_client/async_client.py" "$work/sync_client.py"
"$venv_bin/ruff" check --quiet --config "$sdk/pyproject.toml" --select F401,I --fix \
  "$work/sync_client.py"
"$venv_bin/ruff" format --quiet --config "$sdk/pyproject.toml" "$work/sync_client.py"
mkdir -p "$(dirname "$out")"
mv "$work/sync_client.py" "$out"
