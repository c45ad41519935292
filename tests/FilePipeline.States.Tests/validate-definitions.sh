#!/usr/bin/env bash
# Validates every test definition with AWS's reference schema validator, so the engine is only
# tested on definitions AWS accepts. Definitions/invalid/ holds deliberately invalid ones.
set -euo pipefail
cd "$(dirname "$0")/Definitions"
status=0
for file in *.json; do
  if ! npx --yes asl-validator@4.0.0 --json-path "$file" >/dev/null; then
    echo "asl-validator rejected $file" >&2
    status=1
  fi
done
exit $status
