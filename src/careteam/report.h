#pragma once

#include "careteam/flags.h"
#include "careteam/sharedentry.h"
#include "careteam/timeline.h"
#include "common/result.h"
#include "domain/instrumentcatalog.h"

#include <QDate>
#include <QDateTime>
#include <QIODevice>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace companion::careteam {

// A report's dates: whole days in the therapist's time zone, both ends included; open ends take
// everything before or after.
struct ReportRange
{
    std::optional<QDate> from;
    std::optional<QDate> to;
    QTimeZone zone = QTimeZone::utc();

    std::optional<QDateTime> fromTime() const; // start of `from` in `zone`, as UTC
    std::optional<QDateTime> toTime() const;   // end of `to` (last millisecond), as UTC
};

struct ReportContext
{
    QString clinicName;
    QString therapistName;
    QDateTime generatedAt; // UTC
};

// One page, A4 portrait, never more (pagination is not allowed, the page is what a clinician
// reads before a session): patient and range, flags, one chart per instrument (up to three) with
// infusion markers, the scores table, shared notes. What does not fit is cut with a line saying
// how much was left out, never moved to a second page. Drawn with QPainter on QPdfWriter; every
// text a person typed is drawn as plain text. Needs a QGuiApplication (fonts).
Result<void> writePdfReport(QIODevice &out, const PatientTimeline &timeline,
                            const PatientOverview &overview, const ReportRange &range,
                            const ReportContext &context);

// The shared instrument results in range as a FHIR R4 Bundle, through the patient app's own
// mapping (domain/fhirexport.h: Questionnaire, QuestionnaireResponse, Observation).
QJsonObject fhirReport(const PatientRecords &records, const domain::InstrumentCatalog &catalog,
                       const ReportRange &range, const QDateTime &exportedAt);

} // namespace companion::careteam
