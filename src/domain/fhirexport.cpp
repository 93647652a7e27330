#include "domain/fhirexport.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

const QString kLoinc = u"http://loinc.org"_s;
const QString kCompanionCodes = u"urn:companion:instrument-score"_s;
const QString kCompanionAnswers = u"urn:companion:answer-value"_s;

// Stable ids for resources that are not records (Questionnaires): name-based UUIDs, so the same
// instrument version gets the same fullUrl in every export.
QString stableUuid(const QString &name)
{
    static const QUuid ns(u"6f1c3c1e-6b8e-4b59-9a52-1d0c8b4f7a21"_s);
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

QJsonObject coding(const QString &system, const QString &code, const QString &display)
{
    QJsonObject object{{u"system"_s, system}, {u"code"_s, code}};
    if (!display.isEmpty())
        object.insert(u"display"_s, display);
    return object;
}

QString answerLabel(const InstrumentItem &item, int value)
{
    for (const AnswerOption &option : item.options) {
        if (option.value == value)
            return option.label;
    }
    return {};
}

QJsonObject questionnaire(const Instrument &instrument)
{
    QJsonArray items;
    for (const InstrumentItem &item : instrument.items) {
        QJsonArray options;
        for (const AnswerOption &option : item.options)
            options.append(QJsonObject{
                {u"valueCoding"_s,
                 coding(kCompanionAnswers, QString::number(option.value), option.label)}});
        items.append(QJsonObject{{u"linkId"_s, item.id},
                                 {u"text"_s, item.text},
                                 {u"type"_s, u"choice"_s},
                                 {u"required"_s, item.required},
                                 {u"answerOption"_s, options}});
    }
    QJsonObject resource{
        {u"resourceType"_s, u"Questionnaire"_s},
        {u"id"_s, instrument.id.toLower().replace(u'_', u'-')},
        {u"url"_s, questionnaireUrl(instrument.id)},
        {u"version"_s, instrument.version},
        {u"title"_s, instrument.title},
        {u"status"_s, u"active"_s},
        {u"description"_s, QString(instrument.name + u". "_s + instrument.lookback)},
        {u"copyright"_s, QString(instrument.attribution + u' ' + instrument.licence)},
        {u"item"_s, items}};
    if (!instrument.loincPanel.isEmpty())
        resource.insert(u"code"_s,
                        QJsonArray{coding(kLoinc, instrument.loincPanel, instrument.title)});
    return resource;
}

QJsonObject response(const InstrumentResult &result, const Instrument *instrument,
                     const QString &id)
{
    QJsonArray items;
    for (std::size_t i = 0; i < result.answers.size(); ++i) {
        const int value = result.answers[i];
        const InstrumentItem *item =
            instrument && i < instrument->items.size() ? &instrument->items[i] : nullptr;
        const QString linkId = item ? item->id : u"%1_%2"_s.arg(result.instrumentId).arg(i + 1);
        QJsonObject answer{
            {u"valueCoding"_s, coding(kCompanionAnswers, QString::number(value),
                                      item ? answerLabel(*item, value) : QString())}};
        items.append(QJsonObject{{u"linkId"_s, linkId}, {u"answer"_s, QJsonArray{answer}}});
    }
    return QJsonObject{
        {u"resourceType"_s, u"QuestionnaireResponse"_s},
        {u"id"_s, id},
        {u"questionnaire"_s,
         QString(questionnaireUrl(result.instrumentId) + u'|' + result.instrumentVersion)},
        {u"status"_s, u"completed"_s},
        {u"authored"_s, toIsoUtc(result.occurredAt)},
        {u"item"_s, items},
    };
}

QJsonObject observation(const InstrumentResult &result, const Instrument *instrument,
                        const QString &id, const QString &responseUuid)
{
    const QString title = instrument ? instrument->title : result.instrumentId;
    QJsonArray codings;
    if (instrument && !instrument->loincTotal.isEmpty())
        codings.append(coding(kLoinc, instrument->loincTotal, title + u" total score"_s));
    codings.append(
        coding(kCompanionCodes, result.instrumentId + u".total"_s, title + u" total score"_s));
    QJsonObject resource{
        {u"resourceType"_s, u"Observation"_s},
        {u"id"_s, id},
        {u"status"_s, u"final"_s},
        {u"category"_s,
         QJsonArray{QJsonObject{
             {u"coding"_s,
              QJsonArray{coding(u"http://terminology.hl7.org/CodeSystem/observation-category"_s,
                                u"survey"_s, u"Survey"_s)}}}}},
        {u"code"_s,
         QJsonObject{{u"coding"_s, codings}, {u"text"_s, QString(title + u" total score"_s)}}},
        {u"effectiveDateTime"_s, toIsoUtc(result.occurredAt)},
        {u"valueQuantity"_s, QJsonObject{{u"value"_s, result.total},
                                         {u"unit"_s, u"{score}"_s},
                                         {u"system"_s, u"http://unitsofmeasure.org"_s},
                                         {u"code"_s, u"{score}"_s}}},
        {u"derivedFrom"_s,
         QJsonArray{QJsonObject{{u"reference"_s, QString(u"urn:uuid:"_s + responseUuid)}}}},
    };
    if (!result.severity.isEmpty()) {
        QString label = result.severity;
        if (instrument) {
            for (const SeverityBand &band : instrument->bands) {
                if (band.id == result.severity)
                    label = band.label;
            }
        }
        resource.insert(u"interpretation"_s, QJsonArray{QJsonObject{{u"text"_s, label}}});
    }
    return resource;
}

QJsonObject entry(const QString &uuid, const QJsonObject &resource)
{
    return QJsonObject{{u"fullUrl"_s, QString(u"urn:uuid:"_s + uuid)}, {u"resource"_s, resource}};
}

} // namespace

QString questionnaireUrl(const QString &instrumentId)
{
    return u"urn:companion:questionnaire:"_s + instrumentId;
}

QJsonObject buildFhirBundle(const InstrumentCatalog &catalog,
                            const std::vector<DiaryEntry> &entries, const QDateTime &exportedAt)
{
    QJsonArray questionnaires;
    QJsonArray others;
    QSet<QString> seen;
    for (const DiaryEntry &diaryEntry : entries) {
        const auto *result = std::get_if<InstrumentResult>(&diaryEntry.body);
        if (!result)
            continue;
        const Instrument *instrument = catalog.find(result->instrumentId);
        // A result from another version of the instrument keeps only its answers' values.
        if (instrument && instrument->version != result->instrumentVersion)
            instrument = nullptr;
        const QString key = result->instrumentId + u'|' + result->instrumentVersion;
        if (instrument && !seen.contains(key)) {
            seen.insert(key);
            questionnaires.append(entry(stableUuid(key), questionnaire(*instrument)));
        }
        const QString responseUuid = diaryEntry.id.toString();
        const QString observationUuid = stableUuid(u"observation|"_s + responseUuid);
        others.append(entry(responseUuid, response(*result, instrument, responseUuid)));
        others.append(entry(observationUuid,
                            observation(*result, instrument, observationUuid, responseUuid)));
    }
    QJsonArray all = questionnaires;
    for (const QJsonValue &value : std::as_const(others))
        all.append(value);
    return QJsonObject{
        {u"resourceType"_s, u"Bundle"_s},
        {u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"type"_s, u"collection"_s},
        {u"timestamp"_s, toIsoUtc(exportedAt)},
        {u"entry"_s, all},
    };
}

} // namespace companion::domain
