#include "qr/qrdecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <zbar.h>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
// zbar.h declares its C API inside namespace zbar when compiled as C++.
using namespace zbar;

namespace companion::qr {

namespace {

struct ScannerFree
{
    void operator()(zbar_image_scanner_t *scanner) const { zbar_image_scanner_destroy(scanner); }
};
struct ImageFree
{
    void operator()(zbar_image_t *image) const { zbar_image_destroy(image); }
};

// Row-major 8-bit grey without padding: zbar's "Y800".
QByteArray greyBytes(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    QByteArray bytes(qsizetype(grey.width()) * grey.height(), Qt::Uninitialized);
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(bytes.data() + qsizetype(y) * grey.width(), grey.constScanLine(y),
                    static_cast<std::size_t>(grey.width()));
    return bytes;
}

} // namespace

QList<QByteArray> decodeImage(const QImage &input)
{
    if (input.isNull())
        return {};
    QImage image = input;
    if (image.width() > kMaxDecodeSide || image.height() > kMaxDecodeSide)
        image = image.scaled(kMaxDecodeSide, kMaxDecodeSide, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    const QByteArray grey = greyBytes(image);

    std::unique_ptr<zbar_image_scanner_t, ScannerFree> scanner(zbar_image_scanner_create());
    if (!scanner)
        return {};
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    // The payload's bytes as they are: no guessing of a text encoding.
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
    std::unique_ptr<zbar_image_t, ImageFree> zimage(zbar_image_create());
    if (!zimage)
        return {};
    zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(zimage.get(), static_cast<unsigned>(image.width()),
                        static_cast<unsigned>(image.height()));
    zbar_image_set_data(zimage.get(), grey.constData(), static_cast<unsigned long>(grey.size()),
                        nullptr);
    QList<QByteArray> found;
    if (zbar_scan_image(scanner.get(), zimage.get()) <= 0)
        return found;
    for (const zbar_symbol_t *symbol = zbar_image_first_symbol(zimage.get()); symbol;
         symbol = zbar_symbol_next(symbol)) {
        if (zbar_symbol_get_type(symbol) != ZBAR_QRCODE)
            continue;
        found.append(QByteArray(zbar_symbol_get_data(symbol),
                                static_cast<qsizetype>(zbar_symbol_get_data_length(symbol))));
    }
    return found;
}

Result<QList<QByteArray>> decodeImageFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return makeError(ErrorCode::NotFound, u"no such image file: %1"_s.arg(path));
    if (info.size() > kMaxImageFileBytes)
        return makeError(ErrorCode::InvalidInput, u"the image file is too large"_s);
    QImageReader reader(path);
    // A small file can still claim a huge canvas: check the size before decoding pixels.
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > 64LL * 1024 * 1024)
        return makeError(ErrorCode::InvalidInput, u"the image is too large"_s);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull())
        return makeError(ErrorCode::InvalidInput,
                         u"that file is not an image Companion can read"_s);
    QList<QByteArray> found = decodeImage(image);
    if (found.isEmpty())
        return makeError(ErrorCode::InvalidInput, u"no QR code was found in the image"_s);
    return found;
}

} // namespace companion::qr
