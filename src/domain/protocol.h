#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>
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

// When a checklist item is due: an anchor of the appointment plus an offset. Days are calendar
// days in the patient's time zone ("-P1D" is the same wall-clock time the day before, 23 or 25
// hours across a daylight-saving change); hours and minutes are elapsed time.
enum class ChecklistAnchor { Start, FastingCutoff, ClearFluidsCutoff, Arrival };

struct RelativeOffset
{
    int days = 0;       // negative: before the anchor
    qint64 seconds = 0; // negative: before the anchor
    friend bool operator==(const RelativeOffset &, const RelativeOffset &) = default;
};

// One line of the clinic's preparation checklist template.
struct ChecklistTemplateItem
{
    QString id;       // stable: checked state is stored under it
    QString title;    // the clinic's words, shown as is
    QString detail;   // optional longer text
    QString category; // fasting, fluids, medicines, bring, intention, arrival, ride, other
    ChecklistAnchor anchor = ChecklistAnchor::Start;
    RelativeOffset offset;
    bool remind = true; // a reminder fires at the due time while the item is unchecked
};

// Wording of reminders and calendar entries. The lock screen only ever shows `lockScreen`; the
// others are shown inside the unlocked app and in the patient's own calendar export. They are
// the clinic's text, never the patient's ({driver} is filled in only inside the app).
struct ReminderTexts
{
    QString lockScreen;      // "You have a reminder from Companion"
    QString rideUnconfirmed; // may contain {driver}
    QString fasting;         // may contain {time}
    QString morningCheck;
    QString noDrivingEnded;
    QString appointmentTitle; // calendar event summary
    QString noDrivingTitle;   // calendar event summary of the no-driving window
};

struct ReminderPolicy
{
    QTime rideDayBeforeAt{18, 0}; // unconfirmed ride: the evening before, local time
    QTime rideMorningOfAt{7, 0};  // and the morning of (or 2 h before arrival if earlier)
    int fastingLeadMinutes = 60;  // "last meal soon" this long before the fasting cut-off
    ReminderTexts texts;
};

// The course of treatment: a series of about six infusions, then boosters.
struct CoursePolicy
{
    int seriesLength = 6;
    int seriesWithinDays = 42; // infusions later than this after the first are boosters
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
    // Preparation, reminders and the course (all optional in the file: a protocol without them
    // gets the shipped defaults).
    int defaultAppointmentMinutes = 60;
    std::vector<ChecklistTemplateItem> checklist;
    ReminderPolicy reminders;
    CoursePolicy course;
};

// "-P7D", "-PT3H", "-P1DT2H30M", "PT0M" (ISO 8601 durations of days, hours, minutes; a leading
// minus means before). Weeks, months and years are refused: their length is ambiguous.
std::optional<RelativeOffset> parseRelativeOffset(const QString &text);
QString relativeOffsetToString(const RelativeOffset &offset);
QString checklistAnchorName(ChecklistAnchor anchor);

// True for wording that reads as permission to drive ("you may drive now", "safe to drive").
// Clinic texts with such wording are refused, and tests hold our own messages to it.
bool soundsLikePermissionToDrive(const QString &text);

inline constexpr qsizetype kMaxProtocolFileBytes = 256 * 1024;

Result<ClinicProtocol> parseProtocol(const QByteArray &json);
// The shipped default (Internal if it does not parse: a build error the tests catch).
Result<ClinicProtocol> loadDefaultProtocol();

// Plain words shown (and printed by the CLI) when crisis help opens: the numbers and the
// clinic's review window. Contains no patient data.
QString crisisMessage(const ClinicProtocol &protocol);

} // namespace companion::domain
