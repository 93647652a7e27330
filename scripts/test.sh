#!/usr/bin/env bash
# README command 2: set up, build and run every test (unit, Qt Quick, self-test, CLI integration,
# reliability, build hardening), then a libFuzzer smoke run (scripts/fuzz.sh smoke) and the
# headless tests again under ASan + UBSan (scripts/test-sanitizers.sh, its own build/asan).
# Pass `fast` to skip the slow tier, the fuzzing and the sanitizers: `bash scripts/test.sh fast`.
# The long tier (1,000 kill -9 runs) is `bash scripts/test-long.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
preset=dev
[ "${1:-}" = "fast" ] && preset=fast
ctest --preset "$preset" -j "$(nproc)"
# libFuzzer smoke run: every target ~30 s in its own clang build (build/fuzz); skipped by `fast`.
[ "$preset" = fast ] || bash scripts/fuzz.sh smoke
# Sanitizer build and run of the headless tests (measured cost in docs/threat-model.md,
# "Reliability and security tests, measured"); skipped by `fast`.
[ "$preset" = fast ] || bash scripts/test-sanitizers.sh
