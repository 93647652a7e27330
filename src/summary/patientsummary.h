#pragma once

#include "common/result.h"
#include "domain/appointment.h"
#include "domain/crisisnumbers.h"
#include "domain/instrumentcatalog.h"
#include "domain/protocol.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace companion::storage {
class Profile;
}

namespace companion::summary {

// The patient's PDF summary (issue 9, ADR 0019): what a patient keeps or brings to an
// appointment. This file gathers it from the unlocked profile into plain values; summarypdf.h
// draws it. Gathering needs no QtGui and is tested on its own.

// Whole days in the patient's time zone, both ends included; an open end takes everything before
// or after.
struct SummaryRange
{
    std::optional<QDate> from;
    std::optional<QDate> to;
    QTimeZone zone = QTimeZone::utc();

    std::optional<QDateTime> fromTime() const; // start of `from` in `zone`, as UTC
    std::optional<QDateTime> toTime() const;   // end of `to` (last millisecond), as UTC
    bool contains(const QDateTime &at) const;
};

struct SummaryRequest
{
    SummaryRange range;
    // Journal entries and the notes typed into check-ins and after-infusion checks. Off unless
    // the patient asks: the summary is often handed to someone (ADR 0019).
    bool includeNotes = false;
    // The protocol in use (the clinic's once sync brought one, else the default): the checklist
    // template and the crisis numbers.
    domain::ClinicProtocol protocol;
    // ISO 3166 alpha-2 of the device, for the crisis lines when the clinic set none (as crisis
    // help chooses them, domain/crisisnumbers.h).
    QString countryCode;
    QDateTime now; // UTC
};

// One questionnaire result in the range, with the trend rules' reading (ADR 0006).
struct InstrumentRow
{
    QDateTime at;
    double score = 0;
    QString band; // the severity band's label, empty when the instrument has none
    bool baseline = false;
    std::optional<double> percentChange;
    bool response = false;
    bool remission = false;
};

struct InstrumentSummary
{
    QString id;
    QString title; // "PHQ-9"
    double minScore = 0;
    double maxScore = 0;
    std::optional<double> baselineScore; // may lie before the range
    std::vector<InstrumentRow> rows;     // in the range, oldest first
    bool earlyWarning = false;
};

// A check-in measure in the range: mood, pain, hours of sleep.
struct MeasureSummary
{
    QString id;    // "mood", "pain", "sleepHours"
    QString label; // translated
    double minValue = 0;
    double maxValue = 10;
    std::vector<std::pair<QDateTime, double>> points; // oldest first
    std::optional<double> average;
};

struct ChecklistLine
{
    QString title; // the protocol's words
    QDateTime dueAt;
    bool done = false;
};

// The next scheduled infusion after `now` (whatever the range): its preparation and ride.
struct NextInfusion
{
    QDateTime startsAt;
    QString location; // as typed
    std::vector<ChecklistLine> checklist;
    std::optional<domain::RidePlan> ride;
};

struct SummaryNote
{
    QDateTime at;
    QString label; // "Journal: Intention", "Check-in note"
    QString text;  // as typed; drawn as plain text
};

struct PatientSummary
{
    QString name; // the name the patient gave in Settings, may be empty
    SummaryRange range;
    QDateTime generatedAt;
    bool notesIncluded = false;
    std::vector<InstrumentSummary> instruments; // only those with a result in the range
    std::vector<MeasureSummary> measures;       // mood, pain, sleep (empty series kept)
    std::vector<QDateTime> infusions; // not cancelled, in the range, up to now (oldest first)
    std::optional<NextInfusion> next;
    std::vector<SummaryNote> notes; // oldest first; empty unless notes were asked for
    std::vector<domain::ShownCrisisNumber> crisisNumbers;
};

// Reads everything the summary shows from an unlocked profile. Questionnaires, check-in series
// and appointments are read through their repositories; a record that does not decode is
// Damaged, as everywhere else.
Result<PatientSummary> collectSummary(storage::Profile &profile,
                                      const domain::InstrumentCatalog &catalog,
                                      const SummaryRequest &request);

// The words of the summary, in context "SummaryText" for translation.
class SummaryText
{
    Q_DECLARE_TR_FUNCTIONS(SummaryText)
public:
    static QString measureLabel(const QString &id);
};

} // namespace companion::summary
