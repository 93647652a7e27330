#!/usr/bin/env bash
# README command 2: set up, build and run every test (unit, Qt Quick, self-test, CLI integration).
# Pass `fast` to skip the slow tier: `bash scripts/test.sh fast`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
preset=dev
[ "${1:-}" = "fast" ] && preset=fast
ctest --preset "$preset" -j "$(nproc)"
