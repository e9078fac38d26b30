#!/usr/bin/env bash
# Lint the contract (`make lint-spec`): redocly (recommended + redocly.yaml) and spectral
# (spectral:oas + the OWASP API security ruleset, configured in .spectral.yaml). Fails on
# any error from either (spectral shows only those; redocly also prints its warnings).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

status=0
npx --no-install redocly lint spec/openapi.yaml --format=stylish || status=1
npx --no-install spectral lint spec/openapi.yaml --ruleset .spectral.yaml --fail-severity=error \
  --display-only-failures || status=1
exit "$status"
