// Damage and tampering: every altered or truncated profile file must exit 4 ("damaged or
// tampered"), never 0 and never 3 (which would send a person hunting for a passphrase).
#include "clirunner.h"

#include <catch2/catch.hpp>

#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace companion::testing;

namespace {

CliResult check(const ProfileCopy &copy)
{
    return runCli({u"check"_s, u"--profile"_s, copy.directory(), u"--passphrase-file"_s,
                   copy.passphraseFile()});
}

void requireDamaged(const CliResult &result)
{
    CHECK(result.exitCode == 4);
    CHECK(result.err.contains("damaged or has been tampered with"));
    CHECK(result.out.isEmpty());
}

} // namespace

TEST_CASE("a flipped bit in profile.db exits 4", "[integration][cli]")
{
    ProfileCopy copy;
    const qint64 size = QFileInfo(copy.databaseFile()).size();
    REQUIRE(size >= 3 * 4096);
    // 100: inside page 1, which a wrong key also fails to decrypt, so this must not be
    // reported as a wrong passphrase; then a byte in page 2 and one in the middle of the file.
    const qint64 offset = GENERATE_COPY(values<qint64>({100, 4096 + 2000, size / 2}));
    INFO("offset " << offset);
    REQUIRE(flipBit(copy.databaseFile(), offset, 3));
    requireDamaged(check(copy));
}

TEST_CASE("a flipped bit in the salt or the last HMAC byte of profile.db exits 4",
          "[integration][cli]")
{
    ProfileCopy copy;
    // 5: the page-1 salt (SQLCipher's first 16 bytes). -13: the last byte of the last page's
    // HMAC. (SQLCipher 3.4.1 reserves 48 bytes per page: IV 16 + HMAC-SHA1 20 + 12 bytes of
    // alignment padding that no HMAC covers and no read uses, so the final 12 bytes of a page
    // are the one place a flipped bit changes nothing and is not reported.)
    const qint64 offset = GENERATE(values<qint64>({5, -13}));
    INFO("offset " << offset);
    REQUIRE(flipBit(copy.databaseFile(), offset, 0));
    requireDamaged(check(copy));
}

TEST_CASE("a truncated profile.db exits 4", "[integration][cli]")
{
    ProfileCopy copy;
    const qint64 size = QFileInfo(copy.databaseFile()).size();
    const qint64 newSize = GENERATE_COPY(values<qint64>({0, 4096, size / 2 + 7, size - 4096}));
    INFO("truncated to " << newSize << " of " << size);
    REQUIRE(truncateFile(copy.databaseFile(), newSize));
    requireDamaged(check(copy));
}

TEST_CASE("a flipped bit or truncation in profile.key exits 4", "[integration][cli]")
{
    ProfileCopy copy;
    const qint64 size = QFileInfo(copy.keyFile()).size();
    SECTION("flipped bit in the middle")
    {
        REQUIRE(flipBit(copy.keyFile(), size / 2, 1));
    }
    SECTION("flipped bit near the start")
    {
        REQUIRE(flipBit(copy.keyFile(), 20, 0));
    }
    SECTION("truncated to half")
    {
        REQUIRE(truncateFile(copy.keyFile(), size / 2));
    }
    SECTION("truncated to nothing")
    {
        REQUIRE(truncateFile(copy.keyFile(), 0));
    }
    requireDamaged(check(copy));
}

TEST_CASE("a missing profile.db next to its key file exits 4", "[integration][cli]")
{
    ProfileCopy copy;
    REQUIRE(QFile::remove(copy.databaseFile()));
    requireDamaged(check(copy));
}
