#include <catch2/catch.hpp>

#include "presentation/preferences.h"
#include "support/tempdir.h"

#include <QSettings>

using companion::presentation::Preferences;

TEST_CASE("Preferences persist and are clamped when read back", "[presentation]")
{
    companion::testing::TempDir dir;
    const QString file = dir.file(QStringLiteral("preferences.ini"));
    {
        Preferences prefs(file);
        CHECK(prefs.autoLockMinutes() == 5);
        CHECK(prefs.fontScale() == 1.0);
        prefs.setThemeMode(Preferences::Dark);
        prefs.setHighContrast(true);
        prefs.setFontScale(1.52);
        prefs.setAutoLockMinutes(15);
        prefs.setAutoLockMinutes(7); // not a choice: ignored
    }
    {
        Preferences prefs(file);
        CHECK(prefs.themeMode() == Preferences::Dark);
        CHECK(prefs.darkMode());
        CHECK(prefs.highContrast());
        CHECK(prefs.fontScale() == Approx(1.5));
        CHECK(prefs.autoLockMinutes() == 15);
    }
    {
        QSettings edited(file, QSettings::IniFormat);
        edited.setValue(QStringLiteral("appearance/fontScale"), 9.0);
        edited.setValue(QStringLiteral("security/autoLockMinutes"), 100000);
        edited.setValue(QStringLiteral("appearance/theme"), 42);
    }
    Preferences prefs(file);
    CHECK(prefs.fontScale() == Preferences::kMaxFontScale);
    CHECK(prefs.autoLockMinutes() == Preferences::kDefaultAutoLockMinutes);
    CHECK(prefs.themeMode() == Preferences::System);
}

TEST_CASE("System theme follows the platform; explicit choices win", "[presentation]")
{
    Preferences prefs{QString()};
    int darkChanges = 0;
    QObject::connect(&prefs, &Preferences::darkModeChanged, [&] { ++darkChanges; });
    CHECK_FALSE(prefs.darkMode());
    prefs.setSystemPrefersDark(true);
    CHECK(prefs.darkMode());
    prefs.setThemeMode(Preferences::Light);
    CHECK_FALSE(prefs.darkMode());
    prefs.setSystemPrefersDark(false);
    CHECK_FALSE(prefs.darkMode());
    CHECK(darkChanges == 2);
}
