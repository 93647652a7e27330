#include "protocol/keys.h"
#include "protocol/recordpayload.h"

#include <catch2/catch.hpp>

using namespace companion;
using namespace companion::protocol;
using namespace Qt::StringLiterals;

TEST_CASE("A record payload round-trips and refuses what another device must not send",
          "[protocol][payload]")
{
    RecordPayload payload{u"diary.checkin"_s, 1700000000000, 1700000005000,
                          1699999990000,      false,         R"({"mood":5})"};
    auto decoded = RecordPayload::decode(payload.encode());
    REQUIRE(decoded);
    CHECK(*decoded == payload);

    RecordPayload tombstone{u"journal.entry"_s, 1, 2, std::nullopt, true, {}};
    auto decodedTombstone = RecordPayload::decode(tombstone.encode());
    REQUIRE(decodedTombstone);
    CHECK(*decodedTombstone == tombstone);

    for (
        const char *bad : {
            R"({"kind":"x","created_at":1,"updated_at":1,"occurred_at":null,"deleted":false})",
            R"({"kind":"","created_at":1,"updated_at":1,"occurred_at":null,"deleted":false,"body":""})",
            R"({"kind":"x","created_at":-1,"updated_at":1,"occurred_at":null,"deleted":false,"body":""})",
            R"({"kind":"x","created_at":1,"updated_at":1,"deleted":false,"body":""})",
            R"({"kind":"x","created_at":1,"updated_at":1,"occurred_at":null,"deleted":true,"body":"AA=="})",
            R"({"kind":"x","created_at":1,"updated_at":1,"occurred_at":null,"deleted":false,"body":"","extra":1})",
            R"({"kind":"x","created_at":1.5,"updated_at":1,"occurred_at":null,"deleted":false,"body":""})",
            "not json",
        }) {
        INFO(bad);
        CHECK_FALSE(RecordPayload::decode(QByteArray(bad)));
    }
}

TEST_CASE("The direct payload writer gives QJsonDocument's compact bytes exactly",
          "[protocol][payload]")
{
    // encode() writes the JSON itself for speed; a version once sealed is resent byte for byte,
    // and other devices parse it, so it must stay the very format the QJsonObject path wrote.
    QByteArray binary;
    for (int i = 0; i < 300; ++i)
        binary.append(static_cast<char>(i % 256));
    const std::vector<RecordPayload> payloads{
        {u"diary.checkin"_s, 1700000000000, 1700000005000, 1699999990000, false,
         R"({"mood":5,"note":"caf\u00e9 \"quoted\""})"},
        {u"journal.entry"_s, 1, 2, std::nullopt, true, {}},
        {u"instrument.result"_s, 0, 253402300799999, 0, false, binary},
        {u"a-b_c:d.e"_s, 42, 43, std::nullopt, false, "x"},
        // Kinds that need escaping (or are not ASCII) take the QJsonObject path.
        {u"we\"ird\\kind\n"_s, 5, 6, 7, false, "y"},
        {u"diário"_s, 5, 6, 7, false, "y"},
    };
    for (const RecordPayload &payload : payloads) {
        INFO(payload.kind.toStdString());
        CHECK(payload.encode() == payload.encodeThroughJson());
        auto decoded = RecordPayload::decode(payload.encode());
        REQUIRE(decoded);
        CHECK(*decoded == payload);
    }
}

TEST_CASE("Coarse kinds route without revealing the precise kind", "[protocol][payload]")
{
    CHECK(coarseKindOf(u"diary.checkin"_s) == RecordKind::Diary);
    CHECK(coarseKindOf(u"diary.postinfusion"_s) == RecordKind::Diary);
    CHECK(coarseKindOf(u"instrument.result"_s) == RecordKind::Instrument);
    CHECK(coarseKindOf(u"journal.entry"_s) == RecordKind::Note);
    CHECK(coarseKindOf(u"ride.plan"_s) == RecordKind::Checklist);
    CHECK(coarseKindOf(u"appointment"_s) == RecordKind::Appointment);
    CHECK(coarseKindOf(u"safety.event"_s) == RecordKind::Safety);
    CHECK(coarseKindOf(u"something.new"_s) == RecordKind::Settings);
}

TEST_CASE("Vault key blobs open only with the right passphrase and place", "[protocol][keys]")
{
    const SecretBytes vrk = generateKey();
    const Id16 vault = randomId();
    const SecretBytes passphrase = SecretBytes::fromUtf8("juniper falcon atlas biscuit");
    auto blob = sealVaultKeyForPassphrase(passphrase, vrk, vault, 1);
    REQUIRE(blob);
    auto opened = openVaultKeyWithPassphrase(passphrase, *blob, vault, 1);
    REQUIRE(opened);
    CHECK(opened->equals(vrk));
    auto wrong =
        openVaultKeyWithPassphrase(SecretBytes::fromUtf8("another passphrase"), *blob, vault, 1);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::WrongPassphrase);
    CHECK_FALSE(openVaultKeyWithPassphrase(passphrase, *blob, randomId(), 1));
    CHECK_FALSE(openVaultKeyWithPassphrase(passphrase, *blob, vault, 2));
    // A server that lowers the stored Argon2id cost is refused before any derivation.
    QByteArray weakened = *blob;
    weakened[11] = 1; // ops limit 1
    auto refused = openVaultKeyWithPassphrase(passphrase, weakened, vault, 1);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::WeakParameters);
    CHECK(openVaultKeyWithPassphrase(passphrase, blob->left(40), vault, 1).error().code ==
          ErrorCode::Damaged);

    const SecretBytes sck = generateKey();
    auto wrapped = wrapSharedCollectionKeyForVault(vrk, sck, vault, 2, 5);
    REQUIRE(wrapped);
    auto unwrapped = unwrapSharedCollectionKeyForVault(vrk, *wrapped, vault, 2, 5);
    REQUIRE(unwrapped);
    CHECK(unwrapped->equals(sck));
    CHECK_FALSE(unwrapSharedCollectionKeyForVault(vrk, *wrapped, vault, 3, 5));
    CHECK_FALSE(unwrapSharedCollectionKeyForVault(vrk, *wrapped, vault, 2, 4));

    const SharedKeyBlob shared{7, QByteArray(static_cast<qsizetype>(kWrappedKeySize), 'x')};
    auto decoded = decodeSharedKeyBlob(encodeSharedKeyBlob(shared));
    REQUIRE(decoded);
    CHECK(decoded->generation == 7);
    CHECK(decoded->wrapped == shared.wrapped);
    CHECK_FALSE(decodeSharedKeyBlob(QByteArray(10, 'x')));
}
