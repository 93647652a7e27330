#pragma once

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace companion::presentation {

class SyncController;

// Shows the device-link QR code of a SyncController with crisp modules (no smoothing), centred
// and as large as fits. It reads the image from the controller in C++: the payload, which holds
// a secret, never becomes a QML value.
class QrCodeView : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(companion::presentation::SyncController *controller READ controller WRITE
                   setController NOTIFY controllerChanged)
    Q_PROPERTY(bool hasImage READ hasImage NOTIFY controllerChanged)

public:
    explicit QrCodeView(QQuickItem *parent = nullptr);

    SyncController *controller() const { return m_controller; }
    void setController(SyncController *controller);
    bool hasImage() const;
    void paint(QPainter *painter) override;

signals:
    void controllerChanged();

private:
    QPointer<SyncController> m_controller;
};

} // namespace companion::presentation
