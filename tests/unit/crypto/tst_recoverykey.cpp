#include <catch2/catch.hpp>

#include "crypto/recoverykey.h"

using namespace companion;
using namespace companion::crypto;

TEST_CASE("A recovery key round-trips through its display form", "[crypto]")
{
    const RecoveryKey key = RecoveryKey::generate();
    const QString text = key.displayText();
    CHECK(text.size() == 52 + 12); // 13 groups of 4, 12 dashes
    CHECK(text.count(u'-') == 12);
    for (const QChar c : text)
        CHECK(QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ-").contains(c));

    auto parsed = RecoveryKey::parse(text);
    REQUIRE(parsed);
    CHECK(parsed->wrappingKey().equals(key.wrappingKey()));
    CHECK_FALSE(RecoveryKey::generate().wrappingKey().equals(key.wrappingKey()));
}

TEST_CASE("Recovery key parsing forgives case, spacing and look-alike letters", "[crypto]")
{
    const RecoveryKey key = RecoveryKey::generate();
    QString relaxed = key.displayText().toLower();
    relaxed.replace(u'-', u' ');
    relaxed.replace(u'0', u'o');
    relaxed.replace(u'1', u'l');
    auto parsed =
        RecoveryKey::parse(QString(QStringLiteral("  ") + relaxed + QStringLiteral("\n")));
    REQUIRE(parsed);
    CHECK(parsed->wrappingKey().equals(key.wrappingKey()));
}

TEST_CASE("Recovery key typos are caught before any unlock attempt", "[crypto]")
{
    const RecoveryKey key = RecoveryKey::generate();
    const QString text = key.displayText();
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    int variants = 0;
    int rejected = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'-')
            continue;
        for (const QChar replacement : alphabet) {
            if (replacement == text[i])
                continue;
            QString typo = text;
            typo[i] = replacement;
            ++variants;
            auto parsed = RecoveryKey::parse(typo);
            if (!parsed) {
                CHECK(parsed.error().code == ErrorCode::InvalidInput);
                ++rejected;
            }
        }
    }
    CHECK(variants == 52 * 31);
    // A 16-bit checksum misses about one typo in 65,536; 1,612 variants expect 0.02 misses.
    CHECK(rejected >= variants - 2);

    CHECK(RecoveryKey::parse(text.left(text.size() - 1)).error().code == ErrorCode::InvalidInput);
    CHECK(RecoveryKey::parse(QString(text + QStringLiteral("A"))).error().code ==
          ErrorCode::InvalidInput);
    CHECK(RecoveryKey::parse(QString(text).replace(0, 1, QStringLiteral("U"))).error().code ==
          ErrorCode::InvalidInput);
    CHECK_FALSE(RecoveryKey::parse(QString()));
}
