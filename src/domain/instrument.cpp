#include "domain/instrument.h"

#include "domain/jsonfields.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

using namespace json;

constexpr int kMaxItems = 200;
constexpr int kMaxOptions = 101;
constexpr qsizetype kMaxTextLength = 2000;

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_]{1,64}$"_s);
    return pattern.match(id).hasMatch();
}

Result<QString> requireId(const QJsonObject &object, const QString &where)
{
    auto id = requireString(object, u"id"_s, where);
    if (!id)
        return id.error();
    if (!isValidId(*id))
        return fieldError(where + u".id"_s, u"must be 1-64 letters, digits or underscores"_s);
    return id;
}

Result<QString> requireText(const QJsonObject &object, const QString &key, const QString &where,
                            bool allowEmpty = false)
{
    auto text = requireString(object, key, where, allowEmpty);
    if (!text)
        return text.error();
    if (text->size() > kMaxTextLength)
        return fieldError(where + u'.' + key, u"is too long"_s);
    return text;
}

Result<std::vector<AnswerOption>> parseOptions(const QJsonArray &array, const QString &where)
{
    if (array.isEmpty() || array.size() > kMaxOptions)
        return fieldError(where, u"must list 1 to %1 answer options"_s.arg(kMaxOptions));
    std::vector<AnswerOption> options;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = where + u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject())
            return fieldError(at, u"must be an object"_s);
        const QJsonObject object = array.at(i).toObject();
        auto value = requireInt(object, u"value"_s, at);
        if (!value)
            return value.error();
        auto label = requireText(object, u"label"_s, at);
        if (!label)
            return label.error();
        if (!options.empty() && *value <= options.back().value)
            return fieldError(at + u".value"_s, u"options must have ascending, distinct values"_s);
        options.push_back({*value, *label});
    }
    return options;
}

Result<void> checkKnownKeys(const QJsonObject &object, const QStringList &known,
                            const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return fieldError(where, u"unknown field \"%1\""_s.arg(it.key().left(40)));
    }
    return {};
}

Result<void> parseItems(const QJsonObject &root, Instrument &instrument)
{
    QJsonObject optionSets;
    if (root.contains(u"optionSets"_s)) {
        auto sets = requireObject(root, u"optionSets"_s, u"instrument"_s);
        if (!sets)
            return sets.error();
        optionSets = *sets;
    }
    auto items = requireArray(root, u"items"_s, u"instrument"_s);
    if (!items)
        return items.error();
    if (items->isEmpty() || items->size() > kMaxItems)
        return fieldError(u"instrument.items"_s, u"must list 1 to %1 items"_s.arg(kMaxItems));
    QSet<QString> ids;
    for (qsizetype i = 0; i < items->size(); ++i) {
        const QString where = u"instrument.items[%1]"_s.arg(i);
        if (!items->at(i).isObject())
            return fieldError(where, u"must be an object"_s);
        const QJsonObject object = items->at(i).toObject();
        COMPANION_TRY(checkKnownKeys(
            object, {u"id"_s, u"text"_s, u"options"_s, u"scored"_s, u"required"_s}, where));
        InstrumentItem item;
        auto id = requireId(object, where);
        if (!id)
            return id.error();
        if (ids.contains(*id))
            return fieldError(where + u".id"_s, u"is used twice"_s);
        ids.insert(*id);
        item.id = *id;
        auto text = requireText(object, u"text"_s, where);
        if (!text)
            return text.error();
        item.text = *text;

        const QJsonValue options = object.value(u"options"_s);
        QJsonArray optionArray;
        if (options.isString()) {
            if (!optionSets.value(options.toString()).isArray())
                return fieldError(where + u".options"_s, u"names no option set"_s);
            optionArray = optionSets.value(options.toString()).toArray();
        } else if (options.isArray()) {
            optionArray = options.toArray();
        } else {
            return fieldError(where + u".options"_s, u"must be an array or an option set name"_s);
        }
        auto parsed = parseOptions(optionArray, where + u".options"_s);
        if (!parsed)
            return parsed.error();
        item.options = std::move(*parsed);

        auto scored = optionalBool(object, u"scored"_s, where, true);
        auto required = optionalBool(object, u"required"_s, where, true);
        if (!scored)
            return scored.error();
        if (!required)
            return required.error();
        item.scored = *scored;
        item.required = *required;
        // An optional item in the middle would make a short answer list ambiguous.
        if (item.required && !instrument.items.empty() && !instrument.items.back().required)
            return fieldError(where + u".required"_s, u"optional items must come last"_s);
        if (item.scored && !item.required)
            return fieldError(where + u".required"_s, u"a scored item must be required"_s);
        instrument.items.push_back(std::move(item));
    }
    return {};
}

Result<void> parseScoring(const QJsonObject &root, Instrument &instrument)
{
    const QString where = u"instrument.scoring"_s;
    auto scoring = requireObject(root, u"scoring"_s, u"instrument"_s);
    if (!scoring)
        return scoring.error();
    COMPANION_TRY(checkKnownKeys(*scoring,
                                 {u"rule"_s, u"min"_s, u"max"_s, u"bands"_s, u"clusters"_s,
                                  u"thresholds"_s, u"remissionBelow"_s},
                                 where));
    auto rule = requireString(*scoring, u"rule"_s, where);
    if (!rule)
        return rule.error();
    if (*rule == u"sum")
        instrument.rule = ScoringRule::Sum;
    else if (*rule == u"mean")
        instrument.rule = ScoringRule::Mean;
    else
        return fieldError(where + u".rule"_s, u"must be \"sum\" or \"mean\""_s);

    auto min = requireNumber(*scoring, u"min"_s, where);
    auto max = requireNumber(*scoring, u"max"_s, where);
    if (!min)
        return min.error();
    if (!max)
        return max.error();
    instrument.minScore = *min;
    instrument.maxScore = *max;

    // The declared range must be exactly what the items can produce, so a typo in either shows.
    const auto scored = instrument.scoredItems();
    if (scored.empty())
        return fieldError(u"instrument.items"_s, u"at least one item must be scored"_s);
    double low = 0;
    double high = 0;
    for (const InstrumentItem *item : scored) {
        low += item->options.front().value;
        high += item->options.back().value;
    }
    if (instrument.rule == ScoringRule::Mean) {
        low /= static_cast<double>(scored.size());
        high /= static_cast<double>(scored.size());
    }
    if (low != *min || high != *max)
        return fieldError(where, u"min and max do not match what the items can score"_s);

    auto bands = requireArray(*scoring, u"bands"_s, where);
    if (!bands)
        return bands.error();
    for (qsizetype i = 0; i < bands->size(); ++i) {
        const QString at = where + u".bands[%1]"_s.arg(i);
        const QJsonObject object = bands->at(i).toObject();
        auto id = requireId(object, at);
        auto label = requireText(object, u"label"_s, at);
        auto bandMin = requireNumber(object, u"min"_s, at);
        auto bandMax = requireNumber(object, u"max"_s, at);
        if (!id)
            return id.error();
        if (!label)
            return label.error();
        if (!bandMin)
            return bandMin.error();
        if (!bandMax)
            return bandMax.error();
        if (*bandMin > *bandMax)
            return fieldError(at, u"min is above max"_s);
        if (i == 0 && *bandMin != *min)
            return fieldError(at, u"the first band must start at the minimum score"_s);
        if (i > 0) {
            const double previousMax = instrument.bands.back().max;
            // Sum scores are whole numbers: bands must tile them with no gap and no overlap.
            const bool adjacent = instrument.rule == ScoringRule::Sum ? *bandMin == previousMax + 1
                                                                      : *bandMin > previousMax;
            if (!adjacent)
                return fieldError(at, u"overlaps or leaves a gap after the previous band"_s);
        }
        instrument.bands.push_back({*id, *label, *bandMin, *bandMax});
    }
    if (!instrument.bands.empty() && instrument.bands.back().max != *max)
        return fieldError(where + u".bands"_s, u"the last band must end at the maximum score"_s);

    if (scoring->contains(u"clusters"_s)) {
        auto clusters = requireArray(*scoring, u"clusters"_s, where);
        if (!clusters)
            return clusters.error();
        for (qsizetype i = 0; i < clusters->size(); ++i) {
            const QString at = where + u".clusters[%1]"_s.arg(i);
            const QJsonObject object = clusters->at(i).toObject();
            auto id = requireId(object, at);
            auto label = requireText(object, u"label"_s, at);
            auto first = requireInt(object, u"firstItem"_s, at);
            auto last = requireInt(object, u"lastItem"_s, at);
            if (!id)
                return id.error();
            if (!label)
                return label.error();
            if (!first)
                return first.error();
            if (!last)
                return last.error();
            if (*first < 1 || *last < *first || *last > static_cast<int>(scored.size()))
                return fieldError(at, u"item range is outside the scored items"_s);
            instrument.clusters.push_back({*id, *label, *first, *last});
        }
    }

    if (scoring->contains(u"thresholds"_s)) {
        auto thresholds = requireArray(*scoring, u"thresholds"_s, where);
        if (!thresholds)
            return thresholds.error();
        for (qsizetype i = 0; i < thresholds->size(); ++i) {
            const QString at = where + u".thresholds[%1]"_s.arg(i);
            const QJsonObject object = thresholds->at(i).toObject();
            auto id = requireId(object, at);
            auto label = requireText(object, u"label"_s, at);
            auto atLeast = requireNumber(object, u"atLeast"_s, at);
            auto note = requireText(object, u"note"_s, at, true);
            if (!id)
                return id.error();
            if (!label)
                return label.error();
            if (!atLeast)
                return atLeast.error();
            if (!note)
                return note.error();
            if (*atLeast < *min || *atLeast > *max)
                return fieldError(at + u".atLeast"_s, u"is outside the score range"_s);
            instrument.thresholds.push_back({*id, *label, *atLeast, *note});
        }
    }

    if (scoring->contains(u"remissionBelow"_s)) {
        auto remission = requireNumber(*scoring, u"remissionBelow"_s, where);
        if (!remission)
            return remission.error();
        if (*remission <= *min || *remission > *max)
            return fieldError(where + u".remissionBelow"_s, u"is outside the score range"_s);
        instrument.remissionBelow = *remission;
    }
    return {};
}

Result<void> parseFlags(const QJsonObject &root, Instrument &instrument)
{
    if (!root.contains(u"flags"_s))
        return {};
    auto flags = requireArray(root, u"flags"_s, u"instrument"_s);
    if (!flags)
        return flags.error();
    for (qsizetype i = 0; i < flags->size(); ++i) {
        const QString at = u"instrument.flags[%1]"_s.arg(i);
        const QJsonObject object = flags->at(i).toObject();
        auto id = requireId(object, at);
        auto item = requireString(object, u"item"_s, at);
        auto above = requireInt(object, u"above"_s, at);
        if (!id)
            return id.error();
        if (!item)
            return item.error();
        if (!above)
            return above.error();
        const bool known = std::any_of(instrument.items.begin(), instrument.items.end(),
                                       [&](const InstrumentItem &it) { return it.id == *item; });
        if (!known)
            return fieldError(at + u".item"_s, u"names no item of this instrument"_s);
        instrument.flags.push_back({*id, *item, *above});
    }
    return {};
}

} // namespace

std::vector<const InstrumentItem *> Instrument::scoredItems() const
{
    std::vector<const InstrumentItem *> scored;
    for (const InstrumentItem &item : items) {
        if (item.scored)
            scored.push_back(&item);
    }
    return scored;
}

int Instrument::requiredAnswerCount() const
{
    return static_cast<int>(std::count_if(
        items.begin(), items.end(), [](const InstrumentItem &item) { return item.required; }));
}

Result<Instrument> parseInstrument(const QByteArray &bytes)
{
    if (bytes.size() > kMaxInstrumentFileBytes)
        return makeError(ErrorCode::InvalidInput, u"the instrument file is too large"_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(
            ErrorCode::InvalidInput,
            u"the instrument file is not a JSON object (offset %1)"_s.arg(parseError.offset));
    const QJsonObject root = document.object();
    const QString where = u"instrument"_s;
    COMPANION_TRY(
        checkKnownKeys(root,
                       {u"format"_s, u"id"_s, u"title"_s, u"name"_s, u"version"_s,
                        u"scoringRuleVersion"_s, u"lookback"_s, u"attribution"_s, u"licence"_s,
                        u"loinc"_s, u"optionSets"_s, u"items"_s, u"scoring"_s, u"flags"_s},
                       where));
    auto format = requireInt(root, u"format"_s, where);
    if (!format)
        return format.error();
    if (*format != 1)
        return makeError(ErrorCode::Unsupported,
                         u"instrument format %1 is not supported (expected 1)"_s.arg(*format));

    Instrument instrument;
    auto id = requireId(root, where);
    if (!id)
        return id.error();
    instrument.id = *id;
    struct TextField
    {
        const char16_t *key;
        QString *target;
        bool allowEmpty;
    };
    for (const TextField &field :
         {TextField{u"title", &instrument.title, false},
          TextField{u"name", &instrument.name, false},
          TextField{u"version", &instrument.version, false},
          TextField{u"scoringRuleVersion", &instrument.scoringRuleVersion, false},
          TextField{u"lookback", &instrument.lookback, false},
          TextField{u"attribution", &instrument.attribution, false},
          TextField{u"licence", &instrument.licence, false}}) {
        auto text = requireText(root, QString::fromUtf16(field.key), where, field.allowEmpty);
        if (!text)
            return text.error();
        *field.target = *text;
    }

    auto loinc = requireObject(root, u"loinc"_s, where);
    if (!loinc)
        return loinc.error();
    auto panel = requireString(*loinc, u"panel"_s, where + u".loinc"_s, true);
    auto total = requireString(*loinc, u"total"_s, where + u".loinc"_s, true);
    if (!panel)
        return panel.error();
    if (!total)
        return total.error();
    static const QRegularExpression loincCode(u"^([0-9]{1,7}-[0-9])?$"_s);
    if (!loincCode.match(*panel).hasMatch() || !loincCode.match(*total).hasMatch())
        return fieldError(where + u".loinc"_s, u"codes must look like 12345-6 or be empty"_s);
    instrument.loincPanel = *panel;
    instrument.loincTotal = *total;

    COMPANION_TRY(parseItems(root, instrument));
    COMPANION_TRY(parseScoring(root, instrument));
    COMPANION_TRY(parseFlags(root, instrument));
    return instrument;
}

} // namespace companion::domain
