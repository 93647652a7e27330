#!/usr/bin/env bash
# README command 1: set up, build and start the patient app — by default on the embedded local
# demo clinic (scripts/demo-clinic.sh: a companion-server on 127.0.0.1 and a demo profile with
# a few weeks of entries, enrolled and synced; its passphrase is printed here).
# Extra arguments go to the app, e.g. `bash scripts/run.sh --profile /tmp/my-profile` (then no
# demo is set up: your own profile, connect it in Settings → Your clinic).
# `bash scripts/run.sh careteam` starts the care-team console window on the same demo clinic
# (the demo therapist's console profile, same demo passphrase).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
app=./build/dev/app/patient/companion
if [ "${1:-}" = "careteam" ]; then
    shift
    app=./build/dev/app/careteam/companion-careteam
    eval "$(bash scripts/demo-clinic.sh start)"
    trap 'bash scripts/demo-clinic.sh stop' EXIT
    echo "Demo clinic running (server pid $SERVER_PID). Care-team console profile: $CONSOLE" >&2
    echo "Demo passphrase: $(cat "$PASSPHRASE_FILE")   (demo data only)" >&2
    set -- --profile "$CONSOLE" "$@"
fi
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
    xvfb-run -a "$app" "${args[@]}"
    exit $?
fi
"$app" "${args[@]}"
