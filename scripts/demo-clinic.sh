#!/usr/bin/env bash
# The embedded local clinic the app runs against by default (README command 1): a
# companion-server on a SQLite file on 127.0.0.1, a therapist, and a demo patient profile with a
# few weeks of entries, enrolled and synced, and an infusion the clinic booked. Everything lives
# under one folder (default ~/.local/share/companion-demo); run it again and it reuses what is
# there.
#
#   bash scripts/demo-clinic.sh start   → prints PROFILE=…, CONSOLE=…, PASSPHRASE_FILE=…, SERVER_PID=…
#
# CONSOLE is a care-team console profile ("Dr Demo Console", enrolled by code and pulled) for
# `bash scripts/run.sh careteam`; it uses the same demo passphrase.
#   bash scripts/demo-clinic.sh stop
#
# The demo passphrase is written to a 0600 file in that folder: this is demo data, never use it
# for real entries.
set -euo pipefail
cd "$(dirname "$0")/.."
root="${COMPANION_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/companion-demo}"
server=./build/dev/app/server/companion-server
cli=./build/dev/app/cli/companion-cli
careteam=./build/dev/app/careteam/companion-careteam
port="${COMPANION_DEMO_PORT:-18443}"
mkdir -p "$root" && chmod 700 "$root"

stop() {
    if [ -f "$root/server.pid" ] && kill -0 "$(cat "$root/server.pid")" 2>/dev/null; then
        local pid
        pid=$(cat "$root/server.pid")
        kill "$pid"
        # Wait for it to let go of the port and the database.
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        rm -f "$root/server.pid"
    fi
}
[ "${1:-start}" = "stop" ] && { stop; exit 0; }

stop
if [ ! -f "$root/clinic.db" ]; then
    "$server" admin init --db "$root/clinic.db" --name "Demo Clinic" --keys-dir "$root/keys" \
        --safety-alerts > "$root/init.txt"
    "$server" admin add-therapist --db "$root/clinic.db" --keys-dir "$root/keys" \
        --name "Dr Demo" --key-out "$root/therapist.key" > /dev/null
fi
# The log is appended across starts: wait for one more "listening on" line than it had.
listening() { local n; n=$(grep -c "listening on" "$root/server.log" 2>/dev/null || true); echo "${n:-0}"; }
started=$(listening)
"$server" serve --db "$root/clinic.db" --listen "127.0.0.1:$port" >> "$root/server.log" 2>&1 &
echo $! > "$root/server.pid"
# Up to 30 s (a busy machine, a first start); the loop ends as soon as the server listens.
for _ in $(seq 300); do [ "$(listening)" -gt "$started" ] && break; sleep 0.1; done

profile="$root/profile"
pass="$root/demo-passphrase.txt"
if [ ! -d "$profile" ]; then
    umask 077
    echo "demo lantern orchard velvet" > "$pass"
    "$cli" init --profile "$profile" --passphrase-file "$pass" --recovery-key-out "$root/recovery-key.txt" > /dev/null
    # Three weeks of check-ins around two infusions, two PHQ-9s, a journal intention.
    for day in $(seq 20 -1 1); do
        at=$(date -u -d "-$day days 20:00" +%Y-%m-%dT%H:%M:%SZ)
        mood=$(( (20 - day) / 3 + 2 )); [ $mood -gt 9 ] && mood=9
        "$cli" checkin add --mood $mood --anxiety $(( 8 - mood / 2 )) --pain 3 --sleep-hours 7 \
            --at "$at" --profile "$profile" --passphrase-file "$pass" > /dev/null
    done
    "$cli" instrument record phq9 --answers 2,2,2,1,1,2,1,1,0 --at "$(date -u -d '-19 days' +%Y-%m-%dT09:00:00Z)" \
        --profile "$profile" --passphrase-file "$pass" > /dev/null
    "$cli" instrument record phq9 --answers 1,1,1,1,0,1,0,1,0 --at "$(date -u -d '-2 days' +%Y-%m-%dT09:00:00Z)" \
        --profile "$profile" --passphrase-file "$pass" > /dev/null
    "$cli" appointment add --at "$(date -u -d '-14 days' +%Y-%m-%dT10:00:00Z)" --profile "$profile" --passphrase-file "$pass" > /dev/null
    "$cli" appointment add --at "$(date -u -d '+3 days' +%Y-%m-%dT10:00:00Z)" --profile "$profile" --passphrase-file "$pass" > /dev/null
    "$cli" note add --kind intention --text "Notice one good moment each day." --share \
        --profile "$profile" --passphrase-file "$pass" > /dev/null
    "$server" admin enrol-patient --db "$root/clinic.db" --label "Demo patient" > "$root/patient.txt"
    code=$(awk '/^code:/ {print $2}' "$root/patient.txt")
    fingerprint=$(awk '/fingerprint:/ {print $NF}' "$root/init.txt")
    "$cli" enrol --server "http://127.0.0.1:$port" --code "$code" --fingerprint "$fingerprint" \
        --share-categories checkins,instruments --profile "$profile" --passphrase-file "$pass" > /dev/null
    # The clinic books the next infusion itself: it arrives through sync, sealed to the patient.
    "$server" admin add-appointment --db "$root/clinic.db" --keys-dir "$root/keys" \
        --vault "$(awk '/^vault:/ {print $2}' "$root/patient.txt")" \
        --at "$(date -u -d '+10 days' +%Y-%m-%dT09:30:00Z)" --minutes 90 \
        --location "Demo Clinic, infusion suite" > /dev/null
fi
"$cli" sync --profile "$profile" --passphrase-file "$pass" > /dev/null || true
console="$root/console"
if [ ! -d "$console" ]; then
    umask 077
    "$server" admin add-therapist --db "$root/clinic.db" --keys-dir "$root/keys" \
        --name "Dr Demo Console" > "$root/console-code.txt"
    "$careteam" --headless enrol --server "http://127.0.0.1:$port" \
        --code "$(awk '/^code:/ {print $2}' "$root/console-code.txt")" \
        --fingerprint "$(awk '/fingerprint:/ {print $NF}' "$root/init.txt")" \
        --recovery-key-out "$root/console-recovery-key.txt" \
        --profile "$console" --passphrase-file "$pass" > /dev/null
fi
"$careteam" --headless pull --profile "$console" --passphrase-file "$pass" > /dev/null || true
echo "PROFILE=$profile"
echo "CONSOLE=$console"
echo "PASSPHRASE_FILE=$pass"
echo "SERVER_PID=$(cat "$root/server.pid")"
