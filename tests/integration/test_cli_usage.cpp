// Command-line handling of the real binary: usage errors, help, weak passphrases, missing
// profiles. None of these needs an Argon2id derivation except where a profile is created.
#include "clirunner.h"

#include <catch2/catch.hpp>

#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace companion::testing;

TEST_CASE("help and version exit 0", "[integration][cli]")
{
    const CliResult help = runCli({u"--help"_s});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains("Usage:"));
    CHECK(help.out.contains("change-passphrase"));

    const CliResult version = runCli({u"--version"_s});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith("companion-cli "));
}

TEST_CASE("usage errors exit 2 with the usage text", "[integration][cli]")
{
    TempDir dir;
    const QString profile = dir.file(u"p"_s);
    const QString passphraseFile = writeSecretFile(dir, u"pw"_s, kPassphrase);
    struct Case
    {
        const char *what;
        QStringList arguments;
    };
    const Case cases[] = {
        {"no arguments", {}},
        {"no --profile", {u"check"_s, u"--passphrase-file"_s, passphraseFile}},
        {"unknown command", {u"frobnicate"_s, u"--profile"_s, profile}},
        {"--profile without a value", {u"check"_s, u"--profile"_s}},
        {"an option of another command", {u"check"_s, u"--profile"_s, profile, u"--json"_s}},
        {"passphrase and recovery key together",
         {u"check"_s, u"--profile"_s, profile, u"--passphrase-file"_s, passphraseFile,
          u"--recovery-key-file"_s, passphraseFile}},
        // There is deliberately no way to pass a secret in argv; the value is never echoed.
        {"--passphrase on argv",
         {u"check"_s, u"--profile"_s, profile, u"--passphrase"_s, QString::fromUtf8(kPassphrase)}},
        {"--passphrase= on argv",
         {u"init"_s, u"--profile"_s, profile, u"--passphrase="_s + QString::fromUtf8(kPassphrase)}},
        {"a stray positional argument",
         {u"check"_s, u"--profile"_s, profile, QString::fromUtf8(kPassphrase)}},
    };
    for (const Case &c : cases) {
        INFO(c.what);
        const CliResult result = runCli(c.arguments);
        CHECK(result.exitCode == 2);
        CHECK(result.err.contains("Usage:"));
        CHECK(result.out.isEmpty());
    }
    CHECK_FALSE(QFileInfo::exists(profile));
}

TEST_CASE("a weak passphrase at init exits 2 and creates nothing", "[integration][cli]")
{
    TempDir dir;
    const QString profile = dir.file(u"p"_s);
    const QString recovery = dir.file(u"recovery.txt"_s);
    const CliResult result =
        runCli({u"init"_s, u"--profile"_s, profile, u"--recovery-key-out"_s, recovery},
               kWeakPassphrase + '\n');
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains("too weak"));
    CHECK_FALSE(result.err.contains(kWeakPassphrase));
    CHECK_FALSE(QFileInfo::exists(profile));
    CHECK_FALSE(QFileInfo::exists(recovery));
}

TEST_CASE("init refuses an existing profile and an existing recovery key file",
          "[integration][cli]")
{
    const PristineProfile &existing = pristineProfile();
    TempDir dir;
    const QString passphraseFile = writeSecretFile(dir, u"pw"_s, kPassphrase);
    const CliResult again = runCli(
        {u"init"_s, u"--profile"_s, existing.directory, u"--passphrase-file"_s, passphraseFile});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains("a profile already exists"));

    const QString profile = dir.file(u"new"_s);
    const CliResult clobber = runCli({u"init"_s, u"--profile"_s, profile, u"--passphrase-file"_s,
                                      passphraseFile, u"--recovery-key-out"_s, passphraseFile});
    CHECK(clobber.exitCode == 1);
    CHECK(clobber.err.contains("already exists"));
    CHECK_FALSE(QFileInfo::exists(profile));
}

TEST_CASE("a missing profile or passphrase file exits 1 and empty input exits 2",
          "[integration][cli]")
{
    TempDir dir;
    const QString passphraseFile = writeSecretFile(dir, u"pw"_s, kPassphrase);
    const CliResult missing = runCli({u"check"_s, u"--profile"_s, dir.file(u"nothing"_s),
                                      u"--passphrase-file"_s, passphraseFile});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains("there is no profile"));

    const PristineProfile &profile = pristineProfile();
    const CliResult noFile = runCli({u"check"_s, u"--profile"_s, profile.directory,
                                     u"--passphrase-file"_s, dir.file(u"absent"_s)});
    CHECK(noFile.exitCode == 1);
    CHECK(noFile.err.contains("cannot read the passphrase file"));

    const CliResult noInput = runCli({u"check"_s, u"--profile"_s, profile.directory});
    CHECK(noInput.exitCode == 2);
    CHECK(noInput.err.contains("no passphrase given"));
}
