// Qt Quick Test entry point. Every tst_*.qml file gets its own QQmlEngine; for each one this setup
// builds a fresh temporary profile directory and real services (in-memory preferences), and hands
// them to the QML singleton wrappers exactly as app/patient/main.cpp does.

#include "crypto/sodium.h"
#include "presentation/qmlsingletons.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Companion_PatientPlugin)
Q_IMPORT_QML_PLUGIN(Companion_UiPlugin)
Q_IMPORT_QML_PLUGIN(Companion_CorePlugin)

namespace {

using namespace companion;
using namespace companion::presentation;

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        if (!crypto::initialize())
            qFatal("libsodium failed to initialise");
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The previous test file's engine is gone by now: drop its services (AutoLock first, it
        // refers to the other two) and start from an empty profile directory.
        reset();
        m_dir = std::make_unique<QTemporaryDir>();
        Q_ASSERT(m_dir->isValid());
        m_preferences = std::make_unique<Preferences>(QString());
        m_profile = std::make_unique<ProfileController>(m_dir->path());
        m_autoLock = std::make_unique<AutoLock>(*m_profile, *m_preferences);
        m_journal = std::make_unique<JournalController>(*m_profile);
        m_learn = std::make_unique<LearnController>(*m_profile, QStringLiteral(":/content"),
                                                    QStringLiteral("en"));
        ProfileControllerInstance::instance = m_profile.get();
        LearnControllerInstance::instance = m_learn.get();
        PreferencesInstance::instance = m_preferences.get();
        AutoLockInstance::instance = m_autoLock.get();
        JournalControllerInstance::instance = m_journal.get();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase() { reset(); }

private:
    void reset()
    {
        ProfileControllerInstance::instance = nullptr;
        LearnControllerInstance::instance = nullptr;
        PreferencesInstance::instance = nullptr;
        AutoLockInstance::instance = nullptr;
        JournalControllerInstance::instance = nullptr;
        m_journal.reset();
        m_learn.reset();
        m_autoLock.reset();
        m_profile.reset();
        m_preferences.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<ProfileController> m_profile;
    std::unique_ptr<AutoLock> m_autoLock;
    std::unique_ptr<JournalController> m_journal;
    std::unique_ptr<LearnController> m_learn;
};

} // namespace

QUICK_TEST_MAIN_WITH_SETUP(tst_companion_qml, Setup)

#include "setup.moc"
