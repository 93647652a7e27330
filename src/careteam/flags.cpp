#include "careteam/flags.h"

#include "domain/instrumentscoring.h"
#include "domain/trends.h"

#include <QUuid>

#include <algorithm>
#include <map>
#include <tuple>

namespace companion::careteam {

namespace {

// The server lists records by 32 hex digits; domain bodies name records in UUID form.
QString uuidFormOf(const QString &hex)
{
    return QUuid::fromRfc4122(QByteArray::fromHex(hex.toLatin1())).toString(QUuid::WithoutBraces);
}

const domain::InstrumentResult *instrumentResultOf(const SharedEntry &entry)
{
    const auto *diary = std::get_if<domain::DiaryBody>(&entry.body);
    return diary ? std::get_if<domain::InstrumentResult>(diary) : nullptr;
}

std::optional<QString> safetyReason(const PatientRecords &records, int openAlerts,
                                    const QDateTime &since)
{
    if (openAlerts > 0)
        return QStringLiteral("alert");
    std::optional<QString> reason;
    for (const SharedEntry &entry : records.entries) {
        if (entry.occurredAt < since)
            continue;
        const auto *diary = std::get_if<domain::DiaryBody>(&entry.body);
        if (!diary)
            continue;
        if (std::holds_alternative<domain::SafetyEvent>(*diary))
            return QStringLiteral("safety_event");
        if (const auto *result = std::get_if<domain::InstrumentResult>(diary);
            result && result->flags.contains(domain::kSafetyFlag))
            reason = QStringLiteral("item9_positive");
    }
    return reason;
}

std::optional<QString> risingInstrument(const PatientRecords &records,
                                        const std::vector<QDateTime> &infusions,
                                        const domain::InstrumentCatalog &catalog,
                                        const FlagRules &rules)
{
    std::map<QString, std::vector<domain::ScorePoint>> series;
    for (const SharedEntry &entry : records.entries) {
        if (const auto *result = instrumentResultOf(entry))
            series[result->instrumentId].push_back({result->occurredAt, result->total});
    }
    for (const auto &[instrumentId, points] : series) {
        domain::TrendRules trendRules;
        if (const domain::Instrument *instrument = catalog.find(instrumentId))
            trendRules.remissionBelow = instrument->remissionBelow;
        const domain::TrendAnalysis analysis = domain::analyseTrend(points, infusions, trendRules);
        if (analysis.earlyWarning)
            return instrumentId;
        if (analysis.points.empty() || !analysis.baseline)
            continue;
        const domain::TrendPoint &latest = analysis.points.back();
        if (!latest.isBaseline && latest.score > analysis.baseline->score && latest.percentChange &&
            *latest.percentChange >= rules.risingFraction * 100.0)
            return instrumentId;
    }
    return std::nullopt;
}

std::optional<QString> rideNotConfirmed(const PatientRecords &records, const QDateTime &now,
                                        const FlagRules &rules)
{
    std::map<QString, bool> confirmedByAppointment;
    for (const SharedEntry &entry : records.entries) {
        if (const auto *ride = std::get_if<domain::RidePlan>(&entry.body))
            confirmedByAppointment[ride->appointmentId.toString()] = ride->confirmed;
    }
    const QDateTime until = now.addSecs(3600LL * rules.rideWindowHours);
    std::optional<QDateTime> soonest;
    for (const SharedEntry &entry : records.entries) {
        const auto *appointment = std::get_if<domain::AppointmentBody>(&entry.body);
        if (!appointment || appointment->status == domain::AppointmentStatus::Cancelled ||
            appointment->startsAt < now || appointment->startsAt > until)
            continue;
        const auto ride = confirmedByAppointment.find(uuidFormOf(entry.recordId));
        const bool confirmed = ride != confirmedByAppointment.end() && ride->second;
        if (!confirmed && (!soonest || appointment->startsAt < *soonest))
            soonest = appointment->startsAt;
    }
    if (!soonest)
        return std::nullopt;
    return soonest->toUTC().toString(Qt::ISODate);
}

std::optional<QString> missedCheckIns(const PatientRecords &records, const QDateTime &now,
                                      const FlagRules &rules)
{
    std::optional<QDateTime> latest;
    for (const SharedEntry &entry : records.entries) {
        const auto *diary = std::get_if<domain::DiaryBody>(&entry.body);
        if (diary && std::holds_alternative<domain::CheckIn>(*diary) &&
            (!latest || entry.occurredAt > *latest))
            latest = entry.occurredAt;
    }
    // No shared check-in at all: the patient does not share them, which is not a missed one.
    if (!latest)
        return std::nullopt;
    const qint64 days = latest->secsTo(now) / 86400;
    if (days <= rules.missedCheckInDays)
        return std::nullopt;
    return QString::number(days);
}

} // namespace

QString flagName(PatientFlag flag)
{
    switch (flag) {
    case PatientFlag::Safety:
        return QStringLiteral("safety");
    case PatientFlag::RisingScores:
        return QStringLiteral("rising_scores");
    case PatientFlag::RideNotConfirmed:
        return QStringLiteral("ride_not_confirmed");
    case PatientFlag::MissedCheckIns:
        return QStringLiteral("missed_checkins");
    case PatientFlag::Unread:
        return QStringLiteral("unread");
    }
    return QString();
}

bool PatientOverview::has(PatientFlag flag) const
{
    return std::any_of(flags.begin(), flags.end(),
                       [flag](const Flag &item) { return item.flag == flag; });
}

std::vector<QDateTime> infusionTimes(const PatientRecords &records)
{
    std::vector<QDateTime> appointments;
    std::vector<QDateTime> postInfusion;
    for (const SharedEntry &entry : records.entries) {
        if (const auto *appointment = std::get_if<domain::AppointmentBody>(&entry.body)) {
            if (appointment->status != domain::AppointmentStatus::Cancelled)
                appointments.push_back(appointment->startsAt);
        } else if (const auto *diary = std::get_if<domain::DiaryBody>(&entry.body);
                   diary && std::holds_alternative<domain::PostInfusionCheck>(*diary)) {
            postInfusion.push_back(entry.occurredAt);
        }
    }
    std::vector<QDateTime> out = appointments.empty() ? postInfusion : appointments;
    std::sort(out.begin(), out.end());
    return out;
}

PatientOverview assessPatient(const CachedPatient &patient, const PatientRecords &records,
                              int openAlerts, const domain::InstrumentCatalog &catalog,
                              const QDateTime &now, const FlagRules &rules)
{
    PatientOverview out;
    out.vaultId = patient.vaultId;
    out.label = patient.label;
    out.sharing = patient.sharing;
    out.entries = static_cast<int>(records.entries.size());
    out.notVisible = static_cast<int>(records.notVisible.size());
    out.openAlerts = openAlerts;
    for (const SharedEntry &entry : records.entries) {
        out.unread += entry.read ? 0 : 1;
        if (!out.lastEntryAt || entry.occurredAt > *out.lastEntryAt)
            out.lastEntryAt = entry.occurredAt;
    }

    if (auto reason = safetyReason(records, openAlerts, now.addDays(-rules.safetyLookbackDays)))
        out.flags.push_back({PatientFlag::Safety, *reason});
    if (auto instrument = risingInstrument(records, infusionTimes(records), catalog, rules))
        out.flags.push_back({PatientFlag::RisingScores, *instrument});
    if (auto startsAt = rideNotConfirmed(records, now, rules))
        out.flags.push_back({PatientFlag::RideNotConfirmed, *startsAt});
    if (auto days = missedCheckIns(records, now, rules))
        out.flags.push_back({PatientFlag::MissedCheckIns, *days});
    if (out.unread > 0)
        out.flags.push_back({PatientFlag::Unread, QString::number(out.unread)});
    return out;
}

void sortByUrgency(std::vector<PatientOverview> &patients)
{
    const auto key = [](const PatientOverview &patient) {
        return std::make_tuple(patient.sharing ? 0 : 1, patient.has(PatientFlag::Safety) ? 0 : 1,
                               patient.has(PatientFlag::RisingScores) ? 0 : 1,
                               patient.has(PatientFlag::RideNotConfirmed) ? 0 : 1,
                               patient.has(PatientFlag::MissedCheckIns) ? 0 : 1,
                               patient.has(PatientFlag::Unread) ? 0 : 1, -patient.unread,
                               patient.label.toCaseFolded(), patient.vaultId);
    };
    std::stable_sort(
        patients.begin(), patients.end(),
        [&key](const PatientOverview &a, const PatientOverview &b) { return key(a) < key(b); });
}

QString FlagText::describe(const Flag &flag)
{
    switch (flag.flag) {
    case PatientFlag::Safety:
        if (flag.detail == QLatin1String("alert"))
            return tr("Safety alert: the patient asked the clinic to be told now.");
        if (flag.detail == QLatin1String("item9_positive"))
            return tr("Safety: a recent PHQ-9 answer about self-harm thoughts.");
        return tr("Safety: crisis help was shown to the patient recently.");
    case PatientFlag::RisingScores:
        return tr("Scores rising: %1 is back near or above its starting score.").arg(flag.detail);
    case PatientFlag::RideNotConfirmed:
        return tr("No confirmed ride for an infusion in the next two days.");
    case PatientFlag::MissedCheckIns:
        return tr("No check-in shared for %n day(s).", nullptr, flag.detail.toInt());
    case PatientFlag::Unread:
        return tr("%n unread shared entry(s).", nullptr, flag.detail.toInt());
    }
    return QString();
}

} // namespace companion::careteam
