#!/usr/bin/env bash
# README command 1 starts the app on scripts/demo-clinic.sh: check that it sets up a clinic and
# an enrolled demo profile with entries, that a second start reuses them, and that stop stops.
set -euo pipefail
cd "$(dirname "$0")/../.."
export COMPANION_DEMO_DIR="$(mktemp -d)"
# A free port, not a fixed one: a fixed port may be taken on the CI machine (or by a second
# build's run of this test). It is picked here and bound by the server a moment later; a clash in
# between is far less likely than with a fixed number.
export COMPANION_DEMO_PORT="${COMPANION_DEMO_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
trap 'bash scripts/demo-clinic.sh stop; rm -rf "$COMPANION_DEMO_DIR"' EXIT
eval "$(bash scripts/demo-clinic.sh start)"
cli=./build/dev/app/cli/companion-cli
entries=$("$cli" diary list --profile "$PROFILE" --passphrase-file "$PASSPHRASE_FILE" | wc -l)
[ "$entries" -ge 20 ] || { echo "expected ≥ 20 demo entries, got $entries"; exit 1; }
"$cli" sync --json --profile "$PROFILE" --passphrase-file "$PASSPHRASE_FILE" | grep -q '"pushed":0' \
    || { echo "the demo profile was not synced"; exit 1; }
"$cli" share --json --profile "$PROFILE" --passphrase-file "$PASSPHRASE_FILE" | grep -q '"checkins":true' \
    || { echo "the demo does not share check-ins"; exit 1; }
"$cli" messages --json --profile "$PROFILE" --passphrase-file "$PASSPHRASE_FILE" \
    | grep -q '"type":"appointment"' \
    || { echo "the clinic's appointment did not reach the demo profile"; exit 1; }
first_pid=$SERVER_PID
eval "$(bash scripts/demo-clinic.sh start)"
[ "$(ls "$COMPANION_DEMO_DIR" | grep -c '^profile$')" -eq 1 ] || exit 1
kill -0 "$first_pid" 2>/dev/null && { echo "the first server was not stopped on restart"; exit 1; }
bash scripts/demo-clinic.sh stop
kill -0 "$SERVER_PID" 2>/dev/null && { echo "stop left the server running"; exit 1; }
echo "demo clinic ok ($entries entries)"
