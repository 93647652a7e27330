#!/usr/bin/env bash
# The long tier, not run by CI: the tests labelled "long" (1,000 kill -9 runs against the
# encrypted store, ~7 min) and, with `fuzz`, an hour per libFuzzer target.
#   bash scripts/test-long.sh          ctest --preset long
#   bash scripts/test-long.sh fuzz     also bash scripts/fuzz.sh long (FUZZ_SECONDS, default 3600)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --preset long
[ "${1:-}" = fuzz ] && bash scripts/fuzz.sh long
exit 0
