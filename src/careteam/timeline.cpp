#include "careteam/timeline.h"

#include "careteam/flags.h"
#include "domain/trends.h"

#include <QJsonArray>

#include <algorithm>
#include <map>

namespace companion::careteam {

namespace {

QString iso(const QDateTime &time)
{
    return domain::toIsoUtc(time);
}

bool inRange(const QDateTime &at, const std::optional<QDateTime> &from,
             const std::optional<QDateTime> &to)
{
    return (!from || at >= *from) && (!to || at <= *to);
}

void insertGrade(QJsonObject &object, const QString &key,
                 const std::optional<domain::SymptomGrade> &grade)
{
    if (grade)
        object.insert(key, domain::symptomGradeName(*grade));
}

const domain::SeverityBand *bandOf(const domain::Instrument *instrument, const QString &id)
{
    if (!instrument)
        return nullptr;
    for (const domain::SeverityBand &band : instrument->bands) {
        if (band.id == id)
            return &band;
    }
    return nullptr;
}

QString hexOf(const RecordId &id)
{
    return QString::fromLatin1(id.uuid().toRfc4122().toHex());
}

class Describe
{
    Q_DECLARE_TR_FUNCTIONS(TimelineText)
public:
    explicit Describe(const domain::InstrumentCatalog &catalog)
        : m_catalog(catalog)
    {}

    void operator()(TimelineEntry &out, const domain::DiaryBody &body) const
    {
        std::visit([&](const auto &item) { describe(out, item); }, body);
    }
    void operator()(TimelineEntry &out, const domain::journal::EntryBody &body) const
    {
        out.title = tr("Journal entry");
        out.details.insert(QStringLiteral("journal_kind"),
                           domain::journal::entryKindName(body.kind));
        out.text = body.text;
    }
    void operator()(TimelineEntry &out, const domain::AppointmentBody &body) const
    {
        out.title = body.status == domain::AppointmentStatus::Cancelled
                        ? tr("Infusion appointment (cancelled)")
                        : tr("Infusion appointment");
        out.details.insert(QStringLiteral("starts_at"), iso(body.startsAt));
        out.details.insert(QStringLiteral("duration_minutes"), body.durationMinutes);
        out.details.insert(QStringLiteral("status"), domain::appointmentStatusName(body.status));
        if (!body.location.isEmpty())
            out.text = body.location;
    }
    void operator()(TimelineEntry &out, const domain::RidePlan &body) const
    {
        out.title = body.confirmed ? tr("Ride home confirmed") : tr("Ride home not confirmed yet");
        out.details.insert(QStringLiteral("appointment_id"), hexOf(body.appointmentId));
        out.details.insert(QStringLiteral("confirmed"), body.confirmed);
        out.details.insert(QStringLiteral("has_driver"), !body.driverName.isEmpty());
        if (body.pickupAt)
            out.details.insert(QStringLiteral("pickup_at"), iso(*body.pickupAt));
    }
    void operator()(TimelineEntry &out, const domain::ChecklistState &body) const
    {
        const int done = static_cast<int>(body.checked.size());
        out.title = tr("Preparation checklist: %n item(s) done", nullptr, done);
        out.details.insert(QStringLiteral("appointment_id"), hexOf(body.appointmentId));
        out.details.insert(QStringLiteral("checked"), done);
    }
    void operator()(TimelineEntry &out, const domain::MorningCheck &body) const
    {
        out.title = body.slept && body.clearHeaded
                        ? tr("Morning after: slept and clear-headed")
                        : tr("Morning after: not yet rested or clear-headed");
        out.details.insert(QStringLiteral("appointment_id"), hexOf(body.appointmentId));
        out.details.insert(QStringLiteral("slept"), body.slept);
        out.details.insert(QStringLiteral("clear_headed"), body.clearHeaded);
    }
    void operator()(TimelineEntry &, std::monostate) const {}

private:
    void describe(TimelineEntry &out, const domain::CheckIn &body) const
    {
        out.title = tr("Check-in: mood %1/10, anxiety %2/10, pain %3/10")
                        .arg(body.mood)
                        .arg(body.anxiety)
                        .arg(body.pain);
        out.details.insert(QStringLiteral("mood"), body.mood);
        out.details.insert(QStringLiteral("anxiety"), body.anxiety);
        out.details.insert(QStringLiteral("pain"), body.pain);
        if (body.sleepHours)
            out.details.insert(QStringLiteral("sleep_hours"), *body.sleepHours);
        if (body.sleepQuality)
            out.details.insert(QStringLiteral("sleep_quality"), *body.sleepQuality);
        if (body.energy)
            out.details.insert(QStringLiteral("energy"), *body.energy);
        if (!body.tags.isEmpty())
            out.details.insert(QStringLiteral("tags"), QJsonArray::fromStringList(body.tags));
        out.text = body.note;
    }
    void describe(TimelineEntry &out, const domain::PostInfusionCheck &body) const
    {
        out.title = tr("After-infusion check");
        insertGrade(out.details, QStringLiteral("nausea"), body.nausea);
        insertGrade(out.details, QStringLiteral("dizziness"), body.dizziness);
        insertGrade(out.details, QStringLiteral("headache"), body.headache);
        insertGrade(out.details, QStringLiteral("dissociation"), body.dissociation);
        insertGrade(out.details, QStringLiteral("urinary"), body.urinary);
        if (body.systolic && body.diastolic) {
            out.details.insert(QStringLiteral("systolic"), *body.systolic);
            out.details.insert(QStringLiteral("diastolic"), *body.diastolic);
        }
        out.text = body.note;
    }
    void describe(TimelineEntry &out, const domain::InstrumentResult &body) const
    {
        const domain::Instrument *instrument = m_catalog.find(body.instrumentId);
        const QString name = instrument ? instrument->title : body.instrumentId;
        const domain::SeverityBand *band = bandOf(instrument, body.severity);
        const QString total = QString::number(body.total);
        out.title =
            band ? tr("%1: %2 (%3)").arg(name, total, band->label) : tr("%1: %2").arg(name, total);
        out.details.insert(QStringLiteral("instrument_id"), body.instrumentId);
        out.details.insert(QStringLiteral("name"), name);
        out.details.insert(QStringLiteral("total"), body.total);
        out.details.insert(QStringLiteral("severity"), body.severity);
        out.details.insert(QStringLiteral("severity_label"), band ? band->label : QString());
        out.details.insert(QStringLiteral("flags"), QJsonArray::fromStringList(body.flags));
    }
    void describe(TimelineEntry &out, const domain::SafetyEvent &body) const
    {
        out.title = body.toldClinic ? tr("Crisis help shown; the patient asked to tell the clinic")
                                    : tr("Crisis help shown");
        out.details.insert(QStringLiteral("trigger"),
                           body.trigger == domain::SafetyEvent::Trigger::Item9
                               ? QStringLiteral("item9")
                               : QStringLiteral("manual"));
        out.details.insert(QStringLiteral("told_clinic"), body.toldClinic);
    }

    const domain::InstrumentCatalog &m_catalog;
};

InstrumentSeries seriesOf(const QString &instrumentId,
                          const std::vector<const domain::InstrumentResult *> &results,
                          const std::vector<QDateTime> &infusions,
                          const domain::InstrumentCatalog &catalog,
                          const std::optional<QDateTime> &from, const std::optional<QDateTime> &to)
{
    const domain::Instrument *instrument = catalog.find(instrumentId);
    InstrumentSeries series;
    series.instrumentId = instrumentId;
    series.name = instrument ? instrument->title : instrumentId;
    series.minScore = instrument ? instrument->minScore : 0;
    double highest = 0;
    std::vector<domain::ScorePoint> points;
    std::map<qint64, const domain::InstrumentResult *> byTime;
    for (const domain::InstrumentResult *result : results) {
        points.push_back({result->occurredAt, result->total});
        byTime[result->occurredAt.toMSecsSinceEpoch()] = result;
        highest = std::max(highest, result->total);
    }
    series.maxScore = instrument ? instrument->maxScore : highest;
    domain::TrendRules rules;
    if (instrument)
        rules.remissionBelow = instrument->remissionBelow;
    const domain::TrendAnalysis analysis = domain::analyseTrend(points, infusions, rules);
    if (analysis.baseline)
        series.baselineScore = analysis.baseline->score;
    series.earlyWarning = analysis.earlyWarning;
    series.everResponded = analysis.everResponded;
    for (const domain::TrendPoint &point : analysis.points) {
        if (!inRange(point.at, from, to))
            continue;
        SeriesPoint out{
            point.at,        point.score,        {}, {}, point.isBaseline, point.response,
            point.remission, point.percentChange};
        if (const auto found = byTime.find(point.at.toMSecsSinceEpoch()); found != byTime.end()) {
            out.severity = found->second->severity;
            if (const domain::SeverityBand *band = bandOf(instrument, out.severity))
                out.severityLabel = band->label;
        }
        series.points.push_back(std::move(out));
    }
    const domain::TrendPoint *latest = analysis.points.empty() ? nullptr : &analysis.points.back();
    if (latest && latest->remission)
        series.status = QStringLiteral("remission");
    else if (latest && latest->response)
        series.status = QStringLiteral("response");
    else if (analysis.everResponded)
        series.status = QStringLiteral("responded_before");
    else
        series.status = QStringLiteral("none");
    return series;
}

QJsonValue optionalTime(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(iso(*time)) : QJsonValue();
}

} // namespace

PatientTimeline buildTimeline(const CachedPatient &patient, const PatientRecords &records,
                              const domain::InstrumentCatalog &catalog,
                              const std::optional<QDateTime> &from,
                              const std::optional<QDateTime> &to)
{
    PatientTimeline timeline;
    timeline.vaultId = patient.vaultId;
    timeline.label = patient.label;
    const std::vector<QDateTime> infusions = infusionTimes(records);
    for (const QDateTime &infusion : infusions) {
        if (inRange(infusion, from, to))
            timeline.infusions.push_back(infusion);
    }

    const Describe describe(catalog);
    std::map<QString, std::vector<const domain::InstrumentResult *>> byInstrument;
    for (const SharedEntry &entry : records.entries) {
        const auto *diary = std::get_if<domain::DiaryBody>(&entry.body);
        if (diary) {
            if (const auto *result = std::get_if<domain::InstrumentResult>(diary))
                byInstrument[result->instrumentId].push_back(result);
        }
        if (!inRange(entry.occurredAt, from, to))
            continue;
        TimelineEntry out;
        out.recordId = entry.recordId;
        out.kind = entry.kind;
        out.occurredAt = entry.occurredAt;
        out.version = entry.version;
        out.read = entry.read;
        std::visit([&](const auto &body) { describe(out, body); }, entry.body);
        timeline.entries.push_back(std::move(out));
    }
    std::stable_sort(
        timeline.entries.begin(), timeline.entries.end(),
        [](const TimelineEntry &a, const TimelineEntry &b) { return a.occurredAt > b.occurredAt; });
    for (const auto &[instrumentId, results] : byInstrument) {
        InstrumentSeries series = seriesOf(instrumentId, results, infusions, catalog, from, to);
        if (!series.points.empty())
            timeline.series.push_back(std::move(series));
    }
    timeline.notVisible = records.notVisible;
    return timeline;
}

void attachReplies(PatientTimeline &timeline, const std::vector<CareTeamReply> &replies)
{
    std::map<QString, TimelineEntry *> byRecord;
    for (TimelineEntry &entry : timeline.entries)
        byRecord.emplace(entry.recordId, &entry);
    for (const CareTeamReply &reply : replies) {
        const auto found = byRecord.find(reply.recordId);
        if (reply.vaultId != timeline.vaultId || found == byRecord.end())
            continue;
        TimelineReply item;
        item.messageId = reply.messageId;
        item.text = reply.text;
        item.authorName = reply.authorName;
        item.createdAt = QDateTime::fromMSecsSinceEpoch(reply.createdAt, Qt::UTC);
        item.state = replyStateName(reply.state);
        if (reply.sentAt)
            item.sentAt = QDateTime::fromMSecsSinceEpoch(*reply.sentAt, Qt::UTC);
        found->second->replies.push_back(std::move(item));
    }
}

QJsonObject timelineToJson(const PatientTimeline &timeline)
{
    QJsonArray entries;
    for (const TimelineEntry &entry : timeline.entries) {
        QJsonArray replies;
        for (const TimelineReply &reply : entry.replies)
            replies.append(
                QJsonObject{{QStringLiteral("message_id"), reply.messageId},
                            {QStringLiteral("text"), reply.text},
                            {QStringLiteral("author_name"), reply.authorName},
                            {QStringLiteral("created_at"), iso(reply.createdAt)},
                            {QStringLiteral("state"), reply.state},
                            {QStringLiteral("sent_at"),
                             reply.sentAt ? QJsonValue(iso(*reply.sentAt)) : QJsonValue()}});
        entries.append(QJsonObject{{QStringLiteral("record_id"), entry.recordId},
                                   {QStringLiteral("kind"), entry.kind},
                                   {QStringLiteral("occurred_at"), iso(entry.occurredAt)},
                                   {QStringLiteral("version"), static_cast<qint64>(entry.version)},
                                   {QStringLiteral("read"), entry.read},
                                   {QStringLiteral("title"), entry.title},
                                   {QStringLiteral("details"), entry.details},
                                   {QStringLiteral("text"), entry.text},
                                   {QStringLiteral("replies"), replies}});
    }
    QJsonArray series;
    for (const InstrumentSeries &item : timeline.series) {
        QJsonArray points;
        for (const SeriesPoint &point : item.points)
            points.append(QJsonObject{
                {QStringLiteral("at"), iso(point.at)},
                {QStringLiteral("score"), point.score},
                {QStringLiteral("severity"), point.severity},
                {QStringLiteral("baseline"), point.baseline},
                {QStringLiteral("response"), point.response},
                {QStringLiteral("remission"), point.remission},
                {QStringLiteral("percent_change"),
                 point.percentChange ? QJsonValue(*point.percentChange) : QJsonValue()}});
        series.append(
            QJsonObject{{QStringLiteral("instrument_id"), item.instrumentId},
                        {QStringLiteral("name"), item.name},
                        {QStringLiteral("min_score"), item.minScore},
                        {QStringLiteral("max_score"), item.maxScore},
                        {QStringLiteral("baseline_score"),
                         item.baselineScore ? QJsonValue(*item.baselineScore) : QJsonValue()},
                        {QStringLiteral("early_warning"), item.earlyWarning},
                        {QStringLiteral("status"), item.status},
                        {QStringLiteral("points"), points}});
    }
    QJsonArray infusions;
    for (const QDateTime &infusion : timeline.infusions)
        infusions.append(iso(infusion));
    QJsonArray hidden;
    for (const NotVisible &item : timeline.notVisible)
        hidden.append(QJsonObject{
            {QStringLiteral("record_id"), item.recordId},
            {QStringLiteral("version"), static_cast<qint64>(item.version)},
            {QStringLiteral("coarse_kind"), coarseKindName(item.coarseKind)},
            {QStringLiteral("kind"), item.kind.isEmpty() ? QJsonValue() : QJsonValue(item.kind)},
            {QStringLiteral("shared_at"), iso(item.sharedAt)},
            {QStringLiteral("occurred_at"), optionalTime(item.occurredAt)},
            {QStringLiteral("state"), recordStateName(item.state)},
            {QStringLiteral("reason"), item.undecodable ? QStringLiteral("undecodable")
                                       : item.state == RecordState::Withdrawn
                                           ? QStringLiteral("no_longer_shared")
                                           : unreadableName(item.reason)},
            {QStringLiteral("explanation"), TimelineText::notVisible(item)}});
    return QJsonObject{
        {QStringLiteral("vault_id"), timeline.vaultId}, {QStringLiteral("label"), timeline.label},
        {QStringLiteral("entries"), entries},           {QStringLiteral("series"), series},
        {QStringLiteral("infusions"), infusions},       {QStringLiteral("not_visible"), hidden}};
}

QString TimelineText::notVisible(const NotVisible &item)
{
    if (item.undecodable)
        return tr("This entry was shared, but this version of the console cannot read it. "
                  "Update the console.");
    if (item.state == RecordState::Withdrawn)
        return tr("The patient no longer shares this entry; the console has deleted its copy.");
    switch (item.reason) {
    case Unreadable::NoCareTeamKey:
        return tr("Shared under a care-team key this console does not hold: from before you "
                  "joined, or after your access changed.");
    case Unreadable::NoSharedKey:
        return tr("Shared under a key the patient's app has not published yet. It should "
                  "appear after the patient's next sync.");
    case Unreadable::Damaged:
    case Unreadable::None:
        break;
    }
    return tr("This entry failed its integrity check and is not shown. Tell the clinic.");
}

QString TimelineText::seriesStatus(const InstrumentSeries &series)
{
    if (series.status == QLatin1String("remission"))
        return tr("Latest score in the remission range.");
    if (series.status == QLatin1String("response"))
        return tr("Latest score at least 50 % below baseline (response).");
    if (series.status == QLatin1String("responded_before"))
        return tr("Responded earlier; the latest score is not a response.");
    return tr("No response so far.");
}

} // namespace companion::careteam
