#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace companion::presentation {

// Shows a QR code image with crisp modules (no smoothing), centred and as large as fits. The
// image comes from a controller (SyncController.deviceLinkImage): the payload it encodes, which
// may hold a secret, never becomes a QML string.
class QrCodeView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QImage image READ image WRITE setImage NOTIFY imageChanged)

public:
    explicit QrCodeView(QQuickItem *parent = nullptr);

    QImage image() const { return m_image; }
    void setImage(const QImage &image);
    void paint(QPainter *painter) override;

signals:
    void imageChanged();

private:
    QImage m_image;
};

} // namespace companion::presentation
