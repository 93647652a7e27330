#include "summary/patientsummary.h"

#include "domain/diaryentry.h"
#include "domain/journal.h"
#include "domain/preparationplan.h"
#include "domain/record.h"
#include "domain/trends.h"
#include "storage/appointmentrepository.h"
#include "storage/diaryrepository.h"
#include "storage/journalrepository.h"
#include "storage/profile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace companion::summary {

namespace {

// The questionnaires in the order a clinic reads them (as the Trends card lists them).
constexpr const char *kInstrumentOrder[] = {"phq9", "gad7", "pcl5", "peg", "pain_nrs"};

struct MeasureSpec
{
    const char *id;
    double min;
    double max;
};
constexpr MeasureSpec kMeasures[] = {{"mood", 0, 10}, {"pain", 0, 10}, {"sleepHours", 0, 12}};

QString translateCrisisLabel(const char *label)
{
    return QCoreApplication::translate("CrisisNumbers", label);
}

QString bandOf(const domain::Instrument &instrument, double score)
{
    for (const domain::SeverityBand &band : instrument.bands) {
        if (score >= band.min && score <= band.max)
            return band.label;
    }
    return {};
}

// The repositories take [from, to): the range's last millisecond must be inside.
QDateTime exclusiveEnd(const SummaryRange &range)
{
    const std::optional<QDateTime> to = range.toTime();
    return to ? to->addMSecs(1) : QDateTime();
}

QDateTime startOf(const SummaryRange &range)
{
    return range.fromTime().value_or(QDateTime());
}

Result<QString> preferredName(storage::RecordRepository &records)
{
    auto settings = records.list(domain::kinds::profileSettings);
    if (!settings)
        return settings.error();
    if (settings->empty())
        return QString();
    return QJsonDocument::fromJson(settings->front().body)
        .object()
        .value(QStringLiteral("preferredName"))
        .toString()
        .simplified();
}

Result<void> addInstruments(PatientSummary &summary, storage::DiaryRepository &diary,
                            const domain::InstrumentCatalog &catalog,
                            const std::vector<QDateTime> &allInfusions, const SummaryRange &range)
{
    for (const char *id : kInstrumentOrder) {
        const domain::Instrument *instrument = catalog.find(QString::fromLatin1(id));
        if (!instrument)
            continue;
        // The whole series: the baseline can lie before the range.
        auto series = diary.instrumentSeries(instrument->id, QDateTime(), QDateTime());
        if (!series)
            return series.error();
        std::vector<domain::ScorePoint> scores;
        for (const storage::SeriesPoint &point : *series)
            scores.push_back({point.at, point.value});
        domain::TrendRules rules;
        rules.remissionBelow = instrument->remissionBelow;
        const domain::TrendAnalysis analysis = domain::analyseTrend(scores, allInfusions, rules);

        InstrumentSummary out;
        out.id = instrument->id;
        out.title = instrument->title;
        out.minScore = instrument->minScore;
        out.maxScore = instrument->maxScore;
        if (analysis.baseline)
            out.baselineScore = analysis.baseline->score;
        out.earlyWarning = analysis.earlyWarning;
        for (const domain::TrendPoint &point : analysis.points) {
            if (!range.contains(point.at))
                continue;
            out.rows.push_back({point.at, point.score, bandOf(*instrument, point.score),
                                point.isBaseline, point.percentChange, point.response,
                                point.remission});
        }
        if (!out.rows.empty())
            summary.instruments.push_back(std::move(out));
    }
    return {};
}

Result<void> addMeasures(PatientSummary &summary, storage::DiaryRepository &diary,
                         const SummaryRange &range)
{
    for (const MeasureSpec &spec : kMeasures) {
        const QString id = QString::fromLatin1(spec.id);
        auto series = diary.checkInSeries(id, startOf(range), exclusiveEnd(range));
        if (!series)
            return series.error();
        MeasureSummary out{id, SummaryText::measureLabel(id), spec.min, spec.max, {}, {}};
        double total = 0;
        for (const storage::SeriesPoint &point : *series) {
            out.points.emplace_back(point.at, point.value);
            out.maxValue = std::max(out.maxValue, point.value);
            total += point.value;
        }
        if (!out.points.empty())
            out.average = total / static_cast<double>(out.points.size());
        summary.measures.push_back(std::move(out));
    }
    return {};
}

Result<void> addNextInfusion(PatientSummary &summary, storage::AppointmentRepository &plan,
                             const std::vector<domain::Appointment> &appointments,
                             const SummaryRequest &request)
{
    const domain::Appointment *next = nullptr;
    for (const domain::Appointment &appointment : appointments) {
        if (appointment.cancelled() || appointment.body.startsAt <= request.now)
            continue;
        if (!next || appointment.body.startsAt < next->body.startsAt)
            next = &appointment;
    }
    if (!next)
        return {};
    auto state = plan.checklist(next->id);
    if (!state)
        return state.error();
    auto ride = plan.ride(next->id);
    if (!ride)
        return ride.error();
    NextInfusion out;
    out.startsAt = next->body.startsAt;
    out.location = next->body.location;
    out.ride = *ride;
    for (const domain::ChecklistItem &item : domain::buildChecklist(
             request.protocol, next->body, &*state, *ride ? &**ride : nullptr, request.range.zone))
        out.checklist.push_back({item.title, item.dueAt, item.checked});
    summary.next = std::move(out);
    return {};
}

Result<void> addNotes(PatientSummary &summary, storage::Profile &profile,
                      storage::DiaryRepository &diary, const SummaryRange &range)
{
    storage::JournalRepository journal(profile.database(), profile.records());
    auto entries = journal.list();
    if (!entries)
        return entries.error();
    for (const domain::journal::Entry &entry : *entries) {
        if (!range.contains(entry.createdAt))
            continue;
        summary.notes.push_back(
            {entry.createdAt,
             SummaryText::tr("Journal: %1").arg(domain::journal::entryKindLabel(entry.body.kind)),
             entry.body.text});
    }
    auto diaryEntries =
        diary.timeline(startOf(range), exclusiveEnd(range),
                       {domain::kinds::diaryCheckIn, domain::kinds::diaryPostInfusion});
    if (!diaryEntries)
        return diaryEntries.error();
    for (const domain::DiaryEntry &entry : *diaryEntries) {
        if (const auto *checkIn = std::get_if<domain::CheckIn>(&entry.body);
            checkIn && !checkIn->note.trimmed().isEmpty())
            summary.notes.push_back(
                {checkIn->occurredAt, SummaryText::tr("Check-in note"), checkIn->note});
        if (const auto *check = std::get_if<domain::PostInfusionCheck>(&entry.body);
            check && !check->note.trimmed().isEmpty())
            summary.notes.push_back(
                {check->occurredAt, SummaryText::tr("After-infusion note"), check->note});
    }
    std::stable_sort(summary.notes.begin(), summary.notes.end(),
                     [](const SummaryNote &a, const SummaryNote &b) { return a.at < b.at; });
    return {};
}

} // namespace

std::optional<QDateTime> SummaryRange::fromTime() const
{
    if (!from)
        return std::nullopt;
    return QDateTime(*from, QTime(0, 0), zone).toUTC();
}

std::optional<QDateTime> SummaryRange::toTime() const
{
    if (!to)
        return std::nullopt;
    return QDateTime(to->addDays(1), QTime(0, 0), zone).toUTC().addMSecs(-1);
}

bool SummaryRange::contains(const QDateTime &at) const
{
    const std::optional<QDateTime> start = fromTime();
    const std::optional<QDateTime> end = toTime();
    return (!start || at >= *start) && (!end || at <= *end);
}

QString SummaryText::measureLabel(const QString &id)
{
    if (id == QLatin1String("mood"))
        return tr("Mood (0 to 10)");
    if (id == QLatin1String("pain"))
        return tr("Pain (0 to 10)");
    if (id == QLatin1String("sleepHours"))
        return tr("Hours of sleep");
    return id;
}

Result<PatientSummary> collectSummary(storage::Profile &profile,
                                      const domain::InstrumentCatalog &catalog,
                                      const SummaryRequest &request)
{
    PatientSummary summary;
    summary.range = request.range;
    summary.generatedAt = request.now;
    summary.notesIncluded = request.includeNotes;

    auto name = preferredName(profile.records());
    if (!name)
        return name.error();
    summary.name = *name;

    storage::AppointmentRepository plan(profile.records());
    auto appointments = plan.list();
    if (!appointments)
        return appointments.error();
    std::vector<QDateTime> allInfusions;
    for (const domain::Appointment &appointment : *appointments) {
        if (appointment.cancelled())
            continue;
        allInfusions.push_back(appointment.body.startsAt);
        // Infusions that took place; the next one is shown on its own.
        if (request.range.contains(appointment.body.startsAt) &&
            appointment.body.startsAt <= request.now)
            summary.infusions.push_back(appointment.body.startsAt);
    }
    std::sort(summary.infusions.begin(), summary.infusions.end());

    storage::DiaryRepository diary(profile.records());
    COMPANION_TRY(addInstruments(summary, diary, catalog, allInfusions, request.range));
    COMPANION_TRY(addMeasures(summary, diary, request.range));
    COMPANION_TRY(addNextInfusion(summary, plan, *appointments, request));
    if (request.includeNotes)
        COMPANION_TRY(addNotes(summary, profile, diary, request.range));

    summary.crisisNumbers =
        domain::chooseCrisisNumbers(request.protocol, request.countryCode, &translateCrisisLabel)
            .numbers;
    return summary;
}

} // namespace companion::summary
