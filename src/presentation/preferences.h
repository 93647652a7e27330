#pragma once

#include <QObject>
#include <QSettings>
#include <QVariantList>

#include <memory>

namespace companion::presentation {

// Device-level display preferences. They are read before unlock (the lock screen honours them),
// so they live in a small settings file beside the profile, never in it — and they hold no
// patient content: only theme, text size, contrast, language and the auto-lock delay.
class Preferences : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ThemeMode themeMode READ themeMode WRITE setThemeMode NOTIFY themeModeChanged)
    // The effective choice: themeMode, or the system's palette when it is System.
    Q_PROPERTY(bool darkMode READ darkMode NOTIFY darkModeChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY highContrastChanged)
    // 1.0 … 2.0: multiplies every font and control size (200 % for low vision or after infusion).
    Q_PROPERTY(double fontScale READ fontScale WRITE setFontScale NOTIFY fontScaleChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY
                   autoLockMinutesChanged)
    // "" follows the system; otherwise "en" or "es". Applied at the next start (see language.h).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The language this run of the app shows, fixed at start.
    Q_PROPERTY(QString activeLanguage READ activeLanguage CONSTANT)
    // The choice differs from what is shown: the settings page says it applies at the next start.
    Q_PROPERTY(bool languageRestartNeeded READ languageRestartNeeded NOTIFY languageChanged)
    // [{code, name}] for the settings page, each name in its own language ("English", "Español")
    // so a patient who cannot read the current language still finds theirs.
    Q_PROPERTY(QVariantList languageChoices READ languageChoices CONSTANT)
    // The choices the settings page offers, in minutes.
    Q_PROPERTY(QList<int> autoLockChoices READ autoLockChoices CONSTANT)

public:
    enum ThemeMode { System, Light, Dark };
    Q_ENUM(ThemeMode)

    static constexpr double kMinFontScale = 1.0;
    static constexpr double kMaxFontScale = 2.0;
    static constexpr int kDefaultAutoLockMinutes = 5;

    // `settingsFile`: an INI path (profile dir/preferences.ini); empty keeps everything in memory.
    explicit Preferences(const QString &settingsFile, QObject *parent = nullptr);

    ThemeMode themeMode() const { return m_themeMode; }
    void setThemeMode(ThemeMode mode);
    bool darkMode() const;
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    double fontScale() const { return m_fontScale; }
    void setFontScale(double scale);
    int autoLockMinutes() const { return m_autoLockMinutes; }
    void setAutoLockMinutes(int minutes);
    QList<int> autoLockChoices() const;
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString activeLanguage() const { return m_activeLanguage; }
    bool languageRestartNeeded() const;
    QVariantList languageChoices() const;
    // Called once by the composition root before QML starts.
    void setActiveLanguage(const QString &language) { m_activeLanguage = language; }

    // The stored language choice, read before the services exist (the UI language decides which
    // articles the Learn controller loads). Empty when unset, unreadable or not supported.
    static QString storedLanguage(const QString &settingsFile);

    // Whether the platform palette is dark; set by the app from QGuiApplication's palette.
    void setSystemPrefersDark(bool dark);

signals:
    void themeModeChanged();
    void darkModeChanged();
    void highContrastChanged();
    void fontScaleChanged();
    void autoLockMinutesChanged();
    void languageChanged();

private:
    void save(const char *key, const QVariant &value);
    std::unique_ptr<QSettings> m_settings;
    ThemeMode m_themeMode = System;
    bool m_systemPrefersDark = false;
    bool m_highContrast = false;
    double m_fontScale = 1.0;
    int m_autoLockMinutes = kDefaultAutoLockMinutes;
    QString m_language;
    QString m_activeLanguage = QStringLiteral("en");
};

} // namespace companion::presentation
