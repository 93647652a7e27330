#include <catch2/catch.hpp>

#include "crypto/secretwrap.h"
#include "storage/appointmentrepository.h"
#include "storage/migrations.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::storage;
using namespace companion::domain;

namespace {

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    Database db;
    std::unique_ptr<RecordRepository> records;
    std::unique_ptr<AppointmentRepository> appointments;

    Fixture()
    {
        auto opened = Database::openEncrypted(dir.file(u"a.db"_s), crypto::randomKey(),
                                              Database::OpenMode::CreateNew);
        REQUIRE(opened);
        db = std::move(*opened);
        REQUIRE(createFreshSchema(db));
        records = std::make_unique<RecordRepository>(db, clock);
        appointments = std::make_unique<AppointmentRepository>(*records);
    }

    std::int64_t outboxRows()
    {
        auto stmt = db.prepare("SELECT count(*) FROM outbox;");
        REQUIRE(stmt);
        REQUIRE(*stmt->step());
        return stmt->columnInt64(0);
    }
};

QDateTime utc(int day, int hour)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), QTimeZone::utc());
}

AppointmentBody at(const QDateTime &start)
{
    AppointmentBody body;
    body.startsAt = start;
    body.durationMinutes = 60;
    return body;
}

} // namespace

TEST_CASE("appointments are added, moved and cancelled as versioned records",
          "[storage][appointment]")
{
    Fixture f;
    auto added = f.appointments->add(at(utc(10, 9)));
    REQUIRE(added);
    CHECK(added->version == 1);
    REQUIRE(f.appointments->add(at(utc(5, 9))));
    CHECK(f.outboxRows() == 2);

    auto checked = f.appointments->setChecked(added->id, u"bring"_s, true, utc(8, 20));
    REQUIRE(checked);
    auto moved = f.appointments->move(added->id, utc(12, 13), 90);
    REQUIRE(moved);
    CHECK(moved->version == 2);
    CHECK(moved->body.startsAt == utc(12, 13));
    CHECK(moved->body.durationMinutes == 90);
    // The checklist state is its own record: the move kept it.
    auto state = f.appointments->checklist(added->id);
    REQUIRE(state);
    CHECK(state->checked.count(u"bring"_s) == 1);
    CHECK(state->checked.at(u"bring"_s) == utc(8, 20));

    auto list = f.appointments->list();
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    CHECK(list->at(0).body.startsAt == utc(5, 9)); // by start time
    CHECK(list->at(1).id == added->id);

    auto cancelled = f.appointments->cancel(added->id);
    REQUIRE(cancelled);
    CHECK(cancelled->cancelled());
    CHECK(cancelled->version == 3);
    CHECK(f.appointments->list()->size() == 2); // cancelled appointments stay
    auto again = f.appointments->move(added->id, utc(20, 9));
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::InvalidInput);
    // add, add, check, move, cancel: every change queued for sync.
    CHECK(f.outboxRows() == 5);
    CHECK(f.records->history(added->id)->size() == 3);
}

TEST_CASE("checklist, ride and morning check are one record each per appointment",
          "[storage][appointment]")
{
    Fixture f;
    auto appointment = f.appointments->add(at(utc(10, 9)));
    REQUIRE(appointment);
    const RecordId id = appointment->id;

    CHECK(f.appointments->checklist(id)->checked.empty());
    REQUIRE(f.appointments->setChecked(id, u"bring"_s, true, utc(8, 20)));
    REQUIRE(f.appointments->setChecked(id, u"intention"_s, true, utc(8, 21)));
    const auto unchanged = f.outboxRows();
    REQUIRE(f.appointments->setChecked(id, u"intention"_s, true, utc(8, 22))); // no change
    CHECK(f.outboxRows() == unchanged);
    REQUIRE(f.appointments->setChecked(id, u"bring"_s, false, utc(8, 23)));
    auto state = f.appointments->checklist(id);
    REQUIRE(state);
    CHECK(state->checked.size() == 1);
    CHECK(state->checked.count(u"intention"_s) == 1);
    CHECK(f.records->count(kinds::planChecklist).value() == 1);

    CHECK_FALSE(f.appointments->ride(id).value().has_value());
    RidePlan ride{id, u"Sam Rivera"_s, u"555 0101"_s, utc(10, 11), false};
    REQUIRE(f.appointments->setRide(ride));
    ride.confirmed = true;
    REQUIRE(f.appointments->setRide(ride));
    CHECK(f.records->count(kinds::ridePlan).value() == 1);
    CHECK(*f.appointments->ride(id).value() == ride);

    MorningCheck check{id, utc(11, 6), true, false};
    REQUIRE(f.appointments->recordMorningCheck(check));
    check.clearHeaded = true;
    check.answeredAt = utc(11, 7);
    REQUIRE(f.appointments->recordMorningCheck(check));
    CHECK(f.records->count(kinds::noDrivingMorningCheck).value() == 1);
    CHECK(*f.appointments->morningCheck(id).value() == check);

    auto inputs = f.appointments->planInputs();
    REQUIRE(inputs);
    CHECK(inputs->appointments.size() == 1);
    REQUIRE(inputs->checklistFor(id));
    CHECK(inputs->checklistFor(id)->checked.count(u"intention"_s) == 1);
    REQUIRE(inputs->rideFor(id));
    CHECK(inputs->rideFor(id)->confirmed);
    CHECK(inputs->morningChecks.size() == 1);
}

TEST_CASE("unknown appointments and damaged bodies are reported", "[storage][appointment]")
{
    Fixture f;
    const RecordId unknown = RecordId::generate();
    CHECK(f.appointments->get(unknown).error().code == ErrorCode::NotFound);
    CHECK(f.appointments->setChecked(unknown, u"bring"_s, true, utc(1, 1)).error().code ==
          ErrorCode::NotFound);
    CHECK(
        f.appointments->setRide({unknown, u"Sam"_s, u"555"_s, std::nullopt, false}).error().code ==
        ErrorCode::NotFound);
    // A record of another kind is not an appointment.
    auto other = f.records->create(u"journal.entry"_s, "{}");
    REQUIRE(other);
    CHECK(f.appointments->get(other->id).error().code == ErrorCode::NotFound);

    auto appointment = f.appointments->add(at(utc(10, 9)));
    REQUIRE(appointment);
    REQUIRE(f.records->update(appointment->id, R"({"format":1,"startsAt":"x"})"));
    auto list = f.appointments->list();
    REQUIRE_FALSE(list);
    CHECK(list.error().code == ErrorCode::Damaged);
    CHECK_FALSE(list.error().message.contains(u"\"x\""));

    AppointmentBody bad = at(utc(10, 9));
    bad.durationMinutes = 0;
    CHECK(f.appointments->add(bad).error().code == ErrorCode::InvalidInput);
}
