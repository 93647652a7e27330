#include "presentation/conflictsummary.h"

#include "domain/appointment.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/journal.h"
#include "presentation/diaryform.h"
#include "storage/derivedcolumns.h"

#include <QLocale>
#include <QVariantMap>

namespace companion::presentation {

namespace {

// Instrument titles and score ranges for questionnaire results. Loaded once, read-only after:
// safe to share between the UI thread and the sync worker.
const domain::InstrumentCatalog &catalog()
{
    static const domain::InstrumentCatalog instruments = [] {
        auto loaded = domain::InstrumentCatalog::loadBuiltIn();
        return loaded ? std::move(*loaded) : domain::InstrumentCatalog();
    }();
    return instruments;
}

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString yesNo(bool value)
{
    return value ? ConflictSummary::tr("yes") : ConflictSummary::tr("no");
}

} // namespace

ConflictSummary::Version ConflictSummary::describe(const QString &kind, const QByteArray &body,
                                                   bool deleted)
{
    namespace kinds = domain::kinds;
    Version out;
    // Diary kinds read exactly as their row in the diary list.
    if (domain::isDiaryKind(kind)) {
        const storage::DerivedColumns derived = storage::derivedColumnsOf(kind, body, deleted);
        storage::RecordSummary row;
        row.kind = kind;
        row.hasSummary = derived.summary.has_value();
        row.summary = derived.summary.value_or(domain::ListSummary());
        row.seriesKey = derived.series ? derived.series->key : QString();
        out.title = DiaryForm::title(row, catalog());
        if (out.title.isEmpty()) // a deleted questionnaire result keeps no instrument id
            out.title = tr("Questionnaire");
        if (row.hasSummary) {
            out.summary = DiaryForm::summary(row, catalog());
            out.text = DiaryForm::note(row);
        }
    } else if (kind == kinds::journalEntry) {
        out.title = tr("Journal entry");
        if (auto entry = domain::journal::decodeBody(body); entry && !deleted) {
            out.title = tr("Journal: %1").arg(domain::journal::entryKindLabel(entry->kind));
            out.summary =
                entry->shared ? tr("Shared with your care team") : tr("Only on your devices");
            out.text = entry->text;
        }
    } else if (kind == kinds::appointment) {
        out.title = tr("Appointment");
        if (auto appointment = domain::decodeAppointment(body); appointment && !deleted) {
            out.summary = appointment->status == domain::AppointmentStatus::Cancelled
                              ? tr("%1, cancelled").arg(when(appointment->startsAt))
                              : tr("%1, %n minute(s)", nullptr, appointment->durationMinutes)
                                    .arg(when(appointment->startsAt));
            out.text = appointment->location;
        }
    } else if (kind == kinds::planChecklist) {
        out.title = tr("Preparation checklist");
        if (auto state = domain::decodeChecklistState(body); state && !deleted)
            out.summary = tr("%n item(s) ticked", nullptr, static_cast<int>(state->checked.size()));
    } else if (kind == kinds::ridePlan) {
        out.title = tr("Ride home");
        if (auto ride = domain::decodeRidePlan(body); ride && !deleted) {
            out.summary =
                ride->pickupAt ? tr("Pickup %1").arg(when(*ride->pickupAt)) : tr("No pickup time");
            if (ride->confirmed)
                out.summary = tr("%1, confirmed").arg(out.summary);
            out.text = ride->driverName;
        }
    } else if (kind == kinds::noDrivingMorningCheck) {
        out.title = tr("Morning check");
        if (auto check = domain::decodeMorningCheck(body); check && !deleted)
            out.summary = tr("Slept: %1. Clear-headed: %2.")
                              .arg(yesNo(check->slept), yesNo(check->clearHeaded));
    } else {
        out.title = tr("Entry");
    }
    if (deleted) {
        out.summary = tr("Deleted");
        out.text.clear();
    }
    return out;
}

Result<QVariantList> ConflictSummary::list(const std::vector<sync::Conflict> &conflicts,
                                           storage::RecordRepository &records)
{
    QVariantList out;
    for (const sync::Conflict &conflict : conflicts) {
        auto current = records.find(RecordId::fromString(conflict.recordId));
        if (!current)
            return current.error();
        const Version mine = describe(conflict.kind, conflict.body, conflict.deleted);
        Version theirs;
        QString theirsLabel;
        if (*current) {
            const domain::Record &record = **current;
            theirs = describe(record.kind, record.body, record.deleted);
            theirsLabel = record.deleted
                              ? tr("Deleted on your other device, %1").arg(when(record.updatedAt))
                              : tr("Saved on your other device, %1").arg(when(record.updatedAt));
        } else {
            theirs.title = mine.title;
            theirs.summary = tr("This entry is no longer on this device.");
            theirsLabel = tr("On your other device");
        }
        out.append(QVariantMap{
            {QStringLiteral("conflictId"), static_cast<qint64>(conflict.id)},
            {QStringLiteral("title"), theirs.title.isEmpty() ? mine.title : theirs.title},
            {QStringLiteral("mineLabel"),
             conflict.deleted ? tr("Deleted on this device, %1").arg(when(conflict.updatedAt))
                              : tr("Saved on this device, %1").arg(when(conflict.updatedAt))},
            {QStringLiteral("mineSummary"), mine.summary},
            {QStringLiteral("mineText"), mine.text},
            {QStringLiteral("theirsLabel"), theirsLabel},
            {QStringLiteral("theirsSummary"), theirs.summary},
            {QStringLiteral("theirsText"), theirs.text},
        });
    }
    return out;
}

} // namespace companion::presentation
