#pragma once

#include "common/result.h"
#include "content/readingplan.h"
#include "domain/course.h"
#include "storage/recordrepository.h"

#include <QDateTime>

namespace companion::presentation {

// Feeds LearnController::setCourseStage from the appointments: the plan computes
// domain::CourseStage, Learn takes content::CourseStage (the content library does not depend on
// the domain). The three values match one to one.
content::CourseStage toContentStage(domain::CourseStage stage);

// The stage at `now` from the appointments stored in the profile (cancelled ones ignored).
Result<content::CourseStage> courseStageFromAppointments(storage::RecordRepository &records,
                                                         const domain::CoursePolicy &policy,
                                                         const QDateTime &now);

} // namespace companion::presentation
