#include <catch2/catch.hpp>

#include "platform/linux/autostart.h"
#include "presentation/profilecontroller.h"
#include "storage/profile.h"
#include "support/filescan.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <QFile>
#include <QFileInfo>

using namespace companion;
using namespace companion::presentation;

namespace {

const QString kPassphrase = QStringLiteral("juniper falcon atlas biscuit");
const QString kNewPassphrase = QStringLiteral("saffron glacier mosaic tundra");

bool idle(const ProfileController &c)
{
    return testing::waitUntil([&] { return !c.busy(); });
}

void createUnlocked(ProfileController &controller)
{
    controller.createProfile(kPassphrase, kPassphrase);
    REQUIRE(controller.busy());
    REQUIRE(idle(controller));
    REQUIRE(controller.state() == ProfileController::Unlocked);
}

} // namespace

TEST_CASE("First run: create validates, unlocks and shows the recovery key once", "[presentation]")
{
    testing::TempDir dir;
    ProfileController controller(dir.path());
    CHECK(controller.state() == ProfileController::NoProfile);

    controller.createProfile(kPassphrase, kPassphrase + QStringLiteral("x"));
    CHECK_FALSE(controller.busy());
    CHECK(controller.errorMessage().contains(QStringLiteral("do not match")));

    controller.createProfile(QStringLiteral("password1"), QStringLiteral("password1"));
    CHECK(controller.errorMessage().contains(QStringLiteral("too easy")));
    CHECK(controller.state() == ProfileController::NoProfile);

    createUnlocked(controller);
    CHECK(controller.errorMessage().isEmpty());
    CHECK(controller.recoveryKeyText().size() == 64);
    controller.acknowledgeRecoveryKey();
    CHECK(controller.recoveryKeyText().isEmpty());
}

TEST_CASE("Lock and unlock; a wrong passphrase says so and stays locked", "[presentation]")
{
    testing::TempDir dir;
    {
        ProfileController controller(dir.path());
        createUnlocked(controller);
    }
    ProfileController controller(dir.path());
    CHECK(controller.state() == ProfileController::Locked);
    controller.unlock(QString());
    CHECK(controller.errorMessage().contains(QStringLiteral("Enter")));

    controller.unlock(QStringLiteral("juniper falcon atlas"));
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Locked);
    CHECK(controller.errorMessage().contains(QStringLiteral("not right")));

    controller.unlock(kPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Unlocked);
    CHECK(controller.errorMessage().isEmpty());
    CHECK(controller.profile() != nullptr);

    int aboutToLock = 0;
    QObject::connect(&controller, &ProfileController::aboutToLock, [&] { ++aboutToLock; });
    controller.lock();
    CHECK(aboutToLock == 1);
    CHECK(controller.state() == ProfileController::Locked);
    CHECK(controller.profile() == nullptr);
}

TEST_CASE("The preferred name is stored encrypted and survives lock", "[presentation]")
{
    testing::TempDir dir;
    const QString canary = QStringLiteral("Canary Name Qx7Vw");
    ProfileController controller(dir.path());
    createUnlocked(controller);
    controller.setPreferredName(QStringLiteral("  ") + canary + QStringLiteral("  "));
    CHECK(controller.preferredName() == canary);
    controller.setPreferredName(canary + QStringLiteral(" Jr"));
    controller.lock();
    CHECK(controller.preferredName().isEmpty());
    CHECK(testing::filesContaining(dir.path(), canary).isEmpty());

    controller.unlock(kPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.preferredName() == canary + QStringLiteral(" Jr"));
    // One settings record with two versions, not two records.
    CHECK(controller.profile()->records().list(QStringLiteral("profile.settings"))->size() == 1);
}

TEST_CASE("Changing the passphrase checks the current one", "[presentation]")
{
    testing::TempDir dir;
    ProfileController controller(dir.path());
    createUnlocked(controller);
    std::vector<bool> results;
    QObject::connect(&controller, &ProfileController::passphraseChangeFinished,
                     [&](bool ok) { results.push_back(ok); });

    controller.changePassphrase(QStringLiteral("not my passphrase"), kNewPassphrase,
                                kNewPassphrase);
    REQUIRE(idle(controller));
    controller.changePassphrase(kPassphrase, kNewPassphrase, kNewPassphrase);
    REQUIRE(idle(controller));
    REQUIRE(results == std::vector<bool>{false, true});

    controller.lock();
    controller.unlock(kPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Locked);
    controller.unlock(kNewPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Unlocked);
}

TEST_CASE("The recovery key resets a forgotten passphrase and is then replaced", "[presentation]")
{
    testing::TempDir dir;
    QString oldRecoveryKey;
    {
        ProfileController controller(dir.path());
        createUnlocked(controller);
        oldRecoveryKey = controller.recoveryKeyText();
    }
    ProfileController controller(dir.path());
    QString typo = oldRecoveryKey;
    typo[0] = typo[0] == u'A' ? u'B' : u'A';
    controller.recoverWithKey(typo, kNewPassphrase, kNewPassphrase);
    CHECK_FALSE(controller.busy());
    CHECK(controller.errorMessage().contains(QStringLiteral("typo")));

    controller.recoverWithKey(oldRecoveryKey, kNewPassphrase, kNewPassphrase);
    REQUIRE(idle(controller));
    REQUIRE(controller.state() == ProfileController::Unlocked);
    const QString newRecoveryKey = controller.recoveryKeyText();
    CHECK(newRecoveryKey.size() == 64);
    CHECK(newRecoveryKey != oldRecoveryKey);
    controller.acknowledgeRecoveryKey();
    controller.lock();

    // The used key no longer works; the new one and the new passphrase do.
    controller.recoverWithKey(oldRecoveryKey, kPassphrase, kPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Locked);
    CHECK(controller.errorMessage().contains(QStringLiteral("different profile")));
    controller.unlock(kNewPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Unlocked);
}

TEST_CASE("A damaged profile leads to the Damaged state, not a crash or a repair", "[presentation]")
{
    testing::TempDir dir;
    {
        ProfileController controller(dir.path());
        createUnlocked(controller);
    }
    REQUIRE(testing::flipBit(dir.file(QStringLiteral("profile.db")), 100));
    const QByteArray before = [&] {
        QFile f(dir.file(QStringLiteral("profile.db")));
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();
    ProfileController controller(dir.path());
    controller.unlock(kPassphrase);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Damaged);
    CHECK(controller.errorMessage().contains(QStringLiteral("integrity")));
    QFile after(dir.file(QStringLiteral("profile.db")));
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == before); // never auto-repaired
}

TEST_CASE("Locking while an operation runs waits for it to finish", "[presentation]")
{
    testing::TempDir dir;
    ProfileController controller(dir.path());
    createUnlocked(controller);
    controller.changePassphrase(kPassphrase, kNewPassphrase, kNewPassphrase);
    REQUIRE(controller.busy());
    controller.lock(); // must not destroy the profile under the worker
    CHECK(controller.state() == ProfileController::Unlocked);
    REQUIRE(idle(controller));
    CHECK(controller.state() == ProfileController::Locked);
}

TEST_CASE("Wiping the profile deletes its files and the reminder service's login entry",
          "[presentation]")
{
    testing::TempDir dir;
    testing::TempDir config;
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    const QString profileDir = dir.file(QStringLiteral("profile"));
    REQUIRE(platform::autostart::enable(QStringLiteral("/usr/bin/companion-cli"),
                                        {QStringLiteral("reminders"), QStringLiteral("daemon"),
                                         QStringLiteral("--profile"),
                                         QFileInfo(profileDir).absoluteFilePath()}));
    {
        ProfileController controller(profileDir);
        createUnlocked(controller);
        REQUIRE(controller.wipeProfile());
        CHECK(controller.state() == ProfileController::NoProfile);
    }
    CHECK_FALSE(QFileInfo::exists(profileDir + QStringLiteral("/") +
                                  QString::fromLatin1(storage::Profile::kKeyFileName)));
    CHECK_FALSE(platform::autostart::isEnabled());
    if (previous.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", previous);
}
