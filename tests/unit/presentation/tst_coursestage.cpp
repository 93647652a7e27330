#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "presentation/coursestage.h"
#include "storage/appointmentrepository.h"
#include "storage/migrations.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

#include <QTimeZone>

using namespace companion;
using namespace Qt::StringLiterals;

TEST_CASE("Learn's course stage follows the stored appointments", "[presentation][course]")
{
    CHECK(presentation::toContentStage(domain::CourseStage::BeforeFirstInfusion) ==
          content::CourseStage::BeforeFirstInfusion);
    CHECK(presentation::toContentStage(domain::CourseStage::InSeries) ==
          content::CourseStage::InSeries);
    CHECK(presentation::toContentStage(domain::CourseStage::Maintenance) ==
          content::CourseStage::Maintenance);

    testing::TempDir dir;
    testing::FakeClock clock;
    auto db = storage::Database::openEncrypted(dir.file(u"c.db"_s), crypto::randomKey(),
                                               storage::Database::OpenMode::CreateNew);
    REQUIRE(db);
    REQUIRE(storage::createFreshSchema(*db));
    storage::RecordRepository records(*db, clock);
    storage::AppointmentRepository appointments(records);
    const domain::CoursePolicy policy;
    const auto at = [](int month, int day) {
        return QDateTime(QDate(2030, month, day), QTime(9, 0), QTimeZone::utc());
    };
    for (int i = 0; i < 6; ++i) {
        domain::AppointmentBody body;
        body.startsAt = at(3, 1 + 3 * i);
        REQUIRE(appointments.add(body));
    }
    CHECK(presentation::courseStageFromAppointments(records, policy, at(2, 1)).value() ==
          content::CourseStage::BeforeFirstInfusion);
    CHECK(presentation::courseStageFromAppointments(records, policy, at(3, 5)).value() ==
          content::CourseStage::InSeries);
    CHECK(presentation::courseStageFromAppointments(records, policy, at(4, 20)).value() ==
          content::CourseStage::Maintenance);
    records.releaseStatements();
}
