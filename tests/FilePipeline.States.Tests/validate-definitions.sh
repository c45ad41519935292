#!/usr/bin/env bash
# Validates every test definition with asl-validator (npm), so the engine is only tested on
# definitions AWS accepts. Definitions/invalid/ holds deliberately invalid ones and is skipped.
set -euo pipefail
cd "$(dirname "$0")/Definitions"
args=()
for file in *.json; do
  args+=(--json-path "$file")
done
npx --yes asl-validator@4.0.0 "${args[@]}"
