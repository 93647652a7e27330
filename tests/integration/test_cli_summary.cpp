// The patient's PDF summary through the real binary (issue 9, ADR 0019): `summary --format pdf`
// on a real SQLCipher profile filled through the CLI. What a reader sees (pdftotext, pdfinfo):
// scores, bands, dates, the next infusion and ride; notes only with --include-notes; Spanish
// headings and dates with --language es. The file is private and never overwrites; an unwritable
// folder is an error with no file left.
#include "clirunner.h"
#include "unit/summary/pdftext.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace companion::testing;

namespace {

const QString kJournalCanary = u"CANARY-journal-e41c"_s;
const QString kCheckInCanary = u"CANARY-checkin-0b77"_s;

QStringList withProfile(const ProfileCopy &copy, QStringList arguments)
{
    return arguments << u"--profile"_s << copy.directory() << u"--passphrase-file"_s
                     << copy.passphraseFile();
}

CliResult ok(const ProfileCopy &copy, const QStringList &arguments)
{
    const CliResult result = runCli(withProfile(copy, arguments));
    INFO(arguments.join(u' ').toStdString() << ": " << result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return result;
}

// PHQ-9 15 before the first infusion, 4 after it; a check-in and a journal entry carrying
// canaries; an infusion a week from now with a confirmed ride.
const ProfileCopy &filledProfile()
{
    static ProfileCopy copy;
    static bool filled = false;
    if (filled)
        return copy;
    ok(copy, {u"instrument"_s, u"record"_s, u"phq9"_s, u"--answers"_s, u"2,2,2,2,2,2,2,1,0"_s,
              u"--at"_s, u"2026-03-01T10:00:00Z"_s});
    ok(copy, {u"appointment"_s, u"add"_s, u"--at"_s, u"2026-03-02T09:00:00Z"_s});
    ok(copy, {u"instrument"_s, u"record"_s, u"phq9"_s, u"--answers"_s, u"1,1,1,1,0,0,0,0,0"_s,
              u"--at"_s, u"2026-03-20T10:00:00Z"_s});
    ok(copy, {u"checkin"_s, u"add"_s, u"--mood"_s, u"6"_s, u"--anxiety"_s, u"3"_s, u"--pain"_s,
              u"2"_s, u"--sleep-hours"_s, u"7"_s, u"--note"_s, kCheckInCanary, u"--at"_s,
              u"2026-03-05T09:30:00Z"_s});
    ok(copy, {u"note"_s, u"add"_s, u"--kind"_s, u"intention"_s, u"--text"_s, kJournalCanary});
    const QDateTime next = QDateTime::currentDateTimeUtc().addDays(7);
    const QString appointment =
        QJsonDocument::fromJson(ok(copy, {u"appointment"_s, u"add"_s, u"--at"_s,
                                          next.toString(Qt::ISODate), u"--json"_s})
                                    .out)
            .object()
            .value(u"id"_s)
            .toString();
    REQUIRE(appointment.size() == 36);
    ok(copy, {u"ride"_s, u"set"_s, appointment, u"--driver"_s, u"Ana"_s, u"--phone"_s,
              u"+34 600 000 000"_s, u"--confirmed"_s});
    filled = true;
    return copy;
}

QString summaryFile(const ProfileCopy &copy, const QString &name)
{
    return copy.scratch().file(name);
}

QString shortDate(QLocale::Language language, const QDate &date)
{
    // As the CLI picks it: the language with the system's country when they pair.
    const QLocale paired(language, QLocale::system().territory());
    return (paired.language() == language ? paired : QLocale(language))
        .toString(date, QLocale::ShortFormat);
}

} // namespace

TEST_CASE("summary writes a PDF with scores and dates and without notes",
          "[integration][cli][summary]")
{
    const ProfileCopy &copy = filledProfile();
    const QString out = summaryFile(copy, u"summary-en.pdf"_s);
    const CliResult result = ok(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, out,
                                       u"--language"_s, u"en"_s, u"--time-zone"_s, u"UTC"_s});
    CHECK(result.out.contains("without notes"));
    struct stat info
    {};
    REQUIRE(::stat(QFile::encodeName(out).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const int pages = pdfPages(out);
    CHECK(pages >= 1);
    CHECK(pages <= 3);
    const QString text = pdfText(out);
    INFO(text.toStdString());
    CHECK(text.contains(u"My Companion summary"_s));
    CHECK(text.contains(u"PHQ-9"_s));
    CHECK(text.contains(u"15 of 27"_s));
    CHECK(text.contains(u"4 of 27"_s));
    CHECK(text.contains(u"Moderately severe"_s));
    CHECK(text.contains(u"remission"_s));
    CHECK(text.contains(shortDate(QLocale::English, QDate(2026, 3, 1))));
    CHECK(text.contains(shortDate(QLocale::English, QDate(2026, 3, 2)))); // the infusion
    CHECK(text.contains(u"Ride home: Ana, confirmed."_s));
    CHECK(text.contains(u"Daily check-ins"_s));
    CHECK(text.contains(u"not a medical record"_s));
    CHECK_FALSE(text.contains(u"CANARY"_s));
    // No temporary file is left next to it.
    CHECK(QDir(copy.scratch().path())
              .entryList({u".summary-en*"_s}, QDir::Files | QDir::Hidden)
              .isEmpty());
}

TEST_CASE("summary --include-notes adds the journal and check-in notes",
          "[integration][cli][summary]")
{
    const ProfileCopy &copy = filledProfile();
    const QString out = summaryFile(copy, u"summary-notes.pdf"_s);
    const CliResult result = ok(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, out,
                                       u"--include-notes"_s, u"--language"_s, u"en"_s});
    CHECK(result.out.contains("with your notes"));
    const QString text = pdfText(out);
    CHECK(text.contains(kJournalCanary));
    CHECK(text.contains(kCheckInCanary));
    CHECK(text.contains(u"Your notes"_s));
    // The notes never reach the terminal.
    CHECK_FALSE(result.out.contains("CANARY"));
    CHECK_FALSE(result.err.contains("CANARY"));
}

TEST_CASE("summary --language es writes Spanish headings and dates", "[integration][cli][summary]")
{
    const ProfileCopy &copy = filledProfile();
    const QString out = summaryFile(copy, u"summary-es.pdf"_s);
    ok(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, out, u"--language"_s, u"es"_s,
              u"--time-zone"_s, u"UTC"_s});
    const QString text = pdfText(out);
    INFO(text.toStdString());
    CHECK(text.contains(u"Mi resumen de Companion"_s));
    CHECK(text.contains(u"Cuestionarios"_s));
    CHECK(text.contains(u"Registros diarios"_s));
    CHECK(text.contains(u"Próxima infusión"_s));
    CHECK(text.contains(u"15 de 27"_s));
    CHECK(text.contains(shortDate(QLocale::Spanish, QDate(2026, 3, 1))));
    CHECK(text.contains(u"no es una historia clínica"_s));
    CHECK_FALSE(text.contains(u"Questionnaires"_s));
}

TEST_CASE("summary --from/--to limit the results; the starting score stays the reference",
          "[integration][cli][summary]")
{
    const ProfileCopy &copy = filledProfile();
    const QString out = summaryFile(copy, u"summary-range.pdf"_s);
    ok(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, out, u"--from"_s, u"2026-03-10"_s,
              u"--to"_s, u"2026-03-31"_s, u"--language"_s, u"en"_s});
    const QString text = pdfText(out);
    CHECK(text.contains(u"4 of 27"_s));
    CHECK_FALSE(text.contains(u"15 of 27"_s));
    CHECK(text.contains(u"(15 \u2192 4)"_s));
    CHECK(text.contains(u"No check-ins in this period."_s));
}

TEST_CASE("summary refuses to overwrite and reports an unwritable folder",
          "[integration][cli][summary]")
{
    const ProfileCopy &copy = filledProfile();
    const QString existing = summaryFile(copy, u"existing.pdf"_s);
    {
        QFile file(existing);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    const CliResult refused =
        runCli(withProfile(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, existing}));
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.contains("already exists"));
    QFile kept(existing);
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == "keep me");

    // /proc/self takes no new files, even from root.
    const CliResult unwritable = runCli(withProfile(
        copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, u"/proc/self/summary.pdf"_s}));
    CHECK(unwritable.exitCode != 0);
    CHECK(unwritable.err.contains("/proc/self"));
    CHECK_FALSE(QFileInfo::exists(u"/proc/self/summary.pdf"_s));

    const QString missing = summaryFile(copy, u"no/such/folder/summary.pdf"_s);
    const CliResult noFolder =
        runCli(withProfile(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, missing}));
    CHECK(noFolder.exitCode != 0);
    CHECK_FALSE(QFileInfo::exists(missing));
}

TEST_CASE("summary needs --format pdf and --out", "[integration][cli][summary]")
{
    const ProfileCopy &copy = filledProfile();
    CHECK(runCli(withProfile(copy, {u"summary"_s, u"--out"_s, u"x.pdf"_s})).exitCode == 2);
    CHECK(
        runCli(withProfile(copy, {u"summary"_s, u"--format"_s, u"json"_s, u"--out"_s, u"x.pdf"_s}))
            .exitCode == 2);
    CHECK(runCli(withProfile(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, u"x.pdf"_s,
                                    u"--language"_s, u"fr"_s}))
              .exitCode == 2);
    CHECK(runCli(withProfile(copy, {u"summary"_s, u"--format"_s, u"pdf"_s, u"--out"_s, u"x.pdf"_s,
                                    u"--from"_s, u"March"_s}))
              .exitCode == 2);
}
