#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace companion::qr {

// Reads QR symbols from an image with zbar (QR only; other barcode types are off). Larger
// images are scaled down to kMaxSide first, so a hostile or huge file costs bounded memory and
// time.
inline constexpr int kMaxDecodeSide = 2048;
// Images larger than this on disk are refused before they are read.
inline constexpr qint64 kMaxImageFileBytes = 16 * 1024 * 1024;

// Every QR payload found, as raw bytes (empty list: none found).
QList<QByteArray> decodeImage(const QImage &image);
// Loads an image file (PNG, JPEG, … what QtGui reads) and decodes it. NotFound when the file is
// missing, InvalidInput when it is not an image, too large, or holds no QR code.
Result<QList<QByteArray>> decodeImageFile(const QString &path);

} // namespace companion::qr
