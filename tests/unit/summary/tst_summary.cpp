// The patient's PDF summary (issue 9, ADR 0019) on a real SQLCipher profile: what is gathered
// (scores, bands, change from the starting score, check-in series, infusions, the next infusion's
// checklist and ride, notes only when asked for), the PDF a reader sees through pdftotext and
// pdfinfo, plain-text rendering of typed text, pagination, and the all-or-nothing private write.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "document/privatefile.h"
#include "domain/appointment.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/instrumentscoring.h"
#include "domain/journal.h"
#include "domain/record.h"
#include "pdftext.h"
#include "storage/appointmentrepository.h"
#include "storage/diaryrepository.h"
#include "storage/journalrepository.h"
#include "storage/profile.h"
#include "summary/patientsummary.h"
#include "summary/summarypdf.h"
#include "support/tempdir.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace companion;
using namespace Qt::StringLiterals;

namespace {

const QString kCanary = u"CANARY-journal-7f3a"_s;
const QString kCheckInCanary = u"CANARY-checkin-91bd"_s;

QDateTime at(int month, int day, int hour = 10)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC);
}

struct Fixture
{
    testing::TempDir dir;
    testing::TempDir out;
    std::unique_ptr<storage::Profile> profile;
    domain::InstrumentCatalog catalog = *domain::InstrumentCatalog::loadBuiltIn();
    RecordId next;

    Fixture()
    {
        auto created = storage::Profile::create(
            dir.path() + u"/p"_s, SecretBytes::fromUtf8("juniper falcon atlas biscuit"));
        REQUIRE(created);
        profile = std::move(created->profile);
    }

    void instrument(const char *id, std::vector<int> answers, const QDateTime &when)
    {
        auto score = domain::scoreInstrument(*catalog.find(QString::fromLatin1(id)), answers);
        REQUIRE(score);
        storage::DiaryRepository diary(profile->records());
        REQUIRE(diary.add(domain::InstrumentResult::fromScore(*score, answers, when)));
    }

    void checkIn(const QDateTime &when, int mood, int pain, double sleep, QString note = {})
    {
        domain::CheckIn body;
        body.occurredAt = when;
        body.mood = mood;
        body.anxiety = 3;
        body.pain = pain;
        body.sleepHours = sleep;
        body.note = std::move(note);
        storage::DiaryRepository diary(profile->records());
        REQUIRE(diary.add(body));
    }

    RecordId appointment(const QDateTime &start, const QString &location = {})
    {
        storage::AppointmentRepository plan(profile->records());
        domain::AppointmentBody body;
        body.startsAt = start;
        body.location = location;
        auto added = plan.add(body);
        REQUIRE(added);
        return added->id;
    }

    void journal(const QString &text, const QDateTime &)
    {
        storage::JournalRepository journal(profile->database(), profile->records());
        domain::journal::EntryBody body;
        body.kind = domain::journal::EntryKind::Intention;
        body.text = text;
        REQUIRE(journal.add(body));
    }

    // Three PHQ-9 results around two infusions (baseline 15, then 9, then 4), GAD-7 once,
    // check-ins with a note, a future appointment with one item ticked and a confirmed ride.
    void fill()
    {
        instrument("phq9", {2, 2, 2, 2, 2, 2, 2, 1, 0}, at(3, 1)); // 15
        appointment(at(3, 2));
        appointment(at(3, 9));
        instrument("phq9", {1, 1, 1, 1, 1, 1, 1, 2, 0}, at(3, 10)); // 9
        instrument("phq9", {1, 1, 1, 1, 0, 0, 0, 0, 0}, at(3, 20)); // 4
        instrument("gad7", {2, 2, 1, 1, 1, 1, 1}, at(3, 5));        // 9
        checkIn(at(3, 3), 4, 6, 5.5, kCheckInCanary);
        checkIn(at(3, 11), 7, 2, 7.5);
        journal(kCanary + u" <b>not bold</b> &amp;"_s, at(3, 4));
        next = appointment(at(4, 15), u"Clinic room 2"_s);
        storage::AppointmentRepository plan(profile->records());
        REQUIRE(plan.setChecked(next, u"bring"_s, true, at(3, 21)));
        domain::RidePlan ride;
        ride.appointmentId = next;
        ride.driverName = u"Ana"_s;
        ride.phone = u"+34 600 000 000"_s;
        ride.confirmed = true;
        REQUIRE(plan.setRide(ride));
    }

    summary::SummaryRequest request(bool notes = false) const
    {
        summary::SummaryRequest request;
        request.range.zone = QTimeZone("Europe/Madrid");
        request.includeNotes = notes;
        request.protocol = *domain::loadDefaultProtocol();
        request.countryCode = u"ES"_s;
        request.now = at(3, 25);
        return request;
    }

    summary::PatientSummary collect(const summary::SummaryRequest &request)
    {
        auto collected = summary::collectSummary(*profile, catalog, request);
        REQUIRE(collected);
        return *collected;
    }

    QString writePdf(const summary::PatientSummary &summary, const QString &name = u"s.pdf"_s)
    {
        const QString path = out.file(name);
        REQUIRE(summary::saveSummaryPdf(path, summary, document::Overwrite::Refuse));
        return path;
    }
};

QStringList leftovers(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

TEST_CASE("The summary gathers scores, bands, change, check-ins and the next infusion", "[summary]")
{
    Fixture f;
    f.fill();
    const summary::PatientSummary s = f.collect(f.request());

    REQUIRE(s.instruments.size() == 2);
    const summary::InstrumentSummary &phq9 = s.instruments[0];
    CHECK(phq9.title == u"PHQ-9"_s);
    REQUIRE(phq9.rows.size() == 3);
    CHECK(phq9.baselineScore == 15.0);
    CHECK(phq9.rows[0].baseline);
    CHECK(phq9.rows[0].band == u"Moderately severe"_s);
    CHECK(phq9.rows[2].score == 4.0);
    REQUIRE(phq9.rows[2].percentChange);
    CHECK(std::lround(*phq9.rows[2].percentChange) == -73);
    CHECK(phq9.rows[2].remission);
    CHECK(s.instruments[1].id == u"gad7"_s);

    REQUIRE(s.measures.size() == 3);
    CHECK(s.measures[0].id == u"mood"_s);
    CHECK(s.measures[0].points.size() == 2);
    CHECK(s.measures[0].average == 5.5);
    CHECK(s.measures[2].id == u"sleepHours"_s);

    CHECK(s.infusions.size() == 2); // the one on 15 April is still to come
    CHECK(s.infusions.back() == at(3, 9));
    REQUIRE(s.next);
    CHECK(s.next->startsAt == at(4, 15));
    CHECK(s.next->location == u"Clinic room 2"_s);
    REQUIRE(s.next->ride);
    CHECK(s.next->ride->confirmed);
    // The ride item counts as done once the ride is confirmed, and "bring" was ticked.
    CHECK(std::count_if(s.next->checklist.begin(), s.next->checklist.end(),
                        [](const auto &item) { return item.done; }) == 2);
    CHECK(s.notes.empty()); // not asked for
    REQUIRE_FALSE(s.crisisNumbers.empty());
    CHECK(s.crisisNumbers.front().number == u"112"_s); // Spain, as crisis help shows it

    const summary::PatientSummary withNotes = f.collect(f.request(true));
    REQUIRE(withNotes.notes.size() == 2);
    CHECK(withNotes.notes[0].text == kCheckInCanary); // 3 March, before the journal entry
    CHECK(withNotes.notes[1].text.startsWith(kCanary));
}

TEST_CASE("The summary's range keeps the baseline from before it", "[summary]")
{
    Fixture f;
    f.fill();
    summary::SummaryRequest request = f.request();
    request.range.from = QDate(2026, 3, 15);
    request.range.to = QDate(2026, 3, 31);
    const summary::PatientSummary s = f.collect(request);
    REQUIRE(s.instruments.size() == 1); // GAD-7 (5 March) is outside
    REQUIRE(s.instruments[0].rows.size() == 1);
    CHECK(s.instruments[0].baselineScore == 15.0);
    CHECK(s.measures[0].points.empty());
    CHECK(s.infusions.empty());
    REQUIRE(s.next); // the next infusion is about now, whatever the range
}

TEST_CASE("The PDF shows scores and dates, and notes only when asked for", "[summary][pdf]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    Fixture f;
    f.fill();
    REQUIRE(f.profile->records().create(domain::kinds::profileSettings,
                                        R"({"preferredName":"Alex <i>"})"));
    const QString path = f.writePdf(f.collect(f.request()));
    CHECK(QFileInfo(path).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser));
    const int pages = testing::pdfPages(path);
    CHECK(pages >= 1);
    CHECK(pages <= 3);
    const QString text = testing::pdfText(path);
    INFO(text.toStdString());
    CHECK(text.contains(u"My Companion summary"_s));
    CHECK(text.contains(u"For Alex <i>"_s)); // the name from Settings, as typed
    CHECK(text.contains(u"PHQ-9"_s));
    CHECK(text.contains(u"GAD-7"_s));
    CHECK(text.contains(u"15 of 27"_s));
    CHECK(text.contains(u"4 of 27"_s));
    CHECK(text.contains(u"Moderately severe"_s));
    CHECK(text.contains(u"-73 %"_s));
    CHECK(text.contains(u"01/03/2026"_s)); // the baseline's day, in the locale's format
    CHECK(text.contains(u"15/04/2026"_s)); // the next infusion
    CHECK(text.contains(u"Ride home: Ana, confirmed."_s));
    CHECK(text.contains(u"not a medical record"_s));
    CHECK(text.contains(u"112"_s));
    CHECK(text.contains(u"Page 1"_s));
    CHECK_FALSE(text.contains(u"CANARY"_s));
    CHECK(text.contains(u"notes are not included"_s));

    const QString withNotes = testing::pdfText(f.writePdf(f.collect(f.request(true)), u"n.pdf"_s));
    CHECK(withNotes.contains(kCanary));
    CHECK(withNotes.contains(kCheckInCanary));
    // Typed text is plain text: markup is shown as typed, never interpreted.
    CHECK(withNotes.contains(u"<b>not bold</b> &amp;"_s));
    QLocale::setDefault(QLocale::c());
}

TEST_CASE("Long notes continue on further pages with the footer on each", "[summary][pdf]")
{
    Fixture f;
    QString longText;
    for (int i = 0; i < 400; ++i)
        longText += u"word%1 "_s.arg(i);
    for (int i = 0; i < 6; ++i)
        f.journal(longText + u"END%1"_s.arg(i), at(3, 1));
    const QString path = f.writePdf(f.collect(f.request(true)));
    const int pages = testing::pdfPages(path);
    CHECK(pages >= 3);
    const QString text = testing::pdfText(path);
    for (int i = 0; i < 6; ++i)
        CHECK(text.contains(u"END%1"_s.arg(i)));
    CHECK(text.count(u"not a medical record"_s) == pages);
    CHECK(text.contains(u"Page %1"_s.arg(pages)));
}

TEST_CASE("A year of entries makes a summary of a few pages", "[summary][pdf]")
{
    // 365 check-ins, a PHQ-9 and a GAD-7 every week, 12 infusions and 100 journal entries. The
    // time is printed for docs/performance.md, never asserted.
    Fixture f;
    for (int day = 0; day < 365; ++day) {
        const QDateTime when = QDateTime(QDate(2025, 3, 1).addDays(day), QTime(9, 0), Qt::UTC);
        f.checkIn(when, day % 10, (day * 3) % 10, 5 + (day % 4));
        if (day % 7 == 0) {
            f.instrument("phq9", {1, 1, 1, 1, 1, 1, 1, day % 3, 0}, when.addSecs(3600));
            f.instrument("gad7", {1, 1, 1, 1, 1, day % 3, 0}, when.addSecs(3600));
        }
        if (day % 30 == 0)
            f.appointment(when.addDays(1));
    }
    for (int i = 0; i < 100; ++i)
        f.journal(u"Entry %1: what came up, what I want to remember."_s.arg(i), {});
    summary::SummaryRequest request = f.request(true);
    request.now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    QElapsedTimer timer;
    timer.start();
    const summary::PatientSummary s = f.collect(request);
    const qint64 collected = timer.elapsed();
    const QString path = f.writePdf(s);
    const qint64 written = timer.elapsed();
    const int pages = testing::pdfPages(path);
    WARN("a year: gathered in " << collected << " ms, drawn and written in " << written - collected
                                << " ms, " << pages << " pages, " << QFileInfo(path).size() / 1024
                                << " KiB");
    CHECK(s.instruments.size() == 2);
    CHECK(s.instruments[0].rows.size() == 53);
    CHECK(pages >= 3);
    CHECK(pages <= 12);
    const QString text = testing::pdfText(path);
    CHECK(text.contains(u"Entry 99:"_s));
    CHECK(text.count(u"not a medical record"_s) == pages);
}

TEST_CASE("An empty profile still makes a readable one-page summary", "[summary][pdf]")
{
    Fixture f;
    const QString path = f.writePdf(f.collect(f.request()));
    CHECK(testing::pdfPages(path) == 1);
    const QString text = testing::pdfText(path);
    CHECK(text.contains(u"No questionnaire results in this period."_s));
    CHECK(text.contains(u"No infusion is planned."_s));
}

TEST_CASE("A document is written privately, all or nothing", "[summary][document]")
{
    testing::TempDir dir;
    const QString path = dir.file(u"doc.pdf"_s);
    REQUIRE(document::writePrivateFile(path, "first", document::Overwrite::Refuse));
    struct stat info
    {};
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    SECTION("an existing file is refused, or replaced when asked")
    {
        auto again = document::writePrivateFile(path, "second", document::Overwrite::Refuse);
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::AlreadyExists);
        REQUIRE(document::writePrivateFile(path, "third", document::Overwrite::Replace));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == "third");
        CHECK(leftovers(dir.path()) == QStringList{u"doc.pdf"_s});
    }
    SECTION("a symbolic link is never written through")
    {
        const QString link = dir.file(u"link.pdf"_s);
        REQUIRE(QFile::link(dir.file(u"elsewhere.pdf"_s), link));
        auto written = document::writePrivateFile(link, "x", document::Overwrite::Replace);
        REQUIRE_FALSE(written);
        CHECK_FALSE(QFileInfo::exists(dir.file(u"elsewhere.pdf"_s)));
    }
    SECTION("an unwritable folder is an error and leaves nothing behind")
    {
        // /proc/self takes no new files, even from root (the tests run as root in CI, where a
        // chmod 0500 folder would still be writable).
        auto written = document::writePrivateFile(u"/proc/self/summary.pdf"_s, "secret",
                                                  document::Overwrite::Refuse);
        REQUIRE_FALSE(written);
        CHECK(written.error().code == ErrorCode::Io);
        CHECK_FALSE(QFileInfo::exists(u"/proc/self/summary.pdf"_s));
    }
    SECTION("a missing folder is an error")
    {
        auto written = document::writePrivateFile(dir.file(u"missing/doc.pdf"_s), "secret",
                                                  document::Overwrite::Refuse);
        REQUIRE_FALSE(written);
        CHECK(written.error().code == ErrorCode::Io);
    }
}

TEST_CASE("A write that fails half way leaves no partial file", "[summary][document]")
{
    // A full disk, simulated with a file size limit: write() fails with EFBIG after the first
    // 4 KiB reached the temporary file. Nothing may be left: neither the final name nor the
    // temporary file.
    testing::TempDir dir;
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit previous
    {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &previous) == 0);
    struct rlimit small = previous;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const QByteArray big(64 * 1024, 'x');
    auto written =
        document::writePrivateFile(dir.file(u"big.pdf"_s), big, document::Overwrite::Refuse);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    REQUIRE_FALSE(written);
    CHECK(written.error().code == ErrorCode::Io);
    CHECK(leftovers(dir.path()).isEmpty());
}

int main(int argc, char *argv[])
{
    // The PDF draws text: fonts need a QGuiApplication, which needs no display offscreen.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"CompanionTests"_s);
    QLocale::setDefault(QLocale::c());
    return Catch::Session().run(argc, argv);
}
