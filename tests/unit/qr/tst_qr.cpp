#include <catch2/catch.hpp>

#include "protocol/enrollink.h"
#include "qr/qrcode.h"
#include "qr/qrdecoder.h"
#include "support/tempdir.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTransform>

#include <algorithm>

using namespace companion;
using namespace Qt::StringLiterals;

namespace {

QByteArray sampleJoinLink()
{
    protocol::EnrolmentLink link;
    link.kind = protocol::LinkKind::Join;
    link.serverUrl = u"https://clinic.example"_s;
    link.code = u"ABCD-EFGH-JKMN-PQRS-TVWX"_s;
    link.fingerprint = u"c46d-734c-0a1b-2c3d-4e5f-6071-8293-a4b5"_s;
    link.linkSecret = protocol::generateLinkSecret();
    auto uri = protocol::formatEnrolmentLink(link);
    REQUIRE(uri);
    return QByteArray(reinterpret_cast<const char *>(uri->data()),
                      static_cast<qsizetype>(uri->size()));
}

} // namespace

TEST_CASE("qrencode → PNG → zbar gives back the same bytes", "[qr]")
{
    testing::TempDir dir;
    const QByteArray payload = sampleJoinLink();
    auto code = qr::QrCode::encode(payload);
    REQUIRE(code);
    CHECK(code->size() >= 21);
    const QString png = dir.file(u"link.png"_s);
    REQUIRE(code->writePng(png));
    QFile file(png);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
    file.close();

    auto decoded = qr::decodeImageFile(png);
    REQUIRE(decoded);
    REQUIRE(decoded->size() == 1);
    CHECK(decoded->first() == payload);
    auto link = protocol::parseEnrolmentLink(decoded->first());
    REQUIRE(link);
    CHECK(link->kind == protocol::LinkKind::Join);
}

TEST_CASE("The decoder reads a code as a camera sees it: small, rotated, on a grey page", "[qr]")
{
    const QByteArray payload = "companion:enrol?v=1&s=http%3A%2F%2F127.0.0.1%3A8080&c=ABCDEFGHJ"
                               "KMNPQRSTVWX&f=c46d-734c-0a1b-2c3d-4e5f-6071-8293-a4b5";
    auto code = qr::QrCode::encode(payload);
    REQUIRE(code);
    QImage page(1280, 960, QImage::Format_RGB32);
    page.fill(QColor(200, 200, 190));
    QPainter painter(&page);
    painter.translate(640, 480);
    painter.rotate(17);
    const QImage symbol = code->toImage(6);
    painter.drawImage(QPointF(-symbol.width() / 2.0, -symbol.height() / 2.0), symbol);
    painter.end();
    const QList<QByteArray> found = qr::decodeImage(page);
    REQUIRE(found.size() == 1);
    CHECK(found.first() == payload);

    // A huge image is scaled down first and still read.
    const QImage huge = code->toImage(80);
    CHECK(huge.width() > qr::kMaxDecodeSide);
    const QList<QByteArray> big = qr::decodeImage(huge);
    REQUIRE(big.size() == 1);
    CHECK(big.first() == payload);
}

TEST_CASE("No code, no image, too much: clear errors", "[qr]")
{
    testing::TempDir dir;
    QImage blank(400, 400, QImage::Format_Grayscale8);
    blank.fill(255);
    CHECK(qr::decodeImage(blank).isEmpty());
    CHECK(qr::decodeImage(QImage()).isEmpty());
    const QString blankPng = dir.file(u"blank.png"_s);
    REQUIRE(blank.save(blankPng));
    auto none = qr::decodeImageFile(blankPng);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::InvalidInput);

    auto missing = qr::decodeImageFile(dir.file(u"missing.png"_s));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);

    const QString text = dir.file(u"not-an-image.png"_s);
    QFile file(text);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("not a picture");
    file.close();
    auto notImage = qr::decodeImageFile(text);
    REQUIRE_FALSE(notImage);
    CHECK(notImage.error().code == ErrorCode::InvalidInput);

    CHECK_FALSE(qr::QrCode::encode(QByteArray()));
    CHECK_FALSE(qr::QrCode::encode(QByteArray(qr::QrCode::kMaxPayload + 1, 'a')));
}

TEST_CASE("The terminal rendering has two module rows per line and forces dark on light", "[qr]")
{
    auto code = qr::QrCode::encode("companion:enrol?v=1");
    REQUIRE(code);
    const QByteArray text = code->toTerminalText();
    const QList<QByteArray> lines = text.split('\n');
    const int side = code->size() + 8;
    CHECK(lines.size() - 1 == (side + 1) / 2);
    CHECK(lines.first().startsWith("\x1b[97;40m"));
    CHECK(lines.first().endsWith("\x1b[0m"));
    // The quiet zone's top line is all full blocks (light).
    CHECK(lines.first().count("\u2588") == side);
}

TEST_CASE("A secret payload is drawn like any other and wiped, even when it cannot be drawn",
          "[qr]")
{
    const QByteArray payload = sampleJoinLink();
    const auto secretOf = [](const QByteArray &bytes) {
        SecretBytes secret(static_cast<std::size_t>(bytes.size()));
        std::copy(bytes.begin(), bytes.end(), secret.span().begin());
        return secret;
    };
    SecretBytes secret = secretOf(payload);
    auto fromSecret = qr::QrCode::encodeSecret(secret);
    REQUIRE(fromSecret);
    CHECK(secret.empty());
    auto plain = qr::QrCode::encode(payload);
    REQUIRE(plain);
    CHECK(fromSecret->toImage(1) == plain->toImage(1));

    SecretBytes tooLong = secretOf(QByteArray(qr::QrCode::kMaxPayload + 1, 'x'));
    auto refused = qr::QrCode::encodeSecret(tooLong);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(tooLong.empty());
}
