// The happy paths and credential errors of the real binary on real profiles.
#include "clirunner.h"

#include "support/filescan.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace companion::testing;

TEST_CASE("init then check exits 0 and nothing secret is printed or stored", "[integration][cli]")
{
    const PristineProfile &pristine = pristineProfile();
    CHECK(QFileInfo::exists(pristine.directory + u"/profile.key"_s));
    CHECK(QFileInfo::exists(pristine.directory + u"/profile.db"_s));
    // The recovery key file is readable by its owner only.
    CHECK(QFile::permissions(pristine.recoveryKeyFile) ==
          (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
           QFileDevice::WriteUser));

    ProfileCopy copy;
    const CliResult check = runCli({u"check"_s, u"--profile"_s, copy.directory(),
                                    u"--passphrase-file"_s, copy.passphraseFile()});
    CHECK(check.exitCode == 0);
    CHECK(check.out.startsWith("ok"));
    // Canary: neither secret appears in any profile file.
    CHECK(filesContaining(copy.directory(), QString::fromUtf8(kPassphrase)).isEmpty());
    CHECK(filesContaining(copy.directory(), QString::fromUtf8(pristine.recoveryKey)).isEmpty());
}

TEST_CASE("a wrong passphrase exits 3 and the profile still opens", "[integration][cli]")
{
    ProfileCopy copy;
    const QString wrongFile = writeSecretFile(copy.scratch(), u"wrong"_s, kWrongPassphrase);
    const CliResult wrong =
        runCli({u"check"_s, u"--profile"_s, copy.directory(), u"--passphrase-file"_s, wrongFile});
    CHECK(wrong.exitCode == 3);
    CHECK(wrong.err.contains("wrong passphrase"));
    CHECK(wrong.out.isEmpty());

    const CliResult right = runCli({u"check"_s, u"--profile"_s, copy.directory(),
                                    u"--passphrase-file"_s, copy.passphraseFile()});
    CHECK(right.exitCode == 0);
}

TEST_CASE("the passphrase can come from standard input with CRLF", "[integration][cli]")
{
    ProfileCopy copy;
    const CliResult check =
        runCli({u"check"_s, u"--profile"_s, copy.directory()}, kPassphrase + "\r\n");
    CHECK(check.exitCode == 0);
    CHECK(check.out.startsWith("ok"));
}

TEST_CASE(
    "change-passphrase then the old passphrase exits 3 and the new one and the recovery key exit 0",
    "[integration][cli]")
{
    ProfileCopy copy;
    // Current and new passphrase as two lines of standard input.
    const CliResult change = runCli({u"change-passphrase"_s, u"--profile"_s, copy.directory()},
                                    kPassphrase + '\n' + kNewPassphrase + '\n');
    REQUIRE(change.exitCode == 0);

    const CliResult old = runCli({u"check"_s, u"--profile"_s, copy.directory(),
                                  u"--passphrase-file"_s, copy.passphraseFile()});
    CHECK(old.exitCode == 3);
    const QString newFile = writeSecretFile(copy.scratch(), u"new"_s, kNewPassphrase);
    const CliResult fresh =
        runCli({u"check"_s, u"--profile"_s, copy.directory(), u"--passphrase-file"_s, newFile});
    CHECK(fresh.exitCode == 0);
    const CliResult recovery =
        runCli({u"check"_s, u"--profile"_s, copy.directory(), u"--recovery-key-file"_s,
                pristineProfile().recoveryKeyFile});
    CHECK(recovery.exitCode == 0);
}

TEST_CASE("change-passphrase refuses a weak new passphrase and keeps the old one",
          "[integration][cli]")
{
    ProfileCopy copy;
    const QString weakFile = writeSecretFile(copy.scratch(), u"weak"_s, kWeakPassphrase);
    const CliResult change =
        runCli({u"change-passphrase"_s, u"--profile"_s, copy.directory(), u"--passphrase-file"_s,
                copy.passphraseFile(), u"--new-passphrase-file"_s, weakFile});
    CHECK(change.exitCode == 2);
    CHECK(change.err.contains("too weak"));
    CHECK_FALSE(change.err.contains(kWeakPassphrase));

    // Recovery key as the current credential; the old passphrase still works afterwards.
    const CliResult old = runCli({u"check"_s, u"--profile"_s, copy.directory(),
                                  u"--passphrase-file"_s, copy.passphraseFile()});
    CHECK(old.exitCode == 0);
}

TEST_CASE(
    "recovery keys are printed once by init and a typo exits 2 and another profile's key exits 3",
    "[integration][cli]")
{
    // A second profile whose recovery key goes to stdout; passphrase from stdin.
    TempDir dir;
    const QString other = dir.file(u"other"_s);
    const CliResult init = runCli({u"init"_s, u"--profile"_s, other}, kPassphrase + '\n',
                                  /*mayPrintRecoveryKey=*/false);
    REQUIRE(init.exitCode == 0);
    static const QRegularExpression keyPattern(u"^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$"_s,
                                               QRegularExpression::MultilineOption);
    const auto match = keyPattern.match(QString::fromUtf8(init.out));
    REQUIRE(match.hasMatch());
    CHECK(init.out.contains("only this once"));
    const QByteArray otherKey = match.captured(0).toUtf8();
    const QString otherKeyFile = writeSecretFile(dir, u"other-key"_s, otherKey);

    const CliResult own =
        runCli({u"check"_s, u"--profile"_s, other, u"--recovery-key-file"_s, otherKeyFile});
    CHECK(own.exitCode == 0);
    CHECK_FALSE(own.out.contains(otherKey));

    const PristineProfile &pristine = pristineProfile();
    const CliResult foreign = runCli(
        {u"check"_s, u"--profile"_s, pristine.directory, u"--recovery-key-file"_s, otherKeyFile});
    CHECK(foreign.exitCode == 3);
    CHECK(foreign.err.contains("wrong recovery key"));

    // One character changed to another valid one: the checksum catches it before any unlock.
    QByteArray typo = pristine.recoveryKey;
    typo[0] = typo[0] == 'A' ? 'B' : 'A';
    const QString typoFile = writeSecretFile(dir, u"typo"_s, typo);
    const CliResult typed = runCli(
        {u"check"_s, u"--profile"_s, pristine.directory, u"--recovery-key-file"_s, typoFile});
    CHECK(typed.exitCode == 2);
    CHECK(typed.err.contains("typo"));
    CHECK_FALSE(typed.err.contains(typo));

    // Lower case, spaces instead of dashes: still the same key.
    QByteArray relaxed = pristine.recoveryKey.toLower();
    relaxed.replace('-', ' ');
    const QString relaxedFile = writeSecretFile(dir, u"relaxed"_s, relaxed);
    const CliResult lenient = runCli(
        {u"info"_s, u"--profile"_s, pristine.directory, u"--recovery-key-file"_s, relaxedFile});
    CHECK(lenient.exitCode == 0);
    CHECK(lenient.out.contains("profile id:"));
}

TEST_CASE("info --json is one JSON object with the expected fields", "[integration][cli]")
{
    ProfileCopy copy;
    const CliResult info = runCli({u"info"_s, u"--profile"_s, copy.directory(), u"--json"_s,
                                   u"--passphrase-file"_s, copy.passphraseFile()});
    REQUIRE(info.exitCode == 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(info.out, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(document.isObject());
    const QJsonObject json = document.object();

    QFile keyFile(copy.keyFile());
    REQUIRE(keyFile.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(keyFile.readAll()).object();
    CHECK(json.value(u"profile_id"_s).toString() == stored.value(u"profileId"_s).toString());
    CHECK(json.value(u"directory"_s).toString() == copy.directory());
    CHECK(QDateTime::fromString(json.value(u"created_at"_s).toString(), Qt::ISODate).isValid());
    CHECK(json.value(u"schema_version"_s).toInt() >= 1);
    CHECK(json.value(u"kdf_ops_limit"_s).toInteger() >= 3);
    CHECK(json.value(u"kdf_mem_limit"_s).toInteger() >= 64 * 1024 * 1024);
    CHECK(json.value(u"database_bytes"_s).toInteger() > 0);
    CHECK(json.value(u"record_count"_s).isDouble());
    CHECK(json.value(u"pending_outbox"_s).isDouble());
    CHECK(info.out.count('\n') == 1);
}
