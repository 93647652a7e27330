#pragma once

#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "storage/recordrepository.h"

#include <QCoreApplication>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace companion::presentation {

// The diary's forms as data for QML, and the conversions between what a form holds (a QVariantMap
// of answered keys) and the domain bodies. Pure: unit-tested without an engine.
class DiaryForm
{
    Q_DECLARE_TR_FUNCTIONS(DiaryForm)

public:
    enum class Kind { CheckIn, PostInfusion };

    // [{key, type: "scale"|"grade"|"hours"|"bloodPressure"|"tags"|"text", label, lowLabel,
    //   highLabel, required}] in the order they are asked (one per screen in low-energy mode).
    static QVariantList questions(Kind kind);
    // [{id, label}] of the tags a check-in offers.
    static QVariantList tagChoices();
    // [{name, label}] none … severe.
    static QVariantList gradeChoices();

    // A value as the form stores it (scales and blood pressure as int, hours as double in quarter
    // hours, grades by name, tags as a string list, notes as text); nullopt when `key` is not a
    // question of `kind` or the value cannot be one of its answers.
    static std::optional<QVariant> normalize(Kind kind, const QString &key, const QVariant &value);
    // Everything keyed in `values` that normalize() accepts.
    static QVariantMap sanitize(Kind kind, const QVariantMap &values);

    // The body a form's values describe; nullopt while a required answer is missing.
    static std::optional<domain::DiaryBody> toBody(Kind kind, const QVariantMap &values,
                                                   const QDateTime &occurredAt);
    static QVariantMap toValues(const domain::DiaryBody &body);
    // Plain words on what is still needed before the form can be saved; empty when ready.
    static QString missingHint(Kind kind, const QVariantMap &values);

    // For lists, from a list row (no body): "Check-in", "PHQ-9", …, and
    // "Mood 6 · Anxiety 3 · Pain 2 · Sleep 7.5 h".
    static QString title(const storage::RecordSummary &row,
                         const domain::InstrumentCatalog &catalog);
    static QString summary(const storage::RecordSummary &row,
                           const domain::InstrumentCatalog &catalog);
    // The free text the person typed (empty for kinds without a note). Shown as plain text.
    static QString note(const storage::RecordSummary &row);

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

} // namespace companion::presentation
