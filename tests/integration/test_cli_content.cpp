// The education library through the real binary: list, show and search, in English and Spanish.
#include "clirunner.h"

#include <catch2/catch.hpp>

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

QStringList idsIn(const QJsonArray &array)
{
    QStringList ids;
    for (const QJsonValue &each : array)
        ids << each.toObject().value(u"id"_s).toString();
    return ids;
}

} // namespace

TEST_CASE("content list shows every article, translated ones marked", "[integration][cli][content]")
{
    const CliResult english = runCli({u"content"_s, u"list"_s, u"--json"_s});
    REQUIRE(english.exitCode == 0);
    const QJsonArray articles = jsonOf(english).value(u"articles"_s).toArray();
    CHECK(articles.size() >= 13);
    CHECK(idsIn(articles).contains(u"crisis-help"_s));

    const CliResult spanish =
        runCli({u"content"_s, u"list"_s, u"--json"_s, u"--language"_s, u"es"_s});
    REQUIRE(spanish.exitCode == 0);
    int translated = 0;
    for (const QJsonValue &each : jsonOf(spanish).value(u"articles"_s).toArray())
        translated += each.toObject().value(u"translated"_s).toBool() ? 1 : 0;
    CHECK(translated == 4);

    CHECK(runCli({u"content"_s, u"list"_s, u"--language"_s, u"fr"_s}).exitCode == 2);
}

TEST_CASE("content show prints an article with its sources; unknown ids fail",
          "[integration][cli][content]")
{
    const CliResult shown = runCli({u"content"_s, u"show"_s, u"after-the-infusion-no-driving"_s});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.out.contains("# After the infusion: no driving"));
    CHECK(shown.out.contains("## Sources"));

    const CliResult missing = runCli({u"content"_s, u"show"_s, u"no-such-article"_s});
    CHECK(missing.exitCode == 1);
    CHECK(runCli({u"content"_s, u"show"_s}).exitCode == 2);
}

TEST_CASE("content search finds by title and body words", "[integration][cli][content]")
{
    const CliResult found = runCli({u"content"_s, u"search"_s, u"no"_s, u"driving"_s, u"--json"_s});
    REQUIRE(found.exitCode == 0);
    const QStringList ids = idsIn(jsonOf(found).value(u"results"_s).toArray());
    REQUIRE_FALSE(ids.isEmpty());
    CHECK(ids.first() == u"after-the-infusion-no-driving"_s);

    const CliResult none = runCli({u"content"_s, u"search"_s, u"zzqqxx"_s, u"--json"_s});
    REQUIRE(none.exitCode == 0);
    CHECK(jsonOf(none).value(u"results"_s).toArray().isEmpty());
    CHECK(runCli({u"content"_s, u"search"_s}).exitCode == 2);
}
