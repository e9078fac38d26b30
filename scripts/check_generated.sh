#!/usr/bin/env bash
# Fail when a committed artifact differs from what its generator writes now, from spec/openapi.yaml
# or (sync_client.py) from async_client.py (`make check-generated`): each is regenerated into a
# temporary folder and compared.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=generated_artifacts.sh
source "$repo/scripts/generated_artifacts.sh"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

stale=()
for entry in "${GENERATED_ARTIFACTS[@]}"; do
  path="${entry%%|*}"
  generator="${entry#*|}"
  "$repo/scripts/generators/$generator" "$scratch/$path"
  if ! diff -r -q -x __pycache__ -x "*.pyc" "$repo/$path" "$scratch/$path" >"$scratch/diff.txt" 2>&1; then
    stale+=("$path")
    echo "STALE: $path differs from what its generator writes now:" >&2
    head -n 20 "$scratch/diff.txt" >&2
  fi
done

if ((${#stale[@]})); then
  echo "Generated artifacts are out of date: ${stale[*]}. Run make generate and commit the result." >&2
  exit 1
fi
echo "generated artifacts are up to date"
