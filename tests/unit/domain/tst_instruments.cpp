#include <catch2/catch.hpp>

#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "support/tempdir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::domain;

namespace {

const InstrumentCatalog &builtIn()
{
    static const InstrumentCatalog catalog = [] {
        auto loaded = InstrumentCatalog::loadBuiltIn();
        REQUIRE(loaded);
        return std::move(*loaded);
    }();
    return catalog;
}

const Instrument &instrument(const char *id)
{
    const Instrument *found = builtIn().find(QString::fromLatin1(id));
    REQUIRE(found);
    return *found;
}

// Answers for `count` items, each in 0..maxValue, summing to exactly `total`, filled from the
// front so every boundary total is reachable.
std::vector<int> answersSumming(int total, int count, int maxValue)
{
    std::vector<int> answers(static_cast<std::size_t>(count), 0);
    for (int &answer : answers) {
        answer = std::min(maxValue, total);
        total -= answer;
    }
    REQUIRE(total == 0);
    return answers;
}

QString severityAt(const char *id, int total, int count, int maxValue)
{
    auto score = scoreInstrument(instrument(id), answersSumming(total, count, maxValue));
    REQUIRE(score);
    CHECK(score->total == total);
    return score->severity;
}

QByteArray shippedBytes(const QString &id)
{
    QFile file(u":/companion/instruments/"_s + id + u".json"_s);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray modified(const QString &id, const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = QJsonDocument::fromJson(shippedBytes(id)).object();
    change(root);
    return QJsonDocument(root).toJson();
}

} // namespace

TEST_CASE("every shipped instrument is compiled in and parses", "[domain][instruments]")
{
    QStringList ids;
    for (const Instrument &each : builtIn().instruments())
        ids << each.id;
    CHECK(ids == QStringList{u"gad7"_s, u"pain_nrs"_s, u"pcl5"_s, u"peg"_s, u"phq9"_s});
    for (const Instrument &each : builtIn().instruments()) {
        CHECK_FALSE(each.version.isEmpty());
        CHECK_FALSE(each.scoringRuleVersion.isEmpty());
        CHECK_FALSE(each.attribution.isEmpty());
    }
    // Licensed instruments stay out.
    for (const char *licensed : {"cssrs", "bpi", "madrs", "cadss"})
        CHECK(builtIn().find(QString::fromLatin1(licensed)) == nullptr);
}

TEST_CASE("LOINC codes are the published ones and never invented", "[domain][instruments]")
{
    CHECK(instrument("phq9").loincPanel == u"44249-1");
    CHECK(instrument("phq9").loincTotal == u"44261-6");
    CHECK(instrument("gad7").loincPanel == u"69737-5");
    CHECK(instrument("gad7").loincTotal == u"70274-6");
    CHECK(instrument("pain_nrs").loincTotal == u"72514-3");
    CHECK(instrument("pcl5").loincPanel.isEmpty());
    CHECK(instrument("pcl5").loincTotal.isEmpty());
    CHECK(instrument("peg").loincTotal.isEmpty());
}

TEST_CASE("PHQ-9 bands at every boundary, both sides", "[domain][instruments][scoring]")
{
    const std::vector<std::pair<int, const char *>> expected = {{0, "minimal"},
                                                                {4, "minimal"},
                                                                {5, "mild"},
                                                                {9, "mild"},
                                                                {10, "moderate"},
                                                                {14, "moderate"},
                                                                {15, "moderately_severe"},
                                                                {19, "moderately_severe"},
                                                                {20, "severe"},
                                                                {27, "severe"}};
    for (const auto &[total, band] : expected) {
        INFO("PHQ-9 total " << total);
        CHECK(severityAt("phq9", total, 9, 3) == QString::fromLatin1(band));
    }
}

TEST_CASE("GAD-7 bands at every boundary, both sides", "[domain][instruments][scoring]")
{
    const std::vector<std::pair<int, const char *>> expected = {
        {0, "minimal"},   {4, "minimal"},   {5, "mild"},    {9, "mild"},
        {10, "moderate"}, {14, "moderate"}, {15, "severe"}, {21, "severe"}};
    for (const auto &[total, band] : expected) {
        INFO("GAD-7 total " << total);
        CHECK(severityAt("gad7", total, 7, 3) == QString::fromLatin1(band));
    }
}

TEST_CASE("PHQ-9 item 9 above 0 raises item9_positive, and only item 9", "[domain][scoring]")
{
    std::vector<int> answers(9, 0);
    auto none = scoreInstrument(instrument("phq9"), answers);
    REQUIRE(none);
    CHECK(none->flags.isEmpty());
    answers[8] = 1;
    auto positive = scoreInstrument(instrument("phq9"), answers);
    REQUIRE(positive);
    CHECK(positive->flags == QStringList{u"item9_positive"_s});
    answers[8] = 0;
    answers[7] = 3;
    CHECK(scoreInstrument(instrument("phq9"), answers)->flags.isEmpty());
}

TEST_CASE("PHQ-9's difficulty item is optional and never scored", "[domain][scoring]")
{
    std::vector<int> answers(9, 1);
    answers.push_back(3);
    auto withDifficulty = scoreInstrument(instrument("phq9"), answers);
    REQUIRE(withDifficulty);
    CHECK(withDifficulty->total == 9);
    answers.push_back(0);
    CHECK_FALSE(scoreInstrument(instrument("phq9"), answers)); // 11 answers
}

TEST_CASE("PCL-5 clusters and the probable-PTSD threshold at 32/33", "[domain][scoring]")
{
    std::vector<int> answers(20, 0);
    for (int i = 0; i < 20; ++i)
        answers[static_cast<std::size_t>(i)] = i % 5; // 0..4 repeating
    auto score = scoreInstrument(instrument("pcl5"), answers);
    REQUIRE(score);
    REQUIRE(score->clusters.size() == 4);
    CHECK(score->clusters[0].id == u"B");
    CHECK(score->clusters[0].score == 0 + 1 + 2 + 3 + 4);
    CHECK(score->clusters[1].id == u"C");
    CHECK(score->clusters[1].score == 0 + 1);
    CHECK(score->clusters[2].id == u"D");
    CHECK(score->clusters[2].score == 2 + 3 + 4 + 0 + 1 + 2 + 3);
    CHECK(score->clusters[3].id == u"E");
    CHECK(score->clusters[3].score == 4 + 0 + 1 + 2 + 3 + 4);
    CHECK(score->total == 40);
    CHECK(score->severity.isEmpty()); // no severity bands

    for (const auto &[total, positive] :
         {std::pair{32, false}, std::pair{33, true}, std::pair{0, false}, std::pair{80, true}}) {
        INFO("PCL-5 total " << total);
        auto at = scoreInstrument(instrument("pcl5"), answersSumming(total, 20, 4));
        REQUIRE(at);
        CHECK(at->flags.contains(u"probable_ptsd"_s) == positive);
    }
}

TEST_CASE("PEG is the mean of three 0-10 items", "[domain][scoring]")
{
    auto score = scoreInstrument(instrument("peg"), {3, 5, 6});
    REQUIRE(score);
    CHECK(score->total == Approx(14.0 / 3.0));
    CHECK(scoreInstrument(instrument("peg"), {0, 0, 0})->total == 0);
    CHECK(scoreInstrument(instrument("peg"), {10, 10, 10})->total == 10);
    CHECK(score->severity.isEmpty());
    CHECK_FALSE(scoreInstrument(instrument("peg"), {11, 0, 0}));
}

TEST_CASE("pain NRS is the raw 0-10 answer", "[domain][scoring]")
{
    for (int value : {0, 1, 9, 10})
        CHECK(scoreInstrument(instrument("pain_nrs"), {value})->total == value);
    CHECK_FALSE(scoreInstrument(instrument("pain_nrs"), {-1}));
    CHECK_FALSE(scoreInstrument(instrument("pain_nrs"), {11}));
}

TEST_CASE("wrong answer counts and out-of-range values are InvalidInput", "[domain][scoring]")
{
    const Instrument &phq9 = instrument("phq9");
    auto tooFew = scoreInstrument(phq9, std::vector<int>(8, 0));
    REQUIRE_FALSE(tooFew);
    CHECK(tooFew.error().code == ErrorCode::InvalidInput);
    CHECK(tooFew.error().message.contains(u"9 or 10 answers"));
    CHECK_FALSE(scoreInstrument(phq9, {}));
    CHECK_FALSE(scoreInstrument(instrument("gad7"), std::vector<int>(8, 0)));
    std::vector<int> answers(9, 0);
    answers[3] = 4;
    auto outOfRange = scoreInstrument(phq9, answers);
    REQUIRE_FALSE(outOfRange);
    CHECK(outOfRange.error().code == ErrorCode::InvalidInput);
    CHECK(outOfRange.error().message.contains(u"answer 4"));
    CHECK(outOfRange.error().message.contains(u"from 0 to 3"));
    answers[3] = -1;
    CHECK_FALSE(scoreInstrument(phq9, answers));
}

TEST_CASE("the instrument parser is strict", "[domain][instruments]")
{
    REQUIRE(parseInstrument(shippedBytes(u"phq9"_s)));
    CHECK_FALSE(parseInstrument("not json"));
    CHECK_FALSE(parseInstrument(QByteArray(kMaxInstrumentFileBytes + 1, ' ')));
    const auto rejects = [](const std::function<void(QJsonObject &)> &change) {
        auto parsed = parseInstrument(modified(u"phq9"_s, change));
        return !parsed && !parsed.error().message.isEmpty();
    };
    CHECK(rejects([](QJsonObject &o) { o.remove(u"version"_s); }));
    CHECK(rejects([](QJsonObject &o) { o.insert(u"surprise"_s, 1); }));
    CHECK(rejects([](QJsonObject &o) { o.insert(u"format"_s, 2); }));
    CHECK(rejects([](QJsonObject &o) {
        QJsonObject loinc = o.value(u"loinc"_s).toObject();
        loinc.insert(u"total"_s, u"not-a-code"_s);
        o.insert(u"loinc"_s, loinc);
    }));
    // A declared maximum the items cannot reach.
    CHECK(rejects([](QJsonObject &o) {
        QJsonObject scoring = o.value(u"scoring"_s).toObject();
        scoring.insert(u"max"_s, 26);
        o.insert(u"scoring"_s, scoring);
    }));
    // A gap between bands (mild 6-9 instead of 5-9).
    CHECK(rejects([](QJsonObject &o) {
        QJsonObject scoring = o.value(u"scoring"_s).toObject();
        QJsonArray bands = scoring.value(u"bands"_s).toArray();
        QJsonObject mild = bands.at(1).toObject();
        mild.insert(u"min"_s, 6);
        bands.replace(1, mild);
        scoring.insert(u"bands"_s, bands);
        o.insert(u"scoring"_s, scoring);
    }));
    // A flag on an item that does not exist.
    CHECK(rejects([](QJsonObject &o) {
        o.insert(u"flags"_s, QJsonArray{QJsonObject{
                                 {u"id"_s, u"x"_s}, {u"item"_s, u"nope"_s}, {u"above"_s, 0}}});
    }));
}

TEST_CASE("a clinic folder loads, and a duplicate id is refused", "[domain][instruments]")
{
    testing::TempDir dir;
    for (const char *name : {"a.json", "b.json"}) {
        QFile file(dir.file(QString::fromLatin1(name)));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(shippedBytes(u"gad7"_s));
    }
    auto duplicate = InstrumentCatalog::loadDirectory(dir.path());
    REQUIRE_FALSE(duplicate);
    CHECK(duplicate.error().message.contains(u"already defined"));
    QFile::remove(dir.file(u"b.json"_s));
    auto single = InstrumentCatalog::loadDirectory(dir.path());
    REQUIRE(single);
    CHECK(single->instruments().size() == 1);
}
