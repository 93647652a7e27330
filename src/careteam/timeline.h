#pragma once

#include "careteam/sharedentry.h"
#include "domain/instrumentcatalog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace companion::careteam {

// One patient as the patient view shows it: the shared entries, the instrument series with
// infusion markers and response/remission (domain trend rules, ADR 0006), and what the console
// can no longer see, each with its reason. Pure, like flags.h.

// A reply this console wrote to the entry (its own; the console does not read other
// therapists' replies: ADR 0013, "Replies").
struct TimelineReply
{
    QString messageId;
    QString text; // plain text, as typed
    QString authorName;
    QDateTime createdAt;
    QString state; // "pending", "sent" or "refused" (careteam::replyStateName)
    std::optional<QDateTime> sentAt;
};

struct TimelineEntry
{
    QString recordId; // 32 hex digits, as the server and the patient's access log name it
    QString kind;
    QDateTime occurredAt;
    std::uint64_t version = 0;
    bool read = false;
    QString title;       // one translated line: "Check-in: mood 7/10, anxiety 3/10, pain 2/10"
    QJsonObject details; // the fields, machine-readable (docs/api.md, companion-careteam)
    QString text;        // what the patient typed (a note, a journal entry): plain text only
    std::vector<TimelineReply> replies; // oldest first
};

struct SeriesPoint
{
    QDateTime at;
    double score = 0;
    QString severity;      // band id, empty when the instrument has no bands
    QString severityLabel; // band label
    bool baseline = false;
    bool response = false;
    bool remission = false;
    std::optional<double> percentChange;
};

struct InstrumentSeries
{
    QString instrumentId;
    QString name; // the short title: "PHQ-9"
    double minScore = 0;
    double maxScore = 0;
    std::vector<SeriesPoint> points; // in time order
    std::optional<double> baselineScore;
    bool earlyWarning = false;
    bool everResponded = false;
    // "remission", "response", "responded_before" or "none", of the latest point.
    QString status;
};

struct PatientTimeline
{
    QString vaultId;
    QString label;
    std::vector<TimelineEntry> entries; // newest first
    std::vector<InstrumentSeries> series;
    std::vector<QDateTime> infusions;
    std::vector<NotVisible> notVisible;
};

// Entries, points and infusion markers outside [from, to] are left out; the trend rules still
// see the whole series, so the baseline can lie before the range.
PatientTimeline buildTimeline(const CachedPatient &patient, const PatientRecords &records,
                              const domain::InstrumentCatalog &catalog,
                              const std::optional<QDateTime> &from = std::nullopt,
                              const std::optional<QDateTime> &to = std::nullopt);

// Puts each reply under the entry it answers (replies to entries not in the timeline are left
// out: the entry is outside the range, or no longer visible).
void attachReplies(PatientTimeline &timeline, const std::vector<CareTeamReply> &replies);

QJsonObject timelineToJson(const PatientTimeline &timeline);

class TimelineText
{
    Q_DECLARE_TR_FUNCTIONS(TimelineText)
public:
    // Why the console cannot show a record, in a sentence.
    static QString notVisible(const NotVisible &item);
    static QString seriesStatus(const InstrumentSeries &series);
};

} // namespace companion::careteam
