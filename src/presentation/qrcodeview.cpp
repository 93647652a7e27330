#include "presentation/qrcodeview.h"

#include "presentation/synccontroller.h"

#include <QPainter>

#include <algorithm>

namespace companion::presentation {

QrCodeView::QrCodeView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void QrCodeView::setController(SyncController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &SyncController::deviceLinkChanged, this, [this] {
            emit controllerChanged();
            update();
        });
    emit controllerChanged();
    update();
}

bool QrCodeView::hasImage() const
{
    return m_controller && !m_controller->deviceLinkImage().isNull();
}

void QrCodeView::paint(QPainter *painter)
{
    if (!m_controller)
        return;
    const QImage image = m_controller->deviceLinkImage();
    if (image.isNull())
        return;
    const qreal side = std::min(width(), height());
    const QRectF target((width() - side) / 2, (height() - side) / 2, side, side);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(target, image);
}

} // namespace companion::presentation
