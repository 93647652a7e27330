// Qt Quick Test entry point. Every tst_*.qml file gets its own QQmlEngine; for each one this setup
// builds a fresh temporary profile directory and real services (in-memory preferences), and hands
// them to the QML singleton wrappers exactly as app/patient/main.cpp does.

#include "crypto/sodium.h"
#include "platform/runtimepermission.h"
#include "presentation/appservices.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(Companion_PatientPlugin)
Q_IMPORT_QML_PLUGIN(Companion_UiPlugin)
Q_IMPORT_QML_PLUGIN(Companion_CorePlugin)

namespace {

using namespace companion;
using namespace companion::presentation;

// A phone's permissions for tst_permissions.qml (QML: `FakePermissions`): install() puts both
// permission controllers on it with nothing asked yet; prompts stay open until answer().
class FakePermissions : public QObject, public platform::PermissionSource
{
    Q_OBJECT
    Q_PROPERTY(int openPrompts READ openPrompts NOTIFY changed)
    Q_PROPERTY(int settingsOpened READ settingsOpened NOTIFY changed)

public:
    explicit FakePermissions(AppServices *services)
        : m_services(services)
    {}

    int openPrompts() const { return static_cast<int>(m_prompts.size()); }
    int settingsOpened() const { return m_settingsOpened; }

    Q_INVOKABLE void install()
    {
        m_services->cameraPermission.setSource(this);
        m_services->notificationPermission.setSource(this);
    }
    // The person answers the oldest open system prompt.
    Q_INVOKABLE void answer(bool yes)
    {
        Q_ASSERT(!m_prompts.empty());
        auto [permission, reply] = std::move(m_prompts.front());
        m_prompts.erase(m_prompts.begin());
        m_status[permission == platform::Permission::Camera ? 0 : 1] =
            yes ? platform::PermissionStatus::Granted : platform::PermissionStatus::Denied;
        emit changed();
        reply(yes ? platform::PermissionStatus::Granted : platform::PermissionStatus::Denied);
    }

    platform::PermissionStatus status(platform::Permission permission) const override
    {
        return m_status[permission == platform::Permission::Camera ? 0 : 1];
    }
    void request(platform::Permission permission, Answer answer) override
    {
        m_prompts.emplace_back(permission, std::move(answer));
        emit changed();
    }
    bool openSettings() override
    {
        ++m_settingsOpened;
        emit changed();
        return true;
    }

signals:
    void changed();

private:
    AppServices *m_services;
    platform::PermissionStatus m_status[2] = {platform::PermissionStatus::NotAsked,
                                              platform::PermissionStatus::NotAsked};
    std::vector<std::pair<platform::Permission, Answer>> m_prompts;
    int m_settingsOpened = 0;
};

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
        m_fakePermissions = std::make_unique<FakePermissions>(m_services.get());
        engine->rootContext()->setContextProperty(QStringLiteral("FakePermissions"),
                                                  m_fakePermissions.get());
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    }

    void cleanupTestCase() { reset(); }

private:
    void reset()
    {
        m_services.reset();
        m_fakePermissions.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<FakePermissions> m_fakePermissions;
};

} // namespace

QUICK_TEST_MAIN_WITH_SETUP(tst_companion_qml, Setup)

#include "setup.moc"
