#include <catch2/catch.hpp>

#include "domain/csvexport.h"
#include "domain/diaryentry.h"
#include "domain/fhirexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::domain;

namespace {

const QDateTime kAt(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);

CheckIn sampleCheckIn()
{
    CheckIn checkIn;
    checkIn.occurredAt = kAt;
    checkIn.mood = 6;
    checkIn.anxiety = 3;
    checkIn.pain = 2;
    checkIn.sleepHours = 7.25;
    checkIn.energy = 5;
    checkIn.note = u"slept, \"ok\"\nwalked"_s;
    checkIn.tags = {u"walk"_s};
    return checkIn;
}

InstrumentResult phq9Result(int item9)
{
    auto catalog = InstrumentCatalog::loadBuiltIn();
    REQUIRE(catalog);
    std::vector<int> answers = {1, 2, 1, 1, 0, 1, 2, 0, item9};
    auto score = scoreInstrument(*catalog->find(u"phq9"_s), answers);
    REQUIRE(score);
    return InstrumentResult::fromScore(*score, answers, kAt);
}

} // namespace

TEST_CASE("a check-in round-trips through its JSON body", "[domain][diary]")
{
    auto bytes = encodeBody(sampleCheckIn());
    REQUIRE(bytes);
    auto decoded = decodeBody(kinds::diaryCheckIn, *bytes);
    REQUIRE(decoded);
    const auto &back = std::get<CheckIn>(*decoded);
    CHECK(back.occurredAt == kAt);
    CHECK(back.mood == 6);
    CHECK(*back.sleepHours == 7.25);
    CHECK_FALSE(back.sleepQuality);
    CHECK(*back.energy == 5);
    CHECK(back.note == sampleCheckIn().note);
    CHECK(back.tags == QStringList{u"walk"_s});
}

TEST_CASE("check-in validation names the field and never the value", "[domain][diary]")
{
    const auto failsOn = [](const std::function<void(CheckIn &)> &change, const char *field) {
        CheckIn checkIn = sampleCheckIn();
        change(checkIn);
        auto result = validate(checkIn);
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::InvalidInput);
        CHECK(result.error().message.contains(QString::fromLatin1(field)));
        CHECK_FALSE(result.error().message.contains(u"walked"_s));
    };
    failsOn([](CheckIn &c) { c.mood = 11; }, "mood");
    failsOn([](CheckIn &c) { c.anxiety = -1; }, "anxiety");
    failsOn([](CheckIn &c) { c.pain = 11; }, "pain");
    failsOn([](CheckIn &c) { c.sleepHours = 24.5; }, "sleepHours");
    failsOn([](CheckIn &c) { c.sleepQuality = 11; }, "sleepQuality");
    failsOn([](CheckIn &c) { c.energy = -1; }, "energy");
    failsOn([](CheckIn &c) { c.note = QString(kMaxNoteLength + 1, u'x') + u"walked"_s; }, "note");
    failsOn([](CheckIn &c) { c.tags = {u" "_s}; }, "tags");
    failsOn([](CheckIn &c) { c.occurredAt = QDateTime(); }, "occurredAt");
    CheckIn edge = sampleCheckIn();
    edge.mood = 10;
    edge.anxiety = 0;
    edge.sleepHours = 24;
    CHECK(validate(edge));
}

TEST_CASE("post-infusion checks grade symptoms and pair blood pressure", "[domain][diary]")
{
    PostInfusionCheck check;
    check.occurredAt = kAt;
    CHECK_FALSE(validate(check)); // nothing answered
    check.nausea = SymptomGrade::Mild;
    check.dissociation = SymptomGrade::Severe;
    REQUIRE(validate(check));
    check.systolic = 130;
    CHECK_FALSE(validate(check)); // systolic without diastolic
    check.diastolic = 135;
    CHECK_FALSE(validate(check)); // diastolic above systolic
    check.diastolic = 85;
    auto bytes = encodeBody(check);
    REQUIRE(bytes);
    CHECK(bytes->contains("\"dissociation\":\"severe\""));
    auto back = decodeBody(kinds::diaryPostInfusion, *bytes);
    REQUIRE(back);
    CHECK(*std::get<PostInfusionCheck>(*back).nausea == SymptomGrade::Mild);
    CHECK(*std::get<PostInfusionCheck>(*back).diastolic == 85);
    CHECK_FALSE(std::get<PostInfusionCheck>(*back).headache);
}

TEST_CASE("an instrument result carries versions, clusters and flags", "[domain][diary]")
{
    const InstrumentResult result = phq9Result(2);
    CHECK(result.flags == QStringList{u"item9_positive"_s});
    auto bytes = encodeBody(result);
    REQUIRE(bytes);
    auto back = decodeBody(kinds::instrumentResult, *bytes);
    REQUIRE(back);
    const auto &decoded = std::get<InstrumentResult>(*back);
    CHECK(decoded.instrumentVersion == u"1.0.0");
    CHECK(decoded.scoringRuleVersion == u"1");
    CHECK(decoded.answers == result.answers);
    CHECK(decoded.total == 10);
    CHECK(decoded.severity == u"moderate");
}

TEST_CASE("safety events and malformed bodies", "[domain][diary]")
{
    SafetyEvent event;
    event.occurredAt = kAt;
    event.trigger = SafetyEvent::Trigger::Item9;
    event.sourceResultId = RecordId::generate();
    auto bytes = encodeBody(event);
    REQUIRE(bytes);
    auto back = decodeBody(kinds::safetyEvent, *bytes);
    REQUIRE(back);
    CHECK(std::get<SafetyEvent>(*back).trigger == SafetyEvent::Trigger::Item9);
    CHECK(std::get<SafetyEvent>(*back).crisisHelpShown);
    CHECK(std::get<SafetyEvent>(*back).sourceResultId == event.sourceResultId);

    CHECK_FALSE(decodeBody(kinds::safetyEvent, "{}"));
    CHECK_FALSE(decodeBody(kinds::diaryCheckIn, "[1]"));
    CHECK_FALSE(decodeBody(u"other.kind"_s, *bytes));
    CHECK(decodeBody(kinds::safetyEvent, QByteArray(*bytes).replace("\"format\":1", "\"format\":2"))
              .error()
              .code == ErrorCode::Unsupported);
    CHECK_FALSE(decodeBody(kinds::diaryCheckIn,
                           R"({"format":1,"occurredAt":"2026-03-01T09:00:00","mood":1,)"
                           R"("anxiety":1,"pain":1})")); // no zone
}

TEST_CASE("CSV quotes fields and defuses formulas in free text", "[domain][export]")
{
    CHECK(csvField(u"plain"_s, true) == u"plain");
    CHECK(csvField(u"a,b"_s, true) == u"\"a,b\"");
    CHECK(csvField(u"say \"hi\""_s, true) == u"\"say \"\"hi\"\"\"");
    CHECK(csvField(u"line\nbreak"_s, true) == u"\"line\nbreak\"");
    CHECK(csvField(u"=HYPERLINK(\"x\")"_s, true) == u"\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csvField(u"-5"_s, false) == u"-5"); // numbers are not free text
    CHECK(csvField(u"+1"_s, true) == u"'+1");

    DiaryEntry entry{RecordId::generate(), 1, kAt, kAt, sampleCheckIn()};
    const QString csv = QString::fromUtf8(buildCsv({entry}));
    const QStringList lines = csv.split(u"\r\n"_s);
    CHECK(lines[0].startsWith(u"id,kind,version,occurred_at"));
    CHECK(lines[1].startsWith(entry.id.toString() + u",diary.checkin,1,2026-03-01T09:30:00.000Z"));
    CHECK(csv.contains(u"\"slept, \"\"ok\"\"\nwalked\""_s));
}

TEST_CASE("the FHIR bundle links responses, observations and questionnaires", "[domain][export]")
{
    auto catalog = InstrumentCatalog::loadBuiltIn();
    REQUIRE(catalog);
    std::vector<DiaryEntry> entries = {
        {RecordId::generate(), 1, kAt, kAt, phq9Result(0)},
        {RecordId::generate(), 1, kAt, kAt, phq9Result(1)},
        {RecordId::generate(), 1, kAt, kAt, sampleCheckIn()},
    };
    const QJsonObject bundle = buildFhirBundle(*catalog, entries, kAt);
    CHECK(bundle.value(u"resourceType"_s).toString() == u"Bundle");
    CHECK(bundle.value(u"type"_s).toString() == u"collection");
    const QJsonArray all = bundle.value(u"entry"_s).toArray();
    REQUIRE(all.size() == 1 + 2 * 2); // one Questionnaire for both results; check-in excluded
    const QJsonObject questionnaire = all[0].toObject().value(u"resource"_s).toObject();
    CHECK(questionnaire.value(u"resourceType"_s).toString() == u"Questionnaire");
    CHECK(questionnaire.value(u"item"_s).toArray().size() == 10);
    CHECK(questionnaire.value(u"code"_s).toArray()[0].toObject().value(u"code"_s).toString() ==
          u"44249-1");

    const QJsonObject responseEntry = all[1].toObject();
    const QJsonObject response = responseEntry.value(u"resource"_s).toObject();
    CHECK(response.value(u"resourceType"_s).toString() == u"QuestionnaireResponse");
    CHECK(response.value(u"status"_s).toString() == u"completed");
    CHECK(response.value(u"questionnaire"_s).toString() ==
          u"urn:companion:questionnaire:phq9|1.0.0");
    CHECK(response.value(u"item"_s).toArray().size() == 9);

    const QJsonObject observation = all[2].toObject().value(u"resource"_s).toObject();
    CHECK(observation.value(u"resourceType"_s).toString() == u"Observation");
    const QJsonObject code =
        observation.value(u"code"_s).toObject().value(u"coding"_s).toArray()[0].toObject();
    CHECK(code.value(u"system"_s).toString() == u"http://loinc.org");
    CHECK(code.value(u"code"_s).toString() == u"44261-6");
    CHECK(observation.value(u"effectiveDateTime"_s).toString() == u"2026-03-01T09:30:00.000Z");
    CHECK(observation.value(u"valueQuantity"_s).toObject().value(u"value"_s).toDouble() == 8);
    CHECK(observation.value(u"derivedFrom"_s)
              .toArray()[0]
              .toObject()
              .value(u"reference"_s)
              .toString() == responseEntry.value(u"fullUrl"_s).toString());
    CHECK(responseEntry.value(u"fullUrl"_s).toString().startsWith(u"urn:uuid:"));
}
