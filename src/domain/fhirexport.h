#pragma once

#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"

#include <QDateTime>
#include <QJsonObject>

#include <vector>

namespace companion::domain {

// A FHIR R4 Bundle (type "collection") of the instrument results among `entries`:
//   Questionnaire          one per instrument version used (items, answer options, LOINC panel)
//   QuestionnaireResponse  one per result (answers as codings of the option values)
//   Observation            one per result: the total score (LOINC total code where the
//                          instrument has one, else a Companion code), derivedFrom the response
// Check-ins and other kinds are not FHIR resources here (the CSV export carries them). Results of
// an instrument this build does not know are exported without a Questionnaire item list.
QJsonObject buildFhirBundle(const InstrumentCatalog &catalog,
                            const std::vector<DiaryEntry> &entries, const QDateTime &exportedAt);

// The canonical URL of an instrument's Questionnaire ("urn:companion:questionnaire:phq9").
QString questionnaireUrl(const QString &instrumentId);

} // namespace companion::domain
