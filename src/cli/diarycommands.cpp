#include "cli/diarycommands.h"

#include "domain/csvexport.h"
#include "domain/fhirexport.h"
#include "domain/protocol.h"
#include "storage/diaryrepository.h"
#include "sync/clinicinbox.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

using domain::Instrument;
using domain::InstrumentCatalog;

Error usageError(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

void printJson(const Console &console, const QJsonObject &object)
{
    console.print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

Result<InstrumentCatalog> catalog()
{
    return InstrumentCatalog::loadBuiltIn();
}

Result<const Instrument *> findInstrument(const InstrumentCatalog &catalog, const QString &id)
{
    const Instrument *instrument = catalog.find(id);
    if (!instrument)
        return usageError(u"unknown instrument; run \"companion-cli instrument list\" to see the "
                          u"ids"_s);
    return instrument;
}

Result<int> parseScale(const QString &text, const QString &option)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 0 || value > 10)
        return usageError(u"%1 must be a whole number from 0 to 10"_s.arg(option));
    return value;
}

QJsonValue totalToJson(const Instrument &instrument, double total)
{
    // Sum scores are whole numbers; print them without a decimal point.
    if (instrument.rule == domain::ScoringRule::Sum)
        return static_cast<qint64>(std::llround(total));
    return total;
}

// Creates `path` for writing: 0600, never over an existing file or through a symlink.
Result<void> writeNewFile(const QString &path, const QByteArray &bytes)
{
    auto created = createPrivateFile(path);
    if (!created)
        return created.error();
    const int fd = *created;
    const bool written =
        writeAll(fd, std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                               static_cast<std::size_t>(bytes.size()))) &&
        ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        ::unlink(QFile::encodeName(path).constData());
        return makeError(ErrorCode::Io, u"could not write %1"_s.arg(path));
    }
    return {};
}

Result<QDateTime> atOrNow(const CliArguments &args, const Clock &clock)
{
    if (args.at.isEmpty())
        return clock.nowUtc();
    return parseCliTime(args.at, u"--at"_s);
}

} // namespace

Result<std::vector<int>> parseAnswers(const QString &text)
{
    std::vector<int> answers;
    const QStringList parts = text.split(u',');
    if (parts.size() > 200)
        return usageError(u"--answers has too many values"_s);
    for (const QString &part : parts) {
        bool ok = false;
        const int value = part.trimmed().toInt(&ok);
        if (!ok)
            return usageError(u"--answers must be whole numbers separated by commas, e.g. 1,0,2"_s);
        answers.push_back(value);
    }
    return answers;
}

Result<QDateTime> parseCliTime(const QString &text, const QString &option)
{
    const QString trimmed = text.trimmed();
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (date.isValid())
            time = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    }
    if (!time.isValid() || time.date().year() < 2000 || time.date().year() > 2200)
        return usageError(
            u"%1 must be an ISO 8601 date or time, e.g. 2026-03-01T09:30:00Z"_s.arg(option));
    return time.toUTC();
}

QJsonObject scoreToJson(const domain::InstrumentScore &score, const Instrument &instrument)
{
    QJsonObject object{
        {u"instrument"_s, score.instrumentId},
        {u"version"_s, score.instrumentVersion},
        {u"scoringRuleVersion"_s, score.scoringRuleVersion},
        {u"total"_s, totalToJson(instrument, score.total)},
        {u"severity"_s,
         score.severity.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(score.severity)},
        {u"flags"_s, QJsonArray::fromStringList(score.flags)},
    };
    if (!score.clusters.empty()) {
        QJsonObject clusters;
        for (const domain::ClusterScore &cluster : score.clusters)
            clusters.insert(cluster.id, totalToJson(instrument, cluster.score));
        object.insert(u"clusters"_s, clusters);
    }
    return object;
}

QJsonObject instrumentToJson(const Instrument &instrument)
{
    QJsonArray bands;
    for (const domain::SeverityBand &band : instrument.bands)
        bands.append(QJsonObject{{u"id"_s, band.id},
                                 {u"label"_s, band.label},
                                 {u"min"_s, band.min},
                                 {u"max"_s, band.max}});
    return QJsonObject{
        {u"id"_s, instrument.id},
        {u"title"_s, instrument.title},
        {u"name"_s, instrument.name},
        {u"version"_s, instrument.version},
        {u"scoringRuleVersion"_s, instrument.scoringRuleVersion},
        {u"items"_s, instrument.maxAnswerCount()},
        {u"requiredAnswers"_s, instrument.requiredAnswerCount()},
        {u"rule"_s, instrument.rule == domain::ScoringRule::Sum ? u"sum"_s : u"mean"_s},
        {u"min"_s, instrument.minScore},
        {u"max"_s, instrument.maxScore},
        {u"bands"_s, bands},
        {u"loincTotal"_s, instrument.loincTotal},
        {u"attribution"_s, instrument.attribution},
    };
}

QJsonObject entryToJson(const domain::DiaryEntry &entry)
{
    auto body = domain::encodeBody(entry.body);
    QJsonObject object{{u"id"_s, entry.id.toString()},
                       {u"kind"_s, entry.kind()},
                       {u"version"_s, static_cast<qint64>(entry.version)},
                       {u"occurredAt"_s, domain::toIsoUtc(entry.occurredAt())},
                       {u"updatedAt"_s, domain::toIsoUtc(entry.updatedAt)}};
    if (body)
        object.insert(u"body"_s, QJsonDocument::fromJson(*body).object());
    return object;
}

Result<void> runInstrumentList(const CliArguments &args, const Console &console)
{
    auto instruments = catalog();
    if (!instruments)
        return instruments.error();
    if (args.json) {
        QJsonArray list;
        for (const Instrument &instrument : instruments->instruments())
            list.append(instrumentToJson(instrument));
        printJson(console, QJsonObject{{u"instruments"_s, list}});
        return {};
    }
    QString text;
    for (const Instrument &instrument : instruments->instruments())
        text += u"%1  %2 (%3 items, %4 %5-%6)\n"_s.arg(
            instrument.id.leftJustified(9), instrument.title,
            QString::number(instrument.maxAnswerCount()),
            instrument.rule == domain::ScoringRule::Sum ? u"sum"_s : u"mean"_s,
            QString::number(instrument.minScore), QString::number(instrument.maxScore));
    console.print(text);
    return {};
}

// What instrument score and instrument record share: the shipped catalog, the instrument named
// on the command line, the parsed --answers and their score.
struct ScoredAnswers
{
    InstrumentCatalog catalog;
    const Instrument *instrument = nullptr; // points into catalog
    std::vector<int> answers;
    domain::InstrumentScore score;
};

Result<std::unique_ptr<ScoredAnswers>> scoreArguments(const CliArguments &args)
{
    auto instruments = catalog();
    if (!instruments)
        return instruments.error();
    // Heap-allocated so `instrument` keeps pointing into the catalog it came from.
    auto scored = std::make_unique<ScoredAnswers>();
    scored->catalog = std::move(*instruments);
    auto instrument = findInstrument(scored->catalog, args.instrumentId);
    if (!instrument)
        return instrument.error();
    scored->instrument = *instrument;
    auto answers = parseAnswers(args.answers);
    if (!answers)
        return answers.error();
    scored->answers = std::move(*answers);
    auto score = domain::scoreInstrument(*scored->instrument, scored->answers);
    if (!score)
        return score.error();
    scored->score = std::move(*score);
    return scored;
}

Result<void> runInstrumentScore(const CliArguments &args, const Console &console)
{
    auto scored = scoreArguments(args);
    if (!scored)
        return scored.error();
    const Instrument *instrument = (*scored)->instrument;
    const domain::InstrumentScore *score = &(*scored)->score;
    if (args.json) {
        printJson(console, scoreToJson(*score, *instrument));
        return {};
    }
    QString text = u"%1 total %2"_s.arg(instrument->title, QString::number(score->total, 'g', 6));
    if (!score->severityLabel.isEmpty())
        text += u" (%1)"_s.arg(score->severityLabel);
    if (!score->flags.isEmpty())
        text += u"; flags: %1"_s.arg(score->flags.join(u", "_s));
    console.print(text + u'\n');
    return {};
}

Result<void> runInstrumentRecord(const CliArguments &args, storage::Profile &profile,
                                 const Console &console, const Clock &clock)
{
    auto scored = scoreArguments(args);
    if (!scored)
        return scored.error();
    auto at = atOrNow(args, clock);
    if (!at)
        return at.error();
    const domain::InstrumentScore *score = &(*scored)->score;

    storage::DiaryRepository diary(profile.records());
    auto result =
        diary.add(domain::InstrumentResult::fromScore(*score, std::move((*scored)->answers), *at));
    if (!result)
        return result.error();
    console.print(result->id.toString() + u'\n');

    if (score->flags.contains(domain::kSafetyFlag)) {
        // Crisis help first: the safety event is recorded after, so a failure to record it can
        // never hide the numbers.
        auto protocol = sync::protocolInUse(profile.database());
        if (!protocol)
            return protocol.error();
        console.printError(domain::crisisMessage(*protocol));
        domain::SafetyEvent event;
        event.occurredAt = clock.nowUtc();
        event.trigger = domain::SafetyEvent::Trigger::Item9;
        event.crisisHelpShown = true;
        event.sourceResultId = result->id;
        auto recorded = diary.add(event);
        if (!recorded)
            return recorded.error();
    }
    return {};
}

Result<void> runCheckinAdd(const CliArguments &args, storage::Profile &profile,
                           const Console &console, const Clock &clock)
{
    domain::CheckIn checkIn;
    auto at = atOrNow(args, clock);
    if (!at)
        return at.error();
    checkIn.occurredAt = *at;
    auto mood = parseScale(args.mood, u"--mood"_s);
    auto anxiety = parseScale(args.anxiety, u"--anxiety"_s);
    auto pain = parseScale(args.pain, u"--pain"_s);
    if (!mood)
        return mood.error();
    if (!anxiety)
        return anxiety.error();
    if (!pain)
        return pain.error();
    checkIn.mood = *mood;
    checkIn.anxiety = *anxiety;
    checkIn.pain = *pain;
    if (!args.sleepHours.isEmpty()) {
        bool ok = false;
        const double hours = args.sleepHours.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(hours) || hours < 0 || hours > 24)
            return usageError(u"--sleep-hours must be a number of hours from 0 to 24"_s);
        checkIn.sleepHours = hours;
    }
    checkIn.note = args.note;
    storage::DiaryRepository diary(profile.records());
    auto entry = diary.add(checkIn);
    if (!entry)
        return entry.error();
    console.print(entry->id.toString() + u'\n');
    return {};
}

Result<void> runDiaryList(const CliArguments &args, storage::Profile &profile,
                          const Console &console)
{
    QDateTime from;
    QDateTime to;
    if (!args.from.isEmpty()) {
        auto parsed = parseCliTime(args.from, u"--from"_s);
        if (!parsed)
            return parsed.error();
        from = *parsed;
    }
    if (!args.to.isEmpty()) {
        auto parsed = parseCliTime(args.to, u"--to"_s);
        if (!parsed)
            return parsed.error();
        to = *parsed;
    }
    if (from.isValid() && to.isValid() && !(from < to))
        return usageError(u"--from must be before --to"_s);
    storage::DiaryRepository diary(profile.records());
    auto entries = diary.timeline(from, to);
    if (!entries)
        return entries.error();
    if (args.json) {
        QJsonArray list;
        for (const domain::DiaryEntry &entry : *entries)
            list.append(entryToJson(entry));
        printJson(console, QJsonObject{{u"entries"_s, list}});
        return {};
    }
    QString text;
    for (const domain::DiaryEntry &entry : *entries) {
        text += u"%1  %2  %3"_s.arg(domain::toIsoUtc(entry.occurredAt()),
                                    entry.kind().leftJustified(18), entry.id.toString());
        if (const auto *result = std::get_if<domain::InstrumentResult>(&entry.body))
            text += u"  %1 %2"_s.arg(result->instrumentId, QString::number(result->total));
        else if (const auto *checkIn = std::get_if<domain::CheckIn>(&entry.body))
            text += u"  mood %1 anxiety %2 pain %3"_s.arg(checkIn->mood)
                        .arg(checkIn->anxiety)
                        .arg(checkIn->pain);
        text += u'\n';
    }
    console.print(text);
    return {};
}

Result<void> runExport(const CliArguments &args, storage::Profile &profile, const Console &console,
                       const Clock &clock)
{
    const QString format = args.format.toLower();
    if (format != u"fhir" && format != u"csv")
        return usageError(u"--format must be fhir, csv, ics or json"_s);
    if (QFile::exists(args.out))
        return makeError(ErrorCode::AlreadyExists,
                         u"%1 already exists; refusing to overwrite it"_s.arg(args.out));
    storage::DiaryRepository diary(profile.records());
    auto entries = diary.timeline({}, {});
    if (!entries)
        return entries.error();
    // Exports read oldest first, as a person reads a diary.
    std::reverse(entries->begin(), entries->end());
    QByteArray bytes;
    if (format == u"fhir") {
        auto instruments = catalog();
        if (!instruments)
            return instruments.error();
        bytes = QJsonDocument(domain::buildFhirBundle(*instruments, *entries, clock.nowUtc()))
                    .toJson(QJsonDocument::Indented);
    } else {
        bytes = domain::buildCsv(*entries);
    }
    COMPANION_TRY(writeNewFile(args.out, bytes));
    console.print(u"Exported %1 entries to %2 (readable only by you).\n"_s.arg(
        QString::number(entries->size()), args.out));
    return {};
}

} // namespace companion::cli
