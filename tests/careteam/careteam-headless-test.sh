#!/usr/bin/env bash
# CTest "careteam_headless": the real binaries end to end on a real SQLite clinic —
# companion-server (clinic, codes), companion-cli (a patient who shares check-ins and
# questionnaires but not the journal) and companion-careteam --headless (enrol, pull, patients,
# timeline, reply, report). Checks what the console sees and does not see, the patient's access log,
# the exit codes, a one-page PDF with the scores (pdfinfo, pdftotext) and the FHIR export against
# the FHIR R4 schema (tests/integration/fhir).
#   careteam-headless-test.sh SERVER CLI CARETEAM FHIR_WORK_DIR
set -euo pipefail
server=$1
cli=$2
careteam=$3
fhir_work=$4
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3

tmp=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "careteam_headless: $*" >&2; exit 1; }
field() { sed -n "s/^$1: //p" "$2"; }
expect_exit() { # expect_exit CODE command…
    local want=$1
    shift
    set +e
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    set -e
    [ "$got" -eq "$want" ] || { cat "$tmp/err" >&2; fail "exit $got, expected $want: $*"; }
}

db=$tmp/server.db
"$server" admin init --db "$db" --name "Lakeside Clinic" --keys-dir "$tmp/keys" >"$tmp/init"
fingerprint=$(field "clinic key fingerprint" "$tmp/init")
"$server" admin enrol-patient --db "$db" --label "Ana" >"$tmp/patient"
patient_code=$(field code "$tmp/patient")
vault=$(field vault "$tmp/patient")
"$server" admin add-therapist --db "$db" --keys-dir "$tmp/keys" --name "Dr Script" >"$tmp/therapist"
therapist_code=$(field code "$tmp/therapist")
[ "$(field "clinic key fingerprint" "$tmp/therapist")" = "$fingerprint" ] || fail "fingerprint"
[ ${#therapist_code} -eq 24 ] || fail "no therapist code printed"

"$server" serve --db "$db" --listen 127.0.0.1:0 >"$tmp/serve.log" 2>&1 &
server_pid=$!
# Up to 30 s (a loaded CI machine); the loop ends as soon as the line is there.
for _ in $(seq 1 300); do
    grep -q "listening on" "$tmp/serve.log" && break
    kill -0 "$server_pid" 2>/dev/null || break # exited: the check below says so
    sleep 0.1
done
port=$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$tmp/serve.log")
[ -n "$port" ] || fail "the server did not start"
url=http://127.0.0.1:$port

# The patient: check-ins and questionnaires shared, the journal not.
printf '%s\n' 'juniper falcon atlas biscuit' >"$tmp/patient-pass"
pat() { "$cli" "$@" --profile "$tmp/patient-profile" --passphrase-file "$tmp/patient-pass"; }
"$cli" init --profile "$tmp/patient-profile" --passphrase-file "$tmp/patient-pass" \
    --recovery-key-out "$tmp/patient-recovery" >/dev/null
pat enrol --server "$url" --code "$patient_code" --fingerprint "$fingerprint" \
    --share-categories checkins,instruments >/dev/null
pat checkin add --mood 6 --anxiety 3 --pain 2 --note "shared note alpha" >/dev/null
pat checkin add --mood 7 --anxiety 2 --pain 1 >/dev/null
pat instrument record phq9 --answers 3,3,2,2,2,2,2,1,0 --at 2026-03-01T09:00:00Z >/dev/null
pat instrument record phq9 --answers 2,2,1,1,1,1,1,1,0 --at 2026-03-15T09:00:00Z >/dev/null
pat instrument record phq9 --answers 1,1,0,0,1,0,0,0,0 --at 2026-03-29T09:00:00Z >/dev/null
printf '%s' 'journal-canary-70431 not for the clinic' |
    pat note add --kind free >/dev/null
pat sync >/dev/null

# The therapist.
printf '%s\n' 'quarry lantern meadow oboe' >"$tmp/pass"
printf '%s\n' 'password1' >"$tmp/weak"
ct() { "$careteam" --headless "$@" --profile "$tmp/console" --passphrase-file "$tmp/pass"; }
# Without --headless it is the window (its own tests: careteam_self_test*); --help says so.
QT_QPA_PLATFORM=offscreen "$careteam" --help | grep -q -- --self-test || fail "window --help"
expect_exit 2 "$careteam" --headless frobnicate --profile "$tmp/console"
expect_exit 2 "$careteam" --headless enrol --server "$url" --code "$therapist_code" \
    --fingerprint "$fingerprint" --profile "$tmp/console" --passphrase-file "$tmp/weak"
expect_exit 6 ct enrol --server "$url" --code "$therapist_code" \
    --fingerprint 0000-0000-0000-0000-0000-0000-0000-0000
[ ! -e "$tmp/console/console.key" ] || fail "a refused enrolment left a profile"
expect_exit 1 ct pull # no profile yet
ct enrol --server "$url" --code "$therapist_code" --fingerprint "$fingerprint" \
    --recovery-key-out "$tmp/recovery" --json >"$tmp/enrol.json"
grep -q '"name":"Dr Script"' "$tmp/enrol.json" || fail "enrol answer: $(cat "$tmp/enrol.json")"
[ "$(stat -c %a "$tmp/recovery")" = 600 ] || fail "the recovery key file is not 0600"
expect_exit 6 "$careteam" --headless enrol --server "$url" --code "$therapist_code" \
    --fingerprint "$fingerprint" --profile "$tmp/console2" --passphrase-file "$tmp/pass"
expect_exit 3 "$careteam" --headless patients --profile "$tmp/console" --passphrase-file "$tmp/weak"
"$careteam" --headless patients --json --profile "$tmp/console" \
    --recovery-key-file "$tmp/recovery" >/dev/null

ct pull --json >"$tmp/pull.json"
$py - "$tmp/pull.json" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))
assert p["patients"] == 1 and p["fetched"] == 5 and p["opened"] == 5, p
EOF

ct patients --json >"$tmp/patients.json"
$py - "$tmp/patients.json" "$vault" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))["patients"]
assert len(p) == 1 and p[0]["vault_id"] == sys.argv[2] and p[0]["label"] == "Ana", p
assert "unread" in p[0]["flags"] and p[0]["unread"] == 5, p
EOF

ct timeline --patient "$vault" --json >"$tmp/timeline.json"
grep -q journal-canary-70431 "$tmp/timeline.json" && fail "the journal reached the console"
$py - "$tmp/timeline.json" <<'EOF'
import json, sys
t = json.load(open(sys.argv[1]))
kinds = sorted(e["kind"] for e in t["entries"])
assert kinds == ["diary.checkin"] * 2 + ["instrument.result"] * 3, kinds
assert any(e["text"] == "shared note alpha" for e in t["entries"]), t["entries"]
assert t["not_visible"] == [], t["not_visible"]
s = t["series"][0]
assert s["instrument_id"] == "phq9" and [p["score"] for p in s["points"]] == [17, 10, 3], s
EOF
# The timeline was shown: nothing unread now.
ct patients --json | grep -q '"unread":0' || fail "the timeline did not mark entries read"

# Each read is in the patient's access log, by name.
pat access-log --json >"$tmp/access.json"
$py - "$tmp/access.json" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
entries = log["entries"] if isinstance(log, dict) else log
reads = [e for e in entries if e["action"] == "record.read"]
assert len(reads) == 5 and all(e["actor_name"] == "Dr Script" for e in reads), reads
EOF

# A reply to the shared check-in with the note, from a file (two lines); the patient syncs and
# finds it under that entry. Usage errors first; an entry that was never shared is refused.
entry=$($py -c 'import json, sys
t = json.load(open(sys.argv[1]))
print(next(e["record_id"] for e in t["entries"] if e["text"] == "shared note alpha"))' \
    "$tmp/timeline.json")
printf 'reply-canary-55120: thank you.\nSee you on Tuesday.\n' >"$tmp/reply.txt"
expect_exit 2 ct reply --patient "$vault" --entry "$entry"
expect_exit 2 ct reply --patient "$vault" --entry "$entry" --text hi --text-file "$tmp/reply.txt"
expect_exit 2 ct reply --patient "$vault" --entry not-an-id --text hi
expect_exit 1 ct reply --patient "$vault" --entry 0123456789abcdef0123456789abcdef --text hi
expect_exit 2 ct reply --patient "$vault" --entry "$entry" --text "   "
ct reply --patient "$vault" --entry "$entry" --text-file "$tmp/reply.txt" --json >"$tmp/reply.json"
ct timeline --patient "$vault" --json >"$tmp/timeline2.json"
$py - "$tmp/reply.json" "$tmp/timeline2.json" "$entry" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["state"] == "sent" and r["entry"] == sys.argv[3] and r["seq"] > 0, r
t = json.load(open(sys.argv[2]))
e = next(e for e in t["entries"] if e["record_id"] == sys.argv[3])
assert [x["text"] for x in e["replies"]] == ["reply-canary-55120: thank you.\nSee you on Tuesday."], e
assert e["replies"][0]["state"] == "sent" and e["replies"][0]["message_id"] == r["message_id"], e
assert all(x["replies"] == [] for x in t["entries"] if x["record_id"] != sys.argv[3]), t
EOF
ct timeline --patient "$vault" | grep -q "your reply (sent): reply-canary-55120: thank you." ||
    fail "the reply is not under its entry in the timeline text"
pat sync >/dev/null
pat messages --json >"$tmp/messages.json"
$py - "$tmp/messages.json" "$entry" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))["messages"]
assert len(m) == 1, m
assert m[0]["type"] == "reply" and m[0]["author_name"] == "Dr Script", m
assert m[0]["entry_id"].replace("-", "") == sys.argv[2], m
assert m[0]["text"] == "reply-canary-55120: thank you.\nSee you on Tuesday.", m
EOF

# The one-page report and the FHIR export.
ct report --patient "$vault" --format pdf --out "$tmp/report.pdf" --from 2026-03-01 \
    --time-zone UTC >/dev/null
[ "$(stat -c %a "$tmp/report.pdf")" = 600 ] || fail "the report is not 0600"
pdfinfo "$tmp/report.pdf" | grep -Eq '^Pages:[[:space:]]+1$' || fail "the PDF is not one page"
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
for score in 17 10 3; do
    grep -Eq "PHQ-9[[:space:]]+$score[[:space:]]" "$tmp/report.txt" ||
        fail "score $score missing from the PDF: $(cat "$tmp/report.txt")"
done
grep -q "shared note alpha" "$tmp/report.txt" || fail "the shared note is not in the PDF"
grep -q journal-canary-70431 "$tmp/report.txt" && fail "the journal reached the PDF"
expect_exit 1 ct report --patient "$vault" --format pdf --out "$tmp/report.pdf" # never overwrite
ct report --patient "$vault" --format fhir --out "$tmp/bundle.json" >/dev/null
bash "$here/../integration/fhir/run_fhir_validation.sh" --file "$tmp/bundle.json" "$fhir_work"
$py - "$tmp/bundle.json" <<'EOF'
import json, sys
b = json.load(open(sys.argv[1]))
n = lambda t: sum(1 for e in b["entry"] if e["resource"]["resourceType"] == t)
assert n("Observation") == 3 and n("QuestionnaireResponse") == 3, b
EOF

# Nothing the patient typed reached the server's files or log in the clear.
grep -rqa "shared note alpha" "$tmp/server.db"* "$tmp/serve.log" && fail "plaintext on the server"
grep -rqa "reply-canary-55120" "$tmp/server.db"* "$tmp/serve.log" && fail "a reply on the server"
echo "ok: careteam headless end to end"
