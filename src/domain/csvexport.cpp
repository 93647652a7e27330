#include "domain/csvexport.h"

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

const QStringList kColumns = {
    u"id"_s,
    u"kind"_s,
    u"version"_s,
    u"occurred_at"_s,
    u"updated_at"_s,
    u"mood"_s,
    u"anxiety"_s,
    u"pain"_s,
    u"sleep_hours"_s,
    u"sleep_quality"_s,
    u"energy"_s,
    u"nausea"_s,
    u"dizziness"_s,
    u"headache"_s,
    u"dissociation"_s,
    u"urinary"_s,
    u"systolic"_s,
    u"diastolic"_s,
    u"instrument"_s,
    u"instrument_version"_s,
    u"scoring_rule_version"_s,
    u"answers"_s,
    u"total"_s,
    u"severity"_s,
    u"flags"_s,
    u"trigger"_s,
    u"told_clinic"_s,
    u"tags"_s,
    u"note"_s,
};
// Columns holding text a person typed.
const QStringList kFreeText = {u"tags"_s, u"note"_s};

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

QString optionalInt(const std::optional<int> &value)
{
    return value ? QString::number(*value) : QString();
}

QString grade(const std::optional<SymptomGrade> &value)
{
    return value ? symptomGradeName(*value) : QString();
}

QHash<QString, QString> cells(const DiaryEntry &entry)
{
    QHash<QString, QString> row{{u"id"_s, entry.id.toString()},
                                {u"kind"_s, entry.kind()},
                                {u"version"_s, QString::number(entry.version)},
                                {u"occurred_at"_s, toIsoUtc(entry.occurredAt())},
                                {u"updated_at"_s, toIsoUtc(entry.updatedAt)}};
    if (const auto *checkIn = std::get_if<CheckIn>(&entry.body)) {
        row[u"mood"_s] = QString::number(checkIn->mood);
        row[u"anxiety"_s] = QString::number(checkIn->anxiety);
        row[u"pain"_s] = QString::number(checkIn->pain);
        row[u"sleep_hours"_s] = checkIn->sleepHours ? number(*checkIn->sleepHours) : QString();
        row[u"sleep_quality"_s] = optionalInt(checkIn->sleepQuality);
        row[u"energy"_s] = optionalInt(checkIn->energy);
        row[u"tags"_s] = checkIn->tags.join(u';');
        row[u"note"_s] = checkIn->note;
    } else if (const auto *check = std::get_if<PostInfusionCheck>(&entry.body)) {
        row[u"nausea"_s] = grade(check->nausea);
        row[u"dizziness"_s] = grade(check->dizziness);
        row[u"headache"_s] = grade(check->headache);
        row[u"dissociation"_s] = grade(check->dissociation);
        row[u"urinary"_s] = grade(check->urinary);
        row[u"systolic"_s] = optionalInt(check->systolic);
        row[u"diastolic"_s] = optionalInt(check->diastolic);
        row[u"note"_s] = check->note;
    } else if (const auto *result = std::get_if<InstrumentResult>(&entry.body)) {
        QStringList answers;
        for (int value : result->answers)
            answers << QString::number(value);
        row[u"instrument"_s] = result->instrumentId;
        row[u"instrument_version"_s] = result->instrumentVersion;
        row[u"scoring_rule_version"_s] = result->scoringRuleVersion;
        row[u"answers"_s] = answers.join(u' ');
        row[u"total"_s] = number(result->total);
        row[u"severity"_s] = result->severity;
        row[u"flags"_s] = result->flags.join(u' ');
    } else if (const auto *event = std::get_if<SafetyEvent>(&entry.body)) {
        row[u"trigger"_s] =
            event->trigger == SafetyEvent::Trigger::Item9 ? u"item9"_s : u"manual"_s;
        row[u"told_clinic"_s] = event->toldClinic ? u"yes"_s : u"no"_s;
    }
    return row;
}

} // namespace

QString csvField(const QString &value, bool isFreeText)
{
    QString text = value;
    if (isFreeText && !text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            text.prepend(u'\'');
    }
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') ||
        text.contains(u'\r')) {
        text.replace(u"\""_s, u"\"\""_s);
        return u'"' + text + u'"';
    }
    return text;
}

QByteArray buildCsv(const std::vector<DiaryEntry> &entries)
{
    QString out = kColumns.join(u',') + u"\r\n"_s;
    for (const DiaryEntry &entry : entries) {
        const QHash<QString, QString> row = cells(entry);
        QStringList fields;
        for (const QString &column : kColumns)
            fields << csvField(row.value(column), kFreeText.contains(column));
        out += fields.join(u',') + u"\r\n"_s;
    }
    return out.toUtf8();
}

} // namespace companion::domain
