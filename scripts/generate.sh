#!/usr/bin/env bash
# Regenerate every artifact in generated_artifacts.sh (built from spec/openapi.yaml, and the
# sync Python client from the async one), in place (`make generate`).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=generated_artifacts.sh
source "$repo/scripts/generated_artifacts.sh"

for entry in "${GENERATED_ARTIFACTS[@]}"; do
  path="${entry%%|*}"
  generator="${entry#*|}"
  "$repo/scripts/generators/$generator" "$repo/$path"
  echo "generated $path"
done
