#include "sync/sharing.h"

#include "domain/appointment.h"
#include "domain/diaryentry.h"
#include "domain/journal.h"

#include <array>
#include <utility>
#include <variant>

using namespace Qt::StringLiterals;

namespace companion::sync {

namespace {

constexpr std::array kNames = {
    std::pair{ShareCategory::CheckIns, QStringView(u"checkins")},
    std::pair{ShareCategory::Instruments, QStringView(u"instruments")},
    std::pair{ShareCategory::PostInfusion, QStringView(u"post-infusion")},
    std::pair{ShareCategory::Preparation, QStringView(u"preparation")},
    std::pair{ShareCategory::Journal, QStringView(u"journal")},
    std::pair{ShareCategory::Safety, QStringView(u"safety")},
};

} // namespace

QString shareCategoryName(ShareCategory category)
{
    for (const auto &[value, name] : kNames) {
        if (value == category)
            return name.toString();
    }
    return {};
}

std::optional<ShareCategory> shareCategoryFromName(const QString &name)
{
    for (const auto &[value, text] : kNames) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

QStringList shareCategoryNames()
{
    QStringList names;
    for (const auto &pair : kNames)
        names.append(pair.second.toString());
    return names;
}

std::optional<ShareCategory> shareCategoryOf(const QString &kind)
{
    if (kind == domain::kinds::diaryCheckIn)
        return ShareCategory::CheckIns;
    if (kind == domain::kinds::instrumentResult)
        return ShareCategory::Instruments;
    if (kind == domain::kinds::diaryPostInfusion)
        return ShareCategory::PostInfusion;
    if (kind == domain::kinds::appointment || kind == domain::kinds::planChecklist ||
        kind == domain::kinds::ridePlan || kind == domain::kinds::noDrivingMorningCheck)
        return ShareCategory::Preparation;
    if (kind == domain::kinds::journalEntry)
        return ShareCategory::Journal;
    if (kind == domain::kinds::safetyEvent)
        return ShareCategory::Safety;
    return std::nullopt;
}

bool shouldShare(const domain::Record &record, const ShareChoices &choices,
                 bool clinicReceivesSafetyAlerts)
{
    if (record.deleted)
        return false;
    const auto category = shareCategoryOf(record.kind);
    if (!category)
        return false;
    if (const auto entry = choices.entries.constFind(record.id.toString());
        entry != choices.entries.constEnd())
        return *entry;
    if (*category == ShareCategory::Journal) {
        const auto body = domain::journal::decodeBody(record.body);
        if (body && body->shared)
            return true;
    }
    if (*category == ShareCategory::Safety && clinicReceivesSafetyAlerts) {
        const auto body = domain::decodeBody(record.kind, record.body);
        if (body && std::holds_alternative<domain::SafetyEvent>(*body) &&
            std::get<domain::SafetyEvent>(*body).toldClinic)
            return true;
    }
    return choices.categories.contains(*category);
}

} // namespace companion::sync
