#include "qr/qrcode.h"

#include <QFile>
#include <QSaveFile>

#include <qrencode.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace companion::qr {

namespace {

constexpr int kQuietZone = 4;

struct QrFree
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

} // namespace

Result<QrCode> QrCode::encode(QByteArrayView payload)
{
    if (payload.isEmpty() || payload.size() > kMaxPayload)
        return makeError(ErrorCode::InvalidInput,
                         u"a QR payload is 1 to %1 bytes"_s.arg(kMaxPayload));
    // 8-bit mode keeps the bytes as they are (no Kanji or alphanumeric guessing); version 0 lets
    // libqrencode pick the smallest symbol; level M survives a smudge or a glare.
    std::unique_ptr<QRcode, QrFree> code(QRcode_encodeData(
        static_cast<int>(payload.size()), reinterpret_cast<const unsigned char *>(payload.data()),
        0, QR_ECLEVEL_M));
    if (!code)
        return makeError(ErrorCode::Internal, u"the QR code could not be made"_s);
    QrCode out;
    out.m_size = code->width;
    out.m_modules.resize(static_cast<std::size_t>(code->width) * code->width);
    for (std::size_t i = 0; i < out.m_modules.size(); ++i)
        out.m_modules[i] = code->data[i] & 1;
    return out;
}

Result<QrCode> QrCode::encodeSecret(SecretBytes &payload)
{
    auto code = encode(QByteArrayView(reinterpret_cast<const char *>(payload.data()),
                                      static_cast<qsizetype>(payload.size())));
    payload.wipe();
    return code;
}

bool QrCode::dark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules[static_cast<std::size_t>(y) * m_size + x] != 0;
}

QImage QrCode::toImage(int scale) const
{
    scale = std::max(1, scale);
    const int side = (m_size + 2 * kQuietZone) * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < m_size; ++y)
        for (int x = 0; x < m_size; ++x) {
            if (!dark(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar *line = image.scanLine((y + kQuietZone) * scale + dy);
                std::fill_n(line + (x + kQuietZone) * scale, scale, uchar(0));
            }
        }
    return image;
}

Result<void> QrCode::writePng(const QString &path, int scale) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    if (!toImage(scale).save(&file, "PNG") || !file.commit())
        return makeError(ErrorCode::Io, u"cannot write %1"_s.arg(path));
    return {};
}

QByteArray QrCode::toTerminalText() const
{
    // Light modules are drawn in the (white) foreground, dark ones are the (black) background.
    const QByteArray start = "\x1b[97;40m";
    const QByteArray reset = "\x1b[0m";
    const auto light = [this](int x, int y) { return !dark(x - kQuietZone, y - kQuietZone); };
    const int side = m_size + 2 * kQuietZone;
    QByteArray out;
    for (int y = 0; y < side; y += 2) {
        out += start;
        for (int x = 0; x < side; ++x) {
            const bool top = light(x, y);
            const bool bottom = y + 1 < side ? light(x, y + 1) : true;
            if (top && bottom)
                out += "\u2588"; // full block
            else if (top)
                out += "\u2580"; // upper half
            else if (bottom)
                out += "\u2584"; // lower half
            else
                out += ' ';
        }
        out += reset;
        out += '\n';
    }
    return out;
}

} // namespace companion::qr
