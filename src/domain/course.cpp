#include "domain/course.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

// A short series counts as still running for this long after its last infusion.
constexpr qint64 kSeriesGraceDays = 14;

std::vector<const Appointment *> scheduledByStart(const std::vector<Appointment> &appointments)
{
    std::vector<const Appointment *> sorted;
    for (const Appointment &appointment : appointments) {
        if (!appointment.cancelled())
            sorted.push_back(&appointment);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const Appointment *a, const Appointment *b) {
        return a->body.startsAt < b->body.startsAt;
    });
    return sorted;
}

} // namespace

std::vector<CourseEntry> buildCourse(const CoursePolicy &policy,
                                     const std::vector<Appointment> &appointments,
                                     const QDateTime &now)
{
    std::vector<CourseEntry> course;
    int series = 0;
    int boosters = 0;
    QDateTime first;
    for (const Appointment *appointment : scheduledByStart(appointments)) {
        CourseEntry entry;
        entry.appointmentId = appointment->id;
        entry.startsAt = appointment->body.startsAt;
        entry.number = static_cast<int>(course.size()) + 1;
        entry.past = appointment->body.startsAt <= now;
        if (!first.isValid())
            first = appointment->body.startsAt;
        const bool inSeries = boosters == 0 && series < policy.seriesLength &&
                              first.daysTo(appointment->body.startsAt) <= policy.seriesWithinDays;
        if (inSeries) {
            entry.phase = CoursePhase::Series;
            entry.phaseNumber = ++series;
        } else {
            entry.phase = CoursePhase::Booster;
            entry.phaseNumber = ++boosters;
        }
        course.push_back(entry);
    }
    return course;
}

CourseStage courseStageAt(const CoursePolicy &policy, const std::vector<Appointment> &appointments,
                          const QDateTime &now)
{
    const std::vector<CourseEntry> course = buildCourse(policy, appointments, now);
    const bool started = std::any_of(course.begin(), course.end(),
                                     [](const CourseEntry &entry) { return entry.past; });
    if (!started)
        return CourseStage::BeforeFirstInfusion;
    int seriesCount = 0;
    QDateTime lastSeries;
    for (const CourseEntry &entry : course) {
        if (entry.phase != CoursePhase::Series)
            continue;
        ++seriesCount;
        if (!entry.past)
            return CourseStage::InSeries;
        lastSeries = entry.startsAt;
    }
    const bool boosterExists = std::any_of(course.begin(), course.end(), [](const CourseEntry &e) {
        return e.phase == CoursePhase::Booster;
    });
    if (seriesCount < policy.seriesLength && !boosterExists &&
        lastSeries.daysTo(now) < kSeriesGraceDays)
        return CourseStage::InSeries;
    return CourseStage::Maintenance;
}

QString coursePhaseName(CoursePhase phase)
{
    return phase == CoursePhase::Series ? u"series"_s : u"booster"_s;
}

QString courseStageName(CourseStage stage)
{
    switch (stage) {
    case CourseStage::BeforeFirstInfusion:
        return u"before_first_infusion"_s;
    case CourseStage::InSeries:
        return u"in_series"_s;
    case CourseStage::Maintenance:
        return u"maintenance"_s;
    }
    return {};
}

std::vector<LinkableAppointment> linkableAppointments(const CoursePolicy &policy,
                                                      const std::vector<Appointment> &appointments,
                                                      const QDateTime &now, const QTimeZone &zone)
{
    std::vector<LinkableAppointment> links;
    for (const CourseEntry &entry : buildCourse(policy, appointments, now)) {
        const QString phase = entry.phase == CoursePhase::Series
                                  ? u"Infusion %1 of the series"_s.arg(entry.phaseNumber)
                                  : u"Booster %1"_s.arg(entry.phaseNumber);
        links.push_back(
            {entry.appointmentId, entry.startsAt,
             phase + u" · "_s + entry.startsAt.toTimeZone(zone).toString(u"ddd d MMM yyyy"_s)});
    }
    std::reverse(links.begin(), links.end());
    return links;
}

} // namespace companion::domain
