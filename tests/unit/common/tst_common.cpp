#include <catch2/catch.hpp>

#include "common/ids.h"
#include "common/result.h"
#include "common/secretbytes.h"

#include <algorithm>

using namespace companion;

namespace {
Result<int> parsePositive(int value)
{
    if (value <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("not positive"));
    return value;
}

Result<int> doubled(int value)
{
    COMPANION_TRY(parsePositive(value));
    return value * 2;
}
} // namespace

TEST_CASE("Result carries a value or an error", "[common]")
{
    auto ok = parsePositive(3);
    REQUIRE(ok);
    CHECK(*ok == 3);
    auto bad = parsePositive(-1);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == ErrorCode::InvalidInput);
    CHECK(errorCodeName(bad.error().code) == QStringLiteral("invalid_input"));
}

TEST_CASE("COMPANION_TRY propagates the first error", "[common]")
{
    CHECK(*doubled(4) == 8);
    auto failed = doubled(0);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message == QStringLiteral("not positive"));
}

TEST_CASE("SecretBytes moves, compares in constant time and wipes", "[common]")
{
    SecretBytes a = SecretBytes::fromUtf8("correct horse");
    REQUIRE(a.size() == 13);
    SecretBytes b = a.clone();
    CHECK(a.equals(b));
    b.data()[0] ^= 1;
    CHECK_FALSE(a.equals(b));
    CHECK_FALSE(a.equals(SecretBytes::fromUtf8("correct hors")));

    SecretBytes moved = std::move(a);
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): the moved-from state is specified
    CHECK(moved.size() == 13);
    moved.wipe();
    CHECK(moved.empty());
    CHECK(moved.data() == nullptr);
}

TEST_CASE("A released 32-byte SecretBytes is wiped before its secure block is reused", "[common]")
{
    // 32-byte keys are pooled per thread (one data key per pulled record would otherwise cost a
    // sodium_malloc and sodium_free each); a reused block must never show the old key.
    const std::uint8_t *block = nullptr;
    {
        SecretBytes key(32);
        std::fill(key.data(), key.data() + key.size(), std::uint8_t{0xA5});
        block = key.data();
    }
    SecretBytes next(32);
    CHECK(next.data() == block); // the same locked block, not a fresh allocation
    CHECK(std::all_of(next.data(), next.data() + next.size(),
                      [](std::uint8_t byte) { return byte == 0; }));
    // Moved and explicitly wiped keys go back wiped too.
    std::fill(next.data(), next.data() + next.size(), std::uint8_t{0x5A});
    SecretBytes moved = std::move(next);
    moved.wipe();
    CHECK(moved.empty());
    SecretBytes again(32);
    CHECK(std::all_of(again.data(), again.data() + again.size(),
                      [](std::uint8_t byte) { return byte == 0; }));
    // Other sizes are not pooled and keep their own allocation.
    SecretBytes other(33);
    CHECK(std::all_of(other.data(), other.data() + other.size(),
                      [](std::uint8_t byte) { return byte == 0; }));
}

TEST_CASE("RecordId is a random v4 UUID and parses only its canonical form", "[common]")
{
    const RecordId a = RecordId::generate();
    const RecordId b = RecordId::generate();
    CHECK_FALSE(a.isNull());
    CHECK(a != b);
    CHECK(a.toString().size() == 36);
    CHECK(a.toString() == a.toString().toLower());
    CHECK(RecordId::fromString(a.toString()) == a);
    CHECK(RecordId::fromString(QStringLiteral("{") + a.toString() + QStringLiteral("}")).isNull());
    CHECK(RecordId::fromString(QStringLiteral("not-a-uuid")).isNull());
    // A version-1 (time-based) UUID is refused: ids must not leak time or hardware.
    CHECK(RecordId::fromString(QStringLiteral("c232ab00-9414-11ec-b3c8-9e6bdeced846")).isNull());
}
