#include "presentation/diaryform.h"

#include "domain/listsummary.h"

#include <QLocale>

#include <cmath>

namespace companion::presentation {

namespace {

using domain::SymptomGrade;

const QString kScale = QStringLiteral("scale");
const QString kGrade = QStringLiteral("grade");
const QString kHours = QStringLiteral("hours");
const QString kBloodPressure = QStringLiteral("bloodPressure");
const QString kTags = QStringLiteral("tags");
const QString kText = QStringLiteral("text");

QVariantMap question(const QString &key, const QString &type, const QString &label,
                     const QString &low = {}, const QString &high = {}, bool required = false)
{
    return {{QStringLiteral("key"), key},        {QStringLiteral("type"), type},
            {QStringLiteral("label"), label},    {QStringLiteral("lowLabel"), low},
            {QStringLiteral("highLabel"), high}, {QStringLiteral("required"), required}};
}

QString typeOf(DiaryForm::Kind kind, const QString &key)
{
    for (const QVariant &entry : DiaryForm::questions(kind)) {
        const QVariantMap map = entry.toMap();
        if (map.value(QStringLiteral("key")).toString() == key)
            return map.value(QStringLiteral("type")).toString();
    }
    if (kind == DiaryForm::Kind::PostInfusion &&
        (key == QStringLiteral("systolic") || key == QStringLiteral("diastolic")))
        return kBloodPressure;
    return {};
}

std::optional<int> wholeNumber(const QVariant &value, int low, int high)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number) || number != std::floor(number) || number < low ||
        number > high)
        return std::nullopt;
    return static_cast<int>(number);
}

const QStringList kPostInfusionSymptoms = {
    QStringLiteral("nausea"), QStringLiteral("dizziness"), QStringLiteral("headache"),
    QStringLiteral("dissociation"), QStringLiteral("urinary")};

std::optional<SymptomGrade> *symptomField(domain::PostInfusionCheck &check, const QString &key)
{
    if (key == QStringLiteral("nausea"))
        return &check.nausea;
    if (key == QStringLiteral("dizziness"))
        return &check.dizziness;
    if (key == QStringLiteral("headache"))
        return &check.headache;
    if (key == QStringLiteral("dissociation"))
        return &check.dissociation;
    if (key == QStringLiteral("urinary"))
        return &check.urinary;
    return nullptr;
}

QString gradeLabel(SymptomGrade grade)
{
    switch (grade) {
    case SymptomGrade::None:
        return DiaryForm::tr("none");
    case SymptomGrade::Mild:
        return DiaryForm::tr("mild");
    case SymptomGrade::Moderate:
        return DiaryForm::tr("moderate");
    case SymptomGrade::Severe:
        return DiaryForm::tr("severe");
    }
    return {};
}

QString symptomLabel(const QString &key)
{
    if (key == QStringLiteral("nausea"))
        return DiaryForm::tr("Nausea");
    if (key == QStringLiteral("dizziness"))
        return DiaryForm::tr("Dizziness");
    if (key == QStringLiteral("headache"))
        return DiaryForm::tr("Headache");
    if (key == QStringLiteral("dissociation"))
        return DiaryForm::tr("Feeling detached or unreal");
    return DiaryForm::tr("Bladder discomfort");
}

QString formatHours(double hours)
{
    return QLocale().toString(hours, 'g', 3);
}

} // namespace

QVariantList DiaryForm::questions(Kind kind)
{
    if (kind == Kind::CheckIn) {
        return {
            question(QStringLiteral("mood"), kScale, tr("Mood"), tr("Very low"), tr("Very good"),
                     true),
            question(QStringLiteral("anxiety"), kScale, tr("Anxiety"), tr("None"), tr("Extreme"),
                     true),
            question(QStringLiteral("pain"), kScale, tr("Pain"), tr("No pain"),
                     tr("Worst imaginable"), true),
            question(QStringLiteral("sleepHours"), kHours, tr("Hours of sleep last night")),
            question(QStringLiteral("sleepQuality"), kScale, tr("Sleep quality"), tr("Very poor"),
                     tr("Very good")),
            question(QStringLiteral("energy"), kScale, tr("Energy"), tr("Exhausted"),
                     tr("Full of energy")),
            question(QStringLiteral("tags"), kTags, tr("Anything that shaped today?")),
            question(QStringLiteral("note"), kText, tr("A note for yourself (optional)")),
        };
    }
    QVariantList list;
    for (const QString &key : kPostInfusionSymptoms)
        list.append(question(key, kGrade, symptomLabel(key)));
    list.append(question(QStringLiteral("bloodPressure"), kBloodPressure,
                         tr("Blood pressure, if you measured it (mmHg)")));
    list.append(question(QStringLiteral("note"), kText, tr("Anything else? (optional)")));
    return list;
}

QVariantList DiaryForm::tagChoices()
{
    const std::pair<const char *, QString> tags[] = {
        {"infusion_day", tr("Infusion day")}, {"therapy", tr("Therapy session")},
        {"exercise", tr("Exercise")},         {"time_outside", tr("Time outside")},
        {"social", tr("Time with people")},   {"alcohol", tr("Alcohol")},
        {"stress", tr("Stressful day")},      {"period", tr("Period")},
    };
    QVariantList list;
    for (const auto &[id, label] : tags)
        list.append(QVariantMap{{QStringLiteral("id"), QString::fromLatin1(id)},
                                {QStringLiteral("label"), label}});
    return list;
}

QVariantList DiaryForm::gradeChoices()
{
    QVariantList list;
    for (SymptomGrade grade :
         {SymptomGrade::None, SymptomGrade::Mild, SymptomGrade::Moderate, SymptomGrade::Severe}) {
        QString label = gradeLabel(grade);
        label[0] = label[0].toUpper();
        list.append(QVariantMap{{QStringLiteral("name"), domain::symptomGradeName(grade)},
                                {QStringLiteral("label"), label}});
    }
    return list;
}

std::optional<QVariant> DiaryForm::normalize(Kind kind, const QString &key, const QVariant &value)
{
    const QString type = typeOf(kind, key);
    if (type == kScale) {
        if (auto number = wholeNumber(value, 0, 10))
            return QVariant(*number);
    } else if (type == kHours) {
        bool ok = false;
        const double hours = value.toDouble(&ok);
        if (ok && std::isfinite(hours) && hours >= 0 && hours <= 24)
            return QVariant(std::round(hours * 4) / 4);
    } else if (type == kGrade) {
        if (domain::symptomGradeFromName(value.toString()))
            return QVariant(value.toString());
    } else if (type == kBloodPressure) {
        // Range checks that need both numbers (diastolic below systolic) wait for saving.
        if (auto number = wholeNumber(value, 20, 300))
            return QVariant(*number);
    } else if (type == kTags) {
        QStringList tags;
        for (const QString &tag : value.toStringList()) {
            if (!tag.isEmpty() && tag.size() <= domain::kMaxTagLength && !tags.contains(tag))
                tags << tag;
        }
        if (tags.size() <= domain::kMaxTags)
            return QVariant(tags);
    } else if (type == kText) {
        const QString text = value.toString();
        if (text.size() <= domain::kMaxNoteLength)
            return QVariant(text);
    }
    return std::nullopt;
}

QVariantMap DiaryForm::sanitize(Kind kind, const QVariantMap &values)
{
    QVariantMap clean;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (auto value = normalize(kind, it.key(), it.value()))
            clean.insert(it.key(), *value);
    }
    return clean;
}

std::optional<domain::DiaryBody> DiaryForm::toBody(Kind kind, const QVariantMap &values,
                                                   const QDateTime &occurredAt)
{
    const QVariantMap clean = sanitize(kind, values);
    const auto optionalInt = [&clean](const QString &key) -> std::optional<int> {
        if (!clean.contains(key))
            return std::nullopt;
        return clean.value(key).toInt();
    };
    if (kind == Kind::CheckIn) {
        domain::CheckIn checkIn;
        checkIn.occurredAt = occurredAt;
        for (const QString &key :
             {QStringLiteral("mood"), QStringLiteral("anxiety"), QStringLiteral("pain")}) {
            if (!clean.contains(key))
                return std::nullopt;
        }
        checkIn.mood = clean.value(QStringLiteral("mood")).toInt();
        checkIn.anxiety = clean.value(QStringLiteral("anxiety")).toInt();
        checkIn.pain = clean.value(QStringLiteral("pain")).toInt();
        if (clean.contains(QStringLiteral("sleepHours")))
            checkIn.sleepHours = clean.value(QStringLiteral("sleepHours")).toDouble();
        checkIn.sleepQuality = optionalInt(QStringLiteral("sleepQuality"));
        checkIn.energy = optionalInt(QStringLiteral("energy"));
        checkIn.tags = clean.value(QStringLiteral("tags")).toStringList();
        checkIn.note = clean.value(QStringLiteral("note")).toString().trimmed();
        return domain::DiaryBody(checkIn);
    }
    domain::PostInfusionCheck check;
    check.occurredAt = occurredAt;
    for (const QString &key : kPostInfusionSymptoms) {
        if (clean.contains(key))
            *symptomField(check, key) = domain::symptomGradeFromName(clean.value(key).toString());
    }
    check.systolic = optionalInt(QStringLiteral("systolic"));
    check.diastolic = optionalInt(QStringLiteral("diastolic"));
    check.note = clean.value(QStringLiteral("note")).toString().trimmed();
    if (!domain::validate(domain::DiaryBody(check)))
        return std::nullopt;
    return domain::DiaryBody(check);
}

QVariantMap DiaryForm::toValues(const domain::DiaryBody &body)
{
    QVariantMap values;
    if (const auto *checkIn = std::get_if<domain::CheckIn>(&body)) {
        values.insert(QStringLiteral("mood"), checkIn->mood);
        values.insert(QStringLiteral("anxiety"), checkIn->anxiety);
        values.insert(QStringLiteral("pain"), checkIn->pain);
        if (checkIn->sleepHours)
            values.insert(QStringLiteral("sleepHours"), *checkIn->sleepHours);
        if (checkIn->sleepQuality)
            values.insert(QStringLiteral("sleepQuality"), *checkIn->sleepQuality);
        if (checkIn->energy)
            values.insert(QStringLiteral("energy"), *checkIn->energy);
        if (!checkIn->tags.isEmpty())
            values.insert(QStringLiteral("tags"), checkIn->tags);
        if (!checkIn->note.isEmpty())
            values.insert(QStringLiteral("note"), checkIn->note);
    } else if (const auto *check = std::get_if<domain::PostInfusionCheck>(&body)) {
        domain::PostInfusionCheck copy = *check;
        for (const QString &key : kPostInfusionSymptoms) {
            if (const auto *grade = symptomField(copy, key); grade && grade->has_value())
                values.insert(key, domain::symptomGradeName(**grade));
        }
        if (check->systolic && check->diastolic) {
            values.insert(QStringLiteral("systolic"), *check->systolic);
            values.insert(QStringLiteral("diastolic"), *check->diastolic);
        }
        if (!check->note.isEmpty())
            values.insert(QStringLiteral("note"), check->note);
    }
    return values;
}

QString DiaryForm::missingHint(Kind kind, const QVariantMap &values)
{
    const QVariantMap clean = sanitize(kind, values);
    if (kind == Kind::CheckIn) {
        QStringList missing;
        if (!clean.contains(QStringLiteral("mood")))
            missing << tr("mood");
        if (!clean.contains(QStringLiteral("anxiety")))
            missing << tr("anxiety");
        if (!clean.contains(QStringLiteral("pain")))
            missing << tr("pain");
        if (missing.isEmpty())
            return {};
        return tr("Rate %1 to save.").arg(QLocale().createSeparatedList(missing));
    }
    const bool hasSystolic = clean.contains(QStringLiteral("systolic"));
    if (hasSystolic != clean.contains(QStringLiteral("diastolic")))
        return tr("Enter both blood pressure numbers, or neither.");
    if (hasSystolic) {
        const int systolic = clean.value(QStringLiteral("systolic")).toInt();
        const int diastolic = clean.value(QStringLiteral("diastolic")).toInt();
        if (systolic < 50 || diastolic > 200 || diastolic >= systolic)
            return tr("Check the blood pressure: the first number is usually the higher one.");
    }
    if (!toBody(kind, values, QDateTime::currentDateTimeUtc()))
        return tr("Answer at least one question to save.");
    return {};
}

QString DiaryForm::title(const storage::RecordSummary &row,
                         const domain::InstrumentCatalog &catalog)
{
    if (row.kind == domain::kinds::diaryCheckIn)
        return tr("Check-in");
    if (row.kind == domain::kinds::diaryPostInfusion)
        return tr("After-infusion check");
    if (row.kind == domain::kinds::instrumentResult) {
        const domain::Instrument *instrument = catalog.find(row.seriesKey);
        return instrument ? instrument->title : row.seriesKey;
    }
    return tr("Crisis help opened");
}

QString DiaryForm::summary(const storage::RecordSummary &row,
                           const domain::InstrumentCatalog &catalog)
{
    const QString separator = QStringLiteral(" \u00B7 ");
    const domain::SummarySlots &values = row.summary.values;
    QStringList parts;
    if (row.kind == domain::kinds::diaryCheckIn) {
        using namespace domain::checkInSlot;
        parts << tr("Mood %1").arg(values.at(Mood).value_or(0))
              << tr("Anxiety %1").arg(values.at(Anxiety).value_or(0))
              << tr("Pain %1").arg(values.at(Pain).value_or(0));
        if (row.summary.number)
            parts << tr("Sleep %1 h").arg(formatHours(*row.summary.number));
        if (const auto energy = values.at(Energy))
            parts << tr("Energy %1").arg(*energy);
    } else if (row.kind == domain::kinds::diaryPostInfusion) {
        using namespace domain::postInfusionSlot;
        // The symptom slots are in kPostInfusionSymptoms' order.
        for (int slot = Nausea; slot <= Urinary; ++slot) {
            if (const auto grade = values.at(slot))
                parts << tr("%1: %2").arg(symptomLabel(kPostInfusionSymptoms.at(slot)),
                                          gradeLabel(static_cast<SymptomGrade>(*grade)));
        }
        const auto systolic = values.at(Systolic);
        const auto diastolic = values.at(Diastolic);
        if (systolic && diastolic)
            parts << tr("Blood pressure %1/%2").arg(*systolic).arg(*diastolic);
    } else if (row.kind == domain::kinds::instrumentResult) {
        const domain::Instrument *instrument = catalog.find(row.seriesKey);
        const QString total = QLocale().toString(row.summary.number.value_or(0), 'g', 4);
        parts << (instrument
                      ? tr("%1 of %2").arg(total, QLocale().toString(instrument->maxScore, 'g', 4))
                      : total);
        if (instrument) {
            for (const domain::SeverityBand &band : instrument->bands) {
                if (band.id == row.summary.text)
                    parts << band.label;
            }
        }
    } else if (row.kind == domain::kinds::safetyEvent) {
        using namespace domain::safetySlot;
        parts << (values.at(Trigger) == 1 ? tr("After a questionnaire answer")
                                          : tr("You asked for help"));
        if (values.at(ToldClinic) == 1)
            parts << tr("You told your clinic");
    }
    return parts.join(separator);
}

QString DiaryForm::note(const storage::RecordSummary &row)
{
    // Only these kinds keep a note in the summary text (an instrument result keeps its severity).
    if (row.kind == domain::kinds::diaryCheckIn || row.kind == domain::kinds::diaryPostInfusion)
        return row.summary.text;
    return {};
}

QString DiaryForm::kindName(Kind kind)
{
    return kind == Kind::CheckIn ? QStringLiteral("checkin") : QStringLiteral("postinfusion");
}

std::optional<DiaryForm::Kind> DiaryForm::kindFromName(const QString &name)
{
    if (name == QStringLiteral("checkin"))
        return Kind::CheckIn;
    if (name == QStringLiteral("postinfusion"))
        return Kind::PostInfusion;
    return std::nullopt;
}

} // namespace companion::presentation
