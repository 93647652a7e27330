#include "presentation/preferences.h"

#include "presentation/language.h"

#include <algorithm>
#include <cmath>

namespace companion::presentation {

namespace {
constexpr int kAutoLockChoices[] = {1, 2, 5, 10, 15, 30};
constexpr const char *kThemeKey = "appearance/theme";
constexpr const char *kContrastKey = "appearance/highContrast";
constexpr const char *kFontScaleKey = "appearance/fontScale";
constexpr const char *kAutoLockKey = "security/autoLockMinutes";
constexpr const char *kLanguageKey = "appearance/language";

QString supportedOrEmpty(const QString &language)
{
    return supportedLanguages().contains(language) ? language : QString();
}
} // namespace

Preferences::Preferences(const QString &settingsFile, QObject *parent)
    : QObject(parent)
{
    if (settingsFile.isEmpty())
        return;
    m_settings = std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    // Values are clamped on load: the file is outside the encrypted profile and may be edited.
    const int theme = m_settings->value(QLatin1String(kThemeKey), int(System)).toInt();
    m_themeMode = (theme >= System && theme <= Dark) ? ThemeMode(theme) : System;
    m_highContrast = m_settings->value(QLatin1String(kContrastKey), false).toBool();
    m_fontScale = std::clamp(m_settings->value(QLatin1String(kFontScaleKey), 1.0).toDouble(),
                             kMinFontScale, kMaxFontScale);
    if (std::isnan(m_fontScale))
        m_fontScale = 1.0;
    const int minutes =
        m_settings->value(QLatin1String(kAutoLockKey), kDefaultAutoLockMinutes).toInt();
    const auto choices = autoLockChoices();
    m_autoLockMinutes = choices.contains(minutes) ? minutes : kDefaultAutoLockMinutes;
    m_language = supportedOrEmpty(m_settings->value(QLatin1String(kLanguageKey)).toString());
}

bool Preferences::languageRestartNeeded() const
{
    return resolveLanguage(m_language, QLocale::system()) != m_activeLanguage;
}

QVariantList Preferences::languageChoices() const
{
    // Autonyms, not translated: Qt 6.4's nativeLanguageName() adds the country ("español de
    // España"), which is not what a patient picking a language looks for.
    const QVariantMap names{{QStringLiteral("en"), QStringLiteral("English")},
                            {QStringLiteral("es"), QStringLiteral("Español")}};
    QVariantList choices;
    for (const QString &code : supportedLanguages())
        choices.append(QVariantMap{{QStringLiteral("code"), code},
                                   {QStringLiteral("name"), names.value(code, code)}});
    return choices;
}

QString Preferences::storedLanguage(const QString &settingsFile)
{
    if (settingsFile.isEmpty())
        return {};
    const QSettings settings(settingsFile, QSettings::IniFormat);
    return supportedOrEmpty(settings.value(QLatin1String(kLanguageKey)).toString());
}

void Preferences::setLanguage(const QString &language)
{
    const QString checked = supportedOrEmpty(language);
    if (checked != language || checked == m_language)
        return;
    m_language = checked;
    save(kLanguageKey, checked);
    emit languageChanged();
}

void Preferences::save(const char *key, const QVariant &value)
{
    if (m_settings) {
        m_settings->setValue(QLatin1String(key), value);
        m_settings->sync();
    }
}

void Preferences::setThemeMode(ThemeMode mode)
{
    if (mode == m_themeMode)
        return;
    const bool wasDark = darkMode();
    m_themeMode = mode;
    save(kThemeKey, int(mode));
    emit themeModeChanged();
    if (wasDark != darkMode())
        emit darkModeChanged();
}

bool Preferences::darkMode() const
{
    return m_themeMode == Dark || (m_themeMode == System && m_systemPrefersDark);
}

void Preferences::setSystemPrefersDark(bool dark)
{
    if (dark == m_systemPrefersDark)
        return;
    const bool wasDark = darkMode();
    m_systemPrefersDark = dark;
    if (wasDark != darkMode())
        emit darkModeChanged();
}

void Preferences::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    save(kContrastKey, on);
    emit highContrastChanged();
}

void Preferences::setFontScale(double scale)
{
    if (std::isnan(scale))
        return;
    // Steps of 5 % keep the slider and the stored value in agreement.
    scale = std::round(std::clamp(scale, kMinFontScale, kMaxFontScale) * 20.0) / 20.0;
    if (qFuzzyCompare(scale, m_fontScale))
        return;
    m_fontScale = scale;
    save(kFontScaleKey, scale);
    emit fontScaleChanged();
}

void Preferences::setAutoLockMinutes(int minutes)
{
    if (minutes == m_autoLockMinutes || !autoLockChoices().contains(minutes))
        return;
    m_autoLockMinutes = minutes;
    save(kAutoLockKey, minutes);
    emit autoLockMinutesChanged();
}

QList<int> Preferences::autoLockChoices() const
{
    return QList<int>(std::begin(kAutoLockChoices), std::end(kAutoLockChoices));
}

} // namespace companion::presentation
