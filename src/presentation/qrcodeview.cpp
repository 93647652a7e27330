#include "presentation/qrcodeview.h"

#include <QPainter>

namespace companion::presentation {

QrCodeView::QrCodeView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void QrCodeView::setImage(const QImage &image)
{
    m_image = image;
    emit imageChanged();
    update();
}

void QrCodeView::paint(QPainter *painter)
{
    if (m_image.isNull())
        return;
    const qreal side = std::min(width(), height());
    const QRectF target((width() - side) / 2, (height() - side) / 2, side, side);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(target, m_image);
}

} // namespace companion::presentation
