#pragma once

#include "common/result.h"

#include <QRectF>
#include <QString>

#include <functional>

class QIODevice;
class QPainter;
class QPdfWriter;

namespace companion::document {

struct PdfSetup
{
    double marginMm = 15; // on every side of an A4 page
    QString title;        // file metadata: a file manager shows it to anybody, so it names no one
    QString creator;
};

// Opens an A4 PDF at kDpi on `out` and a painter on it, clipped to the page inside the margins
// (a word longer than a line cannot wrap, and nothing may be drawn past the margins), calls
// `draw` with the writer (for newPage), the painter and that page rectangle, and finishes the
// file. Io errors when the PDF cannot be started or written.
Result<void> paintPdf(QIODevice &out, const PdfSetup &setup,
                      const std::function<void(QPdfWriter &, QPainter &, const QRectF &)> &draw);

} // namespace companion::document
