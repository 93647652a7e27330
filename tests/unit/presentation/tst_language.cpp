#include <catch2/catch.hpp>

#include "presentation/language.h"
#include "presentation/plancontroller.h"
#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"
#include "profilesession.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

using namespace companion;
using namespace companion::presentation;
using namespace Qt::StringLiterals;

namespace {

// Restores the process-wide default locale however a test ends.
struct DefaultLocaleGuard
{
    QLocale saved;
    ~DefaultLocaleGuard() { QLocale::setDefault(saved); }
};

} // namespace

TEST_CASE("The UI language follows the saved choice, then the system, then English",
          "[presentation][language]")
{
    const QLocale mexico(QLocale::Spanish, QLocale::Mexico);
    const QLocale germany(QLocale::German, QLocale::Germany);
    CHECK(resolveLanguage(u"es"_s, germany) == u"es"_s);
    CHECK(resolveLanguage(u"en"_s, mexico) == u"en"_s);
    CHECK(resolveLanguage(QString(), mexico) == u"es"_s);
    CHECK(resolveLanguage(QString(), germany) == u"en"_s);
    CHECK(resolveLanguage(u"fr"_s, germany) == u"en"_s); // not shipped: not a choice
}

TEST_CASE("Dates are written in the UI language, keeping the system's country where it fits",
          "[presentation][language]")
{
    const QLocale mexico(QLocale::Spanish, QLocale::Mexico);
    CHECK(uiLocale(u"es"_s, mexico) == mexico);
    const QLocale chosenInGermany = uiLocale(u"es"_s, QLocale(QLocale::German, QLocale::Germany));
    CHECK(chosenInGermany.language() == QLocale::Spanish);
    CHECK(uiLocale(u"en"_s, mexico).language() == QLocale::English);

    const QLocale spain = uiLocale(u"es"_s, QLocale(QLocale::Spanish, QLocale::Spain));
    CHECK(spain.toString(QDate(2026, 3, 11), QLocale::LongFormat) ==
          u"miércoles, 11 de marzo de 2026"_s);
    CHECK(spain.toString(QTime(17, 5), QLocale::ShortFormat) == u"17:05"_s);
    CHECK(spain.toString(7.5, 'g', 3) == u"7,5"_s);
}

TEST_CASE("Plan labels use the default locale the app sets from the UI language",
          "[presentation][language][plan]")
{
    DefaultLocaleGuard guard;
    testing::TempDir dir;
    testing::FakeClock clock{QDateTime(QDate(2026, 3, 9), QTime(8, 0), Qt::UTC)};
    ProfileController profile{dir.path(), clock};
    PlanController plan{profile, clock, QTimeZone("Europe/Berlin")};
    testing::createUnlockedProfile(profile);
    REQUIRE(plan.addAppointment(u"2026-03-12"_s, u"10:00"_s));

    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
    plan.refresh();
    // "12/3/26, 10:00. …" in Spanish: day before month, 24-hour clock.
    const QString when = plan.selectedWhen();
    CHECK(when.startsWith(
        QLocale().toString(QDateTime(QDate(2026, 3, 12), QTime(10, 0), QTimeZone("Europe/Berlin")),
                           QLocale::ShortFormat)));
    CHECK(when.contains(u"12/3/26"_s));
    CHECK_FALSE(when.contains(u"AM"_s));
}

TEST_CASE("The language preference is stored, validated and read before the services exist",
          "[presentation][language]")
{
    testing::TempDir dir;
    const QString file = dir.file(u"preferences.ini"_s);
    CHECK(Preferences::storedLanguage(file).isEmpty());
    {
        Preferences prefs(file);
        prefs.setActiveLanguage(u"en"_s);
        CHECK(prefs.language().isEmpty());
        prefs.setLanguage(u"fr"_s); // not shipped: ignored
        CHECK(prefs.language().isEmpty());
        prefs.setLanguage(u"es"_s);
        CHECK(prefs.language() == u"es"_s);
        CHECK(prefs.languageRestartNeeded());
        CHECK(prefs.languageChoices().size() == supportedLanguages().size());
        CHECK(prefs.languageChoices().at(1).toMap().value(u"name"_s).toString() == u"Español"_s);
    }
    CHECK(Preferences::storedLanguage(file) == u"es"_s);
    CHECK(Preferences(file).language() == u"es"_s);
}
