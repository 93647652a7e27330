// The diary commands of the real binary: stateless scoring, recording, listing and exports.
#include "clirunner.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace companion::testing;

namespace {

QJsonObject jsonOf(const CliResult &result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    INFO(result.out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

QStringList withProfile(const ProfileCopy &copy, QStringList arguments)
{
    return arguments << u"--profile"_s << copy.directory() << u"--passphrase-file"_s
                     << copy.passphraseFile();
}

} // namespace

TEST_CASE("instrument list and score need no profile", "[integration][cli][diary]")
{
    const CliResult list = runCli({u"instrument"_s, u"list"_s, u"--json"_s});
    REQUIRE(list.exitCode == 0);
    QStringList ids;
    for (const QJsonValue &each : jsonOf(list).value(u"instruments"_s).toArray())
        ids << each.toObject().value(u"id"_s).toString();
    CHECK(ids == QStringList{u"gad7"_s, u"pain_nrs"_s, u"pcl5"_s, u"peg"_s, u"phq9"_s});

    const CliResult phq9 = runCli({u"instrument"_s, u"score"_s, u"phq9"_s, u"--answers"_s,
                                   u"1,2,1,1,0,1,2,0,1"_s, u"--json"_s});
    REQUIRE(phq9.exitCode == 0);
    const QJsonObject score = jsonOf(phq9);
    CHECK(score.value(u"instrument"_s).toString() == u"phq9");
    CHECK(score.value(u"version"_s).toString() == u"1.0.0");
    CHECK(score.value(u"total"_s).toInt() == 9);
    CHECK(score.value(u"severity"_s).toString() == u"mild");
    CHECK(score.value(u"flags"_s).toArray() == QJsonArray{u"item9_positive"_s});
    CHECK_FALSE(score.contains(u"clusters"_s));

    const CliResult pcl5 = runCli({u"instrument"_s, u"score"_s, u"pcl5"_s, u"--answers"_s,
                                   u"4,4,4,4,4,0,1,2,2,2,2,2,2,2,1,1,1,1,1,1"_s, u"--json"_s});
    REQUIRE(pcl5.exitCode == 0);
    const QJsonObject clusters = jsonOf(pcl5).value(u"clusters"_s).toObject();
    CHECK(clusters.value(u"B"_s).toInt() == 20);
    CHECK(clusters.value(u"C"_s).toInt() == 1);
    CHECK(clusters.value(u"D"_s).toInt() == 14);
    CHECK(clusters.value(u"E"_s).toInt() == 6);
    CHECK(jsonOf(pcl5).value(u"flags"_s).toArray() == QJsonArray{u"probable_ptsd"_s});
}

TEST_CASE("wrong answer counts and out-of-range answers exit 2 with a reason",
          "[integration][cli][diary]")
{
    const CliResult few =
        runCli({u"instrument"_s, u"score"_s, u"gad7"_s, u"--answers"_s, u"1,1,1"_s});
    CHECK(few.exitCode == 2);
    CHECK(few.err.contains("needs 7 answers"));
    CHECK(few.out.isEmpty());
    const CliResult high =
        runCli({u"instrument"_s, u"score"_s, u"gad7"_s, u"--answers"_s, u"1,1,1,1,1,1,5"_s});
    CHECK(high.exitCode == 2);
    CHECK(high.err.contains("answer 7 is out of range"));
    const CliResult text =
        runCli({u"instrument"_s, u"score"_s, u"gad7"_s, u"--answers"_s, u"a,b"_s});
    CHECK(text.exitCode == 2);
    const CliResult unknown =
        runCli({u"instrument"_s, u"score"_s, u"madrs"_s, u"--answers"_s, u"1"_s});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains("unknown instrument"));
    const CliResult missing = runCli({u"instrument"_s, u"score"_s, u"phq9"_s});
    CHECK(missing.exitCode == 2);
}

TEST_CASE("check-ins and results are stored and listed by when they happened",
          "[integration][cli][diary]")
{
    ProfileCopy copy;
    const QString note = u"canary-note-4711, with \"quotes\""_s;
    const CliResult first =
        runCli(withProfile(copy, {u"checkin"_s, u"add"_s, u"--mood"_s, u"6"_s, u"--anxiety"_s,
                                  u"3"_s, u"--pain"_s, u"2"_s, u"--sleep-hours"_s, u"7.5"_s,
                                  u"--note"_s, note, u"--at"_s, u"2026-03-02T08:00:00Z"_s}));
    REQUIRE(first.exitCode == 0);
    const QString firstId = QString::fromUtf8(first.out.trimmed());
    CHECK(firstId.size() == 36);
    const CliResult second =
        runCli(withProfile(copy, {u"instrument"_s, u"record"_s, u"gad7"_s, u"--answers"_s,
                                  u"1,1,1,1,1,1,1"_s, u"--at"_s, u"2026-03-01T08:00:00Z"_s}));
    REQUIRE(second.exitCode == 0);
    CHECK(second.err.isEmpty()); // no crisis message for GAD-7

    const CliResult bad =
        runCli(withProfile(copy, {u"checkin"_s, u"add"_s, u"--mood"_s, u"11"_s, u"--anxiety"_s,
                                  u"3"_s, u"--pain"_s, u"2"_s, u"--note"_s, note}));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains("--mood"));
    CHECK_FALSE(bad.err.contains("canary"));

    const CliResult list = runCli(withProfile(copy, {u"diary"_s, u"list"_s, u"--json"_s}));
    REQUIRE(list.exitCode == 0);
    const QJsonArray entries = jsonOf(list).value(u"entries"_s).toArray();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].toObject().value(u"id"_s).toString() == firstId); // newest first
    CHECK(entries[0].toObject().value(u"body"_s).toObject().value(u"note"_s).toString() == note);
    CHECK(entries[1].toObject().value(u"kind"_s).toString() == u"instrument.result");
    CHECK(entries[1]
              .toObject()
              .value(u"body"_s)
              .toObject()
              .value(u"scoringRuleVersion"_s)
              .toString() == u"1");

    const CliResult range =
        runCli(withProfile(copy, {u"diary"_s, u"list"_s, u"--json"_s, u"--from"_s, u"2026-03-01"_s,
                                  u"--to"_s, u"2026-03-02"_s}));
    REQUIRE(range.exitCode == 0);
    CHECK(jsonOf(range).value(u"entries"_s).toArray().size() == 1);

    // CSV export: 0600, the note escaped, never overwriting.
    const QString csvPath = copy.scratch().file(u"diary.csv"_s);
    const CliResult csv =
        runCli(withProfile(copy, {u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, csvPath}));
    REQUIRE(csv.exitCode == 0);
    CHECK(QFile::permissions(csvPath) == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ReadUser | QFileDevice::WriteUser));
    QFile file(csvPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("id,kind,version,occurred_at"));
    CHECK(bytes.contains("\"canary-note-4711, with \"\"quotes\"\"\""));
    CHECK(bytes.count("\r\n") == 3);
    const CliResult again =
        runCli(withProfile(copy, {u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, csvPath}));
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains("already exists"));
    const CliResult badFormat = runCli(
        withProfile(copy, {u"export"_s, u"--format"_s, u"pdf"_s, u"--out"_s, csvPath + u"2"_s}));
    CHECK(badFormat.exitCode == 2);
}

TEST_CASE("PHQ-9 item 9 above 0 prints crisis help and records a safety event",
          "[integration][cli][diary][safety]")
{
    ProfileCopy copy;
    const CliResult record = runCli(withProfile(
        copy, {u"instrument"_s, u"record"_s, u"phq9"_s, u"--answers"_s, u"0,0,0,0,0,0,0,0,2"_s}));
    REQUIRE(record.exitCode == 0);
    const QString resultId = QString::fromUtf8(record.out.trimmed());
    CHECK(resultId.size() == 36);
    CHECK(record.err.contains("988"));
    CHECK(record.err.contains("911"));
    CHECK(record.err.contains("not monitored around the clock"));

    const CliResult list = runCli(withProfile(copy, {u"diary"_s, u"list"_s, u"--json"_s}));
    REQUIRE(list.exitCode == 0);
    bool found = false;
    for (const QJsonValue &each : jsonOf(list).value(u"entries"_s).toArray()) {
        const QJsonObject entry = each.toObject();
        if (entry.value(u"kind"_s).toString() != u"safety.event")
            continue;
        found = true;
        const QJsonObject body = entry.value(u"body"_s).toObject();
        CHECK(body.value(u"trigger"_s).toString() == u"item9");
        CHECK(body.value(u"crisisHelpShown"_s).toBool());
        CHECK(body.value(u"sourceResultId"_s).toString() == resultId);
    }
    CHECK(found);

    // Item 9 at 0: no crisis message, no event.
    ProfileCopy other;
    const CliResult calm = runCli(withProfile(
        other, {u"instrument"_s, u"record"_s, u"phq9"_s, u"--answers"_s, u"3,3,3,3,3,3,3,3,0"_s}));
    REQUIRE(calm.exitCode == 0);
    CHECK_FALSE(calm.err.contains("988"));
}
