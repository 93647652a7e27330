#include "cli/arguments.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using companion::ErrorCode;
using companion::cli::Command;
using companion::cli::parseArguments;

namespace {

QStringList split(const char *line)
{
    return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts);
}

// The message of a failed parse; empty when it unexpectedly succeeded.
QString failure(const char *line)
{
    auto parsed = parseArguments(split(line));
    return parsed ? QString() : parsed.error().message;
}

} // namespace

TEST_CASE("each command parses with its options", "[cli]")
{
    auto init = parseArguments(split("init --profile /p --passphrase-file f --recovery-key-out k"));
    REQUIRE(init);
    CHECK(init->command == Command::Init);
    CHECK(init->profileDirectory == u"/p");
    CHECK(init->passphraseFile == u"f");
    CHECK(init->recoveryKeyOut == u"k");

    auto check = parseArguments(split("check --profile=/p --recovery-key-file=r"));
    REQUIRE(check);
    CHECK(check->command == Command::Check);
    CHECK(check->profileDirectory == u"/p");
    CHECK(check->recoveryKeyFile == u"r");

    auto change = parseArguments(split("change-passphrase --profile /p --passphrase-file a "
                                       "--new-passphrase-file b"));
    REQUIRE(change);
    CHECK(change->command == Command::ChangePassphrase);
    CHECK(change->newPassphraseFile == u"b");

    auto info = parseArguments(split("info --json --profile /p"));
    REQUIRE(info);
    CHECK(info->command == Command::Info);
    CHECK(info->json);
}

TEST_CASE("help and version", "[cli]")
{
    CHECK(parseArguments(split("--help"))->help);
    CHECK(parseArguments(split("-h"))->help);
    CHECK(parseArguments(split("check --profile /p --help"))->help);
    CHECK(parseArguments(split("--version"))->version);
    CHECK_FALSE(parseArguments(split("--version extra")));
}

TEST_CASE("usage errors are InvalidInput with a reason", "[cli]")
{
    auto empty = parseArguments({});
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == ErrorCode::InvalidInput);

    CHECK(failure("check").contains(u"--profile"));
    CHECK(failure("check --profile").contains(u"needs a value"));
    CHECK(failure("check --profile --json").contains(u"needs a value"));
    CHECK(failure("check --profile=").contains(u"needs a value"));
    CHECK(failure("check --profile a --profile b").contains(u"twice"));
    CHECK(failure("info --profile a --json --json").contains(u"twice"));
    CHECK(failure("info --profile a --json=yes").contains(u"takes no value"));
    CHECK(failure("check --profile a --json").contains(u"does not apply"));
    CHECK(failure("init --profile a --recovery-key-file k").contains(u"does not apply"));
    CHECK(failure("check --profile a --recovery-key-out k").contains(u"does not apply"));
    CHECK(failure("check --profile a --new-passphrase-file k").contains(u"does not apply"));
    CHECK(failure("check --profile a --passphrase-file p --recovery-key-file k")
              .contains(u"not both"));
    CHECK(failure("--profile a check").contains(u"command must come first"));
    CHECK(failure("check --profile a --verbose").contains(u"unknown option --verbose"));
}

TEST_CASE("secrets typed on the command line are refused and never echoed", "[cli]")
{
    const char *secret = "Tr0ub4dor-plum-glacier";
    for (const char *line :
         {"check --profile a --passphrase Tr0ub4dor-plum-glacier",
          "check --profile a --passphrase=Tr0ub4dor-plum-glacier",
          "check --profile a Tr0ub4dor-plum-glacier", "Tr0ub4dor-plum-glacier --profile a"}) {
        INFO(line);
        const QString message = failure(line);
        CHECK_FALSE(message.isEmpty());
        CHECK_FALSE(message.contains(QString::fromUtf8(secret)));
    }
    CHECK(failure("check --profile a --passphrase=x").contains(u"never accepted"));
}

TEST_CASE("diary commands parse their words, id and options", "[cli][diary]")
{
    auto score = parseArguments(split("instrument score phq9 --answers 1,0,2 --json"));
    REQUIRE(score);
    CHECK(score->command == Command::InstrumentScore);
    CHECK(score->instrumentId == u"phq9");
    CHECK(score->answers == u"1,0,2");
    CHECK(score->json);
    CHECK_FALSE(needsProfile(score->command)); // stateless: no --profile needed

    auto checkin = parseArguments(split("checkin add --mood 5 --anxiety 2 --pain 0 --profile /p"));
    REQUIRE(checkin);
    CHECK(checkin->command == Command::CheckinAdd);
    CHECK(checkin->mood == u"5");

    auto list = parseArguments(split("diary list --json --from 2026-01-01 --profile /p"));
    REQUIRE(list);
    CHECK(list->from == u"2026-01-01");

    const auto fails = [](const char *line) { return !parseArguments(split(line)); };
    CHECK(fails("instrument score --answers 1"));                  // no id
    CHECK(fails("instrument score phq9"));                         // no answers
    CHECK(fails("instrument score phq9 gad7 --answers 1"));        // two ids
    CHECK(fails("instrument record phq9 --answers 1"));            // no profile
    CHECK(fails("checkin add --mood 1 --anxiety 1 --profile /p")); // no pain
    CHECK(fails("export --format csv --profile /p"));              // no --out
    CHECK(fails("instrument list --profile /p"));                  // stateless
    CHECK(fails("checkin add --mood 1 --anxiety 1 --pain 1 --json --profile /p"));
    CHECK(fails("instrument frobnicate"));
}

TEST_CASE("sync commands parse, and refuse what they cannot use", "[cli][sync]")
{
    auto enrol = parseArguments(split("enrol --server http://h:1 --code ABCD --fingerprint f "
                                      "--share-categories checkins,journal --profile p"));
    REQUIRE(enrol);
    CHECK(enrol->command == Command::Enrol);
    CHECK(enrol->server == u"http://h:1");
    CHECK(enrol->shareCategories == u"checkins,journal");
    CHECK(failure("enrol --server http://h:1 --profile p").contains(u"--code"));
    // enrol seals the vault key under the passphrase: a recovery key cannot stand in.
    CHECK_FALSE(
        failure("enrol --server http://h:1 --code C --recovery-key-file k --profile p").isEmpty());

    auto list = parseArguments(split("share --json --profile p"));
    REQUIRE(list);
    CHECK(list->positional.isEmpty());
    auto category = parseArguments(split("share --category checkins on --profile p"));
    REQUIRE(category);
    CHECK(category->category == u"checkins");
    CHECK(category->positional == QStringList{u"on"_s});
    CHECK_FALSE(failure("share --category checkins --profile p").isEmpty());
    CHECK_FALSE(failure("share on --profile p").isEmpty());
    CHECK_FALSE(failure("share --category checkins --entry x on --profile p").isEmpty());

    auto resolve = parseArguments(split("conflicts resolve 3 mine --profile p"));
    REQUIRE(resolve);
    CHECK(resolve->command == Command::ConflictResolve);
    CHECK(resolve->positional == QStringList{u"3"_s, u"mine"_s});
    CHECK(failure("conflicts resolve 3 --profile p").contains(u"mine or theirs"));
    CHECK(failure("devices revoke --profile p").contains(u"device id"));
    CHECK(parseArguments(split("devices join-code --json --profile p")));
    CHECK(parseArguments(split("access-log --json --profile p")));
    CHECK(parseArguments(split("sync --json --profile p")));
    auto messages = parseArguments(split("messages --json --profile p"));
    REQUIRE(messages);
    CHECK(messages->command == Command::Messages);
    CHECK(messages->json);
    CHECK(isSyncCommand(Command::Messages));
    CHECK_FALSE(failure("messages --at 2026-01-01 --profile p").isEmpty());

    // A new data recovery key for the synced vault (ADR 0034).
    auto vaultKey =
        parseArguments(split("vault-recovery-key --recovery-key-out k.txt --json --profile p"));
    REQUIRE(vaultKey);
    CHECK(vaultKey->command == Command::VaultRecoveryKey);
    CHECK(vaultKey->recoveryKeyOut == u"k.txt");
    CHECK(vaultKey->json);
    CHECK(isSyncCommand(Command::VaultRecoveryKey));
    CHECK_FALSE(failure("vault-recovery-key --at 2026-01-01 --profile p").isEmpty());
    CHECK_FALSE(failure("vault-recovery-key extra --profile p").isEmpty());
}

TEST_CASE("summary parses its options and refuses what it cannot use", "[cli][summary]")
{
    auto summary = parseArguments(
        split("summary --format pdf --out s.pdf --from 2026-03-01 --to 2026-03-31 "
              "--include-notes --language es --time-zone Europe/Madrid --profile /p"));
    REQUIRE(summary);
    CHECK(summary->command == Command::Summary);
    CHECK(summary->format == u"pdf");
    CHECK(summary->out == u"s.pdf");
    CHECK(summary->from == u"2026-03-01");
    CHECK(summary->to == u"2026-03-31");
    CHECK(summary->includeNotes);
    CHECK(summary->language == u"es");
    CHECK(summary->timeZone == u"Europe/Madrid");

    auto plain = parseArguments(split("summary --format pdf --out s.pdf --profile /p"));
    REQUIRE(plain);
    CHECK_FALSE(plain->includeNotes); // notes are opt-in

    CHECK(failure("summary --out s.pdf --profile /p").contains(u"--format pdf"));
    CHECK(failure("summary --format json --out s.pdf --profile /p").contains(u"--format pdf"));
    CHECK(failure("summary --format pdf --profile /p").contains(u"--out"));
    CHECK(failure("summary --format pdf --out s.pdf").contains(u"--profile"));
    CHECK(failure("summary --format pdf --out s.pdf --language fr --profile /p")
              .contains(u"en or es"));
    CHECK(failure("summary --format pdf --out s.pdf --include-notes --include-notes --profile /p")
              .contains(u"twice"));
    CHECK(failure("export --format json --out e.json --include-notes --profile /p")
              .contains(u"does not apply"));
}
