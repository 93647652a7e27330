#pragma once

#include "careteam/sharedentry.h"
#include "careteam/therapistprofile.h"
#include "domain/instrumentcatalog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace companion::careteam {

// The patients list's flags, most urgent first (ADR 0013, "Flags"). Pure: everything comes in
// as arguments, "now" included, so every rule has a test.
enum class PatientFlag {
    Safety,           // an open safety alert, or a shared safety event / PHQ-9 item 9 lately
    RisingScores,     // the trend rules' early warning, or a score well above baseline
    RideNotConfirmed, // an infusion in the next 48 h without a confirmed ride
    MissedCheckIns,   // check-ins are shared, but none for several days
    Unread,           // shared entries this therapist has not opened yet
};
// "safety", "rising_scores", "ride_not_confirmed", "missed_checkins", "unread".
QString flagName(PatientFlag flag);

struct FlagRules
{
    int safetyLookbackDays = 14;  // a shared safety event or item-9 answer this recent flags
    double risingFraction = 0.25; // latest ≥ baseline × 1.25 flags even without a response
    int rideWindowHours = 48;     // infusions this close need a confirmed ride
    int missedCheckInDays = 3;    // no shared check-in for longer than this flags
};

struct Flag
{
    PatientFlag flag = PatientFlag::Unread;
    // What raised it, machine-readable: "alert", "safety_event", "item9_positive" (safety); the
    // instrument id (rising scores); the appointment's start, ISO 8601 UTC (ride); whole days
    // since the last check-in (missed); the number of unread entries (unread).
    QString detail;
};

struct PatientOverview
{
    QString vaultId;
    QString label;
    bool sharing = true;
    std::vector<Flag> flags; // in PatientFlag order: the most urgent first
    int entries = 0;         // readable shared entries
    int unread = 0;
    int notVisible = 0; // shared with the console, but it cannot show them (see timeline)
    int openAlerts = 0;
    std::optional<QDateTime> lastEntryAt;

    bool has(PatientFlag flag) const;
};

// Infusion times for the trend rules and the charts: the shared appointments (not cancelled);
// when the patient shares no appointments, the times of shared post-infusion checks stand in.
std::vector<QDateTime> infusionTimes(const PatientRecords &records);

PatientOverview assessPatient(const CachedPatient &patient, const PatientRecords &records,
                              int openAlerts, const domain::InstrumentCatalog &catalog,
                              const QDateTime &now, const FlagRules &rules = {});

// Most urgent first: by the most urgent flag, then by the next one, and so on (a safety flag
// always outranks any number of others); then more unread first; then by label. Patients who
// no longer share anything go last.
void sortByUrgency(std::vector<PatientOverview> &patients);

// A sentence for a person ("Safety alert from the patient's app"), translated.
class FlagText
{
    Q_DECLARE_TR_FUNCTIONS(FlagText)
public:
    static QString describe(const Flag &flag);
};

} // namespace companion::careteam
