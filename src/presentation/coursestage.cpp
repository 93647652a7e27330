#include "presentation/coursestage.h"

#include "storage/appointmentrepository.h"

namespace companion::presentation {

content::CourseStage toContentStage(domain::CourseStage stage)
{
    switch (stage) {
    case domain::CourseStage::BeforeFirstInfusion:
        return content::CourseStage::BeforeFirstInfusion;
    case domain::CourseStage::InSeries:
        return content::CourseStage::InSeries;
    case domain::CourseStage::Maintenance:
        return content::CourseStage::Maintenance;
    }
    return content::CourseStage::BeforeFirstInfusion;
}

Result<content::CourseStage> courseStageFromAppointments(storage::RecordRepository &records,
                                                         const domain::CoursePolicy &policy,
                                                         const QDateTime &now)
{
    storage::AppointmentRepository appointments(records);
    auto list = appointments.list();
    if (!list)
        return list.error();
    return toContentStage(domain::courseStageAt(policy, *list, now));
}

} // namespace companion::presentation
