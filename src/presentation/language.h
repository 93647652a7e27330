#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace companion::presentation {

// The UI language: one choice drives the translated strings (.qm), the education articles
// (assets/content/<language>/) and how dates and numbers are written (QLocale), so a patient
// never sees a Spanish screen with English dates or the other way round (ADR 0011).

// Languages the app ships, as the codes used for .qm files and content folders. English first:
// it is the source language and the fallback for everything not translated.
QStringList supportedLanguages();

// `preference`: "" follows the system, otherwise a code from supportedLanguages(). Returns the
// language to use: the preference if supported, else the system's language if supported, else "en".
QString resolveLanguage(const QString &preference, const QLocale &system);

// The locale dates, times and numbers are written in: the UI language, keeping the system's
// country where that pairing exists (Spanish in Mexico writes dates as Mexico does).
QLocale uiLocale(const QString &language, const QLocale &system);

// Owns the installed translators for the life of the app (QCoreApplication keeps raw pointers).
class UiLanguage
{
public:
    UiLanguage();
    ~UiLanguage();
    UiLanguage(const UiLanguage &) = delete;
    UiLanguage &operator=(const UiLanguage &) = delete;

    // Makes `language` the UI language: sets the default QLocale and installs
    // <translationsDir>/companion_<language>.qm and Qt's own qtbase_<language>.qm when present.
    // Returns false if the app's own file was expected but could not be loaded (English needs
    // only its plural forms, so a missing English file is not an error).
    bool apply(const QString &language, const QLocale &system,
               const QString &translationsDir = QStringLiteral(":/i18n"));

    // Installs one extra .qm on top (the pseudo-translation test, a translator checking a draft).
    bool loadFile(const QString &qmFile);

private:
    bool install(const QString &file);
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

} // namespace companion::presentation
