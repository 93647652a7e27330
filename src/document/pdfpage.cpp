#include "document/pdfpage.h"

#include "document/pagepainter.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace companion::document {

Result<void> paintPdf(QIODevice &out, const PdfSetup &setup,
                      const std::function<void(QPdfWriter &, QPainter &, const QRectF &)> &draw)
{
    QPdfWriter writer(&out);
    writer.setResolution(kDpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(setup.marginMm, setup.marginMm, setup.marginMm, setup.marginMm),
                          QPageLayout::Millimeter);
    writer.setTitle(setup.title);
    writer.setCreator(setup.creator);
    QPainter painter;
    if (!painter.begin(&writer))
        return makeError(ErrorCode::Io, QStringLiteral("the PDF could not be started"));
    const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    painter.setClipRect(page);
    draw(writer, painter, page);
    if (!painter.end())
        return makeError(ErrorCode::Io, QStringLiteral("the PDF could not be written"));
    return {};
}

} // namespace companion::document
