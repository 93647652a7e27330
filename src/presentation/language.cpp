#include "presentation/language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace companion::presentation {

QStringList supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString resolveLanguage(const QString &preference, const QLocale &system)
{
    const QStringList supported = supportedLanguages();
    if (supported.contains(preference))
        return preference;
    const QString systemLanguage = QLocale::languageToCode(system.language());
    return supported.contains(systemLanguage) ? systemLanguage : QStringLiteral("en");
}

QLocale uiLocale(const QString &language, const QLocale &system)
{
    const QLocale::Language wanted = QLocale::codeToLanguage(language);
    if (wanted == QLocale::AnyLanguage || wanted == system.language())
        return wanted == QLocale::AnyLanguage ? QLocale(QLocale::English) : system;
    const QLocale paired(wanted, system.territory());
    // QLocale falls back to the language's main country when the pairing is unknown; that is
    // the right answer too (Spanish chosen on a German system writes dates as Spain does).
    return paired.language() == wanted ? paired : QLocale(wanted);
}

UiLanguage::UiLanguage() = default;

UiLanguage::~UiLanguage()
{
    for (const auto &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
}

bool UiLanguage::install(const QString &file)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file))
        return false;
    QCoreApplication::installTranslator(translator.get());
    m_translators.push_back(std::move(translator));
    return true;
}

bool UiLanguage::apply(const QString &language, const QLocale &system,
                       const QString &translationsDir)
{
    QLocale::setDefault(uiLocale(language, system));
    // Qt's own strings (context menus of text fields) where the distribution ships them.
    const QString qtFile = QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                           QStringLiteral("/qtbase_") + language + QStringLiteral(".qm");
    if (language != QLatin1String("en") && QFileInfo::exists(qtFile))
        install(qtFile);
    const bool loaded =
        install(translationsDir + QStringLiteral("/companion_") + language + QStringLiteral(".qm"));
    return loaded || language == QLatin1String("en");
}

bool UiLanguage::loadFile(const QString &qmFile)
{
    return install(qmFile);
}

} // namespace companion::presentation
