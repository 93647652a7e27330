#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTime>

#include <vector>

namespace companion::domain {

// The clinic protocol (defaults in assets/protocols/default.json; later signed by the clinic and
// fetched from the server). Only what the diary and safety features read is parsed here.

struct CrisisNumber
{
    QString id;
    QString label;
    QString number;
};

struct InstrumentSchedulePolicy
{
    QStringList instruments;         // always scheduled ("phq9", "gad7")
    QStringList optionalInstruments; // scheduled only when enabled for the patient ("pcl5")
    QStringList enabledByDefault;    // optional ones the protocol turns on
    int baselineDaysBeforeFirstInfusion = 14;
    int hoursBeforeInfusion = 24;
    std::vector<int> daysAfterInfusion; // {1, 7}
    int afterWindowHours = 48;
};

struct ClinicProtocol
{
    QString id;
    QString version;
    int fastingHours = 4;
    int clearFluidsCutoffHours = 2;
    int arrivalMinutesEarly = 15;
    int noDrivingMinimumHours = 12;
    QTime noDrivingUntilNextDayAt{8, 0};
    InstrumentSchedulePolicy schedule;
    QString crisisLocale;
    std::vector<CrisisNumber> crisisNumbers;
    QString reviewWindowText;
    bool safetyFlagsStaffed = false;
};

inline constexpr qsizetype kMaxProtocolFileBytes = 256 * 1024;

Result<ClinicProtocol> parseProtocol(const QByteArray &json);
// The shipped default (Internal if it does not parse: a build error the tests catch).
Result<ClinicProtocol> loadDefaultProtocol();

// Plain words shown (and printed by the CLI) when crisis help opens: the numbers and the
// clinic's review window. Contains no patient data.
QString crisisMessage(const ClinicProtocol &protocol);

} // namespace companion::domain
