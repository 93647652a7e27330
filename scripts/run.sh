#!/usr/bin/env bash
# README command 1: set up, build and start the patient app — by default on the embedded local
# demo clinic (scripts/demo-clinic.sh: a companion-server on 127.0.0.1 and a demo profile with
# a few weeks of entries, enrolled and synced; its passphrase is printed here).
# Extra arguments go to the app, e.g. `bash scripts/run.sh --profile /tmp/my-profile` (then no
# demo is set up: your own profile, connect it in Settings → Your clinic).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
    eval "$(bash scripts/demo-clinic.sh start)"
    trap 'bash scripts/demo-clinic.sh stop' EXIT
    echo "Demo clinic running (server pid $SERVER_PID). Demo profile: $PROFILE" >&2
    echo "Demo passphrase: $(cat "$PASSPHRASE_FILE")   (demo data only)" >&2
    args=(--profile "$PROFILE")
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: starting the app under a virtual X server (xvfb-run)." >&2
    xvfb-run -a ./build/dev/app/patient/companion "${args[@]}"
    exit $?
fi
./build/dev/app/patient/companion "${args[@]}"
