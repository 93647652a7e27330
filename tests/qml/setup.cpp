// Qt Quick Test entry point. Every tst_*.qml file gets its own QQmlEngine; for each one this setup
// builds a fresh temporary profile directory and real services (in-memory preferences), and hands
// them to the QML singleton wrappers exactly as app/patient/main.cpp does.

#include "crypto/sodium.h"
#include "presentation/appservices.h"

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
        // The previous test file's engine is gone by now: drop its services and start from an
        // empty profile directory.
        reset();
        m_dir = std::make_unique<QTemporaryDir>();
        Q_ASSERT(m_dir->isValid());
        AppServicesOptions options;
        options.profileDirectory = m_dir->path();
        m_services = std::make_unique<AppServices>(options);
        // PDF summaries go into the temporary folder, never the real Documents folder.
        m_services->summary.setFolder(m_dir->filePath(QStringLiteral("Documents")));
        m_services->publish();
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase() { reset(); }

private:
    void reset()
    {
        m_services.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
};

} // namespace

QUICK_TEST_MAIN_WITH_SETUP(tst_companion_qml, Setup)

#include "setup.moc"
