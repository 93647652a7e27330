// Issue 6 in the app: Settings → Your clinic → "New data recovery key" through the real
// SyncController against the real server, and a passphrase change sealing the clinic's
// passphrase slot again.
#include "harness.h"
#include "syncfixture.h"
#include "unlockedapp.h"

#include "presentation/appservices.h"
#include "support/wait.h"

#include <catch2/catch.hpp>

using namespace companion;
using namespace companion::presentation;
using namespace Qt::StringLiterals;

namespace {

QString enrolApp(servertest::TestServer &server, SyncController &sync)
{
    sync.enrol(u"http://127.0.0.1:%1"_s.arg(server.port()), server.newEnrolmentCode(),
               server.fingerprint(), testing::kTestPassphrase);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }, 60000));
    INFO(sync.errorText().toStdString());
    REQUIRE(sync.enrolled());
    REQUIRE_FALSE(sync.recoveryKey().isEmpty());
    const QString key = sync.recoveryKey();
    sync.dismissRecoveryKey();
    return key;
}

// A new device with a clinic recovery code for `vaultId`, typing `secret`.
Result<sync::EnrolResult> recoverWith(servertest::TestServer &server, const QString &vaultId,
                                      const QString &secret)
{
    const servertest::AdminResult code =
        server.admin({u"recovery-code"_s, u"--db"_s, server.dbUrl(), u"--vault"_s, vaultId});
    REQUIRE(code.exitCode == 0);
    synctest::PatientDevice device;
    return device.engine().enrol(
        {device.serverUrl(server), code.field(u"code"_s), server.fingerprint(), {}},
        SecretBytes::fromUtf8(synctest::kPassphrase),
        [&](int) { return Result<SecretBytes>(SecretBytes::fromUtf8(secret.toStdString())); });
}

QString vaultIdOf(AppServices &services)
{
    auto session = services.profile.profile();
    REQUIRE(session);
    sync::SyncStore store(session->database());
    auto account = store.account();
    REQUIRE(account);
    REQUIRE(account->has_value());
    return (*account)->vaultId;
}

} // namespace

TEST_CASE("The app makes a new data recovery key and shows it once; offline nothing changes",
          "[sync][app][recovery]")
{
    servertest::TestServer server;
    server.start();
    testing::UnlockedApp app;
    SyncController &sync = app.services.sync;
    const QString oldKey = enrolApp(server, sync);
    const QString vaultId = vaultIdOf(app.services);

    // The clinic unreachable: an error that says nothing changed, no key shown.
    const std::uint16_t port = server.port();
    server.stop();
    sync.replaceRecoveryKey();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }, 60000));
    CHECK(sync.recoveryKey().isEmpty());
    CHECK(sync.errorText().contains(u"nothing changed"_s));
    server.start({}, port);
    {
        auto stillOld = recoverWith(server, vaultId, oldKey);
        INFO((stillOld ? QString() : stillOld.error().message).toStdString());
        CHECK(stillOld);
    }

    sync.replaceRecoveryKey();
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }, 60000));
    INFO(sync.errorText().toStdString());
    CHECK(sync.errorText().isEmpty());
    const QString newKey = sync.recoveryKey();
    REQUIRE_FALSE(newKey.isEmpty());
    CHECK(newKey != oldKey);
    sync.dismissRecoveryKey();
    CHECK(sync.recoveryKey().isEmpty());

    auto withOld = recoverWith(server, vaultId, oldKey);
    REQUIRE_FALSE(withOld);
    CHECK(withOld.error().code == ErrorCode::WrongPassphrase);
    auto withNew = recoverWith(server, vaultId, newKey);
    INFO((withNew ? QString() : withNew.error().message).toStdString());
    CHECK(withNew);
}

TEST_CASE("The app's passphrase change also changes the passphrase a new device joins with",
          "[sync][app][passphrase]")
{
    servertest::TestServer server;
    server.start();
    testing::UnlockedApp app;
    AppServices &services = app.services;
    SyncController &sync = services.sync;
    enrolApp(server, sync);

    const QString next = u"otter lantern quartz meadow violet"_s;
    bool succeeded = false;
    QObject::connect(&services.profile, &ProfileController::passphraseChangeFinished,
                     [&](bool ok) { succeeded = ok; });
    services.profile.changePassphrase(testing::kTestPassphrase, next, next);
    REQUIRE(testing::waitUntil([&] { return !services.profile.busy(); }, 60000));
    REQUIRE(succeeded);
    REQUIRE(testing::waitUntil([&] { return !sync.busy(); }, 60000));
    INFO(sync.errorText().toStdString());
    CHECK(sync.errorText().isEmpty());

    const auto joinWith = [&](const QString &typed) {
        sync.createJoinCode();
        REQUIRE(testing::waitUntil([&] { return !sync.busy(); }, 60000));
        REQUIRE_FALSE(sync.joinCode().isEmpty());
        synctest::PatientDevice device;
        return device.engine().enrol(
            {device.serverUrl(server), sync.joinCode(), server.fingerprint(), {}},
            SecretBytes::fromUtf8(synctest::kPassphrase),
            [&](int) { return Result<SecretBytes>(SecretBytes::fromUtf8(typed.toStdString())); });
    };
    auto withOld = joinWith(testing::kTestPassphrase);
    REQUIRE_FALSE(withOld);
    CHECK(withOld.error().code == ErrorCode::WrongPassphrase);
    auto withNew = joinWith(next);
    INFO((withNew ? QString() : withNew.error().message).toStdString());
    CHECK(withNew);

    // "Forgot your passphrase": the profile's own recovery key and a third passphrase, from the
    // locked screen. The slot follows once the unlocked profile is read as enrolled.
    services.profile.createNewRecoveryKey();
    REQUIRE(testing::waitUntil([&] { return !services.profile.busy(); }, 60000));
    const QString profileKey = services.profile.recoveryKeyText();
    REQUIRE_FALSE(profileKey.isEmpty());
    services.profile.acknowledgeRecoveryKey();
    services.profile.lock();
    const QString third = u"harbor pepper tundra willow comet"_s;
    services.profile.recoverWithKey(profileKey, third, third);
    REQUIRE(testing::waitUntil([&] { return !services.profile.busy(); }, 60000));
    REQUIRE(services.profile.state() == ProfileController::Unlocked);
    services.profile.acknowledgeRecoveryKey();
    REQUIRE(testing::waitUntil([&] { return sync.enrolled() && !sync.busy(); }, 60000));
    CHECK(sync.errorText().isEmpty());
    auto afterRecovery = joinWith(third);
    INFO((afterRecovery ? QString() : afterRecovery.error().message).toStdString());
    CHECK(afterRecovery);
}
