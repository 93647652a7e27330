// The journal through the real binary: note add (from --text and from standard input after the
// passphrase) and note list, grouped in threads; the text never reaches a file unencrypted.
#include "clirunner.h"

#include "support/filescan.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace companion::testing;

namespace {

QStringList withProfile(const ProfileCopy &copy, QStringList arguments)
{
    return arguments << u"--profile"_s << copy.directory() << u"--passphrase-file"_s
                     << copy.passphraseFile();
}

QJsonArray threadsOf(const CliResult &result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    INFO(result.out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object().value(u"threads"_s).toArray();
}

} // namespace

TEST_CASE("note add stores entries that note list groups by infusion", "[integration][cli][note]")
{
    ProfileCopy copy;
    const CliResult intention = runCli(
        withProfile(copy, {u"note"_s, u"add"_s, u"--kind"_s, u"intention"_s, u"--appointment"_s,
                           u"inf-1"_s, u"--text"_s, u"Be kind to myself"_s}));
    REQUIRE(intention.exitCode == 0);
    CHECK(intention.out.trimmed().size() == 36); // the new entry's id

    // Text from standard input: the passphrase is the first line, the note the rest.
    const QByteArray input = QByteArray(kPassphrase) + "\nSaw my family differently.\nFelt calm.\n";
    const CliResult experience =
        runCli({u"note"_s, u"add"_s, u"--kind"_s, u"experience"_s, u"--appointment"_s, u"inf-1"_s,
                u"--share"_s, u"--profile"_s, copy.directory()},
               input);
    REQUIRE(experience.exitCode == 0);
    REQUIRE(runCli(withProfile(copy, {u"note"_s, u"add"_s, u"--kind"_s, u"free"_s, u"--text"_s,
                                      u"A free thought"_s}))
                .exitCode == 0);

    const CliResult listed = runCli(withProfile(copy, {u"note"_s, u"list"_s, u"--json"_s}));
    REQUIRE(listed.exitCode == 0);
    const QJsonArray threads = threadsOf(listed);
    REQUIRE(threads.size() == 2);
    QJsonArray infusion;
    for (const QJsonValue &thread : threads) {
        if (thread.toObject().value(u"key"_s).toString() == u"appointment:inf-1"_s)
            infusion = thread.toObject().value(u"entries"_s).toArray();
    }
    REQUIRE(infusion.size() == 2);
    CHECK(infusion[0].toObject().value(u"kind"_s) == u"intention"_s); // step order
    CHECK(infusion[0].toObject().value(u"shared"_s) == false);        // private by default
    CHECK(infusion[1].toObject().value(u"text"_s) == u"Saw my family differently.\nFelt calm."_s);
    CHECK(infusion[1].toObject().value(u"shared"_s) == true);

    const CliResult filtered = runCli(
        withProfile(copy, {u"note"_s, u"list"_s, u"--json"_s, u"--appointment"_s, u"inf-1"_s}));
    REQUIRE(filtered.exitCode == 0);
    CHECK(threadsOf(filtered).size() == 1);

    // The note text is inside the encrypted database only.
    CHECK(filesContaining(copy.directory(), u"Saw my family differently"_s).isEmpty());
    CHECK(filesContaining(copy.directory(), u"Be kind to myself"_s).isEmpty());
}

TEST_CASE("note add refuses a bad kind and an empty note", "[integration][cli][note]")
{
    ProfileCopy copy;
    CHECK(runCli(withProfile(copy, {u"note"_s, u"add"_s, u"--text"_s, u"x"_s})).exitCode == 2);
    CHECK(runCli(withProfile(copy,
                             {u"note"_s, u"add"_s, u"--kind"_s, u"diary"_s, u"--text"_s, u"x"_s}))
              .exitCode == 2);
    // Passphrase from a file and nothing on standard input: an empty note.
    CHECK(runCli(withProfile(copy, {u"note"_s, u"add"_s, u"--kind"_s, u"free"_s})).exitCode == 2);
    CHECK(runCli({u"note"_s, u"list"_s}).exitCode == 2); // needs --profile
}
