#include <catch2/catch.hpp>

#include "platform/batteryoptimisation.h"
#include "platform/keystore.h"
#include "platform/screenprivacy.h"

using namespace companion;
using namespace companion::platform;

// The desktop keeps its behaviour (docs/adr/0020): no OS key store, so the app installs no
// key-file seal and profiles stay exactly as before; the phone-only services are no-ops.
TEST_CASE("The desktop has no device key store and seals nothing", "[platform][keystore]")
{
    const auto store = createDeviceKeyStore();
    REQUIRE(store);
    CHECK_FALSE(store->available());
    CHECK(store->backend() == QStringLiteral("none"));

    auto sealed = store->seal(QByteArrayLiteral("{\"format\":1}"), QByteArrayLiteral("CMPSEAL1"));
    REQUIRE_FALSE(sealed);
    CHECK(sealed.error().code == ErrorCode::Unsupported);
    auto opened = store->unseal(QByteArrayLiteral("CMPSEAL1xxxx"), QByteArrayLiteral("CMPSEAL1"));
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == ErrorCode::Unsupported);
}

TEST_CASE("Screen privacy and battery guidance are no-ops on the desktop", "[platform]")
{
    protectScreenContents(); // must neither crash nor need a window
    CHECK(batteryOptimisationIgnored());
    CHECK_FALSE(openBatteryOptimisationSettings());
}
