#!/usr/bin/env bash
# README command 1: set up, build and start the patient app.
# Extra arguments go to the app, e.g. `bash scripts/run.sh --profile /tmp/demo-profile`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: starting the app under a virtual X server (xvfb-run)." >&2
    exec xvfb-run -a ./build/dev/app/patient/companion "$@"
fi
exec ./build/dev/app/patient/companion "$@"
