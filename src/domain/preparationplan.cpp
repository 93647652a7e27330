#include "domain/preparationplan.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

QDateTime anchorTime(const ClinicProtocol &protocol, const QDateTime &start, ChecklistAnchor anchor)
{
    switch (anchor) {
    case ChecklistAnchor::Start:
        return start.toUTC();
    case ChecklistAnchor::FastingCutoff:
        return start.toUTC().addSecs(-3600LL * protocol.fastingHours);
    case ChecklistAnchor::ClearFluidsCutoff:
        return start.toUTC().addSecs(-3600LL * protocol.clearFluidsCutoffHours);
    case ChecklistAnchor::Arrival:
        return start.toUTC().addSecs(-60LL * protocol.arrivalMinutesEarly);
    }
    return start.toUTC();
}

QDateTime applyOffset(const QDateTime &anchor, const RelativeOffset &offset, const QTimeZone &zone)
{
    QDateTime local = anchor.toTimeZone(zone);
    // QDateTime::addDays keeps the wall-clock time in the zone (and moves past a gap).
    if (offset.days != 0)
        local = local.addDays(offset.days);
    return local.addSecs(offset.seconds).toUTC();
}

std::vector<ChecklistItem> buildChecklist(const ClinicProtocol &protocol,
                                          const AppointmentBody &appointment,
                                          const ChecklistState *state, const RidePlan *ride,
                                          const QTimeZone &zone)
{
    std::vector<ChecklistItem> items;
    items.reserve(protocol.checklist.size());
    for (const ChecklistTemplateItem &entry : protocol.checklist) {
        ChecklistItem item;
        item.id = entry.id;
        item.title = entry.title;
        item.detail = entry.detail;
        item.category = entry.category;
        item.remind = entry.remind;
        item.dueAt = applyOffset(anchorTime(protocol, appointment.startsAt, entry.anchor),
                                 entry.offset, zone);
        if (state) {
            const auto found = state->checked.find(entry.id);
            if (found != state->checked.end()) {
                item.checked = true;
                item.checkedAt = found->second;
            }
        }
        if (!item.checked && entry.category == u"ride" && ride && ride->confirmed)
            item.checked = true; // confirmed through the ride plan; no separate time
        items.push_back(std::move(item));
    }
    std::stable_sort(
        items.begin(), items.end(),
        [](const ChecklistItem &a, const ChecklistItem &b) { return a.dueAt < b.dueAt; });
    return items;
}

FastingCountdown fastingCountdown(const ClinicProtocol &protocol,
                                  const AppointmentBody &appointment, const QDateTime &now)
{
    FastingCountdown countdown;
    countdown.solidFoodUntil =
        anchorTime(protocol, appointment.startsAt, ChecklistAnchor::FastingCutoff);
    countdown.clearFluidsUntil =
        anchorTime(protocol, appointment.startsAt, ChecklistAnchor::ClearFluidsCutoff);
    countdown.secondsToSolidCutoff = now.secsTo(countdown.solidFoodUntil);
    countdown.secondsToFluidsCutoff = now.secsTo(countdown.clearFluidsUntil);
    return countdown;
}

QString durationWords(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    // Round up to the minute: "0 min" while time is left would read as "over".
    const qint64 minutes = (seconds + 59) / 60;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = (minutes / 60) % 24;
    const qint64 rest = minutes % 60;
    QStringList parts;
    if (days)
        parts << QCoreApplication::translate("Duration", "%n days", nullptr, int(days));
    if (hours)
        parts << QCoreApplication::translate("Duration", "%1 h").arg(hours);
    if (rest || parts.isEmpty())
        parts << QCoreApplication::translate("Duration", "%1 min").arg(rest);
    return parts.join(u' ');
}

} // namespace companion::domain
