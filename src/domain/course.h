#pragma once

#include "domain/appointment.h"
#include "domain/protocol.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <vector>

namespace companion::domain {

// The treatment course: an initial series (about six infusions within a few weeks, protocol
// "course"), then boosters tailored to response. Cancelled appointments are not part of it.
//
// Appointments are numbered by start time. The first is series #1; each next one is in the
// series while the series has fewer than seriesLength and it starts within seriesWithinDays of
// the first; from the first that is not, every later one is a booster.

enum class CoursePhase { Series, Booster };

struct CourseEntry
{
    RecordId appointmentId;
    QDateTime startsAt;
    int number = 0; // 1-based in the whole course
    CoursePhase phase = CoursePhase::Series;
    int phaseNumber = 0; // 1-based within its phase ("infusion 3 of the series", "booster 2")
    bool past = false;   // started before `now`
};

std::vector<CourseEntry> buildCourse(const CoursePolicy &policy,
                                     const std::vector<Appointment> &appointments,
                                     const QDateTime &now);

// Where the patient is in the course, for what Learn suggests reading (LearnController's
// content::CourseStage has the same three values):
//   BeforeFirstInfusion  no infusion has started yet
//   InSeries             an infusion has started and a series infusion is still ahead, or the
//                        last series infusion was under 14 days ago and the series is short
//   Maintenance          the series is complete (or over), boosters or none ahead
enum class CourseStage { BeforeFirstInfusion, InSeries, Maintenance };
CourseStage courseStageAt(const CoursePolicy &policy, const std::vector<Appointment> &appointments,
                          const QDateTime &now);

QString coursePhaseName(CoursePhase phase);
QString courseStageName(CourseStage stage);

// Appointments a journal entry can be linked to: scheduled ones, newest first, with a label
// such as "Infusion 3 of the series · Tue 10 Mar 2026" in the patient's zone.
struct LinkableAppointment
{
    RecordId id;
    QDateTime startsAt;
    QString label;
};
std::vector<LinkableAppointment> linkableAppointments(const CoursePolicy &policy,
                                                      const std::vector<Appointment> &appointments,
                                                      const QDateTime &now, const QTimeZone &zone);

} // namespace companion::domain
