#include "cli/commands.h"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace Qt::StringLiterals;
using companion::crypto::PassphraseHint;

TEST_CASE("info as JSON has every field with its type", "[cli]")
{
    companion::storage::ProfileInfo info;
    info.directory = u"/tmp/p%4"_s;
    info.profileId = u"0b0e6b6c-2a43-4b7e-9d0e-6d5f0c1a2b3c"_s;
    info.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    info.schemaVersion = 2;
    info.kdfOpsLimit = 3;
    info.kdfMemLimit = 64ull * 1024 * 1024;
    info.databaseBytes = 40960;
    info.recordCount = 7;
    info.pendingOutbox = 5;

    const QJsonObject json = companion::cli::infoToJson(info);
    CHECK(json.value(u"profile_id"_s).toString() == info.profileId);
    CHECK(json.value(u"directory"_s).toString() == info.directory);
    CHECK(json.value(u"created_at"_s).toString() == u"2026-03-01T09:00:00Z");
    CHECK(json.value(u"schema_version"_s).toInt() == 2);
    CHECK(json.value(u"kdf_ops_limit"_s).toInteger() == 3);
    CHECK(json.value(u"kdf_mem_limit"_s).toInteger() == 67108864);
    CHECK(json.value(u"database_bytes"_s).toInteger() == 40960);
    CHECK(json.value(u"record_count"_s).toInteger() == 7);
    CHECK(json.value(u"pending_outbox"_s).toInteger() == 5);

    // A "%4" in the directory name is printed as is, not substituted.
    const QString text = companion::cli::infoToText(info);
    CHECK(text.contains(u"/tmp/p%4\n"));
    CHECK(text.contains(u"64 MiB"));
    CHECK(text.contains(u"records:         7\n"));
}

TEST_CASE("every passphrase hint has advice", "[cli]")
{
    for (auto hint : {PassphraseHint::None, PassphraseHint::TooShort,
                      PassphraseHint::CommonWordsOrNames, PassphraseHint::KeyboardPattern,
                      PassphraseHint::DatesOrYears, PassphraseHint::AddMoreWords})
        CHECK_FALSE(companion::cli::passphraseHintText(hint).isEmpty());
}

TEST_CASE("help and version print and exit 0 and usage errors exit 2", "[cli]")
{
    // Output goes to a pipe we drain; nothing here touches a profile.
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const companion::cli::Console console{-1, fds[1], fds[1]};
    CHECK(companion::cli::runCli({u"--version"_s}, console) == 0);
    CHECK(companion::cli::runCli({u"--help"_s}, console) == 0);
    CHECK(companion::cli::runCli({u"frobnicate"_s}, console) == 2);
    CHECK(companion::cli::runCli({u"check"_s}, console) == 2);
    ::close(fds[1]);
    QByteArray output;
    char buffer[4096];
    for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, got);
    ::close(fds[0]);
    CHECK(output.contains(
        QByteArray("companion-cli " + companion::cli::cliVersion().toUtf8() + "\n")));
    CHECK(output.contains("Usage:"));
    CHECK(output.contains("unknown command"));
}
